"""The draft as HTML with each finding marked inline: colour by category, message and suggestion on hover.

Every character of the user's text goes through html.escape, so a draft containing
``<script>`` or any markup is shown as text, never run or rendered as markup.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

from ..findings import Finding
from .settings import UISettings, load_settings

# underline patterns, one per category in highlight order, so colour is never the only difference
PATTERNS = ("solid", "double", "dotted", "dashed", "wavy")
_SAFE_COLOUR = re.compile(r"^[#a-zA-Z0-9(),.%\s-]{1,40}$")


def _colour(settings: UISettings, category: str) -> str:
    value = settings.colour(category)
    return value if _SAFE_COLOUR.match(value) else "#eeeeee"


def inline_findings(findings: Iterable[Finding], text_length: int) -> list[Finding]:
    """Findings that point at words (document-level ones such as a missing part have no span)."""
    return [f for f in findings if 0 <= f.start < f.end <= text_length]


def tooltip(findings: Sequence[Finding], settings: UISettings) -> str:
    """Plain text for the title attribute: each finding's label, message and suggestion."""
    parts = []
    for f in findings:
        line = f"{settings.label(f.category)}: {f.message}"
        if f.suggestion:
            line += f"\nTry: {f.suggestion}"
        parts.append(line)
    return "\n\n".join(parts)


def _segments(text: str, findings: list[Finding]) -> list[tuple[int, int, list[Finding]]]:
    """Cut the text at every finding boundary; each piece carries the findings covering it."""
    cuts = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [f for f in findings if f.start <= a and b <= f.end]
        pieces.append((a, b, covering))
    return pieces


def highlight_html(text: str, findings: Iterable[Finding], settings: UISettings | None = None,
                   cards: Mapping[int, str] | None = None) -> str:
    """Escaped HTML of the whole draft, findings wrapped in <mark> elements.

    Each mark has data-categories (space-separated), a background colour and an underline pattern for
    the highest-priority category (so categories differ without colour too), a title with every
    message and suggestion on those words, and a small text tag with the category's short name where
    a finding ends. ``cards`` maps id(finding) to the id of its card beside the text: the mark is then
    a link to it, so a click, a tap or Tab + Enter opens the card. Overlapping findings split the
    text into pieces, so no mark is ever nested.
    """
    settings = settings or load_settings()
    cards = cards or {}
    marked = inline_findings(findings, len(text))
    out: list[str] = []
    for a, b, covering in _segments(text, marked):
        piece = html.escape(text[a:b], quote=True)
        if not covering:
            out.append(piece)
            continue
        covering = sorted(covering, key=lambda f: (settings.rank(f.category), f.start))
        main = covering[0].category
        cats = " ".join(dict.fromkeys(f.category for f in covering))
        extra = "; border-bottom: 2px solid #555" if len({f.category for f in covering}) > 1 else ""
        pattern = PATTERNS[settings.rank(main) % len(PATTERNS)]
        mark = (
            f'<mark class="finding finding-{main}" data-categories="{html.escape(cats, quote=True)}" '
            f'title="{html.escape(tooltip(covering, settings), quote=True)}" '
            f'style="background-color: {_colour(settings, main)}; padding: 0 1px; border-radius: 3px; color: inherit; '
            f'text-decoration: underline {pattern} #333; text-underline-offset: 3px{extra}">'
            f"{piece}</mark>"
        )
        ends = [f for f in covering if f.end == b]
        if ends:
            mark += (f'<sup class="finding-tag" style="font-size: 0.65rem; color: #444; margin-left: 1px">'
                     f"{html.escape(settings.label(ends[0].category))}</sup>")
        card = next((cards[id(f)] for f in covering if id(f) in cards), "")
        if card:
            mark = (f'<a class="finding-link" href="#{html.escape(card, quote=True)}" '
                    f'style="color: inherit; text-decoration: none">{mark}</a>')
        out.append(mark)
    body = "".join(out)
    return (
        '<div class="draft-highlighted" style="white-space: pre-wrap; line-height: 1.6; '
        'font-size: 1rem; border: 1px solid #ddd; border-radius: 6px; padding: 0.75rem 1rem;">'
        f"{body}</div>"
    )


def legend_html(counts: dict[str, int], settings: UISettings | None = None) -> str:
    """A row of coloured chips, one per category with findings, with the count."""
    settings = settings or load_settings()
    chips = []
    for category, n in counts.items():
        if not n:
            continue
        chips.append(
            f'<span class="legend-chip" data-category="{html.escape(category, quote=True)}" '
            f'style="background-color: {_colour(settings, category)}; padding: 2px 8px; border-radius: 10px; '
            f'margin-right: 6px; display: inline-block; margin-bottom: 4px; '
            f'text-decoration: underline {PATTERNS[settings.rank(category) % len(PATTERNS)]} #333; text-underline-offset: 3px">'
            f"{html.escape(settings.label(category))}: {int(n)}</span>"
        )
    return "<div>" + ("".join(chips) or "<span>No findings.</span>") + "</div>"
