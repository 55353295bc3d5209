"""The extracted facts a liaison confirms or corrects on the Draft page, and how corrections reach the draft.

draft() reads its facts from the write-up, where a labelled field ("Impact start: ...") is read
before anything else. So a correction becomes a short block of labelled fields placed at the top
of the write-up: the engine then drafts from the liaison's values, with no second source of truth.
"""
from __future__ import annotations

from typing import Any

FIELDS: dict[str, str] = {  # editable fact -> the write-up label the extractor reads first
    "start": "Impact start",
    "end": "Impact end",
    "products": "Affected products",
}


def _when(facts: Any, value: Any) -> str:
    local = facts.local(value) if value is not None else None
    if local is None:
        return ""
    return f"{local:%Y-%m-%d %H:%M} {facts.timezone}"


def editable_facts(facts: Any) -> dict[str, str]:
    """The facts shown for confirmation, as plain strings ('' when the write-up did not say)."""
    return {
        "start": _when(facts, facts.start),
        "end": _when(facts, facts.end),
        "products": ", ".join(facts.products),
    }


def duration_text(facts: Any) -> str:
    minutes = facts.duration_minutes
    if minutes is None:
        return "not known"
    hours, mins = divmod(int(minutes), 60)
    return f"{hours} h {mins} min" if hours else f"{mins} min"


def corrections_block(original: dict[str, str], edited: dict[str, str]) -> str:
    """Labelled lines for every fact the liaison changed (and left non-empty); '' when nothing changed."""
    lines = []
    for key, label in FIELDS.items():
        new = " ".join(str(edited.get(key, "")).split())
        if new and new != " ".join(str(original.get(key, "")).split()):
            lines.append(f"{label}: {new}")
    return "\n".join(lines)


def with_corrections(writeup: str, block: str) -> str:
    """The write-up with the confirmed facts first, so they win over what the write-up says later."""
    if not block:
        return writeup
    return f"Confirmed facts (checked by the liaison):\n{block}\n\n{writeup}"
