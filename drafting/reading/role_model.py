"""What each sentence of a write-up is for, read by a small trained model over the shipped sentence encoder.

Cue lists miss the many ways engineers say the same thing ("uploads stopped completing" is a symptom,
"the tool applied the throttle to every write" is the cause), so a linear layer over the frozen
all-MiniLM-L6-v2 vectors, plus a few cue features (a hedge, a future tense, a figure), gives each
sentence a probability per role. It is trained by ``incident-draft train --only roles`` from
data/roles/*.jsonl (sentences written for it, never the evaluation sets) and ships in models/roles/.
"""
from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..resources import models_dir
from .rules import rules

WEIGHTS = "roles.safetensors"
META = "roles.json"
ROLE_NAMES = ("impact", "symptom", "harm", "remedy", "cause", "suspected", "action", "recovery", "response",
              "background", "review", "internal", "apology", "other")

_lock = threading.Lock()
_memo: dict[str, dict[str, float]] = {}
_FUTURE = re.compile(r"(?i)\b(?:will|we'll|going to|plan to|planned|by (?:end of|the end of|next)|next (?:week|month|quarter|sprint)|(?:is|are) being|to be (?:added|built|shipped)|todo|follow[- ]up)\b")
_FIGURE = re.compile(r"\d[\d,.]*\s*%|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s*(?:k|m|million|thousand)\b", re.I)
_BECAUSE = re.compile(r"(?i)\b(?:because|caused by|due to|root cause|triggered by|was caused|led to|resulted in)\b")


def folder() -> Path:
    return models_dir() / "roles"


def exists() -> bool:
    return (folder() / WEIGHTS).is_file() and (folder() / META).is_file()


@lru_cache(maxsize=1)
def _hedges() -> tuple[str, ...]:
    return tuple(str(w).lower() for w in rules().get("suspected_markers", []))


def cue_features(text: str) -> list[float]:
    """Four 0/1 features the encoder blurs: a hedge ("probably"), a future tense, a figure, a causal link."""
    low = f" {text.lower()} "
    hedge = any((f" {h} " in low or f" {h}," in low or f" {h}." in low) if h != "?" else text.rstrip().endswith("?") for h in _hedges())
    return [float(hedge), float(bool(_FUTURE.search(text))), float(bool(_FIGURE.search(text))), float(bool(_BECAUSE.search(text)))]


HASHED = 4096  # word and word-pair buckets: "will", "refund", "because of" carry a role the vectors blur
_WORD = re.compile(r"[a-z][a-z']+|\d+%?")


def word_features(text: str):
    """Hashed words and word pairs of a sentence, L2-normalised (a stable hash: crc32)."""
    import zlib

    import numpy as np

    words = _WORD.findall(text.lower())
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:])]
    row = np.zeros(HASHED, dtype="float32")
    for g in grams:
        row[zlib.crc32(g.encode("utf-8")) % HASHED] += 1.0
    norm = float(np.linalg.norm(row))
    return row / norm if norm else row


def features(texts: Sequence[str]):
    """[n, 384 + 4 + HASHED] float32: the sentence vectors, the cue features and the hashed words."""
    import numpy as np

    from ..encoder import encode

    vecs = encode([t[:600] for t in texts]) if texts else np.zeros((0, 384), dtype="float32")
    cues = np.asarray([cue_features(t) for t in texts], dtype="float32").reshape(len(texts), 4)
    words = np.asarray([word_features(t) for t in texts], dtype="float32").reshape(len(texts), HASHED)
    return np.concatenate([vecs, cues, words], axis=1).astype("float32")


@lru_cache(maxsize=1)
def _load():
    from safetensors.numpy import load_file

    with _lock:
        weights = load_file(str(folder() / WEIGHTS))
        meta = json.loads((folder() / META).read_text(encoding="utf-8"))
    return weights["weight"].astype("float32"), weights["bias"].astype("float32"), tuple(meta["roles"])


def role_scores(texts: Sequence[str]) -> list[dict[str, float]]:
    """For each sentence, a probability per role (empty dicts when no role model is shipped)."""
    if not texts or not exists():
        return [{} for _ in texts]
    import numpy as np

    w, b, names = _load()
    todo = list(dict.fromkeys(t for t in texts if t not in _memo))
    if todo:  # drafting one write-up for several stages and audiences reads its sentences once
        logits = features(todo) @ w.T + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        with _lock:
            if len(_memo) > 20000:
                _memo.clear()
            for t, row in zip(todo, p):
                _memo[t] = {n: float(row[i]) for i, n in enumerate(names)}
    return [dict(_memo[t]) for t in texts]


def top_role(scores: dict[str, float]) -> tuple[str, float]:
    if not scores:
        return "", 0.0
    name = max(scores, key=scores.get)
    return name, scores[name]
