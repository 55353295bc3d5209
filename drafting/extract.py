"""Read an engineers' internal write-up into facts a customer draft can use.

Times come in mixed formats ("14:02", "2:15pm PT", "2025-03-04T09:12Z", "yesterday 9am");
each is read with the nearest stated date and zone and normalised to one zone (UTC by default).
Anything that cannot be pinned down is left out and listed in ``omitted`` with the reason,
never guessed. Text facts are kept as character spans of the write-up, so redaction and the
blame rewrite can use the write-up's single spaCy parse (see drafting.redact).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from .resources import data_dir

import yaml

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_NUM = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DATE_RE = re.compile(
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|(?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<m1>{_MONTHS})[a-z]*\.?(?:,?\s+(?P<y1>\d{{4}}))?\b)"
    rf"|(?P<mdy>\b(?P<m2>{_MONTHS})[a-z]*\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:)(?:,?\s+(?P<y2>\d{{4}}))?\b)",
    re.I,
)
_ZONE = r"(?:\s*\(?(?P<zone>UTC|GMT|Z|PT|PST|PDT|MT|MST|MDT|CT|CST|CDT|ET|EST|EDT|CET|CEST|BST|IST|JST|SGT|AEST|AEDT)\)?(?![A-Za-z])|(?P<offset>[+-]\d{2}:?\d{2}))?"
_TIME_RE = re.compile(
    r"(?:(?P<isodt>\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)(?P<isoz>Z|[+-]\d{2}:?\d{2})?"
    r"|(?P<rel>\b(?:yesterday|today|this\s+morning|last\s+night|tonight)\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)"
    r"|(?P<hm>(?<![\d:.])\d{1,2}:\d{2}(?::\d{2})?(?!\d|:\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)"
    r"|(?P<h>(?<![\d:.])\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)))" + _ZONE,
    re.I,
)
_NUMBER_RE = re.compile(
    r"(?:\b(?:about|approximately|approx\.?|roughly|around|nearly|over|more than|almost|up to|some)\s+|~)?"
    r"(?<![\w.])[$€£]?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|k\b|m\b|million\b|thousand\b|x\b)?"
    r"(?:\s+(?:of\s+)?(?:[A-Za-z-]+\s+){0,3}?(?P<noun>[A-Za-z-]+))?",
    re.I,
)
_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s*(?P<md>.+?)\s*#*\s*$|\*\*(?P<bold>[^*]+?)\*\*:?\s*$|(?P<colon>[A-Za-z][A-Za-z /()&,'-]{1,48}):\s*$)")
_FIELD_RE = re.compile(r"^\s*(?:[-*]\s*)?(?:\*\*)?(?P<key>[A-Za-z][A-Za-z ()/.'-]{0,40}?)(?:\*\*)?\s*(?::|\s[—–-]\s)(?:\*\*)?\s*(?P<value>\S.*)$")
_LEADER_RE = re.compile(r"^\s*(?:[-*•|>]\s*)*\[?")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    with open(data_dir() / "drafting" / "extract.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def zone_of(name: str) -> tzinfo | None:
    """A zone word ("PT", "CET", "UTC", "+01:00", "Europe/Berlin") as a tzinfo; None if unknown."""
    if not name:
        return None
    value = rules()["timezones"].get(name.strip().upper(), name.strip())
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", str(value))
    if m:
        sign = 1 if m.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))
    try:
        return ZoneInfo(str(value))
    except Exception:  # noqa: BLE001 - an unknown zone name is simply not a zone
        return None


@dataclass
class Span:
    """A piece of the write-up by character offsets; text is the raw write-up text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class TimePoint:
    """One timestamp from the write-up, read in its own stated zone and converted to UTC."""

    when: datetime
    raw: str
    start: int
    end: int
    zone_stated: bool
    date_stated: bool
    approx: bool = False


@dataclass
class TimelineEntry:
    when: datetime | None
    raw_time: str
    text: Span


