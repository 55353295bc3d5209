"""Which zone a draft tells its times in: the zone the write-up tells its window in, or the customers' zone when the
window was read from UTC work notes, as a word a reader knows ("HST", not "Pacific/Honolulu")."""
from __future__ import annotations

import re
from collections import Counter

from ..reading.rules import zone_is_place, zone_of
from ..reading.times import Reading
from .sheet import NO_ZONE_NOTE, FactSheet


def writeup_zone(sheet: FactSheet, reading: Reading, text: str = "") -> str:
    """The zone word the write-up tells its window in ("BRT", "PT", "AEST"), so drafts give its readers their
    local times; "UTC" when it writes in UTC, an offset, an IANA name, or in no zone a draft can name."""
    notes = [n for n in (sheet.start.note, sheet.end.note) if n]
    if notes and all(NO_ZONE_NOTE in n for n in notes) and not reading.declared_zone:
        return "local"  # bare times and no zone anywhere: the team's own clock, which the draft must not call UTC
    m = re.search(r"\((?P<z>[^,()]+), as written\)", sheet.start.note or sheet.end.note or "")
    zone = m.group("z").strip() if m else reading.declared_zone
    if zone and "/" in zone:  # "Pacific/Honolulu" in a ticket's header: the word its readers use ("HST"), if the write-up has one
        zone = _zone_word(zone, sheet, text) or zone
    elif zone in ("UTC", "GMT", "Z") and reading.declared_zone and _is_word(reading.declared_zone):
        zone = reading.declared_zone  # work notes in UTC, customers told in "AEST (Brisbane/Sydney)": the customers' zone
    if zone and _is_word(zone):  # "+01:00" is no word for a reader
        return zone
    if zone and zone_is_place(zone) and (word := _city_word(zone, sheet)):
        return word  # "Adelaide time", "London and Manchester": told as "ACST", "BST"
    return "UTC"


def _city_word(city: str, sheet: FactSheet) -> str:
    """The abbreviation a city's clock goes by at the incident, when it is a zone word this tool knows for the
    same offset ("AEDT" for Sydney in November; never "PST" for Manila)."""
    tz, at = zone_of(city), sheet.start.value or sheet.end.value
    if tz is None or at is None:
        return ""
    name = at.astimezone(tz).tzname() or ""
    return name if _is_word(name) and at.astimezone(zone_of(name)).utcoffset() == at.astimezone(tz).utcoffset() else ""


def _is_word(zone: str) -> bool:
    return re.fullmatch(r"[A-Z]{2,5}", zone) is not None and zone not in ("UTC", "GMT") and zone_of(zone) is not None and not zone_is_place(zone)


def _zone_word(iana: str, sheet: FactSheet, text: str) -> str:
    """The zone word the write-up uses for the same clock as an IANA zone at the incident ("HST" for Pacific/Honolulu)."""
    at, tz = sheet.start.value, zone_of(iana)
    if at is None or tz is None:
        return ""
    words = Counter(w for w in re.findall(r"\b[A-Z]{2,5}\b", text) if _is_word(w) and at.astimezone(zone_of(w)).utcoffset() == at.astimezone(tz).utcoffset())
    return words.most_common(1)[0][0] if words else ""


_SAME_AS = re.compile(r"\s*(?:\([AB]\)\s*)?(?:[A-Z]{2,5}\s*)?(?:\([^()\n]{0,20}\)\s*)?(?:=|≈|→|->|i\.e\.?,?)\s*")


def said_in_utc(text: str, reading: Reading, chosen):
    """A window time read from a local time the write-up restates in UTC ("03:40(B) EET = 01:40Z Sun 26.10", the
    night the clocks went back): the UTC restatement, which needs no zone rules and no guess at the repeated hour."""
    if chosen is None:
        return None
    p = chosen[0]
    m = _SAME_AS.match(text[p.end: p.end + 40])
    if m is None or p.zone in ("UTC", "Z", "GMT"):
        return chosen
    q = next((q for q in reading.points if q.start == p.end + m.end() and q.zone_stated and q.zone in ("UTC", "Z", "GMT")), None)
    return chosen if q is None else (q, *chosen[1:])
