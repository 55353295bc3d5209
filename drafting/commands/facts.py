"""incident-draft facts WRITEUP: print the incident fact sheet read from an internal write-up.

The liaison checks and edits it (each field keeps its source span and a confidence), then drafts from
the edited copy with `incident-draft draft --facts FILE`. Exit 0, or 2 on bad usage or input.
"""
from __future__ import annotations

import argparse

from .. import config as config_mod
from ..exits import ExitStatus
from ..facts import build_sheet
from .common import read_input


def register(sub) -> None:
    p = sub.add_parser("facts", help="print the fact sheet read from an internal write-up (edit it, then draft --facts)")
    p.add_argument("file", metavar="WRITEUP|-", help="the internal write-up (.md, .txt) or - for standard input")
    p.add_argument("--format", default="yaml", choices=["yaml", "json"], help="output format (default yaml, easier to edit)")
    p.add_argument("--config", metavar="FILE", help="company configuration YAML (product names, glossary, leak patterns...)")
    p.add_argument("--timezone", default="auto", help="time zone drafts show the sheet's times in: 'auto' (default) is the write-up's own zone; or UTC, Europe/Berlin, ...")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cfg = config_mod.load(args.config)
    sheet = build_sheet(read_input(args.file), cfg, args.timezone)
    print(sheet.dumps(args.format), end="" if args.format == "yaml" else "\n")
    return ExitStatus.OK
