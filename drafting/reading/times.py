"""Dates and times as a careful reader takes them, total: anything impossible is set aside with a reason.

Times come in mixed formats ("14:02", "2:15pm PT", "2025-03-04T09:12Z", "yesterday 9am", "11:48 PM EST
on 17 January"). A time without a date takes the nearest date written before it (else the first one
in the write-up), never today's; a time without a zone takes the zone the write-up declares ("All
times UTC", "the bare times are Berlin time (CET)"), else the last zone written. Dates and times that
cannot exist ("2025-13-45", "25:99", "2025-02-30T09:00Z", an offset of 24 hours) are returned as
``rejected`` with the reason; nothing here raises on what a write-up says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo

from .rules import rules, zone_of

MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
_MONTH_NUM = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
DATE_RE = re.compile(
    rf"(?P<iso>(?<![\d-])\d{{4}}-\d{{1,2}}-\d{{1,2}}(?![\d-]))"
    rf"|(?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s+|-)(?P<m1>{MONTHS})[a-z]*\.?(?:(?:,?\s+|-)(?P<y1>\d{{4}}|\d{{2}}(?![\d:])))?\b)"
    rf"|(?P<jira>\b(?P<d3>\d{{1,2}})/(?P<m3>{MONTHS})/(?P<y3>\d{{2}}|\d{{4}})\b)"
    rf"|(?P<num>(?<![\d/.:-])(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})(?:/(?P<n3>\d{{4}}|\d{{2}})(?![\d/])|(?![\d/])(?=,?\s+\d{{1,2}}(?::\d{{2}}|\s*[ap]\.?m\b))))"
    rf"|(?P<mdy>\b(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:)(?:,?\s+(?P<y2>\d{{4}}))?\b)",
    re.I,
)
_ZONE = (r"(?:\s*\(?(?P<zone>(?:UTC|GMT)(?:[+−-]\d{1,2}(?::?\d{2})?(?![\d:]))?|Z|PT|PST|PDT|MT|MST|MDT|CT|CST|CDT|ET|EST|EDT|CET|CEST|BST|IST|JST|SGT|AEST|AEDT|HKT|KST|NZST|NZDT|EET|EEST|MSK|AKST|AKDT|HST|AWST|ACST|ACDT|Central|Eastern|Pacific|Mountain)"
         r"\)?(?![A-Za-z])|(?P<offset>\+\d{2}:?\d{2}))?")
TIME_RE = re.compile(
    r"(?:(?P<isodt>(?<![\d-])\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)(?P<isoz>Z|[+-]\d{2}:?\d{2})?"
    r"|(?P<rel>\b(?:yesterday|today|this\s+morning|last\s+night|tonight)\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)"
    r"|(?P<hm>(?<![\d:.,])\d{1,2}:\d{2}(?::\d{2})?(?!\d|:\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)"
    r"|(?P<h>(?<![\d:.,])\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)))" + _ZONE,
    re.I,
)
_AFTER_DATE = re.compile(rf"\s*(?:,\s*|on\s+|\(\s*)(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:\s+\d{{4}})?|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})", re.I)
RANGE_JOIN = re.compile(r"^\s*(?:[A-Z]{1,5}\s*)?(?:to|until|till|through|and|[-–—]+>?|→|⇒)\s*(?:about\s+)?$", re.I)
_LOOSE_JOIN = re.compile(r"^\s*(?:UTC|GMT|[A-Z]{2,4})?\)?\s*,?\s*(?:until|till|to|through)\b[^.;:\n\d]{0,40}?$", re.I)
_MIN_YEAR, _MAX_YEAR = 1970, 2200
_TRAIL_DATE = re.compile(rf"(?:\b(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{MONTHS}[a-z]*(?:\s+\d{{4}})?|{MONTHS}[a-z]*\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?),?\s*)$", re.I)


@dataclass
class TimePoint:
    """One timestamp from the write-up, read in its own stated (or declared) zone and converted to UTC."""

    when: datetime
    raw: str
    start: int
    end: int
    zone: str            # the zone it was read in, as written or declared ("CET", "PT", "UTC")
    zone_stated: bool    # written next to the time (or declared for the write-up), not assumed
    date_stated: bool
    approx: bool = False


@dataclass
class Reading:
    points: list[TimePoint] = field(default_factory=list)
    dates: list[tuple[int, int, date]] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)   # {"item": raw text, "reason": ...}
    declared_zone: str = ""


def parse_date(m: re.Match, default_year: int | None, order: str = "") -> tuple[date | None, str]:
    """A DATE_RE match as a date, or (None, why not). ``order`` ("mdy" or "dmy") reads "3/4/2025";
    a first number above 12 is always a day."""
    try:
        if m.group("num"):  # "3/4/2025", "3/3 6:05 PM": month first unless the write-up shows day-first dates
            a, b = int(m.group("n1")), int(m.group("n2"))
            day_first = a > 12 or (b <= 12 and (order or rules().get("numeric_date_order", "mdy")) == "dmy")
            d, mo = (a, b) if day_first else (b, a)
            y3 = m.group("n3")
            y = (int(y3) + (2000 if len(y3) == 2 else 0)) if y3 else default_year
        elif m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
        elif m.group("jira"):  # "17/Jun/25", as issue trackers write it
            d, mo = int(m.group("d3")), _MONTH_NUM[m.group("m3").lower()[:3]]
            y = int(m.group("y3")) + (2000 if len(m.group("y3")) == 2 else 0)
        elif m.group("dmy"):
            d = int(re.match(r"\d+", m.group("dmy")).group(0))
            mo = _MONTH_NUM[m.group("m1").lower()[:3]]
            y1 = m.group("y1")
            y = (int(y1) + (2000 if len(y1) == 2 else 0)) if y1 else default_year
        else:
            d, mo = int(m.group("d2")), _MONTH_NUM[m.group("m2").lower()[:3]]
            y = int(m.group("y2")) if m.group("y2") else default_year
    except (AttributeError, KeyError, ValueError):
        return None, "not a date"
    if y is None:
        return None, "a day and month with no year anywhere in the write-up"
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None, f"the year {y} cannot be the year of an incident"
    try:
        return date(y, mo, d), ""
    except ValueError:
        return None, f"there is no day {d} in month {mo} of {y}"


def numeric_order(text: str) -> str:
    """"dmy" when the write-up writes a day-first numeric date ("17/06/2025"), "mdy" when month-first ("6/17/2025"), else ""."""
    for m in DATE_RE.finditer(text):
        if m.group("num"):
            a, b = int(m.group("n1")), int(m.group("n2"))
            if a > 12 >= b:
                return "dmy"
            if b > 12 >= a:
                return "mdy"
    hints = rules().get("numeric_order_hints", {})
    found = [(m.start(), order) for order, pats in hints.items() for p in pats for m in [re.search(p, text)] if m]
    return min(found)[1] if found else ""


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


def declared_zone(text: str) -> tuple[str, tzinfo] | None:
    """The zone the write-up declares for its bare times ("All times UTC", "Times: UK time (BST, UTC+1)")."""
    for pat in rules()["zone_declarations"]:
        for m in re.finditer(pat, text, re.I):
            word = m.group("zone")
            if word.upper() in rules()["timezones"] or "/" in word:
                z = zone_of(word)
                if z is not None:
                    return word.upper(), z
    return None


def _relative(raw: str, base: date) -> date | None:
    """'yesterday 9am' with the write-up's own date as 'today'."""
    low = raw.lower()
    if re.search(r"\byesterday\b|\blast night\b", low):
        return base - timedelta(days=1)
    return base


