"""Sentence-level evaluation: rules alone, model alone, and the combined verdict check() gives."""
from __future__ import annotations

from pathlib import Path

from ..engine import check_many
from . import predict
from .artifact import categories
from .labelled import Example, read_jsonl
from .metrics import format_table, score
from .text import unit_text


def predictions(rows: list[Example]) -> dict[str, list[set[str]]]:
    """For each row, the categories found by rules alone, the model alone, and check()'s combined verdict."""
    items = [(r.text, r.ctx) for r in rows]

    def cats(results) -> list[set[str]]:
        labels = set(categories())
        return [{f.category for f in res.findings if f.category in labels} for res in results]

    rules_pred = cats(check_many(items, use_model=False, use_grammar=False))
    combined = cats(check_many(items, use_model=True, use_grammar=False))
    model_pred: list[set[str]] = [set() for _ in rows]
    if predict.available():
        by_ctx: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by_ctx.setdefault(r.ctx.key(), []).append(i)
        for idx in by_ctx.values():
            labels = predict.sentence_labels([unit_text(rows[i].text) for i in idx], rows[idx[0]].ctx)
            for i, lab in zip(idx, labels):
                model_pred[i] = set(lab)
    return {"rules": rules_pred, "model": model_pred, "combined": combined}


def evaluate(path: str | Path) -> dict[str, dict]:
    rows = read_jsonl(path)
    gold = [r.labels for r in rows]
    return {name: score(gold, pred) for name, pred in predictions(rows).items()}


def report(path: str | Path) -> str:
    tables = evaluate(path)
    parts = [format_table(f"{name} ({path})", table) for name, table in tables.items()]
    return "\n\n".join(parts)
