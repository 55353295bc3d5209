"""Classify a draft's sentences with the shipped model, cached by (sentence, context).

Editing one sentence and re-checking re-classifies only that sentence.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from ..checks.base import Analysis
from ..context import Context
from ..findings import SENTENCE_CATEGORIES, Finding
from . import artifact
from .text import unit_text

CACHE_SIZE = 20_000

_lock = threading.Lock()
_loaded: dict[str, object] = {}
_cache: "OrderedDict[tuple[str, str], list[float]]" = OrderedDict()
stats = {"classified": 0, "cached": 0}


def available() -> bool:
    return artifact.exists()


def _model():
    """Load the encoder plus the shipped top layers and head once per process."""
    if "model" not in _loaded:
        from . import encoder
        from .model import SentenceClassifier

        tok, enc = encoder.load()
        import copy

        cfg = artifact.load_meta()["config"]
        model = SentenceClassifier(copy.deepcopy(enc), cfg["n_trainable_layers"], cfg.get("n_layers"))
        model.load_trainable_state(artifact.load_state())
        model.eval()
        _loaded.update(model=model, tok=tok, meta=artifact.load_meta())
    return _loaded["model"], _loaded["tok"], _loaded["meta"]


def thresholds() -> dict[str, float]:
    return dict(_model()[2]["thresholds"])


def probabilities(sentences: list[str], ctx: Context) -> list[dict[str, float]]:
    """Per-category probabilities for each sentence in this context (cached)."""
    import torch

    from .model import context_vector, tokenize

    key = ctx.key()
    with _lock:
        model, tok, meta = _model()
        missing = [s for s in dict.fromkeys(sentences) if (s, key) not in _cache]
        if missing:
            enc = tokenize(tok, missing, [ctx] * len(missing), meta["config"])
            with torch.inference_mode():
                logits = model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"], context_vector([ctx] * len(missing)))
                probs = torch.sigmoid(logits).tolist()
            for s, p in zip(missing, probs):
                _cache[(s, key)] = p
                if len(_cache) > CACHE_SIZE:
                    _cache.popitem(last=False)
            stats["classified"] += len(missing)
        stats["cached"] += len(sentences) - len(missing)
        rows = []
        for s in sentences:
            _cache.move_to_end((s, key))
            rows.append(dict(zip(SENTENCE_CATEGORIES, _cache[(s, key)])))
    return rows


def sentence_labels(sentences: list[str], ctx: Context) -> list[dict[str, float]]:
    """Categories above their dev-chosen thresholds, with the probability as confidence."""
    limits = thresholds()
    out = []
    for probs in probabilities(sentences, ctx):
        labels = {c: p for c, p in probs.items() if p >= limits[c]}
        if not ctx.stage.is_external:
            labels.pop("leak", None)  # internal details belong in the internal review
        out.append(labels)
    return out


def model_findings(a: Analysis) -> list[Finding]:
    if not available() or not a.sentences:
        return []
    sents = [s for s in a.sentences if any(ch.isalpha() for ch in s.text)]
    found: list[Finding] = []
    for sent, labels in zip(sents, sentence_labels([unit_text(s.text) for s in sents], a.ctx)):
        for cat, p in labels.items():
            f = a.finding(cat, "model", sent.start_char, sent.end_char, round(p, 3), severity=a.ctx.severity.value,
                          audience=a.ctx.audience.value, kind="internal detail", plain="plain words a customer would use",
                          agent="a person or team", object="the system")
            f.source = "model"
            found.append(f)
    return found

