"""The parts of the fact sheet only the internal review sees: the shared timeline and what was missed.

Kept apart from the customer fields (facts.build) because they are read from every timed line of the
write-up, not from the parts a customer may read, and always in blameless words (redact.internal).
"""
from __future__ import annotations

import re
from datetime import timezone

from ..reading.document import Document, Span
from ..reading.rules import has_cue, rules, zone_of
from ..redact import Redactor
from .sheet import Fact, FactSheet


def internal_view(doc: Document, red: Redactor, reading, sheet: FactSheet) -> None:
    """For the internal review only: the shared timeline, what was missed (both blameless)."""
    zone = zone_of(sheet.timezone) or timezone.utc
    for u in doc.units:
        if u.kind not in ("line", "item", "sentence") or u.quoted:
            continue
        p = next((p for p in reading.points if u.span.start <= p.start < u.span.start + 25), None)
        if p is None or u.section not in ("timeline", "preamble", "other", "summary", "resolution", "detection"):
            continue
        body = Span(p.end, u.span.end, doc.text[p.end:u.span.end])
        m = re.match(r"[\]\s)]*(?:[—–:|-]+\s*)?", body.text)
        if m:
            body = Span(body.start + m.end(), body.end, body.text[m.end():])
        if len(body.text.split()) < 2:
            continue
        sheet.timeline.append(Fact({"time": p.when.astimezone(zone).strftime("%Y-%m-%d %H:%M"), "text": red.internal(body)}, u.span, 0.8, f"read as {p.raw} {p.zone}"))
        if p.when and sheet.start.value and p.when >= sheet.start.value and sheet.detected.value is None and has_cue(u.text, rules()["detect_cues"]):
            sheet.detected = Fact(p.when, u.span, 0.6)
    if len(sheet.timeline) < 3:  # a narrative: its sentences that carry a time stand in for a timeline
        seen = {f.source.start for f in sheet.timeline if f.source}
        for u in doc.units:
            if u.kind != "sentence" or u.quoted or u.span.start in seen or u.section in ("actions", "cause"):
                continue
            p = next((p for p in reading.points if u.span.start <= p.start < u.span.end), None)
            if p is not None:
                sheet.timeline.append(Fact({"time": p.when.astimezone(zone).strftime("%Y-%m-%d %H:%M"), "text": red.internal(u.span)}, u.span, 0.6, f"read as {p.raw} {p.zone}"))
    sheet.timeline.sort(key=lambda f: f.value["time"])
    sheet.timeline = sheet.timeline[:40]
    sheet.missed = [Fact(red.internal(u.span), u.span, 0.7) for u in doc.in_section("contributing") if len(u.text.split()) >= 4][:8]
