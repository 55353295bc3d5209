"""How a write-up is read, as plain data (data/drafting/extract.yaml), and small lookups over it."""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, Iterator
from zoneinfo import ZoneInfo

import yaml

from ..resources import data_dir


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    with open(data_dir() / "drafting" / "extract.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=256)
def zone_is_place(word: str) -> bool:
    """A city or region under ``timezones`` ("PERTH", "London", "EASTERN"), not an abbreviation a reader sees after
    a time ("AWST"): a draft tells such a clock by its abbreviation."""
    value = str(rules()["timezones"].get((word or "").strip().upper(), ""))
    return "/" in value and len(word.strip()) >= 4


_WRITTEN_ZONES: ContextVar[dict[str, str] | None] = ContextVar("written_zones", default=None)
_WORD_WITH_OFFSET = re.compile(r"(?P<w>[A-Z]{2,5})\s*\((?P<o>(?:UTC|GMT)\s*[+-−]\s*\d{1,2}(?::?\d{2})?)\)")


@contextmanager
def written_zones(words: dict[str, str]) -> Iterator[None]:
    """While one write-up is read, its own zone words mean what it says they mean ("IST = Irish Standard Time
    (UTC+1)" is not India's IST): ``words`` maps a word to an offset ("UTC+1")."""
    token = _WRITTEN_ZONES.set({**(_WRITTEN_ZONES.get() or {}), **words})
    try:
        yield
    finally:
        _WRITTEN_ZONES.reset(token)


def zone_word(zone: str) -> str:
    """The word a reader sees for a zone held as "IST (UTC+1)": "IST"; any other zone as it is."""
    m = _WORD_WITH_OFFSET.fullmatch((zone or "").strip())
    return m.group("w") if m else zone


def zone_of(name: str) -> tzinfo | None:
    """A zone word ("PT", "CET", "UTC", "UTC+1", "+01:00", "Europe/Berlin") as a tzinfo; None if unknown or impossible."""
    if not name:
        return None
    raw = name.strip()
    if m := _WORD_WITH_OFFSET.fullmatch(raw):  # "IST (UTC+1)": a zone word with the offset its write-up gave it
        raw = m.group("o")
    value = (_WRITTEN_ZONES.get() or {}).get(raw.upper()) or str(rules()["timezones"].get(raw.upper(), raw))
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?", value, re.I)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes > 59:  # no place on earth is 15 hours or more from UTC
            return None
        sign = -1 if m.group(1) in "-−" else 1
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    if not re.fullmatch(r"[A-Za-z_]+(?:/[A-Za-z_+-]+){0,2}", value):
        return None
    try:
        return ZoneInfo(value)
    except Exception:  # noqa: BLE001 - an unknown zone name is simply not a zone
        return None


def canon(label: str, table: dict[str, list[str]]) -> str | None:
    """The key of ``table`` whose names include ``label`` ("Root Causes" -> "cause"), or None."""
    low = re.sub(r"[*_`#]+", "", label).strip().lower().rstrip(":?").strip()
    low = re.sub(r"\s+", " ", low)
    for key, names in table.items():
        if low in names:
            return key
    base = re.sub(r"\s*\(.*\)\s*$", "", low).strip(" -—")
    for key, names in table.items():  # "Root cause (suspected)", "Timeline (EST)"
        if base in names:
            return key
    keyish = re.sub(r"\s+(?:utc|gmt|z|local|local time|ts|timestamp)$", "", base.replace("_", " ")).strip()
    for key, names in table.items():  # a tool's record keys: "start_local", "end_utc", "impact_start"
        if keyish != base and keyish in names:
            return key
    return None


@lru_cache(maxsize=512)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(r"(?<![\w-])" + re.escape(c) + r"(?![\w-])" for c in sorted(cues, key=len, reverse=True)), re.I)


def has_cue(text: str, cues: list[str] | tuple[str, ...]) -> bool:
    """Whether any cue word or phrase occurs in the text as whole words."""
    return bool(cues) and _cue_re(tuple(cues)).search(text) is not None


def product_noun_pattern() -> str:
    """A regular expression (no flags) for a word that names what customers use ("app", "portal", "ATS"); data/drafting/extract.yaml."""
    words = sorted((str(w) for w in rules().get("product_nouns", [])), key=len, reverse=True)
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"
