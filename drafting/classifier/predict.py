"""Classify a draft's sentences with the shipped model, cached by (sentence, context).

Editing one sentence and re-checking re-classifies only that sentence.
"""
from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections import OrderedDict

from ..checks.base import Analysis
from ..context import Context
from ..findings import Finding
from . import artifact
from .text import unit_text

CACHE_SIZE = 20_000
BATCH = 64  # sentences per forward pass, sorted by length so little of each batch is padding

_lock = threading.Lock()
_loaded: dict[str, object] = {}
_cache: "OrderedDict[tuple[str, str], list[float]]" = OrderedDict()
stats = {"classified": 0, "cached": 0}


def available() -> bool:
    return artifact.exists()


def _model():
    """Load the encoder's lower layers plus the shipped top layers and head once per process (plain torch).

    One model per weight kind: int8 quantises the encoder's attention weights, bf16 and fp32 share the
    float weights (bf16 is autocast at prediction), so a test forcing fp32 never gets int8 weights.
    """
    kind = "int8" if precision() == "int8" else "float"
    if ("model", kind) not in _loaded:
        from . import encoder, runtime

        meta = artifact.load_meta()
        cfg = meta["config"]
        encoder.limit_threads()
        path = encoder.model_path()
        model = runtime.load(path, artifact.load_state(), cfg)
        if kind == "int8":
            model = runtime.quantize_int8(model)
        if "tok" not in _loaded:
            _loaded.update(tok=runtime.Tokenizer(path, cfg["max_length"], context_words=cfg.get("context_words", True)),
                           meta=meta)
        _loaded[("model", kind)] = model
    return _loaded[("model", kind)], _loaded["tok"], _loaded["meta"]


def precision() -> str:
    """'bf16', 'int8' or 'fp32' for this process (decided once per setting: it is asked on every classification)."""
    return _precision(os.environ.get("DRAFTING_CLASSIFIER_PRECISION", "auto").lower())


@functools.lru_cache(maxsize=4)
def _precision(wanted: str) -> str:
    """'bf16' where the CPU multiplies bfloat16 natively (AVX512-BF16 or AMX), else 'int8'.

    bfloat16 roughly halves the classifier's time on such CPUs; probabilities move by about 0.01
    (measured on dev and test, see README). Elsewhere the encoder's attention maps run as int8
    dynamic quantisation (runtime.quantize_int8; dev/test macro F1 within 0.005 of fp32, README).
    DRAFTING_CLASSIFIER_PRECISION=fp32|bf16|int8 overrides.
    """
    if wanted in ("fp32", "bf16", "int8"):
        return wanted
    import torch

    cpu = getattr(torch, "cpu", None)
    native = any(getattr(cpu, name, lambda: False)() for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported"))
    if native:
        return "bf16"
    return "int8" if "fbgemm" in torch.backends.quantized.supported_engines or "x86" in torch.backends.quantized.supported_engines else "fp32"


def _autocast():
    import torch

    if precision() == "bf16":
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def thresholds() -> dict[str, float]:
    return dict(_model()[2]["thresholds"])


def probabilities(sentences: list[str], ctx: Context) -> list[dict[str, float]]:
    """Per-category probabilities for each sentence in this context (cached)."""
    import torch

    from .model import context_vector

    key = f"{ctx.key()}|{precision()}"  # probabilities differ a little per precision
    with _lock:
        model, tok, meta = _model()
        missing = [s for s in dict.fromkeys(sentences) if (s, key) not in _cache]
        by_length = sorted(missing, key=len)
        for i in range(0, len(by_length), BATCH):
            part = by_length[i:i + BATCH]
            enc = tok(part, [ctx] * len(part))
            with torch.inference_mode(), _autocast():
                logits = model(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"], context_vector([ctx] * len(part)))
                probs = torch.sigmoid(logits.float()).tolist()
            for s, p in zip(part, probs):
                _cache[(s, key)] = p
                if len(_cache) > CACHE_SIZE:
                    _cache.popitem(last=False)
        stats["classified"] += len(missing)
        stats["cached"] += len(sentences) - len(missing)
        rows = []
        for s in sentences:
            _cache.move_to_end((s, key))
            rows.append(dict(zip(meta["categories"], _cache[(s, key)])))
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


def _units(a: Analysis) -> list:
    """The sentences the model reads: every sentence with a letter in it."""
    return [s for s in a.sentences if any(ch.isalpha() for ch in s.text)]


def prefetch(analyses: list[Analysis]) -> None:
    """Classify the sentences of many drafts at once (fewer, fuller batches), filling the cache.

    check_many calls this per chunk; each draft's model_findings then reads the cache.
    """
    if not available():
        return
    by_ctx: dict[str, tuple[Context, list[str]]] = {}
    for a in analyses:
        by_ctx.setdefault(a.ctx.key(), (a.ctx, []))[1].extend(unit_text(s.text) for s in _units(a))
    for ctx, texts in by_ctx.values():
        if texts:
            probabilities(texts, ctx)


def model_findings(a: Analysis) -> list[Finding]:
    if not available() or not a.sentences:
        return []
    sents = _units(a)
    found: list[Finding] = []
    for sent, labels in zip(sents, sentence_labels([unit_text(s.text) for s in sents], a.ctx)):
        for cat, p in labels.items():
            f = a.finding(cat, "model", sent.start_char, sent.end_char, round(p, 3), severity=a.ctx.severity.value,
                          audience=a.ctx.audience.value, kind="internal detail", plain="plain words a customer would use",
                          agent="a person or team", object="the system")
            f.source = "model"
            found.append(f)
    return found