@dataclass
class Facts:
    """What the write-up says, and what it does not (omitted)."""

    title: str = ""
    writeup_date: date | None = None
    timezone: str = "UTC"
    start: datetime | None = None
    end: datetime | None = None
    start_approx: bool = False
    end_approx: bool = False
    duration_minutes: int | None = None
    detected: datetime | None = None
    products: list[str] = field(default_factory=list)
    symptoms: list[Span] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    cause: Span | None = None
    cause_status: str = "unknown"  # confirmed | suspected | unknown
    resolution: list[Span] = field(default_factory=list)
    actions: list[Span] = field(default_factory=list)
    missed: list[Span] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    severity_hint: str = ""
    omitted: list[dict[str, str]] = field(default_factory=list)
    time_sentences: list[tuple[datetime, int]] = field(default_factory=list)  # (time, offset) of every timestamp

    @property
    def cause_confirmed(self) -> bool:
        return self.cause_status == "confirmed"

    def local(self, when: datetime | None) -> datetime | None:
        """A UTC time in the draft's stated zone."""
        if when is None:
            return None
        return when.astimezone(zone_of(self.timezone) or timezone.utc)

    def omit(self, item: str, reason: str) -> None:
        if not any(o["item"] == item and o["reason"] == reason for o in self.omitted):
            self.omitted.append({"item": item, "reason": reason})

    def to_dict(self) -> dict[str, Any]:
        def iso(d: datetime | None) -> str | None:
            return self.local(d).isoformat() if d else None

        return {
            "title": self.title,
            "writeup_date": self.writeup_date.isoformat() if self.writeup_date else None,
            "timezone": self.timezone,
            "start": iso(self.start),
            "end": iso(self.end),
            "start_approximate": self.start_approx,
            "end_approximate": self.end_approx,
            "duration_minutes": self.duration_minutes,
            "detected": iso(self.detected),
            "products": list(self.products),
            "symptoms": [s.text for s in self.symptoms],
            "numbers": list(self.numbers),
            "cause": self.cause.text if self.cause else None,
            "cause_status": self.cause_status,
            "cause_confirmed": self.cause_confirmed,
            "resolution": [s.text for s in self.resolution],
            "actions": [s.text for s in self.actions],
            "missed": [s.text for s in self.missed],
            "timeline": [{"time": iso(e.when), "raw_time": e.raw_time, "text": e.text.text} for e in self.timeline],
            "severity_hint": self.severity_hint,
            "omitted": list(self.omitted),
        }


# ---------------------------------------------------------------- lines, headings, fields


@dataclass
class _Line:
    start: int
    end: int
    text: str
    section: str
    heading: bool = False


def _canon(label: str, table: dict[str, list[str]]) -> str | None:
    low = re.sub(r"[*_`#]+", "", label).strip().lower().rstrip(":").strip()
    low = re.sub(r"\s+", " ", low)
    for key, names in table.items():
        if low in names:
            return key
    for key, names in table.items():  # "Root cause (suspected, under investigation)", "Timeline (EST)"
        base = re.sub(r"\s*\(.*\)\s*$", "", low).strip(" -—")
        if base in names:
            return key
    return None


_TICKET_KEYS = {"ticket", "channel", "notes", "related", "closed", "links", "grafana", "dashboard", "logs", "owner", "escalated", "opened"}


def _lines(text: str) -> list[_Line]:
    """Lines of the write-up, each tagged with the kind of section it sits in."""
    sections = rules()["sections"]
    out: list[_Line] = []
    pos = 0
    current = "preamble"
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        start, end = pos, pos + len(body)
        pos += len(raw)
        stripped = body.strip()
        m = _HEADING_RE.match(body)
        label = None
        if m:
            label = m.group("md") or m.group("bold") or m.group("colon")
        elif stripped and len(stripped) < 50 and not re.search(r"[.:;,!?]$", stripped) and _canon(stripped, sections):
            label = stripped  # a known heading on a line of its own: "Impact", "Action items"
        elif stripped and stripped.isupper() and len(stripped) < 50 and not re.search(r"\d", stripped):
            label = stripped
        if label is not None:
            key = _canon(label, sections)
            if key or (m and m.group("md")):
                current = key or "other"
                out.append(_Line(start, end, body, current, heading=True))
                continue
        fm = _FIELD_RE.match(body)
        if fm and not re.match(r"\s*(?:[-*•]|\d+[.)])\s", body) and not re.match(r"\s*\[", body):
            # "What we are changing: ...", "Cause: ..." open a section; any other "Key: value" line ends one
            key = _canon(fm.group("key"), sections)
            if key:
                current = key
            elif current == "actions" or _canon(fm.group("key"), rules()["fields"]) or fm.group("key").strip().lower() in _TICKET_KEYS:
                current = "other"
        out.append(_Line(start, end, body, current))
    return out


