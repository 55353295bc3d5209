"""Sentences of a region of a write-up, offsets kept: never split inside a bracket, a quote or "2:10 p.m. ET"."""
from __future__ import annotations

import re

from .spans import Span

_BOUNDARY = re.compile(r"(?<=[.!?])[)\"”’]*\s+(?=[\"“(\[*`]?[A-Za-z0-9]|~\s*\d|[£$€]\d)")
_AM_PM_ON = re.compile(r"\b[ap]\.m\.\s+(?:[a-z]|[A-Z]{2,4}\b)")  # "2:10 p.m. to 3:02 p.m. ET" is one sentence
# a letter's greeting on its own line ("Hi Dani,", "Dear Ms Okafor,") is never part of the sentence after it
_SALUTATION = re.compile(r"(?im)^[ \t]*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n,.!?]{0,40}[,!]?[ \t]*\n")
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|approx|etc|cf|incl|Mr|Ms|Dr|St|No|ca|kl|klo|nr|tel)\.|\b[A-Z]\.)[)\"”’]*\s*$")


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of a region of the write-up, offsets kept (line breaks inside prose are spaces)."""
    out: list[Span] = []
    cuts = [start] + [m.end() for m in _BOUNDARY.finditer(text, start, end)
                      if not _ABBREV.search(text[max(start, m.start() - 8): m.start() + 1])
                      and not _AM_PM_ON.search(text[max(start, m.start() - 5): m.end() + 5])
                      and not (re.match(r"[.!?][)\"”’]+", m.group(0) if m.group(0)[:1] in ".!?" else text[m.start() - 1: m.end()]) and text[m.end(): m.end() + 1].islower())] + [end]
    cuts += [m.end() for m in _SALUTATION.finditer(text, start, end)]
    cuts = sorted(set(cuts))
    for s, e in zip(cuts, cuts[1:]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            if out and (out[-1].text.count("(") > out[-1].text.count(")") or out[-1].text.count('"') % 2 == 1
                        or out[-1].text.count("“") > out[-1].text.count("”")):  # never split inside a bracket or a quote
                s = out.pop().start
            out.append(Span(s, e, text[s:e]))
    return out
