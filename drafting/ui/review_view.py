"""What the Review page shows beside the text: which findings get cards, their ids, the summary by category, exports."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..findings import Finding
from . import dismiss
from .settings import UISettings, load_settings


def shown_cards(findings: list[Finding], text_length: int) -> list[Finding]:
    """Findings in reading order (each one a mark links to), then what concerns the whole draft (missing parts)."""
    whole = [f for f in findings if not (0 <= f.start < f.end <= text_length)]
    inline = sorted((f for f in findings if 0 <= f.start < f.end <= text_length), key=lambda f: (f.start, f.end))
    return inline + whole


def card_ids(findings: list[Finding]) -> dict[int, str]:
    """id(finding) -> the HTML id of its card, numbered in the order shown."""
    return {id(f): f"finding-card-{n}" for n, f in enumerate(findings, start=1)}


def category_summary(findings: list[Finding], settings: UISettings | None = None) -> str:
    """'12 findings: Jargon 7, Blame 3, Missing part 2.' (largest first)."""
    settings = settings or load_settings()
    counts = Counter(f.category for f in findings)
    parts = ", ".join(f"{settings.label(c)} {n}" for c, n in counts.most_common())
    return f"{len(findings)} finding(s): {parts}." if findings else "No findings."


def export_findings(kept: Any, full: Any, text: str, dismissed: list[str]) -> dict[str, Any]:
    """The review as JSON: the result without dismissed findings (score included), and what was dismissed."""
    data = kept.to_dict()
    data["dismissed"] = [f.to_dict() for f in full.findings if dismiss.is_dismissed(f, text, dismissed)]
    return data
