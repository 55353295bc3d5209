"""The plain-torch classifier used for prediction must score exactly as the transformers model it was trained as.

A liaison never sees transformers load any more (it cost ~3 s per check process); if the
re-implementation drifted, every model finding would drift with it.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import torch

from drafting.classifier import artifact, encoder, predict
from drafting.classifier.model import SentenceClassifier, context_vector, tokenize
from drafting.classifier.text import unit_text
from drafting.context import Context

pytestmark = pytest.mark.skipif(not artifact.exists(), reason="no trained classifier shipped")

DEV = Path(__file__).resolve().parent.parent / "data" / "dev" / "dev.jsonl"


def _sentences(n: int = 96) -> list[str]:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:n]]
    return [unit_text(r["text"]) for r in rows] + ["", "a" * 3000]  # empty and over-long inputs too


def _transformers_probabilities(texts: list[str], ctx: Context) -> torch.Tensor:
    tok, enc = encoder.load()
    cfg = artifact.load_meta()["config"]
    model = SentenceClassifier(copy.deepcopy(enc), cfg["n_trainable_layers"], cfg.get("n_layers"))
    model.load_trainable_state(artifact.load_state())
    model.eval()
    batch = tokenize(tok, texts, [ctx] * len(texts), cfg)
    with torch.inference_mode():
        logits = model(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"], context_vector([ctx] * len(texts)))
    return torch.sigmoid(logits)


def test_runtime_model_matches_the_trained_transformers_model(monkeypatch):
    monkeypatch.setenv("DRAFTING_CLASSIFIER_PRECISION", "fp32")
    monkeypatch.setattr(predict, "_cache", type(predict._cache)())
    texts = _sentences()
    ctx = Context.of("sev1", "executive", "preliminary")
    got = torch.tensor([list(p.values()) for p in predict.probabilities(texts, ctx)])
    want = _transformers_probabilities(texts, ctx)
    assert got.shape == want.shape
    assert (got - want).abs().max().item() < 1e-4


def test_runtime_tokenizer_matches_autotokenizer():
    from drafting.classifier import runtime

    cfg = artifact.load_meta()["config"]
    texts = _sentences(40)
    ctxs = [Context.of("sev3", "technical", "report")] * len(texts)
    ours = runtime.Tokenizer(encoder.model_path(), cfg["max_length"], context_words=cfg.get("context_words", True))(texts, ctxs)
    theirs = tokenize(encoder.load()[0], texts, ctxs, cfg)
    for key in ("input_ids", "attention_mask", "token_type_ids"):
        assert torch.equal(ours[key], theirs[key]), key
