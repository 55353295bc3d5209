"""Shapes of a stated range the window reading weighs: a sentence that is nothing but a range, and a range that
the next sentence marks as the corrected one ("... is therefore 6:40 AM - 11:40 AM. An earlier draft gave 11:15 AM
as the end.")."""
from __future__ import annotations

import re

from ..reading.rules import rules
from ..reading.times import TimePoint

_DATE_WORDS = re.compile(r"(?i)\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b\d{1,4}(?:[/-]\d{1,2}){1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:from|to|until|till|through|and|on|between|(?:the\s+)?(?:next|same|previous|following)\s+day|local(?:\s+time)?|(?-i:[A-Z]{2,5})|\d+\s*(?:h|hrs?|hours?|m|mins?|minutes?)(?:\s*\d+\s*(?:m|mins?|minutes?))?|\d+h\d+m)\b")


def bare_range(text: str, got: list[TimePoint]) -> bool:
    """ "Tuesday 7/22, 1:05 pm to 4:20 pm." or "23:30 Thu 4 Sep → 02:15 Fri 5 Sep JST (2h45m)": a sentence that is
    nothing but a range states the window of the part it opens."""
    outside = re.sub(r"\([^()]*\d{1,2}:\d{2}[^()]*\)", " ", text)  # "(22:31 → 03:20 UTC, start is on the previous UTC day)"
    rest = text = outside if sum(p.raw in outside for p in got) >= 2 else text
    got = [p for p in got if p.raw in text]
    for p in sorted(got, key=lambda p: -len(p.raw)):
        rest = rest.replace(p.raw, " ")
    rest = _DATE_WORDS.sub(" ", re.sub(r"(?i)\b\d{1,2}(?::\d{2})+\s*(?:[ap]\.?m\.?)?", " ", rest))
    return len(got) >= 2 and not re.search(r"[A-Za-z]{3,}", rest)


def corrected_next(text: str, end: int) -> bool:
    """Whether the sentence right after ``end``, in the same paragraph, says an earlier version stated something else
    (cues in data/drafting/extract.yaml ``window_earlier_version_cues``): the statement before it is the correction."""
    para_end = text.find("\n\n", end)
    after = text[end: para_end if para_end >= 0 else len(text)][:240]
    nxt = re.match(r"[\s*_)]*(?P<s>[^\n]*?[.!?;](?=\s|$)|[^\n]+)", after)
    return bool(nxt) and any(re.search(p, nxt.group("s"), re.I) for p in rules().get("window_earlier_version_cues", []))
