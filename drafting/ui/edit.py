"""Apply a chosen rewrite: replace the sentence that holds a finding, leaving the rest of the text untouched.

The sentence is the one the rewrite engine wrote its replacement for (drafting.textspans, the one
splitter for text without a parse), and the change goes through the one edit builder.
"""
from __future__ import annotations

from ..textspans import apply_edits
from ..textspans import sentence_bounds as sentence_at


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the sentence(s) containing text[start:end], without surrounding whitespace."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s, e = sentence_at(text, start)
    if end - 1 > start:
        e = max(e, sentence_at(text, end - 1)[1])
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def replace_sentence(text: str, start: int, end: int, replacement: str) -> str:
    """The text with the sentence around [start, end) replaced by `replacement` (trimmed)."""
    s, e = sentence_bounds(text, start, end)
    return apply_edits(text, [(s, e, replacement.strip())])
