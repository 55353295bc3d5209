"""What the classifier reads of a sentence: its words, without Markdown heading, bullet or quote marks."""
from __future__ import annotations

import re

_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*•>]\s+|\d{1,2}[.)]\s+|\*\*)")


def unit_text(text: str) -> str:
    return _MARKUP.sub("", text).strip().strip("*").strip()
