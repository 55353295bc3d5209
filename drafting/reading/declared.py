"""The zone a write-up declares for its bare times, for the whole of it ("All times UTC", "12:07 pm (phone,
Adelaide time)") or for one part ("Annex — engineering — times UTC"). Patterns are in
data/drafting/extract.yaml (``zone_declarations``)."""
from __future__ import annotations

import re
import unicodedata
from datetime import tzinfo
from functools import lru_cache
from zoneinfo import available_timezones

from .rules import rules, zone_of


@lru_cache(maxsize=1)
def _zone_words() -> str:
    """Every zone word under ``timezones`` as written there, in capitals only: what "{ZONE}" in a declaration
    pattern stands for ("Times are NZDT unless there's a Z on them (UTC ...)" declares NZDT, not UTC)."""
    words = sorted((str(z) for z in rules()["timezones"] if re.fullmatch(r"[A-Z](?:[A-Z]|h)[A-Z]{0,3}", str(z))), key=len, reverse=True)
    return "(?-i:" + "|".join(words) + ")"


# a declaration about a tool's own clock, not the write-up's: "log times UTC", "grafana times are UTC", "DB timestamps"
_TOOL_CLOCK = re.compile(r"(?i)\b(?:logs?|log file|server|database|db|grafana|datadog|kibana|splunk|sentry|graphs?|dashboards?|gateway|settlement)\W{0,3}$")


def declared_zone(text: str) -> tuple[str, tzinfo] | None:
    """The zone the write-up declares for its bare times ("All times UTC", "Times: UK time (BST, UTC+1)")."""
    text = re.sub(r"\*|(?<![A-Za-z])_|_(?![A-Za-z])", " ", text)  # "_Times are SGT (UTC+8) unless marked._" in italics
    for pat in rules()["zone_declarations"]:
        for m in re.finditer(pat.replace("{ZONE}", _zone_words()), text, re.I):
            word = m.group("zone")
            if _TOOL_CLOCK.search(text[max(0, m.start() - 24): m.start()]) and re.search(r"(?i)\b(?:our time|local(?: time)?|here|our clock)\b", text[m.end(): m.end() + 60]):
                continue  # "(log times UTC, so 13:52Z = 10:52 our time)": the logs' clock, set against the team's own
            if word.upper() in rules()["timezones"] or "/" in word:
                z = zone_of(word)
                if z is not None:
                    return (word if "/" in word else word.upper()), z
    for m in _LOCAL_CITY.finditer(text):  # "--- Notes (ora locale Roma) ---", "Hamburg local time"
        city = m.group("c1") or m.group("c2")
        if (key := _zone_cities().get(_plain(city))) and (z := zone_of(key)) is not None:
            return city, z
    return None


_CITY = r"[A-Z][\w\u00C0-\u017F]+(?: [A-Z][\w\u00C0-\u017F]+)?"
_LOCAL_CITY = re.compile(r"(?i:ora locale|hora local|heure locale|local time|lokale tijd|lokal tid|czas lokalny|ortszeit)\s+(?:(?i:di|de|du|in|en|von)\s+)?(?P<c1>" + _CITY
                         + r")|(?P<c2>" + _CITY + r")\s+(?i:local time|ortszeit)\b")


_BLOCK_END = re.compile(r"\n[^\S\n]*\n(?![^\S\n]*(?:[-*•|>]\s*)?(?:\[?\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}))")  # a blank line, then no time


def part_zones(text: str) -> list[tuple[int, int, tuple[str, tzinfo]]]:
    """Lines with no time of their own that declare a zone for what follows ("Annex — engineering — times UTC",
    "Timeline (CET)"), each with where it starts and ends: a part of the write-up may keep its clock in another zone.
    A line that introduces a block ("Grafana (dashboard ...) — times UTC:") declares it for that block only."""
    out, pos = [], 0
    for line in text.split("\n"):
        if len(line) <= 160 and not re.search(r"\d{1,2}[:.]\d{2}", line) and (z := declared_zone(line)):
            block = _BLOCK_END.search(text[pos + len(line) + 1:]) if line.rstrip().endswith(":") else None
            out.append((pos, pos + len(line) + 1 + block.start() if block else len(text), z))
        pos += len(line) + 1
    return out