def _fields(lines: list[_Line]) -> dict[str, tuple[str, int, int]]:
    """First value of each labelled field: kind -> (value, start, end)."""
    table = rules()["fields"]
    found: dict[str, tuple[str, int, int]] = {}
    for ln in lines:
        if ln.heading:
            continue
        for part_start, part in _field_parts(ln):
            m = _FIELD_RE.match(part)
            if not m:
                continue
            kind = _canon(m.group("key"), table)
            if kind and kind not in found:
                value = m.group("value").strip().strip("*").strip()
                vstart = part_start + m.start("value")
                found[kind] = (value, vstart, vstart + len(value))
    return found


def _field_parts(ln: _Line) -> list[tuple[int, str]]:
    """A line may hold several fields: "Severity: SEV4 | Product: Classpad | Date: 2025-10-02"."""
    parts: list[tuple[int, str]] = []
    offset = 0
    for piece in re.split(r"(\s\|\s)", ln.text):
        if piece.strip() and not re.fullmatch(r"\s\|\s", piece):
            parts.append((ln.start + offset, piece))
        offset += len(piece)
    return parts


# ---------------------------------------------------------------- dates and times


def _parse_date(m: re.Match, default_year: int | None) -> date | None:
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        if m.group("dmy"):
            day = int(re.match(r"\d+", m.group("dmy")).group(0))
            month = _MONTH_NUM[m.group("m1").lower()[:3]]
            year = int(m.group("y1")) if m.group("y1") else default_year
        else:
            day = int(m.group("d2"))
            month = _MONTH_NUM[m.group("m2").lower()[:3]]
            year = int(m.group("y2")) if m.group("y2") else default_year
        if year is None:
            return None
        return date(year, month, day)
    except (ValueError, AttributeError):
        return None


def _clock(raw: str) -> tuple[int, int, int] | None:
    m = re.search(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", raw, re.I)
    if not m:
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    mer = (m.group(4) or "").lower().replace(".", "")
    if mer == "pm" and hour < 12:
        hour += 12
    if mer == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return hour, minute, second


def _relative(raw: str, base: date) -> date | None:
    """'yesterday 9am' with the write-up's own date as 'today' (dateparser, as the liaison would read it)."""
    import dateparser

    phrase = re.sub(r"\b(this morning|tonight)\b", "today", raw, flags=re.I)
    phrase = re.sub(r"\blast night\b", "yesterday", phrase, flags=re.I)
    got = dateparser.parse(phrase, languages=["en"], settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day, 12)})
    return got.date() if got else None


@dataclass
class _Clock:
    """Carries the current date and zone through the text, as a reader does."""

    day: date | None
    zone: tzinfo | None
    zone_name: str
    last: datetime | None = None


_AFTER_DATE = re.compile(rf"\s*(?:,\s*|on\s+|\(\s*)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*(?:\s+\d{{4}})?|(?:{_MONTHS})[a-z]*\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:[A-Z]{1,5}\s*)?(?:to|until|till|through|and|[-–—])\s*(?:about\s+)?$", re.I)


@dataclass
class _Raw:
    m: re.Match
    clock: tuple[int, int, int]
    meridiem: bool
    zone_word: str | None
    after_date: date | None


