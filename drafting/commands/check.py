"""incident-draft check FILE|- : review one draft; exit 0 clean, 1 findings, 2 bad usage or input."""
from __future__ import annotations

import argparse
import json
import sys

from .. import config as config_mod
from ..engine import check
from ..exits import ExitStatus
from ..findings import CheckResult
from ..sarif import to_sarif
from .common import add_context_options, read_input


def register(sub) -> None:
    p = sub.add_parser("check", help="review a customer-facing draft")
    p.add_argument("file", metavar="FILE|-", help="the draft (.txt, .md, .html) or - for standard input")
    add_context_options(p)
    p.add_argument("--format", default="text", choices=["text", "json", "sarif"])
    p.add_argument("--no-model", action="store_true", help="rules only (skip the trained classifier)")
    p.add_argument("--db", metavar="FILE", help="past-reports library for reuse detection")
    p.set_defaults(func=run)


def render_text(result: CheckResult, color: bool) -> str:
    """Human output: each finding with the line, the span marked with ^^^, message and suggestion."""
    text = result.text
    out: list[str] = []
    bold = (lambda s: f"\033[1m{s}\033[0m") if color else (lambda s: s)
    for f in result.findings:
        line_no = text.count("\n", 0, f.start) + 1
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.start)
        line = text[line_start: line_end if line_end >= 0 else len(text)].replace("\r", "")
        head = f"{bold(f.category)} [{f.rule}] line {line_no} ({f.confidence:.2f})"
        out.append(head)
        if f.end > f.start:
            col = f.start - line_start
            width = max(1, min(f.end, line_start + len(line)) - f.start)
            shown = line if len(line) <= 160 else line[max(0, col - 60): col + width + 60]
            offset = col if len(line) <= 160 else col - max(0, col - 60)
            out.append(f"  {shown}")
            out.append(f"  {' ' * offset}{'^' * width}")
        out.append(f"  {f.message}")
        if f.suggestion:
            out.append(f"  try: {f.suggestion}")
        out.append("")
    counts = {k: v for k, v in result.counts().items() if v}
    summary = ", ".join(f"{k} {v}" for k, v in counts.items()) or "no findings"
    out.append(f"{len(result.findings)} finding(s): {summary}. Score {result.score}/100. "
               f"Readability grade {result.stats.get('readability_grade')}.")
    out.append(result.grammar.message)
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    cfg = config_mod.load(args.config)
    text = read_input(args.file)
    library = None
    db = args.db or cfg.library
    if db:
        from ..corpus import Library

        library = Library(db, create=False)  # a mistyped --db must not start an empty library
    result = check(text, args.severity, args.audience, args.stage, config=cfg, library=library, use_model=not args.no_model)
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif args.format == "sarif":
        uri = "stdin" if args.file == "-" else args.file
        print(json.dumps(to_sarif(result, uri), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, color=sys.stdout.isatty()))
    return ExitStatus.FINDINGS if result.findings else ExitStatus.OK
