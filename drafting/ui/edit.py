"""Apply a chosen rewrite: replace the sentence that holds a finding, leaving the rest of the text untouched."""
from __future__ import annotations

import re
from collections.abc import Callable

Bounds = Callable[[str, int], tuple[int, int]]

# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by whitespace, or at a line break.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the sentence(s) containing text[start:end], without surrounding whitespace."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s = 0
    for m in _END.finditer(text):
        if m.end() > start:
            break
        s = m.end()
    e = len(text)
    probe = max(start, end - 1) if end > start else start
    m = _END.search(text, probe)
    if m:
        e = m.end() if m.group() != "\n" else m.start()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def replace_sentence(text: str, start: int, end: int, replacement: str, bounds: Bounds | None = None) -> str:
    """The text with the sentence around [start, end) replaced by `replacement` (trimmed).

    `bounds(text, pos)` lets the caller use the rewrite engine's own idea of the sentence, so
    the sentence replaced is exactly the one the rewrite was written for.
    """
    if bounds is not None:
        s, e = bounds(text, start)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
    else:
        s, e = sentence_bounds(text, start, end)
    return text[:s] + replacement.strip() + text[e:]