def place_zone(text: str) -> tuple[str, tzinfo] | None:
    """A write-up that writes no zone anywhere but names a city under ``timezones`` ("London (Park Royal +
    Bow) and Manchester"): its bare times are that city's clock, the zone a reader there would assume."""
    cities = _zone_cities()
    for m in re.finditer(r"\((?:all times |times )?(?:in )?(?P<city>[A-Z][\w\u00C0-\u017F]+(?: [A-Z][\w\u00C0-\u017F]+)?) time\)|(?im:^\W*all times (?:are )?(?:in )?)(?P<all>[A-Z][\w\u00C0-\u017F]+(?: [A-Z][\w\u00C0-\u017F]+)?) time\b", text):
        m_city = m.group("city") or m.group("all")  # "Timeline (São Paulo time)", "All times Lisbon time"; never "my Jira is on Kraków time"
        if (key := cities.get(_plain(m_city))) and (z := zone_of(key)) is not None:
            return m_city, z
    for word in sorted((str(z) for z in rules()["timezones"] if re.fullmatch(r"[A-Z]{4,}(?: [A-Z]+)?", str(z))), key=len, reverse=True):
        region = word.upper() in ("CENTRAL", "EASTERN", "PACIFIC", "MOUNTAIN", "ATLANTIC", "ARABIAN", "INDIAN")  # "Central Beach Varna"
        after = r"\s+(?:time|standard|daylight)\b" if region else r"(?![\w/])"
        said = [m for m in re.finditer(r"(?<![\w/])" + re.escape(word.title()) + after, text, re.I if region else 0)
                if not re.search(r"\b[A-Z][a-z]+\s$", text[max(0, m.start() - 20): m.start()])]  # never "Beatriz Lima", a person
        if said and (z := zone_of(word)) is not None:
            return word.title(), z
    return office_zone(text)


@lru_cache(maxsize=1)
def _zone_cities() -> dict[str, str]:
    """The cities the time-zone database names ("Europe/Madrid", "America/Sao_Paulo"), as a writer spells them
    ("madrid", "sao paulo"), with their zone."""
    out: dict[str, str] = {}
    for key in available_timezones():
        parts = key.split("/")
        if len(parts) >= 2 and parts[0] in ("Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian"):
            out.setdefault(_plain(parts[-1].replace("_", " ")), key)
    for zone, cities in (rules().get("city_zones") or {}).items():  # cities the database does not name ("Manchester", "Pune")
        for city in cities:
            out.setdefault(_plain(str(city)), str(zone))
    return out


def city_zone(name: str) -> str | None:
    """The zone of a city the write-up names ("Christchurch" -> "Pacific/Auckland"), None for any other word."""
    return _zone_cities().get(_plain(name.strip()))


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def office_zone(text: str) -> tuple[str, tzinfo] | None:
    """The clock of the office the write-up says it is written from ("Madrid office", "our team in Vienna", "I'm in
    Lisbon"), for a city the time-zone database names; None when it names none, or two (cues in
    data/drafting/extract.yaml, ``office_cues``)."""
    found: dict[str, str] = {}
    cities = _zone_cities()
    for cue in rules().get("office_cues", []):
        for m in re.finditer(str(cue), text):
            city = _plain(m.group("city")).strip()
            if city in cities:
                found[city] = cities[city]
    if len(set(found.values())) != 1:
        return None
    city, key = next(iter(found.items()))
    z = zone_of(key)
    return (city.title(), z) if z is not None else None


_OWN_OFFSET = re.compile(r"\b(?P<w>[A-Z]{2,5})\b(?:\s*(?:=|:|,|-|–|\bis\b|\bmeans\b)\s*|\s+)(?:\(?[A-Z][a-z]+\)?\s+){0,3}"
                         r"[^\n\d]{0,24}?\b(?:UTC|GMT)\s*(?P<o>[+−-]\s*\d{1,2}(?::?\d{2})?)(?![\d:])")


def own_offsets(text: str) -> dict[str, str]:
    """Zone words the write-up defines with an offset ("IST = Irish Standard Time (UTC+1 in summer)", "Sask time =
    CST all year, UTC-6", "(TRT, UTC+3)"): what they mean here, over the zone table's reading ("IST" is India's)."""
    out: dict[str, str] = {}
    for m in _OWN_OFFSET.finditer(text):
        word = m.group("w")
        if word in ("UTC", "GMT") or not (word in rules()["timezones"] or re.fullmatch(r"[A-Z]{1,3}[SD]?T", word)):
            continue
        out.setdefault(word, "UTC" + re.sub(r"\s+", "", m.group("o")).replace("−", "-"))
    paired = _paired_offsets(text)
    for word, meaning in rules().get("zone_word_places", {}).items():  # "10:20 AM to 4:55 PM BST" in a Dhaka team's notes
        named = [p for p in meaning.get("places", []) if re.search(r"(?<![\w-])" + re.escape(str(p)) + r"(?![\w-])", text)]
        usual = [p for p in meaning.get("usual", []) if re.search(r"(?<![\w-])" + re.escape(str(p)) + r"(?![\w-])", text)]
        if word not in out and re.search(r"\b" + word + r"\b", text) and (named and not usual or str(meaning["offset"]) in paired):
            out[word] = str(meaning["offset"])  # "All times IST unless marked Z" beside "12:02:55Z (13:02)": Irish time
    return out


_PAIRED = re.compile(r"\b(?P<uh>\d{1,2}):(?P<um>\d{2})(?::\d{2})?Z\s*\(\s*(?P<lh>\d{1,2}):(?P<lm>\d{2})(?::\d{2})?\s*\)"
                     r"|\b(?P<lh2>\d{1,2}):(?P<lm2>\d{2})(?::\d{2})?\s*\(\s*(?P<uh2>\d{1,2}):(?P<um2>\d{2})(?::\d{2})?\s*(?:Z|UTC)\s*\)")


