"""The classifier: the shipped MiniLM encoder with its top layers fine-tuned, plus a small multi-label head.

The lower layers stay frozen (and are never shipped: they come from the encoder wheel);
only the top layers and the head are saved, as safetensors, so the artifact stays small.
The context (severity, audience, stage) is given twice: as words before the sentence, so
attention can use it, and as a one-hot vector beside the pooled sentence, so the head can.
"""
from __future__ import annotations

import torch
from torch import nn

from ..context import Audience, Context, Severity, Stage
from .artifact import categories

CTX_VALUES = [*(s.value for s in Severity), *(a.value for a in Audience), *(s.value for s in Stage)]
CTX_DIM = len(CTX_VALUES)


def context_words(ctx: Context) -> str:
    return f"severity {ctx.severity.value} audience {ctx.audience.value} stage {ctx.stage.value}"


def tokenize(tok, texts: list[str], ctxs: list[Context], cfg: dict):
    """Encode sentences, with the context as a first segment when the model was trained that way."""
    if cfg.get("context_words", True):
        return tok([context_words(c) for c in ctxs], texts, padding=True, truncation="only_second",
                   max_length=cfg["max_length"], return_tensors="pt")
    return tok(texts, padding=True, truncation=True, max_length=cfg["max_length"], return_tensors="pt")


def context_vector(ctxs: list[Context]) -> torch.Tensor:
    vec = torch.zeros(len(ctxs), CTX_DIM)
    for i, c in enumerate(ctxs):
        for v in (c.severity.value, c.audience.value, c.stage.value):
            vec[i, CTX_VALUES.index(v)] = 1.0
    return vec


class Head(nn.Module):
    def __init__(self, hidden: int = 384, inner: int = 256, n_labels: int | None = None, dropout: float = 0.1):
        n_labels = n_labels or len(categories())
        super().__init__()
        self.net = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden + CTX_DIM, inner), nn.GELU(), nn.Dropout(dropout), nn.Linear(inner, n_labels))

    def forward(self, pooled: torch.Tensor, ctx_vec: torch.Tensor) -> torch.Tensor:
        return self.net(torch.cat([pooled, ctx_vec], dim=-1))


class SentenceClassifier(nn.Module):
    """Frozen bottom of the encoder -> trainable top layers -> mean pool -> head."""

    def __init__(self, encoder, n_trainable: int = 2, n_layers: int | None = None):
        super().__init__()
        if n_layers is not None and n_layers < len(encoder.encoder.layer):
            # use only the first n_layers of the encoder: fewer layers, faster on a laptop CPU
            encoder.encoder.layer = encoder.encoder.layer[:n_layers]
        self.encoder = encoder
        self.n_trainable = n_trainable
        layers = encoder.encoder.layer
        self.split = len(layers) - n_trainable
        self.top = nn.ModuleList(layers[self.split:])
        self.head = Head(encoder.config.hidden_size)
        for p in self.encoder.parameters():
            p.requires_grad = False
        for p in self.top.parameters():
            p.requires_grad = True

    def _ext_mask(self, mask: torch.Tensor) -> torch.Tensor:
        return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min

    @torch.no_grad()
    def bottom(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        """Hidden states after the frozen layers (cached once during training)."""
        h = self.encoder.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
        ext = self._ext_mask(attention_mask)
        for layer in self.encoder.encoder.layer[: self.split]:
            h = _run_layer(layer, h, ext)
        return h

    def top_forward(self, hidden: torch.Tensor, attention_mask: torch.Tensor, ctx_vec: torch.Tensor) -> torch.Tensor:
        ext = self._ext_mask(attention_mask)
        for layer in self.top:
            hidden = _run_layer(layer, hidden, ext)
        mask = attention_mask.unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(pooled, ctx_vec)

    def forward(self, input_ids, attention_mask, token_type_ids, ctx_vec):
        return self.top_forward(self.bottom(input_ids, attention_mask, token_type_ids), attention_mask, ctx_vec)

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """Only what training changed: the top layers and the head."""
        state = {f"top.{k}": v for k, v in self.top.state_dict().items()}
        state.update({f"head.{k}": v for k, v in self.head.state_dict().items()})
        return state

    def load_trainable_state(self, state: dict[str, torch.Tensor]) -> None:
        self.top.load_state_dict({k[4:]: v.float() for k, v in state.items() if k.startswith("top.")})
        self.head.load_state_dict({k[5:]: v.float() for k, v in state.items() if k.startswith("head.")})


def _run_layer(layer, hidden: torch.Tensor, ext_mask: torch.Tensor) -> torch.Tensor:
    out = layer(hidden, attention_mask=ext_mask)
    return out[0] if isinstance(out, tuple) else out
