"""Lines that list what customers got or how many were hit, read item by item: a chat message's figures after a
label ("numbers for the doc: 41,200 tickets sold; ~9,000 kicked at 22:06") and a remedy list's "Who: what they
get" lines."""
from __future__ import annotations

import re

from ..reading.rules import has_cue, rules
from ..reading.spans import Span
from ..redact import Redactor
from .gate import customer_sentence


def tally_spans(text: str, start: int, end: int) -> list[Span]:
    """A chat message that lists the figures after a label ("numbers for the doc: 41,200 tickets sold; ~17,900
    accounts hit the error"): each figure as its own span, or [] when the message is not such a list."""
    label = re.match(r"[^:\n]{2,60}:\s+", text[start:end])
    if label is None or text.count(";", start, end) < 2:
        return []
    out, pos = [], start + label.end()
    for piece in re.finditer(r"[^;]+", text[pos:end]):
        s, e = pos + piece.start(), pos + piece.end()
        s += len(text[s:e]) - len(text[s:e].lstrip())
        if re.search(r"\d", text[s:e]):
            out.append(Span(s, e, text[s:e]))
    return out


def remedy_line(sp: Span, red: Redactor) -> str | None:
    """A remedy list's "Who: what they get" line ("All 6,412 affected orgs: one month's subscription credit, applied on
    the next invoice"), kept as the write-up lists it: the credit or refund a customer must not miss."""
    if not re.match(r"\s*[A-Z][^:.;]{2,50}:\s+\S", sp.text) or not has_cue(sp.text, rules().get("remedy_words", [])):
        return None
    return customer_sentence(sp, red, sentence=False)
