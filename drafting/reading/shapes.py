"""Which shape a write-up has: the reading adapts (a chat paste's lines are events, an email's quoted
replies are older messages, a Q&A form's questions are section headings)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .chat_export import SPEAKER

if TYPE_CHECKING:
    from .document import Document

# a meeting chat's "20:26:48 From Linh Tran To Everyone: words" (drafting/reading/chat_export.py joins them)
_SPOKEN_BY = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?\s+" + SPEAKER + r"\s+\S")
SHAPES = ("sre_template", "pagerduty", "chat", "ticket", "email", "shift_log", "qa", "retro", "narrative")


def shape_of(doc: "Document") -> str:
    text = doc.text
    units = doc.units
    lines = [u for u in units if u.kind == "line"]
    headings = [u for u in units if u.kind == "heading"]
    fields = [u for u in units if u.kind == "field"]
    keys = {u.key.lower() for u in fields}
    if re.search(r"(?im)^\s*(?:>\s*)?(?:from|to|subject|sent|cc)\s*:", text) and (re.search(r"(?im)^\s*(?:from|subject)\s*:", text)) and (re.search(r"(?im)^\s*on .{5,80}wrote:\s*$", text) or "subject" in keys):
        return "email"
    if keys & {"triggered", "urgency", "escalation policy", "incident number", "service"} and ("triggered" in keys or "urgency" in keys):
        return "pagerduty"
    if len(re.findall(r"(?m)^\s*(?:\*\*)?Q\s*\d*\s*[:.)]|^\s*(?:\*\*)?(?:What|When|Who|Why|How|Was|Were|Did|Is|Are)\b[^\n]{3,120}\?\s*(?:\*\*)?\s*$", text)) >= 3:
        return "qa"
    if re.search(r"(?i)\bshift\b.{0,30}\b(log|handover|handoff|notes)\b|\bhandover\b", text) and len(lines) >= 4:
        return "shift_log"
    if len(lines) >= 6 and sum(1 for u in lines if _SPOKEN_BY.match(u.text) or re.match(r"\s*(?:\[[^\]]+\]\s*)?\S{1,25}:\s|\s*\d{1,2}(?::\d{2})?\s*(?:[ap]m\s*)?(?:[A-Z]{2,4}\s+)?[a-z][\w.-]+:", u.text, re.I)) >= 4:
        return "chat"
    if re.search(r"(?i)\b(went well|went wrong|start doing|stop doing|keep doing|what we learned)\b", text) and len(headings) >= 2 and not any(u.section == "timeline" for u in headings):
        return "retro"
    if len(headings) >= 3 and any(u.section in ("cause", "impact") for u in headings):
        return "sre_template"
    if len(fields) >= 4:
        return "ticket"
    return "narrative"
