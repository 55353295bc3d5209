"""Per-category precision, recall, F1 and the false-positive rate on clean sentences."""
from __future__ import annotations

from collections.abc import Sequence

from .artifact import categories


def score(gold: Sequence[frozenset[str]], pred: Sequence[set[str]],
          labels: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
    labels = tuple(labels or categories())
    table: dict[str, dict[str, float]] = {}
    for cat in labels:
        tp = sum(1 for g, p in zip(gold, pred) if cat in g and cat in p)
        fp = sum(1 for g, p in zip(gold, pred) if cat not in g and cat in p)
        fn = sum(1 for g, p in zip(gold, pred) if cat in g and cat not in p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[cat] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    clean = [p for g, p in zip(gold, pred) if not g]
    table["_clean"] = {
        "flagged_rate": sum(1 for p in clean if p) / len(clean) if clean else 0.0,
        "support": len(clean),
    }
    f1s = [table[c]["f1"] for c in labels]
    table["_macro"] = {"f1": sum(f1s) / len(f1s)}
    table["_micro"] = _micro(gold, pred, labels)
    return table


def _micro(gold: Sequence[frozenset[str]], pred: Sequence[set[str]], labels: Sequence[str]) -> dict[str, float]:
    """Every (sentence, category) decision pooled: how often a highlight is right, and how many are found."""
    known = set(labels)
    tp = sum(len(set(g) & p & known) for g, p in zip(gold, pred))
    fp = sum(len((p & known) - set(g)) for g, p in zip(gold, pred))
    fn = sum(len((set(g) & known) - p) for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def format_table(name: str, table: dict[str, dict[str, float]]) -> str:
    lines = [f"{name}", f"  {'category':<12} {'prec':>6} {'recall':>6} {'F1':>6} {'support':>8}"]
    for cat in [c for c in table if not c.startswith("_")]:
        r = table[cat]
        lines.append(f"  {cat:<12} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {int(r['support']):>8}")
    lines.append(f"  {'macro F1':<12} {'':>6} {'':>6} {table['_macro']['f1']:>6.3f}")
    m = table["_micro"]
    lines.append(f"  {'micro':<12} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}")
    c = table["_clean"]
    lines.append(f"  clean sentences flagged with anything: {c['flagged_rate']:.1%} of {int(c['support'])}")
    return "\n".join(lines)
