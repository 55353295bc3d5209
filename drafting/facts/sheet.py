"""The incident fact sheet: the contract between reading a write-up and writing a draft.

Every field keeps the span of the write-up it came from and a confidence, so a liaison can see why
the tool believes it and correct it. Text values are already in customer-safe words (they passed the
leak and blame checks as whole sentences); ``internal`` fields (timeline, what was missed, unconfirmed
claims) are for the internal review only and never reach a customer draft. A sheet round-trips
through JSON/YAML, so ``incident-draft draft --facts FILE`` drafts from a liaison's edited copy.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from typing import Any

import yaml

from ..errors import InputError
from ..reading.document import Span

CAUSE_STATUSES = ("confirmed", "suspected", "unknown")
NO_ZONE_NOTE = "no zone written: read as UTC, check it"  # a window time's note when the write-up wrote no zone for it


@dataclass
class Fact:
    """One value read from the write-up, with where it came from and how sure the reading is."""

    value: Any
    source: Span | None = None
    confidence: float = 0.8
    note: str = ""   # how it was read, e.g. "read as 14:02 CET (UTC+1)"

    def to_dict(self) -> dict[str, Any]:
        v = self.value.isoformat().replace("+00:00", "Z") if isinstance(self.value, datetime) else self.value
        out: dict[str, Any] = {"value": v, "confidence": round(float(self.confidence), 2)}
        if self.source is not None:
            out["source"] = {"text": self.source.text, "start": self.source.start, "end": self.source.end}
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_dict(cls, data: Any, kind: str = "text") -> "Fact":
        if not isinstance(data, dict):
            data = {"value": data, "confidence": 1.0, "note": "entered by the liaison"}
        value = data.get("value")
        if kind == "time" and value not in (None, ""):
            value = parse_utc(value.isoformat() if isinstance(value, (date, datetime)) else str(value))
        if kind == "int" and value not in (None, ""):
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise InputError(f"'{value}' is not a whole number of minutes. Write the duration in minutes, e.g. 84.") from None
        src = data.get("source")
        span = Span(int(src.get("start", 0)), int(src.get("end", 0)), str(src.get("text", ""))) if isinstance(src, dict) else None
        return cls(value, span, float(data.get("confidence", 1.0)), str(data.get("note", "")))


def parse_utc(value: str) -> datetime:
    """'2025-02-11T14:07Z' / '2025-02-11 14:07 UTC' / with an offset -> aware UTC datetime, or a clear InputError."""
    raw = value.strip().replace(" UTC", "Z").replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(raw.replace(" ", "T", 1) if "T" not in raw else raw)
    except ValueError:
        raise InputError(f"'{value}' is not a date and time. Write it as 2025-02-11T14:07Z (UTC) or with an offset, e.g. 2025-02-11T15:07+01:00.") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    try:
        return dt.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise InputError(f"'{value}' falls outside the calendar. Write it as 2025-02-11T14:07Z.") from None


_LISTS = ("products", "symptoms", "numbers", "figures", "unaffected", "harm", "remedy", "actions", "changes_plain", "resolution",
          "unconfirmed", "missed", "timeline")
_TIMES = ("start", "end", "detected")


@dataclass
class FactSheet:
    """What the write-up says, typed and sourced, and what it leaves open (``flags``)."""

    title: Fact = field(default_factory=lambda: Fact(""))
    headline: Fact = field(default_factory=lambda: Fact(""))  # what failed, in customer words, for a draft's heading
    severity: Fact = field(default_factory=lambda: Fact(""))
    products: list[Fact] = field(default_factory=list)      # products and features affected, customer names
    symptoms: list[Fact] = field(default_factory=list)      # what customers saw, whole customer-safe sentences
    start: Fact = field(default_factory=lambda: Fact(None))  # impact window, UTC; note: the zone it was read in
    end: Fact = field(default_factory=lambda: Fact(None))
    duration_minutes: Fact = field(default_factory=lambda: Fact(None))
    detected: Fact = field(default_factory=lambda: Fact(None))
    numbers: list[Fact] = field(default_factory=list)       # customer figures, as whole sentences
    figures: list[Fact] = field(default_factory=list)       # figures whose sentence cannot be shown ("830 stores")
    unaffected: list[Fact] = field(default_factory=list)    # what kept working
    harm: list[Fact] = field(default_factory=list)          # what customers lost: data, money, bookings
    remedy: list[Fact] = field(default_factory=list)        # refunds, credits, what customers must do
    cause: Fact = field(default_factory=lambda: Fact(""))   # in customer words; stated only when confirmed
    cause_status: Fact = field(default_factory=lambda: Fact("unknown"))
    cause_open: Fact = field(default_factory=lambda: Fact(""))  # a deeper cause still being confirmed ("why the storage stalled")
    cause_plain: Fact = field(default_factory=lambda: Fact(""))  # a confirmed cause by its kind, for readers the write-up's words don't suit
    actions: list[Fact] = field(default_factory=list)       # what is changing, plain, no owners or tickets
    changes_plain: list[Fact] = field(default_factory=list)  # one plain sentence per kind of change (monitoring, tests, ...)
    resolution: list[Fact] = field(default_factory=list)    # how service was restored
    review: Fact = field(default_factory=lambda: Fact(""))  # when the full review comes, if the write-up says
    contact: Fact = field(default_factory=lambda: Fact(""))
    cause_internal: Fact = field(default_factory=lambda: Fact(""))  # internal: the cause section as written, blameless
    unconfirmed: list[Fact] = field(default_factory=list)   # internal: claims the write-up marks as guesses
    missed: list[Fact] = field(default_factory=list)        # internal: what went wrong (blameless)
    timeline: list[Fact] = field(default_factory=list)      # internal: value {"time": iso, "text": ...}
    writeup_date: str = ""
    timezone: str = "UTC"
    shape: str = "narrative"
    flags: list[dict[str, str]] = field(default_factory=list)  # what was left out or needs the liaison, with why

    @property
    def cause_confirmed(self) -> bool:
        return self.cause_status.value == "confirmed" and bool(self.cause.value)

    def flag(self, item: str, reason: str) -> None:
        if not any(o["item"] == item and o["reason"] == reason for o in self.flags):
            self.flags.append({"item": item, "reason": reason})

    def texts(self, name: str) -> list[str]:
        return [str(f.value) for f in getattr(self, name) if f.value]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, Fact):
                out[f.name] = v.to_dict()
            elif isinstance(v, list) and f.name != "flags":
                out[f.name] = [x.to_dict() for x in v]
            else:
                out[f.name] = v
        return out

    def summary(self) -> dict[str, Any]:
        """The values alone (what a draft's JSON shows beside its text)."""
        d = {k: (v["value"] if isinstance(v, dict) and "value" in v else [x["value"] for x in v] if isinstance(v, list) and k != "flags" else v)
             for k, v in self.to_dict().items()}
        d["cause_confirmed"] = self.cause_confirmed
        return d

    @classmethod
    def from_dict(cls, data: Any) -> "FactSheet":
        if not isinstance(data, dict):
            raise InputError("A fact sheet must be a mapping of fields (as printed by `incident-draft facts WRITEUP --format yaml`).")
        sheet = cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"Unknown fact sheet field(s): {', '.join(unknown)}. Known fields: {', '.join(sorted(known))}.")
        for name, value in data.items():
            if name in _LISTS:
                if value is None:
                    value = []
                if not isinstance(value, list):
                    raise InputError(f"The fact sheet field '{name}' must be a list (one '- value: ...' entry per item).")
                setattr(sheet, name, [Fact.from_dict(x) for x in value])
            elif name in _TIMES:
                setattr(sheet, name, Fact.from_dict(value, "time"))
            elif name == "duration_minutes":
                setattr(sheet, name, Fact.from_dict(value, "int"))
            elif name == "flags":
                sheet.flags = [dict(item=str(x.get("item", "")), reason=str(x.get("reason", ""))) for x in (value or []) if isinstance(x, dict)]
            elif name in ("writeup_date", "timezone", "shape"):
                setattr(sheet, name, str(value or ""))
            else:
                setattr(sheet, name, Fact.from_dict(value))
        status = sheet.cause_status.value
        if status not in CAUSE_STATUSES:
            raise InputError(f"cause_status must be one of {', '.join(CAUSE_STATUSES)}, not '{status}'.")
        s, e = sheet.start.value, sheet.end.value
        if s is not None and e is not None:
            if e <= s:
                raise InputError("In the fact sheet the end of impact is not after its start. Correct start or end (UTC).")
            sheet.duration_minutes = Fact(int((e - s).total_seconds() // 60), None, 1.0, "end minus start")
        return sheet

    def dumps(self, fmt: str = "json") -> str:
        data = self.to_dict()
        if fmt == "yaml":
            return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def loads(cls, text: str) -> "FactSheet":
        try:
            data = yaml.safe_load(text)  # YAML is a superset of JSON
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise InputError(f"The fact sheet is not valid YAML or JSON{where}. Fix it or print a fresh one with `incident-draft facts WRITEUP`.") from None
        except (ValueError, OverflowError) as exc:  # a date YAML reads itself, such as 2025-13-45
            raise InputError(f"The fact sheet has a date that cannot exist ({exc}). Write times as 2025-02-11T14:07Z.") from None
        return cls.from_dict(data)


def day_of(sheet: FactSheet) -> date | None:
    when = sheet.start.value or sheet.end.value
    if when is not None:
        return when.date()
    try:
        return date.fromisoformat(sheet.writeup_date) if sheet.writeup_date else None
    except ValueError:
        return None
