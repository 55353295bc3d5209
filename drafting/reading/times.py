"""Dates and times as a careful reader takes them, total: anything impossible is set aside with a reason.

Times come in mixed formats ("14:02", "2:15pm PT", "2025-03-04T09:12Z", "yesterday 9am", "11:48 PM EST
on 17 January"). A time without a date takes the nearest date written before it (else the first one
in the write-up), never today's; "on Friday" with no date is the latest Friday on or before the date
in effect there (an email's own date), or the nearer one when that date is the incident's own ("IMPACT (as at
Sun 9am)" in a write-up of "Sat 18 Jan"); a time without a zone takes the zone the write-up declares ("All
times UTC", "the bare times are Berlin time (CET)"), else the last zone written. Dates and times that
cannot exist ("2025-13-45", "25:99", "2025-02-30T09:00Z", an offset of 24 hours) are returned as
``rejected`` with the reason; nothing here raises on what a write-up says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import partial

from . import dates as day_reading
from .clock import clock
from .dates import DATE_RE, LINE_END_DATE, MONTHS, ON_WEEKDAY, WEEKDAY, Years, day_of_weekday, file_stamp_day, invite_when, numeric_order, parse_date, weekday_dates, weekday_index, written_date
from .declared import declared_or_restated, declared_zone, place_zone, team_clock
from .declared import part_zones as zones_of_parts
from .rules import rules, zone_of

__all__ = ["DATE_RE", "MONTHS", "Reading", "TimePoint", "Years", "clock", "declared_zone", "numeric_order", "parse_date", "ranges", "read_times"]

_ZONE_WORDS = r"(?:UTC|GMT)(?:[+−-]\d{1,2}(?::?\d{2})?(?![\d:]))?|Z|(?-i:PT|PST|PDT|MT|MST|MDT|CT|CST|CDT|ET|EST|EDT|CET|CEST|BST|IST|JST|SGT|AEST|AEDT|HKT|KST|NZST|NZDT|EET|EEST|MSK|AKST|AKDT|HST|AWST|ACST|ACDT)|Central|Eastern|Pacific|Mountain|(?-i:" + "|".join(
    sorted((z for z in rules()["timezones"] if re.fullmatch(r"[A-Z](?:[A-Z]|h)[A-Z]{0,3}", str(z))), key=len, reverse=True)) + ")"  # every zone word in data/drafting/extract.yaml, in capitals only ("ART", never "art")
_ZONE = (r"(?:\s*\(?(?P<zone>" + _ZONE_WORDS +
         r")\)?(?![A-Za-z])|(?P<offset>\+\d{2}:?\d{2}))?")
TIME_RE = re.compile(
    r"(?:(?P<isodt>(?<![\d/-])\d{4}(?P<tsep>[-/])\d{1,2}(?P=tsep)\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)(?P<isoz>Z|[+-]\d{2}:?\d{2})?"
    r"|(?P<mil>(?<![\w:.,/])(?:[01]\d|2[0-3])[0-5]\d(?=Z(?![A-Za-z])|\s*hrs\b))(?:\s*hrs\b)?"   # "1410Z", "0930 hrs"
    r"|(?P<rel>\b(?:yesterday|today|tomorrow|this\s+morning|last\s+night|tonight)\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)"
    r"|(?P<hm>(?<![\d:.,])(?<!UTC[+−-])(?<!GMT[+−-])\d{1,2}:\d{2}(?::\d{2})?(?!\d|:\d|\s*(?:hrs?|hours?)\s+(?:early|late|behind|ahead|ago|later|earlier|long|off|out|of|delay|too|before|after)\b)"
    r"(?:\s*(?:am|pm|a\.m\.|p\.m\.)|\s*(?:hrs|hours|h)\b)?)"
    r"|(?P<h>(?<![\d:.,])\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)))" + _ZONE,
    re.I,
)
_CITY_TIME = re.compile(r"[^\S\n]*(?:[A-Z][a-z]{2,8}\s+\d{1,2}\s+[A-Z][a-z]{2}\s*,?\s*)?[*_\s]{0,3}\(?(?:,\s*)?(?P<city>[A-Z][a-z]{3,14}(?: [A-Z][a-z]{2,10})?|[A-Z]{2})\s+(?:local\s+)?time\b")  # a city, or a country code under timezones ("NZ time")
# a date written right after a time: "10:40pm on Saturday 8 March", "09:00 (Thu 12 June)", "22:41 (18/09)", "15:12 UTC Apr 8"
# (the last, with only a space between, only for a capitalised month name: "at 10:00 may 5 ..." is no date; "15:18Z 05-Mar" too)
_AFTER_DATE = re.compile(
    rf"\s*(?:,\s*|on\s+|\(\s*)(?:{WEEKDAY}\.?,?\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:\s+\d{{4}})?|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}|(?<=\()\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?=\s*\)))"
    rf"|\s+(?:{WEEKDAY}\.?,?\s+)?(?P<d2>\d{{1,2}}-(?-i:(?=[A-Z])){MONTHS}(?:-\d{{2,4}})?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?-i:(?=[A-Z])){MONTHS}(?:\s+\d{{4}})?|(?-i:(?=[A-Z])){MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d|:)(?:,?\s+\d{{4}})?)", re.I)
# "11:47 UTC today", "15:12 yesterday": a relative day written after the time
# "9:30 this morning", "at 8 in the evening", "this morning 9:30": the part of the day settles am or pm
_PART_OF_DAY = re.compile(r"\s*,?\s*(?:[A-Z]{2,4}\s+)?(?:in\s+the|this|that|(?:yesterday|tomorrow|today)|on\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day)?\s*(?P<part>morning|afternoon|evening|tonight|night)\b", re.I)
# "5:25 p.m. NZDT on\nFriday": a weekday alone after the time, read back from the write-up's date
_AFTER_WEEKDAY = re.compile(r"[^\S\n]*,?\s*" + ON_WEEKDAY.pattern.replace(r"on\s+", r"(?:on\s+)?", 1), re.I)  # "23:20 Fri", "at 9 on Sunday"
# "Thu 23:30", "Fri 14th 07:45", "(Sat) 01:10": a weekday written right before the time on its line
_BEFORE_WEEKDAY = re.compile(r"(?:^|[\s(\[>:|*_-])(?P<wd>" + WEEKDAY + r")\.?\)?,?[^\S\n]+(?:(?P<dn>\d{1,2})(?:st|nd|rd|th)[^\S\n]+)?(?:at[^\S\n]+)?$", re.I)
_AFTER_REL = re.compile(r"\s*,?\s*(?P<rel>yesterday|today|tonight|tomorrow|last\s+night|this\s+morning)\b", re.I)
_ZONE_AFTER_DATE = re.compile(r"[^\S\n]*,?[^\S\n]*\(?(?P<zone>" + _ZONE_WORDS + r")\)?(?![A-Za-z])", re.I)
# a chat message's header before its time: "**hana.k** — 00:03", "yuto_devops - 23:38"
_CHAT_STAMP = re.compile(r"\W{0,3}[\w.@'’-]{2,30}(?: [\w.'’-]{2,20})?\W{0,3}\s*[—–-]\s*")
RANGE_JOIN = re.compile(r"^\s*(?:[A-Z]{1,5}\s*)?(?:to|until|till|through|and|[-–—]+>?|→|⇒)\s*(?:about\s+)?$", re.I)
_LOOSE_JOIN = re.compile(r"^\s*(?:UTC|GMT|[A-Z]{2,4})?\)?\s*,?\s*(?:until|till|to|through)\b[^.;:\n\d]{0,40}?$", re.I)
_LEAD_DATE = re.compile(rf"^\s*,?\s*(?:on\s+)?\(?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}[a-z]*(?:\s+\d{{4}})?|{MONTHS}[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b\)?,?", re.I)
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
    doubt: str = ""      # why the day it was read on may be wrong ("on Friday" with two Fridays in play)


@dataclass
class Reading:
    points: list[TimePoint] = field(default_factory=list)
    dates: list[tuple[int, int, date]] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)   # {"item": raw text, "reason": ...}
    declared_zone: str = ""


def _hour_after(text: str, pos: int) -> int | None:
    m = TIME_RE.search(text, pos)
    c = clock(m.group(0)) if m else None
    return c[0] if c else None


@dataclass
class _Raw:
    m: re.Match
    clock: tuple[int, int, int]
    meridiem: bool
    zone_word: str | None
    after_date: date | None
    ampm: bool = False           # written with am/pm
    rel: str = ""                # "yesterday 9am", "15:12 UTC yesterday": the day is relative
    opens: int = -1              # the index of the time this one closes a range with ("23:40 to 01:15")
    weekday: int | None = None   # "10:40 a.m. on Friday": a weekday with no date, 0 for Monday
    day_number: int = 0          # "Thu 14th 23:30": the day of the month written with the weekday


# "Mere Tawhiri  •  Sun, Jan 19  •  Notified 11 people": a post's byline, its date the day it was written
_BYLINE = re.compile(r"^\W*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}\s+[•·|]\s+[^\n]{4,40}?\s+[•·|]\s+\S")


def _anchor(text: str, s: int, e: int) -> bool:
    """A date that sets the day for the bare times after it: on its own line, in a heading or a field,
    or right next to a time; a date in passing ("reconciliation on 2025-02-12 confirmed") does not."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    if written_date(text, s) or invite_when(text, s) or re.search(r"\(\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*$", text[max(0, s - 30): s]) and re.match(r"\s*\)", text[e:]):
        return False  # "corrected to 08:05 HKT (Priya, 12 Mar)": who made the edit and when, not the day of what follows
    if len(re.sub(r"[\W_]", "", line)) - len(re.sub(r"[\W_]", "", text[s:e])) < 12 or line.lstrip().startswith("#"):
        return True
    if re.match(r"\s*(?:[-*]\s*)?(?:\*\*|\|)?\s*[A-Za-z ]{2,25}(?:\*\*)?\s*[:|]", line) and s - ls < 40:
        return True
    before = text[max(ls, s - 25): s]  # "22:41 (18/09)", "Thu 18/09 22:41"; never "- 06:12 renewal was done Apr 30": a date the note speaks of
    if re.search(r"\d{1,2}:\d{2}", text[e: min(le, e + 25)]) or re.search(r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?[^\w\n]{0,4}(?:[A-Za-z]{2,9}\.?,?\s*)?$", before) or s - ls < 3:
        return True
    # "On 4th March customers could not log in from 10:00 to 11:00": the date of the times later in its sentence
    # (not a note's own date, "Update 4 June: impact actually started at 13:58")
    return bool(re.match(r"(?![^\S\n]*\)?:)[^.!?;:\n]{0,100}?(?<![\d:.,])\d{1,2}(?::\d{2}|\s*[ap]\.?m\b)", text[e:]))


def read_times(text: str, resets: tuple[int, ...] = ()) -> Reading:
    """Every timestamp in reading order, each an aware UTC datetime; impossible ones in ``rejected``."""
    out = Reading()
    order = numeric_order(text)
    years = Years(text, order)
    for m in DATE_RE.finditer(text):
        d, why = parse_date(m, years, order)
        if d is not None:
            out.dates.append((m.start(), m.end(), d))
        elif m.group("iso") or why.startswith("there is no day"):
            out.rejected.append({"item": m.group(0), "reason": f"not a real date ({why}); left out"})
    declared = declared_or_restated(text)  # "09:58 UTC = 17:58 here": the team's own clock
    out.declared_zone = declared[0] if declared else ""
    if declared:  # "GMT20250614-162205_Recording.mp4" in a chat kept on AEST: the recording began on the 15th there
        out.dates = [(s_, e_, file_stamp_day(text, s_, e_, d, declared[1])) for s_, e_, d in out.dates]
    hour_after = partial(_hour_after, text)  # a notes file or a handover named for a night: its small hours are the second day's
    out.dates = day_reading.night_pairs(text, out.dates, hour_after)
    date_at = {s: d for s, _, d in out.dates}
    raws: list[_Raw] = []
    after_spans: set[int] = set()
    versions = "|".join(map(re.escape, rules().get("version_words", [])))
    version_before = re.compile(r"(?i)\b(?:" + versions + r")\s*$") if versions else None  # "k8s 1:30 → 1:31"
    for m in TIME_RE.finditer(text):
        piece = m.group("isodt") or m.group("rel") or m.group("hm") or m.group("h") or m.group("mil")
        if m.group("mil"):
            c: tuple[int, int, int] | None = (int(piece[:2]), int(piece[2:4]), 0)
        else:
            c = clock(piece.split("T")[-1].split(" ")[-1] if m.group("isodt") else piece)
        if m.group("hm") and re.search(r"(?i)h(?:ou)?rs?$", piece) and re.search(r"(?i)\b(?:for|took|lasted|lasting|within|over|after)\s*$", text[max(0, m.start() - 12): m.start()]):
            continue  # "lasted 1:30 hrs" is a duration
        if m.group("hm") and version_before is not None and version_before.search(text[max(0, m.start() - 12): m.start()]):
            continue  # "k8s 1:30 → 1:31" is a version
        if c is None:
            if m.group("isodt") or m.group("hm"):
                out.rejected.append({"item": m.group(0).strip(), "reason": "not a real time of day; left out"})
            continue
        mer = bool(m.group("isodt") or m.group("mil")) or bool(re.search(r"[ap]\.?m\.?$", piece.strip(), re.I)) or c[0] > 12 or piece.startswith("0")
        zone_word = m.group("offset") or m.group("isoz")
        if m.group("zone"):
            zone_word = m.group("zone")
        elif zone_word is None and (cm := _CITY_TIME.match(text, m.end())) and cm.group("city").upper() in rules()["timezones"]:
            zone_word = cm.group("city")  # "10:15–15:40 Dubai time": the city's clock
        am = _AFTER_DATE.match(text, m.end())
        if am and re.match(r"[^\S\n]*,?[^\S\n]*(?:at[^\S\n]+)?\d{1,2}:\d{2}", text[am.end(): am.end() + 12]):
            am = None  # "10:47 ACST (Sun 14 Jul 23:30 UTC": a date right before a time is that time's date
        am = am or LINE_END_DATE.match(text, m.end())  # "08:47–11:05 PDT (15:47–18:05 UTC), Tue Jun 10"
        after = None
        if am:
            g = "d" if am.group("d") else "d2"
            after = date_at.get(am.start(g))
            if after is None:
                dm = DATE_RE.search(am.group(g))
                after = parse_date(dm, years, order)[0] if dm else None
            after_spans.add(am.start(g))
            if zone_word is None and (zm := _ZONE_AFTER_DATE.match(text, am.end())):
                zone_word = zm.group("zone")  # "01:05 Sat 15 Mar CET": the zone after the date is the time's
        rel = m.group("rel") or ""
        if after is None and not m.group("isodt") and (ar := _AFTER_REL.match(text, m.end())):
            rel = ar.group("rel")
        ampm = bool(re.search(r"[ap]\.?m\.?$", piece.strip(), re.I))
        part = _PART_OF_DAY.match(text, m.end()) or re.search(r"(?i)\b(?P<part>morning|afternoon|evening|tonight)\s+(?:at\s+)?$", text[max(0, m.start() - 20): m.start()])
        if part and not mer and 1 <= c[0] <= 11 and not (part.group("part").lower() == "night" and c[0] < 5):  # "ten to ten Saturday night"
            c = (c[0] + (0 if part.group("part").lower() == "morning" else 12), c[1], c[2])
            mer = True
        wk = _AFTER_WEEKDAY.match(text, m.end()) if after is None and not rel and not m.group("isodt") else None
        if wk:
            after_spans.add(wk.start("wd"))
        bw = _BEFORE_WEEKDAY.search(text[text.rfind("\n", 0, m.start()) + 1: m.start()]) if after is None and not wk and not rel and not m.group("isodt") else None
        wd = weekday_index(wk.group("wd")) if wk else weekday_index(bw.group("wd")) if bw else None  # "WINDOW: Thu 23:30 -> Fri 09:15"
        raws.append(_Raw(m, c, mer, zone_word, after, ampm, rel, weekday=wd, day_number=int(bw.group("dn")) if bw and bw.group("dn") else 0))
    for i, (a, b) in enumerate(zip(raws, raws[1:])):  # range partners share zone and am/pm: "from 2:09 to 3:38pm PT"
        between = text[a.m.end(): b.m.start()]
        if RANGE_JOIN.match(re.sub(r"(?i)\b" + WEEKDAY + r"\.?,?\s*$", "", between)) or (a.after_date is not None and RANGE_JOIN.match(_LEAD_DATE.sub("", between))):  # "23:20 Fri 14 Mar → 01:05", "Tue 9:40 AM → Thu 2:15 PM"
            b.opens = i
            if a.zone_word is None and b.zone_word is not None:
                a.zone_word = b.zone_word
            if a.after_date is None and b.after_date is not None:
                a.after_date = b.after_date
            if a.after_date is None and a.weekday is None and not a.rel and not re.search(r"(?i)\b" + WEEKDAY + r"\.?,?\s*$", between):
                a.weekday = b.weekday  # "from 10:40 a.m. to 5:25 p.m. on Friday": both ends on Friday (never "Mon 13 Jan 8:15 → Wed 4:40")
            if a.after_date is None and not a.rel and b.rel and not b.m.group("rel"):
                a.rel = b.rel  # "between 7:30 PM and 9:52 PM ET last night": both ends last night
            if not a.meridiem and b.meridiem and b.clock[0] >= 12 and a.clock[0] < 12 and a.clock[0] + 12 <= b.clock[0]:
                a.clock = (a.clock[0] + 12, a.clock[1], a.clock[2])
            if not a.meridiem and b.ampm:
                a.meridiem = True  # "9:58 to 11:25 AM": the partner's am/pm settles it
            elif not a.meridiem and not b.ampm and b.clock[0] >= 13:
                a.meridiem = True  # "10:05 → 13:40": a partner on the 24-hour clock settles it too
    said = {(r.clock[0] % 12, r.clock[1]): r.clock[0] for r in reversed(raws) if r.meridiem and r.m.group("hm") and int(r.m.group("hm")[:2].rstrip(":.")) <= 12}  # "6:40 in the morning" ...
    for r in (r for r in raws if not r.meridiem and 1 <= r.clock[0] <= 12 and (r.clock[0] % 12, r.clock[1]) in said):
        r.clock, r.meridiem = (said[(r.clock[0] % 12, r.clock[1])], r.clock[1], r.clock[2]), True  # ... "call it 6:40 to 3:05": the same time
    # On the 12-hour clock ("7:46 pm - Neha: ...", "went out 8:40"): a bare 1-12 time is the reading nearer the last with its am/pm (a chat's stamp)
    twelve_hour = sum(r.ampm for r in raws)
    if twelve_hour <= sum(1 for r in raws if r.m.group("hm") and not r.ampm and (r.clock[0] == 0 or r.clock[0] > 12 or r.m.group("hm").startswith("0"))):
        twelve_hour = 0
    context: int | None = None
    context_line = -1
    dates = [d for d in out.dates if d[0] not in after_spans and _anchor(text, d[0], d[1]) and (d is out.dates[0] or not day_reading.edit_date(text, d[0]))]
    first_date = dates[0][2] if dates else (out.dates[0][2] if out.dates else None)
    first_time = raws[0].m.start() if raws else len(text)
    if not (dates and dates[0][1] <= first_time):  # "Incident 3 June 2025, all times UTC." then times: the date before them, not a later one
        before = [(s_, d) for s_, e_, d in out.dates if e_ <= first_time and s_ not in after_spans]
        named = [d for s_, d in before if not written_date(text, s_) and not invite_when(text, s_) and not _BYLINE.match(text[text.rfind("\n", 0, s_) + 1:].split("\n", 1)[0])]
        first_date = named[-1] if named else before[-1][1] if before else first_date  # a post's byline date is when it was written
    with_weekday = weekday_dates(text, years, order)
    doubts: dict[int, str] = {}
    for wm in sorted([*ON_WEEKDAY.finditer(text), *day_reading.NUMBERED_WEEKDAY.finditer(text)], key=lambda w: w.start()):
        ref = next((d for s_, e_, d in reversed(dates) if e_ <= wm.start()), first_date)  # "On Friday, from 10:40 ...", "Tuesday the 11th.": the day of the times after it
        if ref is not None and wm.start("wd") not in after_spans and _anchor(text, wm.start("wd"), wm.end()):
            d, doubts[wm.start("wd")] = day_of_weekday(weekday_index(wm.group("wd")), ref, with_weekday)
            numbered = day_reading.nearest_numbered(d, int(wm.groupdict().get("dn") or 0))
            dates.append((wm.start("wd"), wm.end(), numbered))
            doubts[wm.start("wd")] = "" if numbered != d else doubts[wm.start("wd")]
    dates.sort()
    day, last = first_date, None
    moment: datetime | None = None  # the time that set ``day``: its day is read again in the next time's own zone
    doubt = ""   # the reason the day in effect may be wrong, when it came from a weekday alone
    written = None   # the last date written before this time (a chat's or a comment's own date)
    part_zones = zones_of_parts(text) if declared else []
    team = next((zw for r in raws if (zw := r.zone_word) and zw.upper() not in ("UTC", "GMT", "Z") and zone_of(zw)), None)
    if declared and part_zones and raws and all(p0 > raws[0].m.start() for p0, _, _ in part_zones):
        first_line = text[part_zones[0][0]:].split("\n", 1)[0]
        utc_part = part_zones[0][2][0] in ("UTC", "GMT", "Z") and team is not None  # a log block "times UTC:" in a ticket written in IST
        if not re.search(r"(?i)\ball\b|\bthroughout\b|\bunless\b", first_line) and (part_zones[0][2][0] != declared[0] or utc_part):
            declared = None  # "ENG NOTES — times UTC" after the customer post's "5:52 AM MDT": the zone of that part only
            # (a "TIMELINE (NZDT)" in the zone the write-up declared keeps the declaration)
    if not declared and raws and not any(r.zone_word for r in raws) and (declared := place_zone(text)):  # "London (Park Royal)"
        out.declared_zone = declared[0]
    elif not declared and team and not part_zones and team_clock([(r.zone_word, text[max(0, r.m.start() - 2): r.m.start()].strip().endswith("(")) for r in raws], team):  # "09:38 BST (08:38 UTC in the relay logs)"
        declared = (team.upper(), zone_of(team))  # beside bare "9.38am" and "11.52am": the team writes its own clock
    zone, zone_name = (declared[1], declared[0]) if declared else (zone_of(team), team.upper()) if team and part_zones else (None, "")
    outside = (zone, zone_name)  # the clock outside a block that keeps its own ("Log from router (UTC):")
    di = ri = pi = 0
    in_part = False
    rel_at: datetime | None = None  # the last time read with "yesterday" or "last night"
    headers_seen = False
    whens: list[datetime | None] = []
    for r in raws:
        whens.append(None)
        m = r.m
        line_start = text.rfind("\n", 0, m.start()) + 1
        header = _CHAT_STAMP.fullmatch(text[line_start: m.start()]) is not None \
            or (re.fullmatch(r"\W{0,3}[\w.@'’-]{2,30}(?: [A-Za-z.'’-]{2,20})?\s{2,}", text[line_start: m.start()]) is not None
                and not text[m.end(): (text.find("\n", m.end()) + 1 or len(text) + 1) - 1].strip())  # "arjun.menon  01:51 AM": a message header
        at_line_start = header or not re.sub(r"^\W*(?:={2,}|#{1,6}|\*\*)\s*\w+\s*\d*\s*[/|·]|[\s\-*•|>\[(,/=]|(?i:\b" + WEEKDAY + r")", "", DATE_RE.sub("", text[line_start: m.start()]))
        headers_seen = headers_seen or header  # in a chat of "Name  01:19" headers, a message's "- 23:38 - 01:12 ..." item speaks of
        at_line_start = at_line_start and (header or not headers_seen)  # the past: it neither crosses midnight nor moves the day
        while ri < len(resets) and resets[ri] < m.start():
            head = text[resets[ri]: text.find("\n", resets[ri]) if "\n" in text[resets[ri]:] else len(text)]
            if not (re.search(r"\b\d{1,2}:\d{2}\b", head) and not DATE_RE.search(head)):  # "== Memo 2 / 00:21 ==" carries on the night
                day, last, moment = first_date or day, None, None
            ri += 1
        while di < len(dates) and dates[di][0] < m.start():
            if dates[di][1] <= m.start():
                day, last, written, moment = dates[di][2], None, dates[di][2], None
                doubt = doubts.get(dates[di][0], "")
            di += 1
        if in_part and m.start() >= part_zones[pi - 1][1]:
            (zone, zone_name), in_part = outside, False
        while pi < len(part_zones) and part_zones[pi][0] < m.start():
            zone_name, zone = part_zones[pi][2]  # "ANNEX A — ENGINEERING — times UTC": the part's own zone from here on
            pi, in_part = pi + 1, m.start() < part_zones[pi][1]
        own = zone_of(r.zone_word) if r.zone_word else None
        if r.zone_word and own is None:
            out.rejected.append({"item": m.group(0).strip(), "reason": f"'{r.zone_word}' is not a real time zone or offset; left out"})
            continue
        this_zone, this_name, stated = own, (r.zone_word or "").upper(), own is not None
        if own is not None and not declared and not in_part:
            zone, zone_name = own, this_name  # with no declaration, the last zone written carries on
        if own is None:
            this_zone, this_name, stated = zone, zone_name, zone is not None
            if (here := declared_zone(text[line_start: m.start()])) is not None:  # "From the pipeline DB (all UTC): first ... 08:50"
                this_name, this_zone, stated = here[0], here[1], True
        date_stated, why = False, ""
        if m.group("isodt"):
            dm = DATE_RE.match(m.group("isodt"))
            d = parse_date(dm, None)[0] if dm else None
            if d is None:
                out.rejected.append({"item": m.group(0).strip(), "reason": "not a real date and time; left out"})
                continue
            when_day, date_stated = d, True
        elif r.rel:
            base = written or first_date or day  # "yesterday" is relative to the date written before it (the write-up's, a message's), not to the last time read
            when_day = day_reading.relative_day(r.rel, base) if base else None
            date_stated = when_day is not None
        elif r.after_date is not None:
            when_day, date_stated = r.after_date, True
        elif r.weekday is not None and (written or first_date or day) is not None:
            when_day, why = day_of_weekday(r.weekday, written or first_date or day, with_weekday)
            ahead = when_day + timedelta(days=7)
            if not written and not why and (ahead - (first_date or day)).days < ((first_date or day) - when_day).days:
                when_day = ahead  # "IMPACT (as at Sun 9am)" in a write-up of "Sat 18 Jan": the Sunday after, the nearer one
            if r.day_number and when_day.day != r.day_number and (numbered := day_reading.nearest_numbered(when_day, r.day_number)) != when_day:
                when_day, why = numbered, ""  # "Thu 14th": the Thursday the 14th nearest the write-up's date
            while r.opens >= 0 and whens[r.opens] is not None and when_day < whens[r.opens].date() - timedelta(days=1):
                when_day += timedelta(days=7)  # "Tue 9:40 AM → Thu 2:15 PM": the Thursday after that Tuesday
            date_stated = True
        else:  # "21:05Z (00:05 EAT 6-Mar)" then "23:10Z": the day of the last time, in this time's zone (5 Mar in UTC)
            when_day, why = (moment.astimezone(this_zone or timezone.utc).date() if moment is not None else day), doubt
            date_stated = when_day is not None and any(s >= line_start and e <= m.start() and not re.search(r"\d:\d\d", text[e: m.start()]) for s, e, _ in dates)  # not a message's own stamp
        if when_day is None:
            continue
        hour = r.clock[0]
        opened = whens[r.opens] if r.opens >= 0 else None
        if r.meridiem:
            stamp = not re.sub(r"[\s\[\](*>•|,-]", "", DATE_RE.sub("", text[line_start: m.start()]))  # "[4:30 PM] ana:", "03/11/25, 7:46 pm - Neha:"
            context, context_line = hour * 60 + r.clock[1], (line_start if stamp else -1)
        elif twelve_hour and opened is not None and 1 <= hour <= 12:  # a range's end comes after its start: "8:10 to 2:05"
            start_at = opened.hour * 60 + opened.minute
            hour = min((hour % 12, hour % 12 + 12), key=lambda h: (h * 60 + r.clock[1] - start_at) % 1440)
        elif twelve_hour and context is not None and 1 <= hour <= 12:
            if context_line == line_start:  # in a message's text, a time it speaks of has passed: "[8:52 pm] first ones went at 6:00"
                gaps = [((context - h * 60 - r.clock[1]) % 1440, h) for h in (hour % 12, hour % 12 + 12)]
            else:  # the next entry of a timeline: the nearer reading, "11:50 AM fix deployed" then "12:10 errors stopped"
                gaps = [(min(abs(h * 60 + r.clock[1] - context), 1440 - abs(h * 60 + r.clock[1] - context)), h) for h in (hour % 12, hour % 12 + 12)]
            hour = min(gaps)[1] if gaps[0][0] != gaps[1][0] else hour
        try:
            when = datetime(when_day.year, when_day.month, when_day.day, hour, r.clock[1], tzinfo=this_zone or timezone.utc)
            if not date_stated and at_line_start and last is not None and when < last - timedelta(hours=1) and when.date() == last.date() and not (twelve_hour and last - when < timedelta(hours=6)):
                when += timedelta(days=1)  # a bare time earlier than the previous one in a timeline has crossed midnight (a chat's "- 2:03–3:27" after "3:40 PM" looks back)
            elif not date_stated and not at_line_start and last is not None and when - last > timedelta(hours=12) and (
                    when.date() == last.date() + timedelta(days=1) or when.date() == last.date() and last.hour < 6 <= 18 <= when.hour):
                when -= timedelta(days=1)  # "00:20 correction to yuto's 23:38", "[01:51 AM] window is 11:12 PM → ...": the evening before
            crossed = opened is not None and r.after_date is None and not r.rel and not m.group("isodt") and timedelta(0) < opened - when < timedelta(days=1)
            if crossed and twelve_hour and not r.meridiem and hour < 12 and when + timedelta(hours=12) > opened:
                when += timedelta(hours=12)  # a 12-hour write-up's "from 9:00 to 5:00" ends at 5 pm
                crossed = False
            elif crossed and when + timedelta(days=1) - opened <= timedelta(hours=16):
                when += timedelta(days=1)  # "from 23:40 to 01:15", "between 11pm and 1:30am": the range crosses midnight
            else:
                crossed = False
            utc = when.astimezone(timezone.utc)
        except (OverflowError, ValueError):
            out.rejected.append({"item": m.group(0).strip(), "reason": "this time falls outside the calendar; left out"})
            continue
        ahead_said = bool(r.rel) and not at_line_start and last is not None and when.date() > last.date()  # "a show tomorrow 19:00"
        if r.rel and not ahead_said:
            rel_at = when
        elif date_stated and not ahead_said:
            rel_at = None
        elif rel_at is not None and when < rel_at - timedelta(hours=3) and not crossed:  # "switched on at 18:00 yesterday ... off at 10:50": the next morning
            when += timedelta(days=1)
            utc = when.astimezone(timezone.utc)
        as_of = re.search(r"(?i)\bas\s+(?:at|of)\s+(?:[A-Za-z]{3,9}\.?,?\s+)?$", text[max(0, m.start() - 24): m.start()])
        spoken_of = not at_line_start and last is not None and when < last or ahead_said  # "[12:03 AM] failures from 11:12 PM": the
        # past, in a message; "a show tomorrow 19:00": a day still to come, not the chat's next day
        if not crossed and not as_of and not spoken_of:  # the times after "night shift 22:00-06:00" are read on the day it opened;
            day, moment = when.date(), when  # "IMPACT (as at Sun 9am)" tells when it was counted, not the day of what follows
        whens[-1] = when
        last = when if at_line_start else last
        approx = bool(re.search(r"\b(around|about|approx\.?|approximately|roughly|circa)\s*$|~\s*$", text[max(0, m.start() - 12): m.start()].lower()))
        out.points.append(TimePoint(utc, m.group(0).strip(), m.start(), m.end(), this_name or "UTC", stated, date_stated, approx, why))
    return out


def ranges(text: str, points: list[TimePoint]) -> list[tuple[TimePoint, TimePoint]]:
    """Pairs of times joined as a range: "14:07–15:31 UTC", "from 16:20 to 17:05 BST", "13:02Z-14:46Z"."""
    out = []
    for a, b in zip(points, points[1:]):
        # "from 3/3 6:05 PM Central until everything posted 3/4 1:35 PM", "between 15:12 UTC Apr 8 and 11:47 UTC Apr 9"
        between = _TRAIL_DATE.sub("", _LEAD_DATE.sub("", re.sub(r"\s*\([^()\n]{1,40}\)\s*", " ", text[a.end: b.start])))  # "05:40 (first SIG_INVALID) to 09:25"
        between = re.sub(r"(?i)\b" + WEEKDAY + r"\.?,?\s*$", "", between)  # "Thu 23:30 -> Fri 09:15"
        between = re.sub(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, rules().get("clock_words", []))) + r")\.?\s*$", "", between) if rules().get("clock_words") else between  # "to kl. 13:52"
        before = _TRAIL_DATE.sub("", text[max(0, a.start - 40): a.start])
        if _LOOSE_JOIN.match(between) and re.search(r"(?i)\b(?:from|between|starting)\s*$", before[-20:]):
            out.append((a, b))  # "From 2025-10-01 18:00 UTC until a fix shipped at 2025-10-02 11:30 UTC"
        elif RANGE_JOIN.match(between) or (re.fullmatch(r"\s*(?:UTC|[A-Z]{2,4})?\s*(?:to|until|till|and|[-–—])\s*", between, re.I)):
            out.append((a, b))
    return out
