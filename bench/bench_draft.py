"""Benchmark: draft a ~1,000-word internal write-up at every stage; print the median time per draft.

Target: under 2 s per draft on 2 cores. Run: .venv/bin/python bench/bench_draft.py [--repeat N] [--no-model]
The first draft (loading spaCy and, with the model, the classifier) is timed separately.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafting import config as config_mod  # noqa: E402
from drafting import draft  # noqa: E402

SAMPLE = ROOT / "data" / "samples" / "payments_sre_template.md"
STAGES = ("preliminary", "report", "followup", "internal")
AUDIENCES = ("technical", "general", "executive")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3, help="rounds over all stages and audiences (default 3)")
    ap.add_argument("--no-model", action="store_true", help="self-check with the rules only")
    args = ap.parse_args()
    text = SAMPLE.read_text(encoding="utf-8")
    cfg = config_mod.from_dict({"company": "Ledgerly", "product_names": ["Ledgerly Checkout"]})
    use_model = not args.no_model
    t0 = time.perf_counter()
    draft(text, "report", "general", "sev1", contact="Dana Whitfield <support@example.com>", config=cfg, use_model=use_model)
    cold = time.perf_counter() - t0
    times: dict[str, list[float]] = {s: [] for s in STAGES}
    for _ in range(args.repeat):
        for stage in STAGES:
            for audience in AUDIENCES:
                t = time.perf_counter()
                draft(text, stage, audience, "sev1", contact="Dana Whitfield <support@example.com>", config=cfg,
                      account="Acme Bakery", use_model=use_model)
                times[stage].append(time.perf_counter() - t)
    every = [x for v in times.values() for x in v]
    print(f"write-up: {SAMPLE.name}, {len(text.split())} words; self-check {'with the classifier' if use_model else 'rules only'}")
    print(f"first draft (loads models): {cold:.2f} s")
    for stage in STAGES:
        print(f"  {stage:<12} median {statistics.median(times[stage]):.2f} s  max {max(times[stage]):.2f} s  (n={len(times[stage])})")
    med = statistics.median(every)
    print(f"median per draft: {med:.2f} s over {len(every)} drafts (target < 2 s): {'OK' if med < 2 else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