def _times(text: str, written: date | None, doc_zone: tuple[str, tzinfo] | None, first_date: date | None,
           resets: tuple[int, ...] = ()) -> list[TimePoint]:
    """Every timestamp in reading order, each resolved to an aware UTC datetime.

    A reader carries the last stated date and zone forward; so does this. In a range
    ("from 2:09 to 3:38pm PT") the first time takes the second's zone and am/pm.
    """
    default_year = (written or first_date or date.today()).year
    dates = [(m.start(), m.end(), _parse_date(m, default_year)) for m in _DATE_RE.finditer(text)]
    dates = [d for d in dates if d[2] is not None]
    raws: list[_Raw] = []
    after_spans: set[int] = set()
    for m in _TIME_RE.finditer(text):
        if m.group("isodt"):
            base = datetime.fromisoformat(m.group("isodt").replace(" ", "T"))
            clock, mer = (base.hour, base.minute, base.second), True
        else:
            piece = m.group("rel") or m.group("hm") or m.group("h")
            clock = _clock(piece)
            if clock is None:
                continue
            mer = bool(re.search(r"[ap]\.?m\.?$", piece.strip(), re.I)) or clock[0] > 12 or piece.startswith("0")
        am = _AFTER_DATE.match(text, m.end())
        after = None
        if am:
            dm = _DATE_RE.search(am.group("d"))
            after = _parse_date(dm, default_year) if dm else None
        raws.append(_Raw(m, clock, mer, m.group("zone") or m.group("offset") or m.group("isoz"), after))
        if am:
            after_spans.add(am.start("d"))
    # range partners share zone and am/pm: "from 2:09 to 3:38pm PT", "16:40 to 17:25 GMT"
    for a, b in zip(raws, raws[1:]):
        between = text[a.m.end(): b.m.start()]
        if _RANGE_JOIN.match(between) or re.fullmatch(r"\s*(?:to|until|and|[-–—])\s*", between):
            if a.zone_word is None and b.zone_word is not None:
                a.zone_word = b.zone_word
            if not a.meridiem and b.meridiem and b.clock[0] >= 12 and a.clock[0] < 12 and a.clock[0] + 12 <= b.clock[0]:
                a.clock = (a.clock[0] + 12, a.clock[1], a.clock[2])
    dates = [d for d in dates if d[0] not in after_spans]
    state = _Clock(first_date, doc_zone[1] if doc_zone else None, doc_zone[0] if doc_zone else "")
    points: list[TimePoint] = []
    di = ri = 0
    for r in raws:
        m = r.m
        line_start = text.rfind("\n", 0, m.start()) + 1
        at_line_start = not re.sub(r"[\s\-*•|>\[(]", "", text[line_start: m.start()])
        while ri < len(resets) and resets[ri] < m.start():
            state.day, state.last = first_date or state.day, None
            ri += 1
        while di < len(dates) and dates[di][0] < m.start():
            if dates[di][1] <= m.start():
                state.day = dates[di][2]
                state.last = None
            di += 1
        zone = zone_of(r.zone_word) if r.zone_word else None
        if zone is not None:
            state.zone, state.zone_name = zone, r.zone_word.upper()
        if zone is None:
            zone = state.zone
        date_stated = False
        if m.group("isodt"):
            day = datetime.fromisoformat(m.group("isodt").replace(" ", "T")).date()
            date_stated = True
        elif m.group("rel"):
            base = written or state.day
            day = _relative(m.group("rel"), base) if base else None
            date_stated = day is not None
        elif r.after_date is not None:
            day, date_stated = r.after_date, True
        else:
            day = state.day
            date_stated = day is not None and any(s >= line_start and e <= m.start() for s, e, _ in dates)
        if day is None:
            continue
        when = datetime(day.year, day.month, day.day, *r.clock, tzinfo=zone or timezone.utc)
        # a bare time earlier than the previous one in a timeline has crossed midnight
        if not date_stated and at_line_start and state.last is not None and when < state.last - timedelta(hours=1):
            when += timedelta(days=1)
        state.day = when.date()
        state.last = when if at_line_start else state.last
        before = text[max(0, m.start() - 12): m.start()].lower()
        approx = bool(re.search(r"\b(around|about|approx\.?|approximately|roughly|circa)\s*$|~\s*$", before))
        points.append(TimePoint(when.astimezone(timezone.utc), m.group(0).strip(), m.start(), m.end(), zone is not None, date_stated, approx))
    return points


def _doc_zone(text: str) -> tuple[str, tzinfo] | None:
    for pat in rules()["zone_declarations"]:
        for m in re.finditer(pat, text, re.I):
            word = m.group("zone")
            if word.upper() in rules()["timezones"]:
                z = zone_of(word)
                if z is not None:
                    return word.upper(), z
    return None


def _first_date(text: str, fields: dict[str, tuple[str, int, int]]) -> tuple[date | None, date | None]:
    """(date the write-up was written, date of the incident), each from a field or the first date in the text."""
    def from_value(value: str, year: int | None) -> date | None:
        m = _DATE_RE.search(value)
        return _parse_date(m, year) if m else None

    first = None
    for m in _DATE_RE.finditer(text):
        first = _parse_date(m, None)
        if first:
            break
    year = first.year if first else None
    written = from_value(fields["written"][0], year) if "written" in fields else None
    incident = from_value(fields["date"][0], year) if "date" in fields else None
    if incident is None:
        for m in _DATE_RE.finditer(text):
            if "written" in fields and fields["written"][1] <= m.start() < fields["written"][2]:
                continue
            incident = _parse_date(m, year or (written.year if written else None))
            if incident:
                break
    return written or incident, incident or written


# ---------------------------------------------------------------- the window of impact


