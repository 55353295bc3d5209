"""placeholder: a prompt left in the draft for someone to fill in ("[Your name]", "TBD", "XX:XX", "lorem ipsum").

A draft that still holds one is not ready to send, whoever wrote it: the drafting composer leaves a
bracketed prompt where the write-up lacks a fact, and that is exactly what the liaison must fill.
The patterns and the words that make a bracket a prompt are in data/rules/placeholder.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..catalog import Category
from ..findings import Finding
from ..resources import rules
from .base import Analysis

# a bracketed passage that is not a Markdown link, image, reference or checkbox
_BRACKET = re.compile(r"(?<![!\]\\])\[([^\[\]\n]{1,300})\](?![(\[:])")


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[tuple[str, re.Pattern]], frozenset[str], frozenset[str]]:
    data = rules("placeholder")
    pats = [(rule, re.compile(p, 0 if cased else re.I)) for rule, p, cased in (
        (item["rule"], item["pattern"], bool(item.get("case_sensitive"))) for item in data["patterns"])]
    return pats, frozenset(w.lower() for w in data["prompt_words"]), frozenset(w.lower() for w in data["status_tags"])


def is_prompt(inner: str) -> bool:
    """Whether the words inside square brackets ask someone to write something."""
    _, prompt_words, status_tags = _compiled()
    words = re.findall(r"[A-Za-z]+|\.\.\.|…|_+", inner)
    if not words or inner.strip().isdigit() or inner.strip().lower() in status_tags:
        return False
    if any(w.lower() in prompt_words or w in ("...", "…") or w.startswith("_") for w in words):
        return True
    return len(words) >= 3 and not inner.strip().isupper()


def spans(text: str) -> list[tuple[str, int, int]]:
    """(rule, start, end) of every placeholder in the text, in order, without overlaps."""
    found = [("bracket", m.start(), m.end()) for m in _BRACKET.finditer(text) if is_prompt(m.group(1))]
    pats, _, _ = _compiled()
    for rule, pat in pats:
        found += [(rule, m.start(), m.end()) for m in pat.finditer(text)]
    out: list[tuple[str, int, int]] = []
    for rule, s, e in sorted(found, key=lambda x: (x[1], -x[2])):
        if out and s < out[-1][2]:
            continue
        out.append((rule, s, e))
    return out


def run(a: Analysis) -> list[Finding]:
    return [a.finding("placeholder", rule, s, e, 0.95) for rule, s, e in spans(a.text)]


CATEGORY = Category("placeholder", run=run, sarif_level="error",
                    rules=("bracket", "marker", "time", "filler", "angle", "template"))
