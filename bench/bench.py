"""Benchmark the review engine: median warm check() time on 100/500/2,000-word drafts, the classifier's
share for a 500-word draft, the process's peak memory, and the fresh 500-word check per classifier
precision (bf16 / int8 / fp32). Run: ./run bench  (or python bench/bench.py; --precisions for the last part).
Hostile inputs and 1 MB texts: bench/bench_inputs.py."""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time

import drafting
from drafting.classifier import predict
from drafting.nlp import parse
from drafting.textprep import mask_markup

SENTENCES = [
    "Between 09:12 and 10:47 UTC on 4 March, customers in Europe could not complete card payments.",
    "We think a configuration change to the payment gateway caused the errors.",
    "An engineer on the platform team pushed the change without the usual review.",
    "We apologize for any inconvenience this may have caused.",
    "Requests to our API returned 5xx errors while the database failover completed.",
    "Refunds for duplicate charges were issued automatically by 14:00 UTC the same day.",
    "We have added an alert that pages the on-call engineer when payment errors pass 1% for five minutes.",
    "This will never happen again.",
    "If you have questions, reply to this email or write to support@example.com.",
    "Roughly 12,400 payments were declined during the window, most of them in Germany and France.",
    "Our status page was updated at 09:30 UTC and every 20 minutes after that.",
    "The change has been reversed and payments have worked normally since 10:47 UTC.",
]


def draft_of(words: int, salt: int = 0) -> str:
    out, n, i = [], 0, 0
    while n < words:
        s = SENTENCES[i % len(SENTENCES)].replace("UTC", f"UTC ({salt}-{i})")
        out.append(s)
        n += len(s.split())
        i += 1
    return " ".join(out)


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    drafting.check(draft_of(100), "sev2", "general", "report")  # warm: load spaCy and the model
    print("check() median, warm (same text re-checked: sentence cache hit) and fresh (every sentence new):")
    for words in (100, 500, 2000):
        text = draft_of(words)
        repeats = 15 if words < 2000 else 7
        warm = median_ms(lambda: drafting.check(text, "sev2", "general", "report"), repeats)
        counter = iter(range(10_000))
        fresh = median_ms(lambda: drafting.check(draft_of(words, next(counter) + 1), "sev2", "general", "report"), repeats)
        rules_only = median_ms(lambda: drafting.check(text, "sev2", "general", "report", use_model=False), repeats)
        print(f"  {words:>5} words: warm {warm:7.1f} ms | fresh {fresh:7.1f} ms | rules only {rules_only:7.1f} ms")
    text = draft_of(500)
    doc = parse(mask_markup(text))
    sents = [s.text.strip() for s in doc.sents]
    ctx = drafting.Context.of("sev2", "general", "report")
    counter = iter(range(10_000))

    def classify_fresh() -> None:
        salt = next(counter)
        predict.probabilities([f"{s} [{salt}]" for s in sents], ctx)

    model_ms = median_ms(classify_fresh, 15)
    parse_ms = median_ms(lambda: parse(mask_markup(text)), 15)
    print(f"  classifier on the {len(sents)} sentences of a 500-word draft (none cached): {model_ms:.1f} ms median")
    print(f"  spaCy parse of the same draft: {parse_ms:.1f} ms median")
    review_page(ctx)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory (max RSS): {peak:.0f} MB")
    precisions()


def review_page(ctx) -> None:
    """What the Review page computes for a fresh 2,000-word paste: check, score, and rewrites for the first cards
    (each rewrite re-checked and guarded). Target: under 2 s on 2 cores (the browser test measures the page too)."""
    import time

    from drafting.rewrite import rewrite

    text = draft_of(2000, 9_999)
    t0 = time.perf_counter()
    result = drafting.check(text, "sev2", "general", "report")
    _ = result.score
    inline = [f for f in result.findings if f.end > f.start][:6]
    for f in inline:
        rewrite(f, text, ctx)
    ms = (time.perf_counter() - t0) * 1000
    print(f"  review page work for a fresh 2,000-word draft (check, score, rewrites for {len(inline)} cards): {ms:.0f} ms")


def fresh_500(repeats: int = 21) -> dict:
    """Median fresh 500-word check and the classifier's share, in this process's precision."""
    drafting.check(draft_of(100), "sev2", "general", "report")
    counter = iter(range(1, 10_000))
    check_ms = median_ms(lambda: drafting.check(draft_of(500, next(counter)), "sev2", "general", "report"), repeats)
    text = draft_of(500)
    sents = [s.text.strip() for s in parse(mask_markup(text)).sents]
    ctx = drafting.Context.of("sev2", "general", "report")
    model_ms = median_ms(lambda: predict.probabilities([f"{s} [{next(counter)}]" for s in sents], ctx), repeats)
    return {"precision": predict.precision(), "check_ms": check_ms, "model_ms": model_ms}


def precisions() -> None:
    """The fresh 500-word check per classifier precision, each in its own process.

    auto picks bf16 on CPUs with native bfloat16 and int8 elsewhere; fp32 is what a CPU without
    bfloat16 ran before int8 (issue 15 measured 300 ms there). Target: under 150 ms without bf16.
    """
    print("fresh 500-word check per classifier precision (median of 21; each in a new process):")
    for wanted in ("auto", "bf16", "int8", "fp32"):
        env = dict(os.environ, DRAFTING_CLASSIFIER_PRECISION=wanted)
        out = subprocess.run([sys.executable, __file__, "--fresh-500"], capture_output=True, text=True, env=env)
        lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if not lines:
            print(f"  {wanted:>5}: failed: {out.stderr.strip()[-200:]}")
            continue
        r = json.loads(lines[-1])
        print(f"  {wanted:>5} ({r['precision']}): check {r['check_ms']:6.1f} ms | classifier {r['model_ms']:6.1f} ms")


if __name__ == "__main__":
    if sys.argv[1:] == ["--fresh-500"]:
        print(json.dumps(fresh_500()))
    elif sys.argv[1:] == ["--precisions"]:
        precisions()
    else:
        main()