def _has_cue(text: str, cues: list[str]) -> bool:
    low = text.lower()
    return any(re.search(r"(?<![\w-])" + re.escape(c) + r"(?![\w-])", low) for c in cues)


def _is_customer_sentence(text: str) -> bool:
    cfg = rules()
    return _has_cue(text, cfg["symptom_cues"]) or _has_cue(text, cfg["customer_nouns"])


def _sentences(text: str, start: int, end: int) -> list[Span]:
    """Split a region of the write-up into sentences and list items (cheap, offsets kept)."""
    out: list[Span] = []
    region = text[start:end]
    for m in re.finditer(r"[^\n]+", region):
        line_s = start + m.start()
        line = m.group(0)
        for sm in re.finditer(r"\S.*?(?:[.!?](?=\s+[A-Z\"(\[]|\s*$)|$)", line):
            s, e = line_s + sm.start(), line_s + sm.end()
            if text[s:e].strip():
                out.append(Span(s, e, text[s:e]))
    return out


def _window(facts: Facts, text: str, points: list[TimePoint], fields: dict, lines: list[_Line]) -> None:
    cfg = rules()

    def points_in(s: int, e: int) -> list[TimePoint]:
        return [p for p in points if s <= p.start and p.end <= e]

    start = end = None
    # 1. labelled fields: "Start: 14:02", "When: 2025-02-11, 16:40 to 17:25 GMT"
    if "start" in fields:
        got = points_in(*fields["start"][1:])
        start = got[0] if got else None
    if "end" in fields:
        got = points_in(*fields["end"][1:])
        end = got[0] if got else None
    if (start is None or end is None) and "window" in fields:
        got = points_in(*fields["window"][1:])
        if len(got) >= 2:
            start, end = start or got[0], end or got[-1]
    # 2. a sentence in the summary or impact: "from X to Y", "between X and Y", "started at X ... back at Y"
    if start is None or end is None:
        for ln in lines:
            if ln.section not in ("preamble", "summary", "impact", "other") or ln.heading:
                continue
            for sent in _sentences(text, ln.start, ln.end):
                got = points_in(sent.start, sent.end)
                low = sent.text.lower()
                if len(got) >= 2 and _is_customer_sentence(sent.text) and re.search(r"\b(from|between|starting)\b", low) and re.search(r"\b(to|and|until|till|through)\b|[–-]", low):
                    start, end = start or got[0], end or got[1]
                    break
            if start is not None and end is not None:
                break
    # 3. the timeline (or prose): first entry with a start cue; first later one with an end cue
    entries = facts.timeline or [TimelineEntry(p.when, p.raw, _sentence_around(text, p.start)) for p in points]
    entry_points = [(e, _point_for(points, e)) for e in entries]
    if start is None:
        for e, p in entry_points:
            if p is not None and _has_cue(e.text.text, cfg["start_cues"]) and not _has_cue(e.text.text, ["merged", "ran at", "deploy", "maintenance"]):
                start = p
                break
    if end is None and start is not None:
        for e, p in entry_points:
            if p is None or p.when <= start.when:
                continue
            t = e.text.text
            if _has_cue(t, cfg["end_cues"]) and not _has_cue(t, cfg["end_exclusions"]):
                end = p
                break
    if start is not None:
        facts.start, facts.start_approx = start.when, start.approx
        if not start.zone_stated:
            facts.omit("time zone", "The write-up states no time zone for the start time; it was read as UTC. Check it before sending.")
    else:
        facts.omit("start of impact", "The write-up gives no time when customer impact began.")
    if end is not None and (start is None or end.when > start.when):
        facts.end, facts.end_approx = end.when, end.approx
    else:
        facts.omit("end of impact", "The write-up gives no time when customer impact ended, so the end and the duration are left out.")
    if facts.start and facts.end:
        facts.duration_minutes = int((facts.end - facts.start).total_seconds() // 60)
    elif "duration" in fields:
        facts.omit("duration", f"The write-up states a duration ({fields['duration'][0]}) but no end time to check it against.")
    # detection: first timeline entry after the start with an alert or report
    for e, p in entry_points:
        if p and facts.start and p.when >= facts.start and _has_cue(e.text.text, cfg["detect_cues"]):
            facts.detected = p.when
            break


def _point_for(points: list[TimePoint], entry: TimelineEntry) -> TimePoint | None:
    for p in points:
        if p.when == entry.when and entry.text.start - 40 <= p.start <= entry.text.end:
            return p
    return None


def _sentence_around(text: str, pos: int) -> Span:
    s = max(text.rfind(". ", 0, pos) + 2 if text.rfind(". ", 0, pos) >= 0 else 0, text.rfind("\n", 0, pos) + 1)
    e_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return Span(s, e, text[s:e])


def _timeline(text: str, lines: list[_Line], points: list[TimePoint]) -> list[TimelineEntry]:
    """Lines that begin with a time (after bullets, brackets or a speaker name) are timeline entries."""
    entries: list[TimelineEntry] = []
    for ln in lines:
        if ln.heading or not ln.text.strip():
            continue
        lead = _LEADER_RE.match(ln.text)
        lead_end = ln.start + (lead.end() if lead else 0)
        first = next((p for p in points if ln.start <= p.start < ln.end), None)
        if first is None or first.start - lead_end > 2:
            continue
        body_start = first.end
        rest = text[body_start: ln.end]
        rm = re.match(r"[\]\s)]*(?:[—–:|-]+\s*)?", rest)
        body_start += rm.end() if rm else 0
        if ln.end - body_start < 3:
            continue
        entries.append(TimelineEntry(first.when, first.raw, Span(body_start, ln.end, text[body_start: ln.end])))
    return entries


# ---------------------------------------------------------------- text facts


def _section_items(text: str, lines: list[_Line], key: str) -> list[Span]:
    """Sentences and list items of one kind of section (plus the value of a same-named field line)."""
    items: list[Span] = []
    for ln in lines:
        if ln.section != key or ln.heading or not ln.text.strip():
            continue
        fm = _FIELD_RE.match(ln.text)
        s = ln.start
        if fm and _canon(fm.group("key"), rules()["sections"]) == key:
            s = ln.start + fm.start("value")
        for sent in _sentences(text, s, ln.end):
            stripped = re.sub(r"^\s*(?:(?:[-*•]|\d+[.)])\s+)?(?:\[[ xX]?\]\s*)?", "", sent.text)
            off = len(sent.text) - len(stripped)
            if stripped.strip():
                items.append(Span(sent.start + off, sent.end, stripped))
    return items


def _products(facts: Facts, fields: dict, text: str, config: Any) -> None:
    names: list[str] = []
    if "products" in fields:
        value = re.sub(r"\([^)]*\)", "", fields["products"][0])
        for part in re.split(r",|;|\band\b|/", value):
            part = part.strip(" .*")
            if part and len(part) < 60 and not re.search(r"[a-z0-9]+-[a-z0-9]+-|\.internal|\d{2,}", part):
                names.append(part)
    if config is not None:
        for p in config.product_names:
            if re.search(r"\b" + re.escape(p) + r"\b", text, re.I) and p not in names:
                names.append(p)
    facts.products = names
    if not names:
        facts.omit("affected products", "The write-up does not name the affected products; the draft says \"our service\".")


_NUM_TOKEN = re.compile(r"(?<![\w.:/-])(?:~\s?)?[$€£]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:%|percent\b|k\b|m\b|million\b|thousand\b))?(?![\w:/-]|\.\d)")
_NUM_LEAD = re.compile(r"(?:\b(?:about|approximately|roughly|around|nearly|over|more than|almost|up to)\s+)$", re.I)


def _numbers(spans: list[Span]) -> list[str]:
    """Figures a customer cares about: a percentage, or a count of customer things ("3,400 merchants")."""
    nouns = set(rules()["customer_nouns"])
    out: list[str] = []
    for sp in spans:
        t = sp.text
        for m in _NUM_TOKEN.finditer(t):
            phrase = m.group(0)
            seg = re.split(r"[\d.,;:()\[\]\"]", t[m.end(): m.end() + 60], maxsplit=1)[0]
            words = re.findall(r"[A-Za-z][A-Za-z-]*", seg)
            take: list[str] = []
            found = False
            for w in words[:5]:
                take.append(w)
                if w.lower() in nouns:
                    found = True
                elif found:
                    take.pop()
                    break
            is_pct = "%" in phrase or "percent" in phrase
            if not found and not is_pct:
                continue
            if found:
                phrase += " " + " ".join(take)
            elif words and words[0].lower() == "of" and len(words) > 1:
                phrase += " of " + " ".join(words[1:3])
            lead = _NUM_LEAD.search(t[max(0, m.start() - 20): m.start()])
            if lead:
                phrase = lead.group(0) + phrase
            phrase = phrase.strip(" ,.;")
            if re.fullmatch(r"(19|20)\d\d", m.group(0)):
                continue
            if phrase.lower() not in {o.lower() for o in out}:
                out.append(phrase)
    return out


def _cause(facts: Facts, text: str, lines: list[_Line], fields: dict) -> None:
    cfg = rules()
    items = [s for s in _section_items(text, lines, "cause") if len(s.text.split()) >= 3]
    heading_text = " ".join(ln.text for ln in lines if ln.heading and ln.section == "cause")
    field_value = None
    if "cause" in fields:
        v, s, e = fields["cause"]
        field_value = Span(s, e, v)
        key_text = text[text.rfind("\n", 0, s) + 1: s]
        heading_text += " " + key_text
    candidates = items or ([field_value] if field_value else [])
    if not candidates:
        for ln in lines:
            for sent in _sentences(text, ln.start, ln.end):
                if re.search(r"\b(caused by|root cause|the trigger was|was triggered by)\b|\bconfirmed:", sent.text, re.I):
                    para = text[ln.start: ln.end]
                    candidates.append(Span(sent.start, sent.end, sent.text))
                    heading_text += " " + para
        candidates = candidates[:1]
    if not candidates:
        facts.omit("cause", "The write-up does not state a cause; the draft says it is still being confirmed.")
        return
    whole = " ".join(c.text for c in candidates) + " " + heading_text
    low = whole.lower()
    suspected = any(re.search(r"(?<![\w-])" + re.escape(m) + r"(?![\w-])" if m != "?" else r"\?", low) for m in cfg["suspected_markers"])
    confirmed = any(re.search(r"\b" + re.escape(m) + r"\b", low) for m in cfg["confirmed_markers"]) and not re.search(r"\bnot\s+(yet\s+)?confirmed\b", low)
    # "confirmed" beats a stray "likely" only when nothing says it is still open
    if re.search(r"\b(not (yet )?confirmed|unconfirmed|under investigation|still investigating|to be confirmed|could not reproduce)\b", low):
        status = "suspected"
    elif suspected and not re.search(r"\bconfirmed\b", low):
        status = "suspected"
    elif confirmed or items or field_value:
        status = "confirmed"
    else:
        status = "suspected"
    # the sentence that says what the cause was (skip a bare "Confirmed." line)
    best = next((c for c in candidates if not re.fullmatch(r"\W*(confirmed|verified)\W*", c.text.strip(), re.I)), candidates[0])
    if re.fullmatch(r"\W*(confirmed|verified)\W*\w*\W*", best.text.strip(), re.I) and len(candidates) > 1:
        best = candidates[1]
    lead = re.match(r"^(?:\[[^\]]*\]\s*)?(?:[\w.@-]+:\s*)?(?:confirmed|root cause|cause)\s*[:.-]\s*", best.text, re.I)
    if lead and len(best.text) - lead.end() > 10:
        best = Span(best.start + lead.end(), best.end, best.text[lead.end():])
    following = [c for c in candidates if c.start > best.start][:2]
    if following and not re.search(r"\b(suspect|likely|probably|not confirmed)\b", " ".join(c.text for c in following), re.I):
        last = following[-1]
        best = Span(best.start, last.end, text[best.start: last.end])
    facts.cause = best
    facts.cause_status = status
    if status != "confirmed":
        facts.omit("cause", f"The write-up marks the cause as not confirmed (\"{best.text.strip()[:120]}\"); customer drafts say it is still being confirmed.")


def _symptoms(text: str, lines: list[_Line]) -> list[Span]:
    cfg = rules()
    first = next((ln for ln in lines if ln.text.strip()), None)
    if first is not None and len(first.text.split()) < 12:  # a title, not a description of impact
        lines = [ln for ln in lines if ln is not first]
    pool = _section_items(text, lines, "impact") + _section_items(text, lines, "summary")
    if not pool:
        pool = [s for ln in lines if ln.section in ("preamble", "other") and not ln.heading for s in _sentences(text, ln.start, ln.end)]
    out = []
    for s in pool:
        chat = re.match(r"^\s*\[[^\]\n]*\]\s*(?:[\w.@-]+:\s*)?", s.text)  # "[09:07] kofi: players saying ..."
        if chat:
            s = Span(s.start + chat.end(), s.end, s.text[chat.end():])
        if re.match(r"^[A-Z][\w ]{0,20}:\s", s.text) and not re.match(r"^(?:Impact|Customer impact)\s*:", s.text):
            continue  # "Cust comms: status page 14:45 ..." is a ticket field, not a symptom
        if _has_cue(s.text, cfg["symptom_cues"]) and not _has_cue(s.text, cfg["symptom_exclusions"]) and len(s.text.split()) >= 4:
            out.append(s)
    return out[:5]


def _actions(text: str, lines: list[_Line]) -> list[Span]:
    items = _section_items(text, lines, "actions")
    bullet_lines = [ln for ln in lines if ln.section == "actions" and re.match(r"\s*(?:[-*•]|\d+[.)]|\[[ xX]?\])\s", ln.text)]
    if bullet_lines:  # a list: prose after it (a stray apology, a note) is not an action
        items = [s for s in items if any(b.start <= s.start < b.end for b in bullet_lines)]
    if not items:
        # a pasted chat: "[10:25] mei: action items:" followed by "[10:25] mei: - add ..."
        opened = False
        for ln in lines:
            body = re.sub(r"^\s*\[[^\]]*\]\s*(?:[\w.@-]+:\s*)?", "", ln.text)
            if re.search(r"\b(action items?|follow-?ups?|next steps)\s*:\s*$", body, re.I):
                opened = True
                continue
            if opened:
                bm = re.match(r"\s*[-*•]\s+(.+)$", body)
                if not bm:
                    opened = False
                    continue
                s = ln.end - len(bm.group(1))
                items.append(Span(s, ln.end, bm.group(1)))
    return [s for s in items if len(s.text.split()) >= 2 and not re.fullmatch(r"(?i)\W*(none|n/a|tbd)\W*", s.text)]


def _title(lines: list[_Line], fields: dict) -> str:
    for ln in lines:
        if ln.text.strip():
            t = re.sub(r"^[#\s*]+|[*#\s]+$", "", ln.text)
            t = re.sub(r"^(?:incident review|post-incident review|postmortem|post-mortem|incident notes|incident summary|bug write-up|ticket)\s*[:—–-]\s*", "", t, flags=re.I)
            return t.strip()[:120]
    return ""


def _severity(fields: dict, text: str) -> str:
    value = fields.get("severity", ("", 0, 0))[0] + " " + text[:400]
    m = re.search(r"\b(?:sev|severity|p)[\s:-]*([1-4])\b", value, re.I)
    return f"sev{m.group(1)}" if m else ""


def extract(writeup: str, config: Any = None, timezone_name: str = "UTC") -> Facts:
    """Facts from one write-up (no spaCy needed: the parse is used later for names and blame)."""
    facts = Facts(timezone=timezone_name or "UTC")
    if zone_of(facts.timezone) is None:
        facts.omit("time zone", f"'{timezone_name}' is not a time zone this tool knows; times are shown in UTC.")
        facts.timezone = "UTC"
    lines = _lines(writeup)
    fields = _fields(lines)
    written, incident_day = _first_date(writeup, fields)
    facts.writeup_date = written
    doc_zone = _doc_zone(writeup)
    resets = tuple(ln.start for ln in lines if ln.heading and ln.section == "timeline")
    points = _times(writeup, written, doc_zone, incident_day, resets)
    facts.timeline = _timeline(writeup, lines, points)
    facts.time_sentences = [(p.when, p.start) for p in points]
    _window(facts, writeup, points, fields, lines)
    if facts.start is None and incident_day is None:
        facts.omit("date", "The write-up gives no date for the incident.")
    facts.title = _title(lines, fields)
    facts.severity_hint = _severity(fields, writeup)
    _products(facts, fields, writeup, config)
    facts.symptoms = _symptoms(writeup, lines)
    if not facts.symptoms:
        facts.omit("symptoms", "The write-up does not describe what customers saw; add it before sending.")
    pool = _section_items(writeup, lines, "impact") + _section_items(writeup, lines, "summary")
    if not pool:
        pool = _section_items(writeup, lines, "preamble") + _section_items(writeup, lines, "other")
    facts.numbers = _numbers(facts.symptoms + pool)
    _cause(facts, writeup, lines, fields)
    facts.resolution = _section_items(writeup, lines, "resolution")
    facts.actions = _actions(writeup, lines)
    if not facts.actions:
        facts.omit("actions", "The write-up lists no action items; the report says the specific changes will follow.")
    facts.missed = _section_items(writeup, lines, "contributing")
    return facts
