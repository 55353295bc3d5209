"""Small escaped HTML blocks the app shows beside the draft: one finding, one rewrite option, an omitted item."""
from __future__ import annotations

import html

from ..findings import Finding
from .settings import UISettings, load_settings


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def finding_card(f: Finding, settings: UISettings | None = None, card_id: str = "", number: int = 0) -> str:
    """The category by name, the words flagged (if any), why, and what to write instead; every string escaped.

    ``card_id`` makes the card the target of its highlight's link; ``number`` is shown to match it.
    """
    settings = settings or load_settings()
    anchor = f' id="{_e(card_id)}" tabindex="-1"' if card_id else ""
    heading = (f'<div style="font-weight: 600; font-size: 0.85rem">{f"{number}. " if number else ""}'
               f"{_e(settings.label(f.category))}</div>")
    quote = (
        f'<span style="background-color: {_e(settings.colour(f.category))}; padding: 0 3px; border-radius: 3px">'
        f"{_e(f.text)}</span><br>"
        if f.text
        else ""
    )
    suggestion = f'<div style="color: #333"><b>Try:</b> {_e(f.suggestion)}</div>' if f.suggestion else ""
    return (
        f'<div class="finding-card" data-category="{_e(f.category)}" data-rule="{_e(f.rule)}"{anchor} '
        f'style="border-left: 4px solid {_e(settings.colour(f.category))}; padding: 0.25rem 0.6rem; margin: 0.2rem 0 0.4rem 0; '
        'scroll-margin-top: 0.5rem">'
        f"{heading}{quote}<div>{_e(f.message)}</div>{suggestion}"
        f'<div style="color: #777; font-size: 0.8rem">{_e(f.rule)} · {_e(f.source)} · confidence {float(f.confidence):.2f}</div>'
        "</div>"
    )


def rewrite_card(option: str) -> str:
    """A proposed replacement sentence, shown as text."""
    return (
        '<div class="rewrite-option" style="background: #f3f8f3; border-radius: 4px; padding: 0.3rem 0.6rem; '
        f'margin: 0.2rem 0">{_e(option)}</div>'
    )


def omitted_html(items: list[dict]) -> str:
    """What a draft left out on purpose, and why, as an escaped list."""
    if not items:
        return "<p>Nothing was left out.</p>"
    rows = "".join(
        f'<li><b>{_e(i.get("item", ""))}</b>: {_e(i.get("reason", ""))}</li>' for i in items
    )
    return f'<ul class="omitted-list">{rows}</ul>'
