"""incident-draft draft FILE|- : turn an internal write-up into a customer draft (or the internal review agenda);
incident-draft draft --facts SHEET : draft from a fact sheet the liaison has checked (see `incident-draft facts`).

Exit 0 when the draft passes its own check, 1 when it still carries findings the liaison must fix
(for example no named person to sign a follow-up), 2 on bad usage or input.
"""
from __future__ import annotations

import argparse
import json
import sys

from .. import config as config_mod
from ..draft import draft
from ..errors import InputError
from ..exits import ExitStatus
from ..facts import FactSheet
from .common import add_context_options, read_input


def register(sub) -> None:
    p = sub.add_parser("draft", help="draft a customer update from an internal write-up")
    p.add_argument("file", metavar="FILE|-", nargs="?", help="the internal write-up (.md, .txt) or - for standard input")
    p.add_argument("--facts", metavar="SHEET", help="draft from this fact sheet (YAML or JSON from `incident-draft facts`) instead of a write-up")
    add_context_options(p)
    p.add_argument("--company", help="your company's name, used in the sign-off (default: the config's company)")
    p.add_argument("--contact", help="who customers reply to: an address, or \"Name <address>\" (default: the config's contact)")
    p.add_argument("--account", default="", help="the key account a follow-up is addressed to")
    p.add_argument("--report-url", default="", help="link to the full report, for a follow-up")
    p.add_argument("--timezone", default="auto",
                   help="time zone for every time in the draft: 'auto' (default) is the write-up's own zone, with UTC beside the window; or UTC, Europe/Berlin")
    p.add_argument("--format", default="markdown", choices=["markdown", "json"])
    p.add_argument("--no-model", action="store_true", help="self-check with the rules only (skip the trained classifier)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cfg = config_mod.load(args.config)
    if args.facts and args.file:
        raise InputError("Give either a write-up or --facts SHEET, not both.")
    if args.facts:
        source = FactSheet.loads(read_input(args.facts))
    elif args.file:
        source = read_input(args.file)
    else:
        raise InputError("Give the write-up to draft from (a file, or - for standard input), or --facts SHEET.")
    d = draft(source, args.stage, args.audience, args.severity, company=args.company, contact=args.contact, config=cfg,
              account=args.account, report_url=args.report_url, timezone=args.timezone, use_model=not args.no_model)
    if args.format == "json":
        print(json.dumps(d.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(d.text, end="")
        for f in d.findings:
            print(f"still to fix: {f.category}: {f.message}", file=sys.stderr)
        for o in d.omitted:
            print(f"not as written: {o['item']}: {o['reason']}", file=sys.stderr)
        print(f"readability grade {d.stats.get('readability_grade')}", file=sys.stderr)
    return ExitStatus.OK if d.clean else ExitStatus.FINDINGS
