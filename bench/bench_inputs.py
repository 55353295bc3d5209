"""Time and peak memory of check() on 10 KB, 100 KB and 1 MB of prose and of each hostile shape (issue 15).

Each case runs in its own process (so its peak memory is its own), after one warm check that loads
the parser (and the model when on). Prints seconds, the process's peak RSS, and per shape the ratio
of the 1 MB time to the 100 KB time: linear time gives about 10 (target: at most 12), a quadratic
shape about 100. Targets: 1 MB of prose under 60 s and 1.5 GB with the model on.

    python bench/bench_inputs.py                 # every shape, rules only, plus prose with the model
    python bench/bench_inputs.py --sizes 10000 100000 --shapes prose newlines
    python bench/bench_inputs.py --limit 300     # seconds per case before it is stopped and reported
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000, 1_000_000)


def _dev_sentences() -> list[str]:
    rows = (json.loads(line) for line in (ROOT / "data" / "dev" / "dev.jsonl").read_text(encoding="utf-8").splitlines())
    return [r["text"] for r in rows]


def prose(size: int, seed: int = 15) -> str:
    """Paragraphs of real incident-report sentences (data/dev), shuffled, to the given length."""
    rng = random.Random(seed)
    sents = _dev_sentences()
    out: list[str] = []
    n = 0
    while n < size:
        para = " ".join(rng.choice(sents) for _ in range(rng.randint(2, 6)))
        out.append(para)
        n += len(para) + 2
    return "\n\n".join(out)[:size]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each shape is what made a part of check() super-linear before issue 15 (see the item 3).
SHAPES = {
    "prose": prose,
    "unclosed <!--": lambda n: _repeat("<!-- We are sorry. ", n),
    "unclosed <script": lambda n: _repeat("<script We are sorry. ", n),
    "unclosed <style": lambda n: _repeat("<style We are sorry. ", n),
    "x-x-x hostname": lambda n: _repeat("x-", n),
    "db-db hostname": lambda n: _repeat("db-", n),
    "x-prod- hostname": lambda n: _repeat("x-prod-", n),
    "zero-width spaces": lambda n: _repeat("\u200b", n - 13) + "We are sorry.",
    "zero-width between words": lambda n: _repeat("word\u200b", n),
    "newlines": lambda n: _repeat("\n", n - 1) + "x",
    "lone surrogates": lambda n: _repeat("We are sorry \udfff. ", n),
}


def _child(shape: str, size: int, use_model: bool) -> None:
    import resource

    import drafting

    drafting.check("We are sorry. The database failed.", use_model=use_model, use_grammar=False)  # load
    text = SHAPES[shape](size)
    t = time.perf_counter()
    try:
        result = drafting.check(text, use_model=use_model, use_grammar=False)
        outcome = f"{len(result.findings)} findings"
    except drafting.InputError as exc:
        outcome = f"InputError: {exc}"[:80]
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))


def run_case(shape: str, size: int, use_model: bool, limit: float) -> dict:
    cmd = [sys.executable, __file__, "--child", shape, str(size), "1" if use_model else "0"]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"seconds": float("inf"), "peak_mb": float("nan"), "outcome": f"stopped after {limit:.0f} s"}
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if out.returncode != 0 or not lines:
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": "crashed: " + out.stderr.strip()[-200:]}
    return json.loads(lines[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES), metavar="SHAPE")
    ap.add_argument("--limit", type=float, default=600.0, help="seconds per case before it is stopped")
    ap.add_argument("--no-model-prose", action="store_true", help="skip the prose runs with the model on")
    args = ap.parse_args()
    cases = [(shape, False) for shape in args.shapes]
    if "prose" in args.shapes and not args.no_model_prose:
        cases.insert(1, ("prose", True))
    print(f"{'shape':<26} {'model':<5} " + " ".join(f"{s // 1000:>6} KB s  {'peak MB':>7}" for s in args.sizes)
          + "   1MB/100KB")
    for shape, use_model in cases:
        row = {size: run_case(shape, size, use_model, args.limit) for size in args.sizes}
        cells = " ".join(f"{r['seconds']:>11.2f}  {r['peak_mb']:>7.0f}" for r in row.values())
        ratio = ""
        if 100_000 in row and 1_000_000 in row and row[100_000]["seconds"] > 0:
            ratio = f"{row[1_000_000]['seconds'] / row[100_000]['seconds']:8.1f}"
        print(f"{shape:<26} {'on' if use_model else 'off':<5} {cells}   {ratio}", flush=True)
        odd = {s: r["outcome"] for s, r in row.items() if not r["outcome"].endswith("findings")}
        for s, outcome in odd.items():
            print(f"    {s // 1000} KB: {outcome}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1")
    else:
        main()
