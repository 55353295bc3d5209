"""The words that carry a model verdict, so every highlight points at what reads wrong.

The classifier judges whole sentences. A liaison cannot act on "this sentence is blame"; they
can act on "'failed to notify us' reads as blaming the vendor". ``point`` finds the first cue
for the category in the sentence (cue lists in data/rules/evidence.yaml) and returns its span.
A verdict whose sentence holds no cue returns None, and the combiner then asks for a higher
probability (``unpointed_min``) before showing it on the whole sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..context import Severity
from ..resources import rules


@dataclass(frozen=True)
class CueSet:
    """One category's compiled cues (compiled once per process)."""

    unpointed_min: float
    cues: tuple[re.Pattern, ...]
    by_severity: dict[str, tuple[re.Pattern, ...]]
    weak: tuple[re.Pattern, ...] = ()
    weak_min: float = 0.0


def _word(pattern: str, flags: int) -> re.Pattern:
    """A cue matches whole words only: 'fun' is not in 'function', 'eta' not in 'metadata'."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags)


@lru_cache(maxsize=None)
def cue_set(category: str) -> CueSet:
    spec = rules("evidence").get(category) or {}
    cues = [_word(p, re.IGNORECASE) for p in spec.get("cues") or []]
    cues += [_word(p, 0) for p in spec.get("cues_case_sensitive") or []]
    cues += [re.compile(p) for p in spec.get("cues_raw") or []]
    by_sev = {sev: tuple(_word(p, re.IGNORECASE) for p in pats) for sev, pats in (spec.get("only_at") or {}).items()}
    weak = tuple(_word(p, re.IGNORECASE) for p in spec.get("weak_cues") or [])
    return CueSet(float(spec.get("unpointed_min", 1.01)), tuple(cues), by_sev, weak, float(spec.get("weak_min", 0.0)))


@lru_cache(maxsize=1)
def _not_jargon() -> frozenset[str]:
    from .jargon import glossary

    g = glossary()
    return frozenset(str(x).lower() for x in list(g.get("common_acronyms", [])) + list(g.get("executive_known", [])))


def point(category: str, sentence: str, severity: Severity, allowed: frozenset[str] = frozenset(),
          confidence: float = 1.0) -> tuple[int, int] | None:
    """(start, end) of the first cue for ``category`` in ``sentence``, or None.

    ``allowed`` holds lower-cased words that never count as a cue here (the company's product
    names, public names): a product name is not jargon. Weak cues (blame: a party named with no
    fault word) count only when ``confidence`` reaches the category's ``weak_min``.
    """
    spec = cue_set(category)
    found = _first(spec.cues + spec.by_severity.get(severity.value, ()), sentence, category, allowed)
    if found is None and spec.weak and confidence >= spec.weak_min:
        found = _first(spec.weak, sentence, category, allowed)
    return found


def _first(patterns: tuple[re.Pattern, ...], sentence: str, category: str, allowed: frozenset[str]) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    skip = allowed | (_not_jargon() if category == "jargon" else frozenset())
    for pat in patterns:
        for m in pat.finditer(sentence):
            word = m.group(0).strip().lower()
            if not word or word in skip or (category == "jargon" and _is_plain_capital(m, sentence)):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), m.end())
            break
    return best


def _is_plain_capital(m: re.Match, sentence: str) -> bool:
    """'The' or 'We' at a sentence start are not acronyms; a capitalised ordinary word is not jargon."""
    word = m.group(0)
    return not any(ch.isdigit() for ch in word) and not word.isupper() and not any(c.isupper() for c in word[1:])


def unpointed_min(category: str) -> float:
    """The probability a verdict with no cue words must reach to be shown on its whole sentence."""
    return cue_set(category).unpointed_min
