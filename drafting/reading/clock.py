"""A time of day as written ("14:02", "2:15pm", "9 a.m."), read the same way by every reader of times."""
from __future__ import annotations

import re


def clock(raw: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of "14:02", "2:15pm", "9 a.m."; None for "25:99"."""
    m = re.search(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", raw, re.I)
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    mer = (m.group(4) or "").lower().replace(".", "")
    if mer and not 1 <= hour <= 12:
        return None
    if mer == "pm" and hour < 12:
        hour += 12
    if mer == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second
