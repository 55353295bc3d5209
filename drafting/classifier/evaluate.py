"""Sentence-level evaluation: rules alone, model alone, and the combined verdict check() gives."""
from __future__ import annotations

from pathlib import Path

from ..checks import RULE_CHECKS
from ..checks.base import Analysis
from ..findings import SENTENCE_CATEGORIES
from ..nlp import parse_many
from ..textprep import mask_markup
from . import predict
from .labelled import Example, read_jsonl
from .metrics import format_table, score


def predictions(rows: list[Example]) -> dict[str, list[set[str]]]:
    """For each row, the categories found by rules, by the model, and by both combined."""
    rules_pred: list[set[str]] = []
    model_pred: list[set[str]] = []
    docs = parse_many(mask_markup(r.text) for r in rows)
    for row, doc in zip(rows, docs):
        a = Analysis(text=row.text, doc=doc, ctx=row.ctx)
        found = set()
        for run in RULE_CHECKS.values():
            found |= {f.category for f in run(a) if f.category in SENTENCE_CATEGORIES}
        rules_pred.append(found)
    if predict.available():
        by_ctx: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by_ctx.setdefault(r.ctx.key(), []).append(i)
        model_pred = [set() for _ in rows]
        for idx in by_ctx.values():
            labels = predict.sentence_labels([rows[i].text.strip() for i in idx], rows[idx[0]].ctx)
            for i, lab in zip(idx, labels):
                model_pred[i] = set(lab)
    else:
        model_pred = [set() for _ in rows]
    combined = [r | m for r, m in zip(rules_pred, model_pred)]
    return {"rules": rules_pred, "model": model_pred, "combined": combined}


def evaluate(path: str | Path) -> dict[str, dict]:
    rows = read_jsonl(path)
    gold = [r.labels for r in rows]
    return {name: score(gold, pred) for name, pred in predictions(rows).items()}


def report(path: str | Path) -> str:
    tables = evaluate(path)
    parts = [format_table(f"{name} ({path})", table) for name, table in tables.items()]
    return "\n\n".join(parts)
