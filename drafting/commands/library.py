"""incident-draft library add|list|remove|export: the past reports the reuse check compares drafts against.

Exit codes: 0 done; 3 done, but some inputs were skipped (listed with the reason); 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import config as config_mod
from ..errors import InputError
from ..exits import ExitStatus


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help="library file (default: INCIDENT_DRAFT_DB, the config's library:, "
                                                "or library.sqlite3 in your user data folder)")
    p.add_argument("--config", metavar="FILE", help="company configuration YAML (its library: key names the file)")


def register(sub) -> None:
    p = sub.add_parser("library", help="manage the library of past published reports (reuse detection)")
    lib_sub = p.add_subparsers(dest="library_command", required=True, parser_class=type(p))
    add = lib_sub.add_parser("add", help="add reports: .md .txt .html files, folders, CSV or JSONL with a text column")
    add.add_argument("paths", nargs="+", metavar="PATH")
    _db_option(add)
    add.set_defaults(func=run_add)
    ls = lib_sub.add_parser("list", help="list stored reports")
    ls.add_argument("--format", default="table", choices=["table", "json"])
    _db_option(ls)
    ls.set_defaults(func=run_list)
    rm = lib_sub.add_parser("remove", help="remove one report by its id (see list)")
    rm.add_argument("id", type=int)
    _db_option(rm)
    rm.set_defaults(func=run_remove)
    ex = lib_sub.add_parser("export", help="write every report (with its text) as JSONL or CSV")
    ex.add_argument("--format", default="jsonl", choices=["jsonl", "csv"])
    ex.add_argument("--out", metavar="FILE", help="write to this file instead of standard output")
    _db_option(ex)
    ex.set_defaults(func=run_export)


def open_library(args: argparse.Namespace):
    from ..corpus import Library

    cfg = config_mod.load(getattr(args, "config", None))
    return Library(args.db or cfg.library or None)


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def run_add(args: argparse.Namespace) -> int:
    lib = open_library(args)
    report = lib.add_paths(args.paths)
    err = _err()
    for rec in report.added:
        print(f"added {rec.id}: {rec.title} ({rec.date or 'undated'})")  # plain print: no markup
    for source, existing in report.duplicates:
        err.print(f"already stored (id {existing}), not added again: {source}", markup=False, soft_wrap=True)
    for skipped in report.errors:
        err.print(f"skipped {skipped}", markup=False, soft_wrap=True)
    err.print(f"{len(report.added)} added, {len(report.duplicates)} already stored, {len(report.errors)} skipped. "
              f"The library at {lib.path} holds {lib.count()} reports.", markup=False, soft_wrap=True)
    return ExitStatus.SKIPPED if report.errors else ExitStatus.OK


def run_list(args: argparse.Namespace) -> int:
    lib = open_library(args)
    records = lib.list()
    if args.format == "json":
        print(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2))
        return ExitStatus.OK
    if not records:
        _err().print(f"The library at {lib.path} is empty. Add reports with `incident-draft library add PATH`.",
                     markup=False, soft_wrap=True)
        return ExitStatus.OK
    table = Table(header_style="bold")
    for col in ("id", "title", "date", "context", "words", "source"):
        table.add_column(col, overflow="fold")
    for r in records:
        ctx = " · ".join(x for x in (r.severity, r.audience, r.stage) if x)
        # user text as Text: '[/bold]' or '[link=...]' in a title is shown, never read as markup
        table.add_row(str(r.id), Text(r.title), Text(r.date or ""), Text(ctx), str(r.words), Text(r.source or ""))
    Console(highlight=False).print(table)
    return ExitStatus.OK


def run_remove(args: argparse.Namespace) -> int:
    lib = open_library(args)
    rec = lib.remove(args.id)
    print(f"removed {rec.id}: {rec.title}")
    return ExitStatus.OK


def run_export(args: argparse.Namespace) -> int:
    lib = open_library(args)
    data = lib.export(args.format)
    if args.out:
        try:
            Path(args.out).write_text(data, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"Could not write '{args.out}' ({exc.strerror}). Choose another --out path.") from None
        _err().print(f"wrote {lib.count()} reports to {args.out}", markup=False, soft_wrap=True)
    else:
        sys.stdout.write(data)
    return ExitStatus.OK
