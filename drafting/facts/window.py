"""The customer impact window: start and end in UTC, each with the zone it was read in.

Read in order of how explicitly the write-up says it: a labelled field ("Impact start:"), a timeline
entry marked "impact begins"/"impact ends", a stated impact window ("customer impact window = ...
13:02Z-14:46Z"), a range in a sentence about customers ("From 16:20 to 17:05 BST, customers ..."),
then the timeline's first impact and first recovery. A window that ends before it starts, lies in
the future of the write-up or spans more than a week is flagged for the liaison, never stated.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from ..reading.document import Document, Unit
from ..reading.rules import has_cue, rules
from ..reading.times import Reading, TimePoint, ranges
from .sheet import Fact, FactSheet

MAX_WINDOW = timedelta(days=7)
_BEGIN = re.compile(r"(?i)\b(?:customer\s+)?impact\s+(?:begins|began|starts|started)\b|\bstart of (?:customer )?impact\b")
_END = re.compile(r"(?i)\b(?:customer\s+)?impact\s+(?:ends|ended|over)\b|\bend of (?:customer )?impact\b")
_WINDOW_WORDS = re.compile(r"(?i)\b(?:customer\s+)?impact\s+window\b|\bimpact\s*[:=]|\bwindow\s*[:=]|\bcustomer[- ]facing impact\b|\boutage window\b")


def _declares_window(u: Unit) -> bool:
    """A field or sentence that states the customer impact window (cues in data/drafting/extract.yaml)."""
    cfg = rules()
    if u.kind == "field" and re.search(cfg["window_field_keys"], u.key.strip()):
        return True
    text = f"{u.key}: {u.text}" if u.kind == "field" else u.text
    return _WINDOW_WORDS.search(text) is not None or any(re.search(p, text, re.I) for p in cfg["window_cues"])


def _points_in(reading: Reading, s: int, e: int) -> list[TimePoint]:
    return [p for p in reading.points if s <= p.start and p.end <= e]


def _customerish(text: str) -> bool:
    cfg = rules()
    return has_cue(text, cfg["symptom_cues"]) or has_cue(text, cfg["customer_nouns"]) or has_cue(text, cfg.get("outage_words", []))


def _range_in(doc: Document, reading: Reading, u: Unit) -> tuple[TimePoint, TimePoint] | None:
    got = _points_in(reading, u.span.start, u.span.end)
    for a, b in ranges(doc.text, got):
        return a, b
    return None


def find_window(doc: Document, reading: Reading, sheet: FactSheet) -> None:
    start: tuple[TimePoint, float, Unit] | None = None
    end: tuple[TimePoint, float, Unit] | None = None
    flds = doc.fields()
    # 1. labelled fields
    for kind, slot in (("start", "s"), ("end", "e"), ("window", "w")):
        u = flds.get(kind)
        if u is None:
            continue
        got = _points_in(reading, u.span.start, u.span.end)
        if slot == "s" and got and start is None:
            start = (got[0], 0.95, u)
        elif slot == "e" and got and end is None:
            end = (got[0], 0.95, u)
        elif slot == "w" and len(got) >= 2:
            start, end = start or (got[0], 0.95, u), end or (got[-1], 0.95, u)
    # 2. explicit markers on timeline entries ("14:07 ... **impact begins**")
    for u in doc.units:
        if u.kind == "heading":
            continue
        got = _points_in(reading, u.span.start, u.span.end)
        if not got:
            continue
        mb = _BEGIN.search(u.text)
        if start is None and mb and not _END.search(u.text) and not re.search(r"(?i)\b(?:after|since|before|when)\s+(?:customer\s+)?$", u.text[max(0, mb.start() - 20): mb.start()]):
            m = re.search(r"\((\d{1,2}:\d{2})\)", u.text)  # "Customer impact begins (10:41)"
            start = (next((p for p in got if m and p.raw.startswith(m.group(1))), got[0]), 0.95, u)
        if end is None and _END.search(u.text):
            end = (got[0], 0.95, u)
    # 3. a stated impact window, or a range in a customer sentence of the summary or impact
    if start is None or end is None:
        best = None
        for u in doc.units:
            if u.kind == "heading" or u.quoted:
                continue
            pair = _range_in(doc, reading, u)
            if pair is None:
                continue
            if _declares_window(u):
                score = 3
            elif u.section in ("summary", "impact", "preamble") and _customerish(u.text) and not re.search(r"(?i)\bread-only\b|\bpeak", u.text[:40]):
                score = 2
            else:
                continue
            if best is None or score > best[0]:
                best = (score, pair, u)
            if score == 3:
                break
        if best is not None:
            _, (a, b), u = best
            # a stated window may give both zones ("14:02 CET ... i.e. 13:02Z-14:46Z"): the pair is what it says
            start = start or (a, 0.9 if best[0] == 3 else 0.8, u)
            end = end or (b, 0.9 if best[0] == 3 else 0.8, u)
    # 4. the timeline: the first entry with an impact cue, then the first later one with a recovery cue
    cfg = rules()
    entries = [u for u in doc.units if not u.quoted and (
        u.kind in ("line", "item") and u.section in ("timeline", "preamble", "other", "summary", "impact") and _points_in(reading, u.span.start, u.span.start + 25)
        or u.kind in ("sentence", "field") and u.section in ("summary", "impact", "preamble", "resolution") and _points_in(reading, u.span.start, u.span.end))]
    if start is None:
        for u in entries:
            if has_cue(u.text, cfg["start_cues"]) and not has_cue(u.text, ["merged", "merging", "ran at", "deploy", "deploying", "maintenance", "starts climbing", "did not help", "did not fix"]) and (u.kind != "sentence" or _customerish(u.text) or re.match(r"(?i)\W*(?:impact\s+)?(?:started|began|start)\b", u.text)):
                pts = _points_in(reading, u.span.start, u.span.end)
                m = re.search(r"(?i)\b(?:starting at|started at|began at|from)\s+", u.text)
                at = next((p for p in pts if m and p.start >= u.span.start + m.end() - 1), pts[0])
                start = (at, 0.6, u)
                break
    if end is None and start is not None:
        for u in entries:
            if not has_cue(u.text, cfg["end_cues"]) or has_cue(u.text, cfg["end_exclusions"]):
                continue
            later = [p for p in _points_in(reading, u.span.start, u.span.end) if p.when > start[0].when]
            # "Started ... at 14:20 UTC, fixed at 16:05 UTC": the time that follows the recovery word
            cued = [p for p in later if has_cue(doc.text[max(u.span.start, p.start - 30): p.start], cfg["end_cues"])]
            if cued or later:
                end = ((cued or later)[0], 0.6, u)
                break
    _settle(doc, reading, sheet, start, end)


def _note(p: TimePoint) -> str:
    zone = p.zone or "UTC"
    how = "as written" if p.zone_stated else "no zone written: read as UTC, check it"
    return f"read as {p.raw} ({zone}, {how})"


def _settle(doc: Document, reading: Reading, sheet: FactSheet, start, end) -> None:
    latest = max((d for _, _, d in reading.dates), default=None)
    now = datetime.now(timezone.utc)
    if start is not None:
        p, conf, u = start
        if not p.zone_stated:
            conf = min(conf, 0.5)
            sheet.flag("time zone", "The write-up states no time zone for the start of impact; it was read as UTC. Check it before sending.")
        if not p.date_stated and not reading.dates:
            start = None
            sheet.flag("start of impact", "The write-up gives a time but no date for the start of impact; add the date.")
        else:
            sheet.start = Fact(p.when, u.span, conf, _note(p))
    else:
        sheet.flag("start of impact", "The write-up gives no time when customer impact began.")
    if end is not None and start is not None:
        p, conf, u = end
        s = sheet.start.value
        problem = ""
        if p.when <= s:
            problem = "it ends before it starts"
        elif p.when - s > MAX_WINDOW:
            problem = f"it spans {(p.when - s).days} days, more than a week"
        elif p.when > now or (latest is not None and p.when.date() > latest + timedelta(days=1)):
            problem = "it ends after the latest date the write-up mentions"
        if problem:
            sheet.flag("end of impact", f"The end of impact read from the write-up ({p.raw}) cannot be right: {problem}. Left out; check the window.")
        else:
            sheet.end = Fact(p.when, u.span, conf, _note(p))
            sheet.duration_minutes = Fact(int((p.when - s).total_seconds() // 60), None, conf, "end minus start")
    if sheet.end.value is None and not any(f["item"] == "end of impact" for f in sheet.flags):
        sheet.flag("end of impact", "The write-up gives no time when customer impact ended, so the end and the duration are left out.")
    if sheet.start.value is not None and (sheet.start.value > now):
        sheet.flag("start of impact", "The start of impact is in the future; left out. Check the date.")
        sheet.start = Fact(None)
        sheet.end = Fact(None)
        sheet.duration_minutes = Fact(None)
