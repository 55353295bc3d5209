"""Dates as a careful reader takes them: "2025-03-04", "2025/03/04", "03.06.2025", "4 March 2025",
"the 3rd of June", "March 4", "3/4/2025" (month or day first by what the write-up shows), "17/Jun/25".

A date written without a year takes its year from the write-up itself, never from today (:class:`Years`):
a weekday written next to it picks the year in which that day falls on that weekday, else the same month
written with a year, else the year nearest the dates the write-up writes in full.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Callable

from .rules import rules

_MIN_YEAR, _MAX_YEAR = 1970, 2200
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
_MONTH_NUM = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DAY_FIRST_MONTHS = {str(w).lower(): int(n) for n, words in rules().get("month_names_day_first", {}).items() for w in words}
# "15. Februar", "11 de março": other languages' month names, only after the day (data/drafting/extract.yaml)
_DAY_FIRST = "|".join(sorted(map(re.escape, _DAY_FIRST_MONTHS), key=len, reverse=True)) or "(?!)"
_WD = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])"
# a day and month in brackets right after a time ("22:41 (18/09)"), or right after a weekday ("Thu 18/09",
# "Thursday, 18/09"): lookbehinds, one per width, as Python's need a fixed width
_SHAPES = [r"\d/\d", r"\d\d/\d", r"\d/\d\d", r"\d\d/\d\d"]
_IN_BRACKETS_AFTER_TIME = "|".join(rf"(?<=\d\s\({sh})\s*\)" for sh in _SHAPES)
_WEEKDAY_WORDS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AFTER_WEEKDAY = "(?:" + "|".join(rf"(?<=\b{wd}{sep}{sh})" for wd in _WEEKDAY_WORDS for sep in (r"\s", r",\s", r"\.\s") for sh in _SHAPES) + ")"
DATE_RE = re.compile(
    rf"(?P<iso>(?<![\d/])(?<!\d-)\d{{4}}(?P<isep>[-/])\d{{1,2}}(?P=isep)\d{{1,2}}(?![\d/-]))"
    rf"|(?P<dot>(?<!\d)(?<!\d\.)(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})(?!\d|\.\d))"   # "03.06.2025", always day first
    rf"|(?P<dmy>(?<![:.])\b\d{{1,2}}(?:st|nd|rd|th|\.(?=\s+(?:{_DAY_FIRST})(?!\w)))?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s+(?:of|de|del))?(?:\s+|-)(?P<m1>{MONTHS}|(?:{_DAY_FIRST})(?!\w))[a-z]*\.?(?:(?:,?\s+|-)(?:de\s+)?(?P<y1>\d{{4}}|(?<!,\s)\d{{2}}(?![\d:%])(?!\s+[a-z])))?\b)"
    rf"|(?P<jira>\b(?P<d3>\d{{1,2}})/(?P<m3>{MONTHS})/(?P<y3>\d{{2}}|\d{{4}})\b)"
    # "3/4/2025"; a day and month with no year only beside a time or a weekday: "3/3 6:05 PM", "18/09 (Thu)",
    # "Thu 18/09", "22:41 (18/09)" (never a bare "3/4 of the nodes")
    rf"|(?P<num>(?<![\d/.:-])(?P<n1>\d{{1,2}})/(?P<n2>\d{{1,2}})(?:/(?P<n3>\d{{4}}|\d{{2}})(?![\d/])|(?![\d/])(?=,?\s+\d{{1,2}}(?::\d{{2}}|\s*[ap]\.?m\b)|,?\s*\(?{_WD}|{_IN_BRACKETS_AFTER_TIME})|{_AFTER_WEEKDAY}(?![\d/])))"
    # a recording's or photo's file name: "GMT20240928-132611_Recording.mp4", "IMG_20240928_132611.jpg"
    rf"|(?P<compact>(?<=[A-Za-z_-])(?P<y6>20\d\d)(?P<m6>[01]\d)(?P<d6>[0-3]\d)(?=[-_T]\d{{4,6}}(?!\d)))"
    rf"|(?P<mdy>\b(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:)(?:,?\s+(?P<y2>\d{{4}}))?\b)",
    re.I,
)
WEEKDAY = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])"


def parse_date(m: re.Match, default_year: int | None | Callable[[int, int, re.Match], int | None], order: str = "") -> tuple[date | None, str]:
    """A DATE_RE match as a date, or (None, why not). ``order`` ("mdy" or "dmy") reads "3/4/2025";
    a first number above 12 is always a day. A date written without a year takes ``default_year``, or
    asks it (month, day, match) when it is a function (:class:`Years`)."""
    try:
        if m.group("num"):  # "3/4/2025", "3/3 6:05 PM": month first unless the write-up shows day-first dates
            a, b = int(m.group("n1")), int(m.group("n2"))
            day_first = a > 12 or (b <= 12 and (order or rules().get("numeric_date_order", "mdy")) == "dmy")
            d, mo = (a, b) if day_first else (b, a)
            y3 = m.group("n3")
            y = (int(y3) + (2000 if len(y3) == 2 else 0)) if y3 else default_year
        elif m.group("compact"):
            y, mo, d = int(m.group("y6")), int(m.group("m6")), int(m.group("d6"))
        elif m.group("iso"):
            y, mo, d = (int(x) for x in re.split(r"[-/]", m.group("iso")))
        elif m.group("dot"):
            d, mo, y = int(m.group("d4")), int(m.group("m4")), int(m.group("y4"))
        elif m.group("jira"):  # "17/Jun/25", as issue trackers write it
            d, mo = int(m.group("d3")), _MONTH_NUM[m.group("m3").lower()[:3]]
            y = int(m.group("y3")) + (2000 if len(m.group("y3")) == 2 else 0)
        elif m.group("dmy"):
            d = int(re.match(r"\d+", m.group("dmy")).group(0))
            mo = _DAY_FIRST_MONTHS.get(m.group("m1").lower()) or _MONTH_NUM[m.group("m1").lower()[:3]]
            y1 = m.group("y1")
            y = (int(y1) + (2000 if len(y1) == 2 else 0)) if y1 else default_year
        else:
            d, mo = int(m.group("d2")), _MONTH_NUM[m.group("m2").lower()[:3]]
            y = int(m.group("y2")) if m.group("y2") else default_year
    except (AttributeError, KeyError, ValueError):
        return None, "not a date"
    if y is not None and callable(y):
        y = y(mo, d, m)
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
    seen = [(int(m.group("n1")), int(m.group("n2"))) for m in DATE_RE.finditer(text) if m.group("num")]
    for (a1, b1), (a2, b2) in zip(seen, seen[1:]):  # a chat's "11/10/25" then "12/10/25": the next day, so the day comes first
        if b1 == b2 and a2 == a1 + 1:
            return "dmy"
        if a1 == a2 and b2 == b1 + 1:
            return "mdy"
    hints = rules().get("numeric_order_hints", {})
    found = [(m.start(), order) for order, pats in hints.items() for p in pats for m in [re.search(p, text)] if m]
    return min(found)[1] if found else ""


_WEEKDAY_DATE = re.compile(rf"\b(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTHS})|(?P<m2>{MONTHS})\.?\s+(?P<d2>\d{{1,2}}))", re.I)


def year_from_weekday(text: str, today: date | None = None, order: str = "") -> int | None:
    """'Thu 12 June' or '18/09 (Thu)' with no year anywhere: the latest year, up to this one, in which
    that day is that weekday."""
    m = _WEEKDAY_DATE.search(text)
    if m:
        day = int(m.group("d1") or m.group("d2"))
        month = _MONTH_NUM[(m.group("m1") or m.group("m2")).lower()[:3]]
        weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(m.group("wd").lower()[:3])
    else:  # a numeric day and month beside its weekday: "--- 18/09 (Thu) ---", "Fri 3/7"
        for n in DATE_RE.finditer(text):
            if n.group("num") and not n.group("n3") and (wd := _weekday_near(n)) is not None:
                a, b = int(n.group("n1")), int(n.group("n2"))
                day_first = a > 12 or (b <= 12 and (order or rules().get("numeric_date_order", "mdy")) == "dmy")
                day, month = (a, b) if day_first else (b, a)
                weekday = wd
                break
        else:
            return None
    this_year = (today or date.today()).year
    for y in range(this_year, this_year - 7, -1):
        try:
            if date(y, month, day).weekday() == weekday:
                return y
        except ValueError:
            return None
    return None


_WD_BEFORE = re.compile(rf"(?<![a-z])(?P<wd>{WEEKDAY})\.?,?\s+(?:the\s+)?$", re.I)
_WD_AFTER = re.compile(rf"\s*,?\s*\(?(?P<wd>{WEEKDAY})(?!')", re.I)
_MONTH_YEAR = re.compile(rf"(?<![a-z])(?P<m>{MONTHS})[a-z]*\.?,?\s+(?P<y>(?:19|20|21)\d\d)(?!\d)", re.I)
_BARE_YEAR = re.compile(r"(?<!\d)(?<!\d-)((?:19|20|21)\d\d)(?!\d)")
_PAST_YEAR = re.compile(r"(?i)\b(?:from|since|before|back in|until|dating from)\s+$")  # "a typo in the config from 2023": history
_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _weekday_near(m: re.Match) -> int | None:
    """The weekday written right next to a date ("Monday, December 1", "1 Dec (Mon)"), 0 for Monday; else None."""
    text = m.string
    w = _WD_BEFORE.search(text[max(0, m.start() - 16): m.start()]) or _WD_AFTER.match(text, m.end())
    return _WEEKDAYS.index(w.group("wd").lower()[:3]) if w else None


class Years:
    """The year of a day and month written without one, from the write-up itself, never from today:
    the year in which a weekday written next to it falls on that day ("Monday, December 1" in a memo
    dated January 6, 2026 is 1 December 2025), else the year of the same month written with a year
    ("Incident summary, December 2025"), else the year that puts it nearest a date the write-up writes
    in full, else the first year written anywhere. Only a weekday with no year anywhere looks at today,
    and then only to rule out years still to come."""

    def __init__(self, text: str, order: str = "", today: date | None = None):
        self.today = today or date.today()
        self.order = order
        self._twins: dict[tuple[int, int], re.Match] | None = None
        self.refs = [d for m in DATE_RE.finditer(text) for d in [parse_date(m, None, order)[0]] if d is not None]
        self.month_years: dict[int, int] = {}
        for m in _MONTH_YEAR.finditer(text):
            if re.search(r"\d(?:st|nd|rd|th)?[\s-]+$", text[max(0, m.start() - 6): m.start()]):
                continue  # "9 April 2025" is a full date, already a reference
            self.month_years.setdefault(_MONTH_NUM[m.group("m").lower()[:3]], int(m.group("y")))
        bare = next((b for b in _BARE_YEAR.finditer(text) if not _PAST_YEAR.search(text[max(0, b.start() - 12): b.start()])), None)
        self.first_year = int(bare.group(1)) if bare else year_from_weekday(text, self.today, order)

    def _weekday_twin(self, mo: int, d: int, text: str) -> int | None:
        """The year of the same day and month written elsewhere beside its weekday and without a year, if any (the
        write-up's dates with a weekday are found once, on the first ask)."""
        if self._twins is None:
            self._twins = {}
            for x in DATE_RE.finditer(text):
                got, _ = parse_date(x, 2000, self.order)
                if got is not None and parse_date(x, None, self.order)[0] is None and _weekday_near(x) is not None:
                    self._twins.setdefault((got.month, got.day), x)
        twin = self._twins.get((mo, d))
        return self(mo, d, twin) if twin is not None else None

    @staticmethod
    def _on(y: int, mo: int, d: int) -> date | None:
        try:
            return date(y, mo, d)
        except ValueError:
            return None

    def __call__(self, mo: int, d: int, m: re.Match | None = None) -> int | None:
        hint = self.month_years.get(mo)
        anchors = [date(hint, mo, 15)] if hint else list(self.refs)
        if not anchors and self.first_year:
            anchors = [date(self.first_year, 7, 1)]
        wd = _weekday_near(m) if m is not None else None
        if wd is None and m is not None and (twin := self._weekday_twin(mo, d, m.string)) is not None:
            return twin  # "renewal charge, 3 July" above "on Thursday 3 July": the year its weekday picks
        if wd is not None:
            if anchors:
                years = range(min(a.year for a in anchors) - 7, max(a.year for a in anchors) + 8)
            else:
                years = range(self.today.year - 7, self.today.year + 1)
            fits = [y for y in years if (x := self._on(y, mo, d)) is not None and x.weekday() == wd]
            if fits:
                if not anchors:
                    return max(fits)
                return min(fits, key=lambda y: (min(abs((self._on(y, mo, d) - a).days) for a in anchors), -y))
        if hint:
            return hint
        if self.refs:
            years = range(min(a.year for a in self.refs) - 1, max(a.year for a in self.refs) + 2)
            fits = [y for y in years if self._on(y, mo, d) is not None]
            if fits:
                return min(fits, key=lambda y: (min(abs((self._on(y, mo, d) - a).days) for a in self.refs), -y))
        return self.first_year


# "on Friday", "on\nFriday", "on last Tuesday": a weekday with no date beside it (not "on Friday 14 February")
ON_WEEKDAY = re.compile(rf"(?<![a-z])on\s+(?:(?:this|last|past)\s+)?(?P<wd>{WEEKDAY})\.?(?!'|\s*,?\s*(?:the\s+)?\d|\s*,?\s*{MONTHS})", re.I)


# "Mick: Tuesday the 11th. Radios ... dropped at 6:40": a weekday with its day of the month and no month
NUMBERED_WEEKDAY = re.compile(rf"(?<![a-z])(?P<wd>{WEEKDAY})\.?,?\s+the\s+(?P<dn>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?{MONTHS}|\s*[/.-]\d)", re.I)


def nearest_numbered(day: date, number: int) -> date:
    """The same weekday as ``day`` that falls on the ``number``th of a month, nearest ``day`` ("Thu 14th", "Tuesday the
    11th" in a write-up exported on Thursday 13 February: Tuesday 11 February); ``day`` itself when none is within five weeks."""
    if not number or day.day == number:
        return day
    near = [day + timedelta(days=k) for k in range(-35, 36, 7) if (day + timedelta(days=k)).day == number]
    return min(near, key=lambda d: abs((d - day).days)) if near else day


def weekday_index(word: str) -> int:
    """0 for "Mon"/"Monday", 6 for "Sunday"."""
    return _WEEKDAYS.index(word.lower()[:3])


def weekday_dates(text: str, years: Callable[[int, int, re.Match], int | None], order: str = "") -> list[date]:
    """Dates written beside their own weekday ("Friday 14 February", "Fri 14/02"): the days a bare
    "on Friday" elsewhere in the write-up may mean."""
    out = []
    for m in DATE_RE.finditer(text):
        wd = _weekday_near(m)
        d = parse_date(m, years, order)[0] if wd is not None else None
        if d is not None and d.weekday() == wd:
            out.append(d)
    return out


def day_of_weekday(wd: int, ref: date, named: list[date]) -> tuple[date, str]:
    """The day "on Friday" means in a write-up dated ``ref``: the most recent such day on or before it
    (people write about what has happened). A date the write-up names with that weekday ("Friday
    14 February") confirms it, and one named within a week of ``ref`` is taken instead ("as at Sun 9am"
    beside "Sun, Jan 19") when it is nearer than the most recent one; when the only ones named are further off, the
    reason to check it."""
    recent = ref - timedelta(days=(ref.weekday() - wd) % 7)
    others = sorted({d.isoformat() for d in named if d.weekday() == wd})
    if not others or recent.isoformat() in others:
        return recent, ""
    near = [d for d in named if d.weekday() == wd and abs((d - ref).days) < min(7, abs((recent - ref).days))]
    if near:  # "as at Sun 9am" in a write-up of "Sat 18 Jan" whose byline says "Sun, Jan 19": that Sunday
        return min(near, key=lambda d: abs((d - ref).days)), ""
    if all(d > ref.isoformat() for d in others):
        return recent, ""  # "23:20 Fri" on Saturday's page, beside "booked between Sat 25 Jan and Fri 31 Jan": a later Friday is no rival
    day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    return recent, f"the write-up says '{day}' without a date; read as {recent.isoformat()}, though it also names {' and '.join(others)}. Check the day."


def written_date(text: str, s: int) -> bool:
    """A date labelled as when the write-up was written, posted or exported ("report written 2025-03-05",
    "Last updated: 2025-03-06", "Last edited by Colm, Mon 27 Jan 09:48"): the day "yesterday" counts from, not the day of the times after it."""
    ls = text.rfind("\n", 0, s) + 1
    words = rules()["fields"].get("written", [])
    label = r"(?i)(?:^|[(\[,;|*_·-])\s*(?:[a-z]+\s+)?(?:" + "|".join(re.escape(w) for w in words) + r")\b(?:\s+by\s+[^\n\d,:]{2,40},?)?[^\n\d]{0,12}$"
    return bool(words) and re.search(label, text[ls: s]) is not None  # a label, not "until everything posted 3/4 1:35 PM"


def relative_day(raw: str, base: date) -> date | None:
    """'yesterday 9am' with the write-up's own date as 'today'."""
    low = raw.lower()
    if re.search(r"\byesterday\b|\blast night\b", low):
        return base - timedelta(days=1)
    if re.search(r"\btomorrow\b", low):
        return base + timedelta(days=1)
    return base


def edit_date(text: str, s: int) -> bool:
    """A date labelled as a later edit of the record ("Updated: 13/Feb/25 6:40 PM", "Last modified 3 Mar"): when someone
    last touched it, never the day of the times after it (``edit_date_labels`` in data/drafting/extract.yaml)."""
    ls = text.rfind("\n", 0, s) + 1
    words = rules().get("edit_date_labels", [])
    return bool(words) and re.search(r"(?i)(?:^|\s)(?:" + "|".join(re.escape(str(w)) for w in words) + r")\s*[:=]?\s*$", text[ls: s]) is not None


def file_stamp_day(text: str, s: int, e: int, d: date, zone: tzinfo) -> date:
    """A file name's compact GMT date and time ("GMT20250614-162205") as the day in the write-up's own zone."""
    stamp = re.match(r"[-_T](\d\d)(\d\d)", text[e:e + 5])
    if stamp is None or not re.search(r"(?:GMT|UTC)$", text[max(0, s - 3):s]):
        return d
    return datetime(d.year, d.month, d.day, int(stamp.group(1)), int(stamp.group(2)), tzinfo=timezone.utc).astimezone(zone).date()


_SECOND_DAY = re.compile(r"[_-](\d{1,2})(?!\d)")


def night_of(text: str, e: int, d: date, first_hour: Callable[[int], int | None]) -> date:
    """A notes file named for a night ("oncall-notes-2025-01-28_29.txt"): when the first time after it is before noon,
    the notes begin after midnight, on the second day; ``first_hour(pos)`` reads the hour of the first time after pos."""
    m = _SECOND_DAY.match(text, e)
    nxt = d + timedelta(days=1)
    if m is None or int(m.group(1)) != nxt.day:
        return d
    hour = first_hour(m.end())
    return nxt if hour is not None and hour < 12 else d


def night_pairs(text: str, dates: list[tuple[int, int, date]], first_hour: Callable[[int], int | None]) -> list[tuple[int, int, date]]:
    """A shift named by its two days ("HANDOVER night -> AM | Wed 5 Mar -> Thu 6 Mar"): one date, the first day when the
    times after it start in the evening (they cross midnight on their own), else the second. A file named for a night
    ("oncall-notes-2025-01-28_29.txt") is read the same way (:func:`night_of`)."""
    out = [(s_, e_, night_of(text, e_, d, first_hour)) for s_, e_, d in dates]
    for i in range(len(out) - 2, -1, -1):
        (s1, e1, d1), (s2, e2, d2) = out[i], out[i + 1]
        if d2 == d1 + timedelta(days=1) and re.fullmatch(rf"\s*(?:->|→|–|—|-|to|until|/)\s*(?:{_WD}\.?,?\s*)?", text[e1:s2], re.I) and "\n" not in text[s1:e2]:
            hour = first_hour(e2)
            out[i: i + 2] = [(s1, e2, d1 if hour is not None and hour >= 12 else d2)]
    return out


# "08:47–11:05 PDT (15:47–18:05 UTC), Tue Jun 10 |": a date that ends a line or a table cell after its times and
# nothing but times, zones and brackets: the day of those times
LINE_END_DATE = re.compile(
    r"(?:[^\S\n]|[,;()\[\]*_~→/–—-]|\b(?:to|and|until|till)\b|\b[A-Z]{2,5}\b|\b\d{1,2}[:.h]\d{2}(?::\d{2})?\b(?:[^\S\n]*(?i:[ap]\.?m\.?))?)*?"
    rf"(?i:(?:{WEEKDAY}\.?,?[^\S\n]+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?[^\S\n]+{MONTHS}[a-z]*\.?(?:[^\S\n]+\d{{4}})?|{MONTHS}[a-z]*\.?[^\S\n]+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?[^\S\n]+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}))"
    r"(?=[^\S\n]*[*_)]*[^\S\n]*(?:\||$))", re.M)


_INVITE = re.compile(r"(?im)^\s*Where\s*:[^\n]*\n(?:[^\n]*\n){0,2}?\s*(?:Organi[sz]er|Required Attendees|Attendees)\s*:")


def invite_when(text: str, s: int) -> bool:
    """A date on a pasted meeting invite's "When:" line ("When: Tuesday, 24 September 2024 2:00 PM", above "Where:" and
    "Organizer:") or after a review meeting's label ("Review: Wed 7/16"): the meeting's day, never the incident's."""
    before = text[text.rfind("\n", 0, s) + 1: s]
    labels = "|".join(re.escape(str(w)) for w in rules().get("meeting_date_labels", []))
    if labels and re.search(r"(?i)(?:^|[·|,;(])\s*(?:[*_]+)?(?:" + labels + r")(?:[*_]+)?\s*(?::|\bon\b)?[^\n\d:]{0,12}$", before):
        return True  # "SEV-2 · LL-4471 · Review: Wed 7/16, 2:00": when the team meets about it
    return re.match(r"\s*When\s*:", before) is not None and _INVITE.search(text) is not None