def _paired_offsets(text: str) -> set[str]:
    """The offsets a write-up shows by writing one moment twice, in UTC and in its own clock ("12:02:55Z (13:02)",
    "13:02 (12:02 UTC)"), as "UTC+1"."""
    out = set()
    for m in _PAIRED.finditer(text):
        lh, lm, uh, um = (int(m.group(g) or m.group(g + "2")) for g in ("lh", "lm", "uh", "um"))
        minutes = ((lh * 60 + lm) - (uh * 60 + um) + 12 * 60) % (24 * 60) - 12 * 60
        if minutes:
            out.add(_offset_word(minutes))
    return out


def _offset_word(minutes: int) -> str:
    """An offset from UTC in minutes as the zone word this tool reads: 60 -> "UTC+1", -150 -> "UTC-2:30"."""
    return f"UTC{'+' if minutes > 0 else '-'}{abs(minutes) // 60}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")


_LOCAL_WORDS = r"(?:here|local(?:\s+time)?|our\s+time|your\s+time|for\s+you|for\s+us|ours|office\s+time|nosso|nossa|aqui|aquí|hier|ici)"
_UTC_IS_LOCAL = re.compile(r"\b(?P<uh>\d{1,2}):(?P<um>\d{2})(?::\d{2})?\s*(?:UTC|Z|GMT)\s*(?:=|≈|->|→|\bis\b)\s*(?P<lh>\d{1,2})[:.](?P<lm>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?m\.?)?\s*" + _LOCAL_WORDS + r"\b", re.I)
_LOCAL_IS_UTC = re.compile(r"\b(?P<lh>\d{1,2})[:.](?P<lm>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?m\.?)?\s*" + _LOCAL_WORDS + r"\s*(?:=|≈|->|→|\bis\b)\s*(?P<uh>\d{1,2}):(?P<um>\d{2})(?::\d{2})?\s*(?:UTC|Z|GMT)\b", re.I)


# "first blank output is 2025-06-10 18:12:40Z on render-03 — i.e. 6:12am today our time", "first 500 is
# `2025-05-31T14:41:09Z`. so started 7:41 our time": a log's UTC stamp, then the same moment on the team's clock
_UTC_THEN_LOCAL = re.compile(r"(?<![\d:])(?P<uh>\d{1,2}):(?P<um>\d{2})(?::\d{2})?\s*(?:UTC|Z|GMT)\b(?:(?!\d{1,2}[:.]\d{2})[^\n]){0,40}?\b(?P<lh>\d{1,2})[:.](?P<lm>\d{2})(?::\d{2})?\s*"
                             r"(?P<ap>[ap]\.?m\.?)?\s*(?:today\s+|yesterday\s+|this morning\s+)?" + _LOCAL_WORDS + r"\b", re.I)


def declared_or_restated(text: str) -> tuple[str, tzinfo] | None:
    """The zone of the write-up's bare times: the one it declares, or its own clock read from a time it restates.
    A UTC "declared" for a tool ("render logs are UTC") gives way to "18:12:40Z ... i.e. 6:12am our time", unless
    the write-up says all its times are UTC."""
    said, restated = declared_zone(text), restated_offset(text)
    if said and restated and said[0] in ("UTC", "GMT", "Z") and not re.search(r"(?i)\ball (?:the )?times\b[^\n]{0,12}\b(?:UTC|GMT|Z)\b", text):
        return restated
    return said or restated


def restated_offset(text: str) -> tuple[str, tzinfo] | None:
    """The team's own clock, from a time it restates between UTC and its own ("rate went 0 at 09:58 UTC = 17:58
    here", "00:30:12Z = 21:30 nosso"): for a write-up that names no zone for its bare times."""
    for m in list(_UTC_IS_LOCAL.finditer(text)) + list(_LOCAL_IS_UTC.finditer(text)) + list(_UTC_THEN_LOCAL.finditer(text)):
        lh = int(m.group("lh")) % 12 + (12 if (m.group("ap") or "").lower().startswith("p") else 0) if m.group("ap") else int(m.group("lh"))
        minutes = (lh * 60 + int(m.group("lm"))) - (int(m.group("uh")) * 60 + int(m.group("um")))
        minutes = (minutes + 12 * 60 - 1) % (24 * 60) - 12 * 60 + 1  # -11:59 .. +12:00 (New Zealand, never Baker Island)
        if minutes % 15 == 0 and minutes != 0:
            word = _offset_word(minutes)
            if (z := zone_of(word)) is not None:
                return word, z
    return None


def team_clock(zone_words: list[tuple[str, bool]], team: str) -> bool:
    """Whether the team writes its own clock: every zone written on a time is the team's, but for UTC conversions in
    brackets ("09:38 BST (08:38 UTC in the relay logs)"). Its bare times are then on that clock too. Each entry is a
    time's zone word ("" for none) and whether it opens a bracket."""
    words = [(w.upper(), aside) for w, aside in zone_words if w]
    own = sum(w == team.upper() for w, _ in words)
    return own >= 1 and all(w == team.upper() or aside and w in ("UTC", "GMT", "Z") for w, aside in words)
