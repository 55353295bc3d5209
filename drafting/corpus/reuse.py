"""Turn reuse-index matches into `boilerplate`/`reuse` findings on a draft (one per passage, with the count)."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from ..checks.base import Analysis
from ..findings import Finding
from .index import Match, ReuseIndex
from .text import block_masked, paragraph_spans, settings, words

Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class ReportRef:
    """What a finding says about the earlier report: its title and date."""

    title: str
    date: str | None


def draft_units(a: Analysis) -> tuple[str, list[tuple[str, int, int]]]:
    """Paragraphs of the draft, then its long sentences (from the one spaCy parse), with offsets."""
    cfg = settings()
    masked = block_masked(a.text)
    min_para, min_sent = int(cfg["min_paragraph_words"]), int(cfg["min_sentence_words"])
    units: list[tuple[str, int, int]] = []
    para_spans = set()
    all_paras = paragraph_spans(a.text)
    for s, e in all_paras:
        if len(words(masked[s:e])) >= min_para:
            units.append(("para", s, e))
            para_spans.add((s, e))
    for sent in a.sentences:
        s, e = sent.start_char, sent.end_char
        overlaps = [(min(e, pe) - max(s, ps), ps, pe) for ps, pe in all_paras if ps < e and s < pe]
        if overlaps:  # spaCy may run a heading into the next line: keep each sentence inside one paragraph
            _, ps, pe = max(overlaps)
            s, e = max(s, ps), min(e, pe)
        while s < e and masked[s].isspace():
            s += 1
        while e > s and masked[e - 1].isspace():
            e -= 1
        if (s, e) not in para_spans and len(words(masked[s:e])) >= min_sent:
            units.append(("sent", s, e))
    return masked, units


def most_recent(refs: set[Hashable], meta: dict[Hashable, ReportRef]) -> Hashable:
    """The report a reader most likely remembers: the latest dated one (undated ones last)."""
    return max(refs, key=lambda r: ((meta[r].date or "") if r in meta else "", str(r)))


def findings_for(a: Analysis, index: ReuseIndex, meta: dict[Hashable, ReportRef],
                 encoder: Encoder | None = None, exclude: Hashable = None) -> list[Finding]:
    """One finding per reused paragraph, or per reused long sentence outside a reused paragraph."""
    if not len(index):
        return []
    masked, units = draft_units(a)
    min_cover = float(settings()["paragraph_min_coverage"])
    vectors = None
    if encoder is not None and index.has_vectors and units:
        vectors = encoder([masked[s:e] for _, s, e in units])
    out: list[Finding] = []
    covered: list[tuple[int, int]] = []
    for i, (kind, s, e) in enumerate(units):
        if any(cs <= s and e <= ce for cs, ce in covered):
            continue
        matches = index.matches(masked[s:e], exclude=exclude, vector=None if vectors is None else vectors[i],
                                min_coverage=min_cover if kind == "para" else 0.0)
        if not matches:
            continue
        out.append(_finding(a, s, e, matches, meta))
        covered.append((s, e))
    return out


def _finding(a: Analysis, start: int, end: int, matches: list[Match], meta: dict[Hashable, ReportRef]) -> Finding:
    best = matches[0]
    refs: set[Hashable] = set()
    for m in matches:
        refs |= m.refs
    named = most_recent(best.refs, meta)
    ref = meta.get(named, ReportRef(str(named), None))
    others = len(refs) - 1
    more = "" if others <= 0 else f"; it also appears in {others} other past report{'s' if others > 1 else ''}"
    confidence = min(0.99, 0.55 + 0.4 * best.similarity)
    finding = a.finding(
        "boilerplate", "reuse", start, end, confidence,
        report=ref.title, date=ref.date or "undated", similarity=f"{round(best.similarity * 100)}%", more=more,
    )
    finding.source = "library"
    return finding
