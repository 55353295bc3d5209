"""Choose each category's bar for model verdicts that cannot point at any words (data/rules/evidence.yaml).

    .venv/bin/python bench/calibrate_evidence.py [FILE.jsonl ...]

Runs check() once over the labelled files (default: every data/dev/*.jsonl) with the bar at 0, then
replays the verdicts at each candidate bar and prints, per category, F1 and the clean sentences it
flags. Pick the bar with the best F1 that keeps clean-flagged low; write it into evidence.yaml.
"""
from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting.classifier.labelled import read_many  # noqa: E402
from drafting.engine import check  # noqa: E402
from drafting.findings import SENTENCE_CATEGORIES  # noqa: E402
from drafting.resources import data_dir  # noqa: E402

BARS = (0.0, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 1.01)


def main(paths: list[str]) -> None:
    files = paths or sorted(str(p) for p in (data_dir() / "dev").glob("*.jsonl"))
    rows = read_many(files)
    with mock.patch("drafting.combine.unpointed_min", lambda _cat: 0.0):
        # one check() per row (not check_many): the patched bar must apply in this process
        results = [check(r.text, r.ctx.severity, r.ctx.audience, r.ctx.stage, use_grammar=False) for r in rows]
    # per row: categories shown anyway, and the confidence of each unpointed model-only verdict
    always: list[set[str]] = []
    unpointed: list[dict[str, float]] = []
    for r, res in zip(rows, results):
        sure, loose = set(), {}
        for f in res.findings:
            if f.category not in SENTENCE_CATEGORIES:
                continue
            whole = f.source == "model" and f.start == 0 and f.end >= len(r.text.rstrip()) - 1
            if whole:
                loose[f.category] = max(loose.get(f.category, 0.0), f.confidence)
            else:
                sure.add(f.category)
        always.append(sure)
        unpointed.append(loose)
    print(f"{len(rows)} sentences from {', '.join(files)}")
    print(f"{'category':<12} " + " ".join(f"{b:>11}" for b in BARS))
    for cat in SENTENCE_CATEGORIES:
        cells = []
        for bar in BARS:
            tp = fp = fn = 0
            for r, sure, loose in zip(rows, always, unpointed):
                hit = cat in sure or loose.get(cat, -1.0) >= bar
                gold = cat in r.labels
                tp += hit and gold
                fp += hit and not gold
                fn += gold and not hit
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            cells.append(f"{f1:.3f}/{fp:>3}fp")
        print(f"{cat:<12} " + " ".join(f"{c:>11}" for c in cells))


if __name__ == "__main__":
    main(sys.argv[1:])
