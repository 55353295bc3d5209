"""incident-draft score PATHS...: score an archive of reports (table, CSV, JSON or standalone HTML).

Exit codes: 0 every input was scored; 3 the run finished but some files or rows were
skipped (listed with the reason); 2 usage error, or nothing could be scored.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .. import config as config_mod
from ..errors import InputError
from ..exits import ExitStatus
from .common import add_context_options


def register(sub) -> None:
    p = sub.add_parser("score", help="score many past reports: counts per category, 0-100 score, reuse")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".md .txt .html files, folders, CSV or JSONL with a text column")
    add_context_options(p)
    p.add_argument("--format", default="table", choices=["table", "csv", "json", "html"])
    p.add_argument("--out", metavar="FILE", help="write the report to this file (default: standard output)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1; use your core count)")
    p.add_argument("--db", metavar="FILE", help="past-reports library to look for reuse in (default: the config's "
                                                "library:, INCIDENT_DRAFT_DB, or the default library if it exists)")
    p.add_argument("--no-model", action="store_true", help="rules only (skip the trained classifier)")
    p.set_defaults(func=run)


def _library_path(args: argparse.Namespace, cfg) -> str | None:
    from ..corpus.store import ENV_DB, default_path

    if args.db or cfg.library:
        return args.db or cfg.library
    if os.environ.get(ENV_DB) or default_path().exists():
        return str(default_path())
    return None


def run(args: argparse.Namespace) -> int:
    from ..batch import score_reports
    from ..batch_report import RENDERERS
    from ..corpus import Library

    if args.jobs < 1:
        raise InputError("--jobs must be 1 or more.")
    cfg = config_mod.load(args.config)
    db = _library_path(args, cfg)
    library = Library(db, create=not args.db) if db else None  # a mistyped --db is an error, not a new library
    err = Console(stderr=True, highlight=False)
    columns = (TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TextColumn("elapsed"), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("score", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = score_reports(args.paths, args.severity, args.audience, args.stage, library=library, config=cfg,
                               jobs=args.jobs, use_model=not args.no_model, progress=progress)
    for skipped in result.skipped:
        err.print(f"skipped {skipped}", markup=False, soft_wrap=True)
    if not result.rows:
        raise InputError("Nothing to score: no readable report was found in the paths given "
                         "(.md, .txt, .html, or CSV/JSONL with a text column).")
    output = RENDERERS[args.format](result)
    if args.out:
        try:
            Path(args.out).write_text(output, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"Could not write '{args.out}' ({exc.strerror}). Choose another --out path.") from None
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    s = result.summary()
    worst = sorted(s["findings_per_category"].items(), key=lambda kv: -kv[1])[:3]
    common = ", ".join(f"{k} {v}" for k, v in worst if v) or "no findings"
    err.print(f"Scored {s['reports']} reports in {s['seconds']} s ({s['reports_per_second']}/s, {s['jobs']} job(s)). "
              f"Mean score {s['mean_score']}/100. Most findings: {common}. "
              f"{s['reports_reusing_library']} reuse the library, {s['reports_reusing_batch']} share passages "
              f"within this batch. {s['skipped']} skipped." + (f" Written to {args.out}." if args.out else ""),
              markup=False, soft_wrap=True)
    return ExitStatus.SKIPPED if result.skipped else ExitStatus.OK
