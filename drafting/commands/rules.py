"""incident-draft rules: every category and rule id, with its weight, level and message (from the registry)."""
from __future__ import annotations

import argparse
import json

from .. import registry
from ..exits import ExitStatus


def register(sub) -> None:
    p = sub.add_parser("rules", help="list the finding categories and their rules (for docs and review gates)")
    p.add_argument("--format", default="md", choices=["md", "json"])
    p.set_defaults(func=run)


def rows() -> list[dict]:
    out = []
    for c in registry.categories():
        m = c.meta
        for rule in c.rules:
            entry = m.messages.get(rule) or m.messages.get("default") or {}
            out.append({"category": c.name, "label": m.label, "rule": rule, "weight": m.weight, "sarif_level": c.sarif_level,
                        "blocks_a_draft": "per audience" if callable(c.blocks) else bool(c.blocks),
                        "message": entry.get("message", "")})
    return out


def run(args: argparse.Namespace) -> int:
    table = rows()
    if args.format == "json":
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return ExitStatus.OK
    print("| category | label | rule | weight | SARIF level | blocks a draft | message |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in table:
        message = r["message"].replace("|", "\\|")
        print(f"| {r['category']} | {r['label']} | {r['rule']} | {r['weight']:g} | {r['sarif_level']} | "
              f"{r['blocks_a_draft']} | {message} |")
    return ExitStatus.OK
