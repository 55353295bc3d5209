"""Benchmark: batch scoring throughput and the library's reuse query.

    .venv/bin/python bench/bench_batch.py            # 500 reports (~420 words), 1,000-report library, --jobs 2; 10,000 paragraphs
    .venv/bin/python bench/bench_batch.py --quick    # smaller, to try it out

Targets (issue 5): >= 15 reports/s with jobs=2 on 2 cores; reuse query < 20 ms median against a
10,000-paragraph library. The synthetic corpus is generated here from a fixed seed; scoring
uses check()'s defaults at the time of the run (the trained classifier if one is installed).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafting import Context  # noqa: E402
from drafting.batch import score_reports  # noqa: E402
from drafting.checks.base import Analysis  # noqa: E402
from drafting.config import CompanyConfig  # noqa: E402
from drafting.corpus import Library  # noqa: E402
from drafting.corpus.ingest import ReportInput  # noqa: E402
from drafting.nlp import parse_many  # noqa: E402

SERVICES = ["checkout", "login", "search", "billing", "the mobile app", "exports", "notifications", "the dashboard",
            "file uploads", "the public API", "payments", "reporting", "sign-up", "the admin console", "webhooks",
            "scheduled jobs", "invoices", "the help centre", "single sign-on", "data sync"]
WHO = ["customers", "administrators", "new users", "customers in Europe", "teams on the enterprise plan", "shoppers",
       "mobile users", "partners using the API", "account owners", "people signing in for the first time"]
SYMPTOM = ["saw error pages", "could not sign in", "waited several minutes for pages to load", "received duplicate emails",
           "saw out-of-date figures", "could not download their files", "were charged twice", "saw empty lists",
           "had their sessions ended", "could not save changes"]
CAUSE = ["a configuration change", "an expired certificate", "a full disk on a storage node", "a database upgrade",
         "a bulk import that filled a queue", "a change to how requests were routed", "a bug in the latest release",
         "a failed network link between two data centres", "a limit on the number of open connections",
         "a scheduled task that ran twice"]
ACTION = ["added an automatic check before each change is released", "set an alert that fires well before disks fill",
          "moved certificate renewals to a monitored job", "doubled the capacity of the affected queue",
          "added a test that uses the live settings", "made the release roll out to a small share of users first",
          "written a runbook for this kind of failure", "added a second network link",
          "raised the connection limit and alert on it", "made the scheduled task safe to run twice"]
FILLER = ["This is the full account of what happened and what we are changing.",
          "We have reviewed every step of the incident with the teams involved.",
          "The timeline below is in Coordinated Universal Time.",
          "No data was lost, and no personal information was exposed at any point.",
          "Service was fully restored once the change was reversed.",
          "We know how much you rely on this, and we are sorry it let you down.",
          "Affected requests were retried automatically once service came back.",
          "We confirmed the fix by watching error rates for a full day afterwards."]
CLOSINGS = [
    "If you have any questions about this incident, reply to this email and a member of our support team will get back "
    "to you within one business day.",
    "We apologize for any inconvenience this may have caused and thank you for your patience and understanding while "
    "we worked to resolve the issue.",
    "Your trust is our top priority, and we take this matter very seriously as we continue to improve our platform for "
    "every customer.",
]


QUALIFIERS = ["in Europe", "on the free plan", "on the enterprise plan", "in North America", "using older browsers",
              "with large accounts", "in the Asia-Pacific region", "who had just upgraded", "on Android", "on iOS",
              "in the United Kingdom", "with scheduled reports", "in Brazil", "with two-factor sign-in"]
VERBS = ["added", "built", "turned on", "rolled out", "scheduled", "tested", "documented", "automated", "reviewed",
         "replaced", "split", "limited", "monitored", "rehearsed"]
OBJECTS = ["a check that compares each change with the live settings", "an alert on queue length",
           "a second copy of the routing table", "a staged release for risky changes", "a daily certificate report",
           "a limit on bulk imports", "a dashboard for payment errors", "a faster rollback button",
           "a test suite that runs against production data shapes", "a standby database in another region",
           "the on-call handbook", "a weekly capacity review", "automatic retries for failed webhooks",
           "a health check for the mail relay", "a canary group of internal users", "a budget for error rates"]
PLACES = ["while traffic was at its daily peak", "shortly after a routine release", "during a planned migration",
          "overnight, when few engineers were online", "just after the monthly billing run", "during a holiday sale",
          "in the middle of a large customer import", "as a data centre switched to backup power"]


def sentence(rng: random.Random) -> str:
    """One incident-report sentence from combinatorial pools (two random sentences rarely share many word pairs)."""
    kind = rng.randrange(7)
    h1, m1 = rng.randrange(24), rng.randrange(60)
    dur = rng.randrange(5, 240)
    who = f"{rng.choice(WHO)} {rng.choice(QUALIFIERS)}"
    if kind == 0:
        return (f"Between {h1:02d}:{m1:02d} and {(h1 + 1 + dur // 60) % 24:02d}:{(m1 + dur) % 60:02d} UTC on "
                f"{rng.randrange(1, 29)} {rng.choice(['March', 'April', 'May', 'June', 'July'])}, {who} "
                f"using {rng.choice(SERVICES)} {rng.choice(SYMPTOM)}.")
    if kind == 1:
        return (f"It started {rng.choice(PLACES)}, when {rng.choice(CAUSE)} affected {rng.choice(SERVICES)} and "
                f"{rng.randrange(2, 95)}% of requests failed for {dur} minutes.")
    if kind == 2:
        return f"Since then we have {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    if kind == 3:
        return (f"{who.capitalize()} who {rng.choice(SYMPTOM)} do not need to do anything, because "
                f"{rng.choice(SERVICES)} caught up by {h1:02d}:{m1:02d}.")
    if kind == 4:
        return (f"Monitoring for {rng.choice(SERVICES)} caught the rise after {rng.randrange(1, 20)} minutes, and "
                f"{rng.choice(CAUSE)} was reversed {rng.randrange(5, 60)} minutes later {rng.choice(PLACES)}.")
    if kind == 5:
        return (f"{rng.choice(CAUSE).capitalize()} meant that {rng.choice(SERVICES)} stalled "
                f"for {who}, so we {rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
    return rng.choice(FILLER) if rng.random() < 0.3 else sentence(rng)


def paragraph(rng: random.Random, n: int) -> str:
    return " ".join(sentence(rng) for _ in range(n))


REPORT_PARAGRAPHS = 6  # median 422 words: the "about 400 words each", rounded up


def report(rng: random.Random, i: int, paragraphs: int = 5) -> ReportInput:
    paras = [paragraph(rng, rng.randrange(3, 5)) for _ in range(paragraphs - 1)]
    paras.append(rng.choice(CLOSINGS) if rng.random() < 0.6 else paragraph(rng, 3))
    title = f"Incident {i}: {rng.choice(SERVICES)} {rng.choice(['outage', 'errors', 'slowdown', 'delays'])}"
    date = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    return ReportInput(text=f"# {title}\n\n" + "\n\n".join(paras) + "\n", title=title, source=f"synthetic #{i}", date=date)


def build_library(path: Path, reports: list[ReportInput]) -> tuple[Library, float]:
    lib = Library(path)
    t = time.perf_counter()
    for r in reports:
        lib.add_text(r.text, title=r.title, date=r.date, source=r.source)
    return lib, time.perf_counter() - t


def bench_scoring(n_reports: int, n_library: int, jobs: int, tmp: Path, use_model: bool = True) -> dict:
    rng = random.Random(20240515)
    library_reports = [report(rng, i, paragraphs=REPORT_PARAGRAPHS) for i in range(n_library)]
    lib, add_s = build_library(tmp / f"score-library-{use_model}.sqlite3", library_reports)
    batch = [report(rng, 100_000 + i, paragraphs=REPORT_PARAGRAPHS) for i in range(n_reports)]
    words = statistics.median(len(r.text.split()) for r in batch)
    before = _cpu_seconds()
    result = score_reports(batch, library=lib, jobs=jobs, use_model=use_model)
    cpu = _cpu_seconds() - before
    return {
        "reports": len(result.rows), "median_words": words, "seconds": result.seconds,
        "reports_per_s": len(result.rows) / result.seconds, "library_add_reports_per_s": n_library / add_s,
        "reports_with_library_reuse": sum(1 for r in result.rows if r.library_reuse),
        "cpu_s_per_report": cpu / len(result.rows),
    }


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers: what the run costs, whatever else the machine does."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bench_reuse_query(n_paragraphs: int, n_queries: int, tmp: Path) -> dict:
    rng = random.Random(7)
    per_report = 5
    reports = [report(rng, i, paragraphs=per_report) for i in range(n_paragraphs // per_report)]
    lib, add_s = build_library(tmp / "query-library.sqlite3", reports)
    paras = lib._conn.execute("SELECT COUNT(*) FROM passages WHERE kind='para'").fetchone()[0]
    t = time.perf_counter()
    lib.index()
    build_s = time.perf_counter() - t
    drafts = []
    for i in range(n_queries):  # half repeat (and lightly edit) a stored paragraph, half are new
        base = report(rng, 500_000 + i).text
        if i % 2 == 0:
            stored = rng.choice(reports).text.split("\n\n")[rng.randrange(1, per_report)]
            base += "\n" + stored.replace(" the ", " our ", 1) + "\n"
        drafts.append(base)
    ctx = Context.of()
    analyses = [Analysis(text=t, doc=d, ctx=ctx, config=CompanyConfig()) for t, d in zip(drafts, parse_many(drafts))]
    times, cpu, hits = [], [], 0
    for a in analyses:
        t, c = time.perf_counter(), time.process_time()
        found = lib.reuse_findings(a)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        hits += bool(found)
    return {"paragraphs": paras, "passages": lib.passage_count(), "index_build_s": build_s,
            "median_ms": statistics.median(times), "median_cpu_ms": statistics.median(cpu), "p90_ms": sorted(times)[int(0.9 * len(times))],
            "drafts_with_reuse": hits, "queries": len(times), "add_reports_per_s": len(reports) / add_s}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=500)
    ap.add_argument("--library", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--paragraphs", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--skip-rules-only", action="store_true", help="only measure check() with its defaults")
    ap.add_argument("--quick", action="store_true", help="60 reports, 200-report library, 2,000 paragraphs")
    args = ap.parse_args()
    if args.quick:
        args.reports, args.library, args.paragraphs, args.queries = 60, 200, 2000, 40
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(other work on the machine slows every figure below)")
    with tempfile.TemporaryDirectory() as tmp:
        q = bench_reuse_query(args.paragraphs, args.queries, Path(tmp))
        print(f"reuse query: {q['paragraphs']:,} paragraphs ({q['passages']:,} passages incl. long sentences); "
              f"index build {q['index_build_s']:.2f} s (once per process/change); "
              f"median {q['median_ms']:.2f} ms (CPU {q['median_cpu_ms']:.2f} ms), p90 {q['p90_ms']:.2f} ms over {q['queries']} drafts "
              f"({q['drafts_with_reuse']} with reuse found; target < 20 ms median); "
              f"library add {q['add_reports_per_s']:.0f} reports/s")
        for use_model in (True, False):
            if not use_model and args.skip_rules_only:
                continue
            s = bench_scoring(args.reports, args.library, args.jobs, Path(tmp), use_model=use_model)
            mode = "check() defaults (classifier on if installed)" if use_model else "rules only (--no-model)"
            print(f"batch scoring, {mode}: {s['reports']} reports (median {s['median_words']:.0f} words), library of "
                  f"{args.library:,} reports, jobs={args.jobs}: {s['seconds']:.1f} s, {s['reports_per_s']:.1f} reports/s "
                  f"(target >= 15; ratio {s['reports_per_s'] / 15:.2f}); {s['reports_with_library_reuse']} reports "
                  f"reuse the library; library add {s['library_add_reports_per_s']:.0f} reports/s")
            print(f"  CPU {s['cpu_s_per_report'] * 1000:.0f} ms per report (all processes) -> about "
                  f"{args.jobs / s['cpu_s_per_report']:.1f} reports/s if {args.jobs} cores were free for this run")
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        print(f"peak memory (max RSS over the run): parent {parent:.0f} MB, largest worker {child:.0f} MB")


if __name__ == "__main__":
    main()