@dataclass
class _Raw:
    m: re.Match
    clock: tuple[int, int, int]
    meridiem: bool
    zone_word: str | None
    after_date: date | None


_WEEKDAY_DATE = re.compile(rf"\b(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS})|(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}}))", re.I)


def year_from_weekday(text: str, today: date | None = None) -> int | None:
    """'Thu 12 June' with no year anywhere: the latest year, up to this one, in which 12 June is a Thursday."""
    m = _WEEKDAY_DATE.search(text)
    if not m:
        return None
    day = int(m.group("d1") or m.group("d2"))
    month = _MONTH_NUM[(m.group("m1") or m.group("m2")).lower()[:3]]
    weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(m.group("wd").lower()[:3])
    this_year = (today or date.today()).year
    for y in range(this_year, this_year - 7, -1):
        try:
            if date(y, month, day).weekday() == weekday:
                return y
        except ValueError:
            return None
    return None


def _anchor(text: str, s: int, e: int) -> bool:
    """A date that sets the day for the bare times after it: on its own line, in a heading or a field,
    or right next to a time; a date in passing ("reconciliation on 2025-02-12 confirmed") does not."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    if len(re.sub(r"[\W_]", "", line)) - len(re.sub(r"[\W_]", "", text[s:e])) < 12 or line.lstrip().startswith("#"):
        return True
    if re.match(r"\s*(?:[-*]\s*)?(?:\*\*|\|)?\s*[A-Za-z ]{2,25}(?:\*\*)?\s*[:|]", line) and s - ls < 40:
        return True
    near = text[max(ls, s - 25): min(le, e + 25)]
    return bool(re.search(r"\d{1,2}:\d{2}", near)) or s - ls < 3


def read_times(text: str, resets: tuple[int, ...] = ()) -> Reading:
    """Every timestamp in reading order, each an aware UTC datetime; impossible ones in ``rejected``."""
    out = Reading()
    first_year = next((int(y) for y in re.findall(r"(?<!\d)(?<!\d-)((?:19|20|21)\d\d)(?!\d)", text)), None) or year_from_weekday(text)
    order = numeric_order(text)
    for m in DATE_RE.finditer(text):
        d, why = parse_date(m, first_year, order)
        if d is not None:
            out.dates.append((m.start(), m.end(), d))
        elif m.group("iso") or why.startswith("there is no day"):
            out.rejected.append({"item": m.group(0), "reason": f"not a real date ({why}); left out"})
    declared = declared_zone(text)
    out.declared_zone = declared[0] if declared else ""
    raws: list[_Raw] = []
    after_spans: set[int] = set()
    for m in TIME_RE.finditer(text):
        piece = m.group("isodt") or m.group("rel") or m.group("hm") or m.group("h")
        c = clock(piece.split("T")[-1].split(" ")[-1] if m.group("isodt") else piece)
        if c is None:
            if m.group("isodt") or m.group("hm"):
                out.rejected.append({"item": m.group(0).strip(), "reason": "not a real time of day; left out"})
            continue
        mer = bool(m.group("isodt")) or bool(re.search(r"[ap]\.?m\.?$", piece.strip(), re.I)) or c[0] > 12 or piece.startswith("0")
        zone_word = m.group("offset") or m.group("isoz")
        if m.group("zone"):
            zone_word = m.group("zone")
        am = _AFTER_DATE.match(text, m.end())
        after = None
        if am:
            dm = DATE_RE.search(am.group("d"))
            after = parse_date(dm, first_year)[0] if dm else None
            after_spans.add(am.start("d"))
        raws.append(_Raw(m, c, mer, zone_word, after))
    for a, b in zip(raws, raws[1:]):  # range partners share zone and am/pm: "from 2:09 to 3:38pm PT"
        between = text[a.m.end(): b.m.start()]
        if RANGE_JOIN.match(between):
            if a.zone_word is None and b.zone_word is not None:
                a.zone_word = b.zone_word
            if a.after_date is None and b.after_date is not None:
                a.after_date = b.after_date
            if not a.meridiem and b.meridiem and b.clock[0] >= 12 and a.clock[0] < 12 and a.clock[0] + 12 <= b.clock[0]:
                a.clock = (a.clock[0] + 12, a.clock[1], a.clock[2])
    dates = [d for d in out.dates if d[0] not in after_spans and _anchor(text, d[0], d[1])]
    first_date = dates[0][2] if dates else (out.dates[0][2] if out.dates else None)
    day, last = first_date, None
    zone, zone_name = (declared[1], declared[0]) if declared else (None, "")
    di = ri = 0
    for r in raws:
        m = r.m
        line_start = text.rfind("\n", 0, m.start()) + 1
        at_line_start = not re.sub(r"[\s\-*•|>\[(]", "", text[line_start: m.start()])
        while ri < len(resets) and resets[ri] < m.start():
            day, last, ri = first_date or day, None, ri + 1
        while di < len(dates) and dates[di][0] < m.start():
            if dates[di][1] <= m.start():
                day, last = dates[di][2], None
            di += 1
        own = zone_of(r.zone_word) if r.zone_word else None
        if r.zone_word and own is None:
            out.rejected.append({"item": m.group(0).strip(), "reason": f"'{r.zone_word}' is not a real time zone or offset; left out"})
            continue
        this_zone, this_name, stated = own, (r.zone_word or "").upper(), own is not None
        if own is not None and not declared:
            zone, zone_name = own, this_name  # with no declaration, the last zone written carries on
        if own is None:
            this_zone, this_name, stated = zone, zone_name, zone is not None
        date_stated = False
        if m.group("isodt"):
            dm = DATE_RE.match(m.group("isodt"))
            d = parse_date(dm, None)[0] if dm else None
            if d is None:
                out.rejected.append({"item": m.group(0).strip(), "reason": "not a real date and time; left out"})
                continue
            when_day, date_stated = d, True
        elif m.group("rel"):
            base = first_date or day  # "yesterday" is relative to the date the write-up was written, not to the last time read
            when_day = _relative(m.group("rel"), base) if base else None
            date_stated = when_day is not None
        elif r.after_date is not None:
            when_day, date_stated = r.after_date, True
        else:
            when_day = day
            date_stated = when_day is not None and any(s >= line_start and e <= m.start() for s, e, _ in dates)
        if when_day is None:
            continue
        try:
            when = datetime(when_day.year, when_day.month, when_day.day, r.clock[0], r.clock[1], tzinfo=this_zone or timezone.utc)
            if not date_stated and at_line_start and last is not None and when < last - timedelta(hours=1) and when.date() == last.date():
                when += timedelta(days=1)  # a bare time earlier than the previous one in a timeline has crossed midnight
            utc = when.astimezone(timezone.utc)
        except (OverflowError, ValueError):
            out.rejected.append({"item": m.group(0).strip(), "reason": "this time falls outside the calendar; left out"})
            continue
        day = when.date()
        last = when if at_line_start else last
        before = text[max(0, m.start() - 12): m.start()].lower()
        approx = bool(re.search(r"\b(around|about|approx\.?|approximately|roughly|circa)\s*$|~\s*$", before))
        out.points.append(TimePoint(utc, m.group(0).strip(), m.start(), m.end(), this_name or "UTC", stated, date_stated, approx))
    return out


def ranges(text: str, points: list[TimePoint]) -> list[tuple[TimePoint, TimePoint]]:
    """Pairs of times joined as a range: "14:07–15:31 UTC", "from 16:20 to 17:05 BST", "13:02Z-14:46Z"."""
    out = []
    for a, b in zip(points, points[1:]):
        between = _TRAIL_DATE.sub("", text[a.end: b.start])  # "from 3/3 6:05 PM Central until everything posted 3/4 1:35 PM"
        before = _TRAIL_DATE.sub("", text[max(0, a.start - 40): a.start])
        if _LOOSE_JOIN.match(between) and re.search(r"(?i)\b(?:from|between|starting)\s*$", before[-20:]):
            out.append((a, b))  # "From 2025-10-01 18:00 UTC until a fix shipped at 2025-10-02 11:30 UTC"
        elif RANGE_JOIN.match(between) or (re.fullmatch(r"\s*(?:UTC|[A-Z]{2,4})?\s*(?:to|until|till|and|[-–—])\s*", between, re.I)):
            out.append((a, b))
    return out
