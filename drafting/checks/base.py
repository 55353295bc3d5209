"""What every check receives (one shared parse) and the helpers they share.

A check is a function ``run(a: Analysis) -> list[Finding]``; it must not parse again.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..catalog import message
from ..config import CompanyConfig
from ..context import Context
from ..findings import Finding
from ..nlp import get_nlp
from ..textspans import resolve_overlaps


@dataclass
class Analysis:
    """The draft, its single spaCy parse, and the context every check reads."""

    text: str
    doc: Doc
    ctx: Context
    config: CompanyConfig = field(default_factory=CompanyConfig)
    library: Any = None  # a drafting.corpus.Library when reuse detection is configured

    @cached_property
    def sentences(self) -> list[Span]:
        return [s for s in self.doc.sents if s.text.strip()]

    def sentence_of(self, token_index: int) -> Span:
        return self.doc[token_index].sent

    def finding(self, category: str, rule: str, start: int, end: int, confidence: float = 0.9, **fmt: str) -> Finding:
        """Build a Finding whose message and suggestion come from data/rules/<category>.yaml."""
        start, end = _trim(self.text, start, end)
        span_text = self.text[start:end]
        template = message(category, rule)
        values = {"text": span_text, **fmt}
        return Finding(
            category=category,
            rule=rule,
            start=start,
            end=end,
            text=span_text,
            message=_fill(template["message"], values),
            suggestion=_fill(template["suggestion"], values),
            confidence=confidence,
        )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(_SafeDict(values)).strip()


_matcher_lock = threading.Lock()
_phrase_cache: dict[tuple, tuple[PhraseMatcher, PhraseMatcher]] = {}
_pattern_cache: dict[tuple, Matcher] = {}


def _inside_compound(doc: Doc, s: int, e: int) -> bool:
    """'high-value customers' is not 'valued customers': a match glued to a hyphenated word is part of it."""
    before = s > 0 and doc[s - 1].text in ("-", "‑") and not doc[s - 1].whitespace_
    after = e < len(doc) and doc[e].text in ("-", "‑") and not doc[e - 1].whitespace_
    return before or after


def phrase_spans(doc: Doc, name: str, phrases: Iterable[str]) -> list[tuple[Span, str]]:
    """Find phrases by lower-case form or by lemma (so 'apologised' matches 'apologize' lists that list both).

    Returns (span, phrase) pairs, longest first where they overlap.
    """
    phrases = tuple(sorted({p.strip() for p in phrases if p and p.strip()}))
    key = (name, phrases)
    with _matcher_lock:
        pair = _phrase_cache.get(key)
        if pair is None:
            nlp = get_nlp()
            lower = PhraseMatcher(nlp.vocab, attr="LOWER")
            lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
            for i, phrase in enumerate(phrases):
                lower.add(str(i), [nlp.make_doc(phrase)])
            for i, pdoc in enumerate(nlp.pipe(phrases, disable=["parser", "ner"])):
                lemma.add(str(i), [pdoc])
            pair = (lower, lemma)
            _phrase_cache[key] = pair
    found: dict[tuple[int, int], str] = {}
    for matcher in pair:
        for match_id, s, e in matcher(doc):
            found.setdefault((s, e), phrases[int(doc.vocab.strings[match_id])])
    whole = [(se, phrase) for se, phrase in found.items() if not _inside_compound(doc, *se)]
    return [(doc[s:e], phrase) for (s, e), phrase in resolve_overlaps(whole, lambda kv: kv[0])]


def token_patterns(doc: Doc, name: str, patterns: dict[str, list[list[dict]]]) -> Iterator[tuple[str, Span]]:
    """Run spaCy Matcher token patterns (from data files) once, cached by name."""
    key = (name, repr(patterns))
    with _matcher_lock:
        matcher = _pattern_cache.get(key)
        if matcher is None:
            matcher = Matcher(get_nlp().vocab)
            for label, pats in patterns.items():
                matcher.add(label, pats)
            _pattern_cache[key] = matcher
    for match_id, s, e in matcher(doc):
        yield doc.vocab.strings[match_id], doc[s:e]


def regex_spans(text: str, patterns: Iterable[str], flags: int = re.I) -> Iterator[re.Match]:
    for pat in patterns:
        yield from re.finditer(pat, text, flags)


def merge_overlapping(found: list[Finding]) -> list[Finding]:
    """Keep one finding where several overlap: the earliest, longest one."""
    return resolve_overlaps(found, lambda f: (f.start, f.end))
