"""Clock times written with a dot, as people in the UK, Ireland, Australia and New Zealand often type them ("at
7.05", "7.05 to 9.40", "9.40pm"), written in place with a colon at the same length, so every source span stays
true; so is a time written "14h20", as in Brazil, France and Spain. A dotted number is a time only where a time is plainly meant: with am or pm after it, after a word that
introduces a time (``dotted_time_leads`` in data/drafting/extract.yaml), or as one end of a range of two; never a
version ("4.12 kiosk build"), a price or a decimal."""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import rules

_DOTTED = r"(?<![\w.,/$£€-])(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d,%]|\.\d)"
_RANGE = re.compile(rf"(?P<a>{_DOTTED})(?P<j>\s*(?:to|until|till|-|–|—|->|→)\s*)(?P<b>{_DOTTED})(?!\s*(?:%|x\b|[kKmM]\b|ms\b|s\b|GB|MB|rps))")
_MERIDIEM = re.compile(rf"{_DOTTED}(?=\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))", re.I)


@lru_cache(maxsize=1)
def _after_lead() -> re.Pattern:
    words = "|".join(re.escape(str(w)) for w in rules().get("dotted_time_leads", [])) or "(?!)"
    return re.compile(rf"(?i)\b(?:{words})\s+(?:~\s*|about\s+|around\s+)?(?P<t>{_DOTTED})(?!\s*(?:%|x\b|[kKmM]\b|ms\b|s\b|GB|MB|rps|kiosk|build|release|version))")


_H_STYLE = re.compile(r"(?<![\w.,:/$£€-])(?:[01]\d|2[0-3])h(?=[0-5]\d(?![\w%]))")  # "14h20" (pt, fr, es): two-digit hours only, never "2h20" waited


def dotted_times(text: str) -> str:
    """The text with its dotted clock times (and "14h20") written with a colon; the same length, nothing else changed."""
    text = _H_STYLE.sub(lambda m: m.group(0)[:-1] + ":", text)
    if "." not in text:
        return text
    spots: set[int] = set()
    for m in _RANGE.finditer(text):
        spots.update((m.start("a"), m.start("b")))
    spots.update(m.start() for m in _MERIDIEM.finditer(text))
    spots.update(m.start("t") for m in _after_lead().finditer(text))
    out = list(text)
    for at in spots:
        dot = text.index(".", at)
        out[dot] = ":"
    return "".join(out)
