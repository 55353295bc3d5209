"""Flesch-Kincaid grade level, so a liaison can aim general drafts at grade 8 or below."""
from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    w = word.lower().strip("'’-")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(_VOWELS.findall(w)))


def grade(text: str, sentence_count: int | None = None) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    if sentence_count is None:
        sentence_count = max(1, len(re.findall(r"[.!?]+(\s|$)", text)))
    syl = sum(syllables(w) for w in words)
    value = 0.39 * len(words) / max(1, sentence_count) + 11.8 * syl / len(words) - 15.59
    return round(max(0.0, value), 1)
