"""Customer figures: a labelled figure from a key/value table, and the figures of a sentence that cannot be shown."""
from __future__ import annotations

import re

from ..reading.document import Unit
from ..reading.roles import has_role
from ..reading.rules import rules
from ..redact import Redactor
from .gate import internal_identifiers


def field_figure(u: Unit, red: Redactor) -> str | None:
    """A labelled figure as a customer may read it: "1,139 students affected", "Resubmission deadline: 6 May"."""
    key = re.sub(r"[*_`]", "", u.key).strip()
    value = re.sub(r"[*_`]", "", u.text).strip()
    value_core = re.sub(r"\s*\([^)]*\)", "", value).strip()
    value = re.sub(r"\s*\(([^)]*)\)", lambda m: m.group(0) if has_role(m.group(1), "remedy") else "", value).strip()  # an aside stays internal
    if re.fullmatch(r"(?:about |around |~|over |more than )?\d[\d,.]*%?", value_core, re.I):
        text = f"{value_core} {key[:1].lower() + key[1:]}"
    else:
        text = f"{key}: {value}"
    if red.internal_details(text) or internal_identifiers(text) or has_role(text, "unconfirmed"):
        return None
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def figures(text: str) -> list[str]:
    nouns = "|".join(map(re.escape, rules()["customer_nouns"]))
    return [m.group(0).strip() for m in re.finditer(r"(?:\b(?:about|around|roughly|nearly|over|more than)\s+|~)?(?<![\w.:])\d[\d,.]*\s*(?:%|k\b)?\s+(?:of\s+)?(?:[A-Za-z-]+\s+){0,2}(?:" + nouns + r")\b|(?<![\w.:])\d[\d.]*%(?:\s+[a-z-]+)?", text, re.I)]
