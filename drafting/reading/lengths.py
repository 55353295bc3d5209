"""Lengths of time as write-ups state them ("52 minutes", "1h 20m", "(48m)", "an hour"): a stated length
gives the end when only the start is written, and checks a window read from a line with several times."""
from __future__ import annotations

import re
from datetime import timedelta

from .rules import rules

MAX_WINDOW = timedelta(days=7)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}


def length(said: str) -> timedelta | None:
    """"52 minutes", "1h 20m", "2 hours and 5 minutes", "45-minute", "an hour" as a length; None otherwise."""
    num = r"(\d+|" + "|".join(_NUMBER_WORDS) + r")"
    m = re.match(rf"\s*(?:{num}[- ]?(?:h|hrs?|hours?)\b)?\s*(?:and\s+)?(?:{num}[- ]?(?:m|mins?|minutes?)\b)?", said, re.I)
    if not m or not (m.group(1) or m.group(2)):
        return None
    val = lambda g: int(g) if g.isdigit() else _NUMBER_WORDS[g.lower()]  # noqa: E731
    got = timedelta(hours=val(m.group(1)) if m.group(1) else 0, minutes=val(m.group(2)) if m.group(2) else 0)
    return got if timedelta(0) < got <= MAX_WINDOW else None


def length_beside_range(text: str) -> timedelta | None:
    """The window's length written beside its range ("14:03-14:51 UTC (48m)"): a check on which two of
    a line's times are the window (patterns in data/drafting/extract.yaml, window_length_beside_range)."""
    for pat in rules().get("window_length_beside_range", []):
        m = re.search(pat, text, re.I)
        if m and (got := length(m.group("dur"))) is not None:
            return got
    return None
