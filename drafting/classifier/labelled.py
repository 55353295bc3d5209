"""Reading labelled JSONL (the LABELS.md format) with clear errors for bad lines."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..catalog import names
from ..context import Context
from ..errors import InputError
from .artifact import categories


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    ctx: Context


def read_jsonl(path: str | Path) -> list[Example]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Labelled file '{p}' was not found.")
    out: list[Example] = []
    with open(p, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                labels = frozenset(row.get("labels") or [])
                unknown = labels - set(names())
                if unknown:
                    raise ValueError(f"unknown label(s) {sorted(unknown)}")
                ctx = Context.of(row.get("severity", "sev2"), row.get("audience", "general"), row.get("stage", "report"))
                text = str(row["text"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{p}:{n}: not a valid labelled line ({exc}). Each line needs text, labels, severity, audience, stage.") from None
            out.append(Example(text, labels & frozenset(categories()), ctx))
    if not out:
        raise InputError(f"Labelled file '{p}' has no lines.")
    return out


def read_many(paths: list[str | Path]) -> list[Example]:
    rows: list[Example] = []
    for p in paths:
        rows.extend(read_jsonl(p))
    return rows
