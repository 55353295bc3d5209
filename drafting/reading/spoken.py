"""Times said in words, written as clock times, in place.

Voice-memo transcripts and phone-call notes give times as people say them ("about ten to eight",
"twenty to twelve", "half ten", "the eight-thirty", "from about nine till about eleven"), and the
reader of times only knows digits. Each spoken time is replaced by its clock time padded on the left
with spaces to the same length, so every offset into the write-up stays true (the app highlights
sources by offset) and the draft's whitespace clean-up makes "about         7:50" read "about 7:50".
The number words are in data/drafting/extract.yaml (``number_words``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import rules


@lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in rules().get("number_words", {}).items()}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    words = sorted(_numbers(), key=len, reverse=True)
    hour = "(?P<h>" + "|".join(w for w in words if _numbers()[w] <= 12) + ")"
    mins = "(?P<m>" + "|".join(w for w in words if _numbers()[w] in (5, 10, 20, 25)) + "|quarter|half)"  # never "one to one", "two to three"
    past_to = re.compile(r"(?i)\b" + mins + r"(?:\s+minutes)?\s+(?P<dir>past|to|after|before)\s+" + hour
                         + r"\b(?!\s*(?:minutes|hours|days|weeks|people|of|percent|times)\b|\s+[a-z]{3,}s\b)")
    half = re.compile(r"(?i)\bhalf\s+" + hour + r"\b(?!\s+(?:minutes|hours|an|a|the|of))")  # British "half ten" is 10:30
    hyphen = re.compile(r"(?i)\b" + hour + r"(?:-(?P<mm>oh-five|fifteen|thirty|forty-five|twenty|ten|forty|fifty)|\s+(?P<oc>o'clock|o’clock))\b")
    bare = re.compile(r"(?i)\b(?P<lead>at|about|around|from|till|until|since|by|after|before)\s+(?:(?:about|around|roughly|just after|just before)\s+)?" + hour
                      + r"\b(?=\s*(?:[,.;)]|$|(?:am|pm|a\.m\.|p\.m\.|o'clock|this|that|tonight|till|until|to|and|or|when|so|in the)\b))")
    return past_to, half, hyphen, bare


_MINUTE_WORDS = {"oh-five": 5, "fifteen": 15, "thirty": 30, "forty-five": 45, "twenty": 20, "ten": 10, "forty": 40, "fifty": 50}


def _padded(span_text: str, clock: str) -> str:
    return clock.rjust(len(span_text)) if len(clock) <= len(span_text) else span_text


def spoken_times(text: str) -> str:
    """The text with every spoken time written as a clock time of the same length ("ten to eight" ->
    "        7:50"); nothing else changes."""
    if not _numbers():
        return text
    n = _numbers()
    past_to, half, hyphen, bare = _patterns()

    def said(m: re.Match) -> str:
        h = n[m.group("h").lower()]
        word = m.group("m").lower()
        mm = 15 if word == "quarter" else 30 if word == "half" else n[word]
        if m.group("dir").lower() in ("to", "before"):
            h, mm = (h - 1) or 12, 60 - mm
        return _padded(m.group(0), f"{h}:{mm:02d}")

    def halved(m: re.Match) -> str:
        return _padded(m.group(0), f"{n[m.group('h').lower()]}:30")

    def hyphened(m: re.Match) -> str:
        mm = 0 if m.group("oc") else _MINUTE_WORDS.get(m.group("mm").lower())
        if mm is None:
            return m.group(0)
        return _padded(m.group(0), f"{n[m.group('h').lower()]}:{mm:02d}")

    def bared(m: re.Match) -> str:
        h_at = m.start("h") - m.start()
        return m.group(0)[:h_at] + _padded(m.group("h"), f"{n[m.group('h').lower()]}:00") if len(m.group("h")) >= 4 else m.group(0)

    text = past_to.sub(said, text)
    text = half.sub(halved, text)
    text = hyphen.sub(hyphened, text)
    return bare.sub(bared, text)
