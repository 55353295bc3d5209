"""incident-draft eval FILE.jsonl: per-category precision/recall/F1 for rules, model and combined."""
from __future__ import annotations

import argparse
import json

from ..exits import ExitStatus


def register(sub) -> None:
    p = sub.add_parser("eval", help="measure the checker on labelled sentences (LABELS.md JSONL format)")
    p.add_argument("file", metavar="FILE.jsonl")
    p.add_argument("--format", default="table", choices=["table", "json"])
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..classifier.evaluate import evaluate, report

    if args.format == "json":
        print(json.dumps(evaluate(args.file), indent=2))
    else:
        print(report(args.file))
    return ExitStatus.OK
