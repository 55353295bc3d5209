"""A tool's JSON export pasted as the write-up (Grafana annotations, an incident tool's timeline API, a chat
export): the lines a person would have written from it, one per event in time order, "2025-03-11 02:32 UTC
rizky.p: IMPACT WINDOW (operator-facing): 09:32-11:46 WIB ...". Read as JSON, the events' words sit among
ids, avatars and epoch milliseconds, and nothing in them is a time the reader can place. Keys are in
data/drafting/extract.yaml (``json_export``), where a support lead can add a tool's own names."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from .rules import rules


def _keys(kind: str) -> list[str]:
    return [str(k) for k in rules().get("json_export", {}).get(kind, [])]


def _when(record: dict[str, Any]) -> datetime | None:
    for key in _keys("time"):
        value = record.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            seconds = value / 1000 if value > 10**11 else value  # epoch milliseconds or seconds
            try:
                return datetime.fromtimestamp(seconds, tz=timezone.utc)
            except (OverflowError, OSError, ValueError):
                return None
        if isinstance(value, str) and value[:4].isdigit():
            try:
                when = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return None


def _first(record: dict[str, Any], kind: str) -> str:
    for key in _keys(kind):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        if isinstance(value, dict):  # "user": {"name": "..."}
            inner = next((v for k, v in value.items() if k in ("name", "login", "handle", "email") and isinstance(v, str)), "")
            if inner:
                return inner
    return ""


def _records(data: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The export's events (the longest list of objects in it) and its top-level fields."""
    if isinstance(data, list):
        return [r for r in data if isinstance(r, dict)], {}
    if not isinstance(data, dict):
        return [], {}
    lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(r, dict) for r in v)]
    events = max(lists, key=len) if lists else []
    return events, {k: v for k, v in data.items() if isinstance(v, (str, int, float)) and not isinstance(v, bool)}


def json_as_text(text: str) -> str | None:
    """The export as plain lines, or None when the text is not a JSON export of events."""
    body = text.strip()
    if not body.startswith(("[", "{")):
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    events, top = _records(data)
    said = [(r, _first(r, "text")) for r in events]
    said = [(r, words) for r, words in said if words]
    if not said:
        return None
    lines = [f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in top.items() if k in _keys("fields")]
    timed = sorted(((_when(r), _first(r, "who"), words) for r, words in said), key=lambda t: (t[0] is None, t[0] or datetime.min.replace(tzinfo=timezone.utc)))
    for when, who, words in timed:
        stamp = f"{when:%Y-%m-%d %H:%M} UTC " if when else ""
        lines.append(f"{stamp}{who + ': ' if who else ''}{words}")
    return "\n".join(lines) + "\n"


def as_read(text: str) -> str:
    """The write-up as the reader reads it: a JSON export as its lines, anything else as it is."""
    return json_as_text(text) or text
