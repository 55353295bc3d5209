"""The text-span toolkit: one of each operation every check, operator and front end shares.

- ``sentence_bounds``: the one sentence splitter for text with no parse (a rewrite, a UI edit);
  where a spaCy parse exists, its ``doc.sents`` is the segmentation.
- ``resolve_overlaps``: where spans overlap keep the earliest, then the longest.
- ``apply_edits(text, edits)``: the one place text is changed by (start, end, replacement) edits.
- ``customer_visible_names``: the names a customer may read (public names, company, products).
- ``impact_from`` / ``action_from`` / ``finish_sentence``: small pieces the suggestion makers share.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from .resources import data_yaml

T = TypeVar("T")

_SENT_END = re.compile(r"[.!?](?=[\s\"')\]]|$)|\n")
_IMPACT_WORDS = re.compile(
    r"\b(could not|couldn't|unable|failed|declined|errors?|did not work|did not load|did not start|not delivered|delayed|late|slow|"
    r"wrong|unavailable|disrupted|stopped|out-of-date|lost)\b", re.I)


def templates() -> dict[str, Any]:
    """Wording for drafts and rewrites (data/drafting/templates.yaml)."""
    return data_yaml("drafting/templates.yaml")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence (or list item) holding character ``pos``."""
    start = 0
    for m in _SENT_END.finditer(text, 0, max(0, pos)):
        start = m.end()
    m = _SENT_END.search(text, max(pos, start))
    end = m.end() if m else len(text)
    if m and m.group(0) == "\n":
        end -= 1
    while start < end and text[start] in " \t\n-*•>#":
        start += 1
    return start, end


def resolve_overlaps(items: Iterable[T], span: Callable[[T], tuple[int, int]],
                     keep_both: Callable[[T, T], bool] | None = None) -> list[T]:
    """Where items overlap keep the earliest, then the longest; ``keep_both(kept, new)`` may let both stand."""
    out: list[T] = []
    for item in sorted(items, key=lambda x: (span(x)[0], -(span(x)[1] - span(x)[0]))):
        if out and span(item)[0] < span(out[-1])[1] and not (keep_both and keep_both(out[-1], item)):
            continue
        out.append(item)
    return out


def apply_edits(text: str, edits: Iterable[Sequence[Any]]) -> str:
    """Apply (start, end, replacement, ...) edits; where edits overlap, resolve_overlaps picks one."""
    out, pos = [], 0
    for start, end, new, *_ in resolve_overlaps(edits, lambda e: (e[0], e[1])):
        out += [text[pos:start], new]
        pos = end
    return "".join(out) + text[pos:]


def customer_visible_names(config: Any) -> frozenset[str]:
    """Lower-case names a customer may read: configured public names, our company, our products."""
    names = [*config.public_names, config.company, *config.product_names]
    return frozenset(n.strip().lower() for n in names if n and n.strip())


def lower_first(s: str) -> str:
    s = s.strip().rstrip(".")
    words = s.split()
    if words and len(words[0]) > 1 and words[0][1:].islower() and words[0] not in ("I",):
        return s[0].lower() + s[1:]
    return s


def finish_sentence(s: str) -> str:
    """Tidy a candidate: single spaces, no space before punctuation, capital first, a full stop last."""
    s = re.sub(r"\s{2,}", " ", s.strip())
    s = re.sub(r"\s+([,.;:])", r"\1", s)
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    if s and s[-1] not in ".!?\"')":
        s += "."
    return s


def impact_from(text: str, exclude: str = "") -> str | None:
    """A sentence of the draft that names the impact (what failed, with a time or number), as a clause."""
    best = None
    for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
        s = m.group(0).strip()
        if not s or s == exclude.strip() or s.startswith("#") or re.search(r"\b(sorry|apolog)", s, re.I):
            continue
        if _IMPACT_WORDS.search(s) and re.search(r"\d", s):
            return lower_first(s.lstrip("-* "))
        if best is None and _IMPACT_WORDS.search(s):
            best = lower_first(s.lstrip("-* "))
    return best


def action_from(text: str) -> str | None:
    """The first specific change the draft names ("We will add ..." or an item under a changes heading)."""
    m = re.search(r"\b[Ww]e ((?:will|have|are) (?!publish|share|post|answer|still)[^.\n]{12,200})[.\n]", text)
    if m:
        return "we " + m.group(1).strip()  # "we have added an alert ...", a whole clause after the colon
    return None
