"""The customer impact window: start and end in UTC, each with the zone it was read in.

Read in order of how explicitly the write-up says it: a labelled field ("Impact start:"), a timeline
entry marked "impact begins"/"impact ends", a stated impact window ("customer impact window = ...
13:02Z-14:46Z"), a range in a sentence about customers ("From 16:20 to 17:05 BST, customers ..."),
then the timeline's first impact and first recovery. Clean-up after impact (a restore script, a
back-fill, refunds, an all-clear) never extends a stated end. A window that ends before it starts, lies
in the future of the write-up or spans more than a week is flagged for the liaison, never stated; one
the write-up leaves in doubt (statements that disagree, a field whose length does not fit its range,
a weekday with two possible days) is stated with low confidence and a flag to check it.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from ..reading.document import Document, Unit, sentences
from ..reading.lengths import MAX_WINDOW, length_beside_range
from ..reading.lengths import length as _said_length
from ..reading.rules import canon, has_cue, rules
from ..reading.times import Reading, TimePoint, ranges
from .points import nearest, points_in, right_after, within
from .range_shapes import bare_range, corrected_next
from .sheet import NO_ZONE_NOTE, Fact, FactSheet
from .zone_choice import said_in_utc

_BEGIN = re.compile(r"(?i)\b(?:customer\s+)?impact\s+(?:begins|began|starts|started)\b|\bstart of (?:customer )?impact\b")
_END = re.compile(r"(?i)\b(?:customer\s+)?impact\s+(?:ends|ended|over)\b|\bend of (?:customer )?impact\b")
_WINDOW_WORDS = re.compile(r"(?i)\b(?:customer\s+)?impact\s+window\b|\bimpact\s*[:=]|\bwindow\s*[:=]|\bcustomer[- ]facing impact\b|\boutage window\b")


def _declares_window(u: Unit) -> bool:
    """A field or sentence that states the customer impact window (cues in data/drafting/extract.yaml)."""
    cfg = rules()
    if u.kind == "field" and _any(cfg.get("change_window_keys", []), u.key):
        return False  # a change form's "Planned window" / "Actual window": when the change ran, not what customers saw
    if u.kind == "field" and re.search(cfg["window_field_keys"], u.key.strip()):
        return True
    text = f"{u.key}: {u.text}" if u.kind == "field" else u.text
    return _WINDOW_WORDS.search(text) is not None or any(re.search(p, text, re.I) for p in cfg["window_cues"])


def _under_when(doc: Document, u: Unit) -> bool:
    """A unit under a heading that asks or names the window ("2) When", "Timing", "Impact window")."""
    heads = [h for h in doc.units if h.kind == "heading" and h.span.start < u.span.start]
    return bool(heads) and re.fullmatch(r"(?i)[\W\d]*(?:when|timing|times?|window|impact window|duration|when did it (?:start|happen))\W*", heads[-1].text.strip()) is not None


def _customerish(text: str) -> bool:
    cfg = rules()
    return has_cue(text, cfg["symptom_cues"]) or has_cue(text, cfg["customer_nouns"]) or has_cue(text, cfg.get("outage_words", []))


def _zoned(doc: Document, pairs: list[tuple[TimePoint, TimePoint]]) -> list[tuple[TimePoint, TimePoint]]:
    """ "impact 14:05 – 16:50 ship time (18:05–20:50 UTC)": a range with no zone written, restated with one in brackets."""
    out = list(pairs)
    for i, ((a, b), (c, d)) in enumerate(zip(pairs, pairs[1:])):
        written = [re.search(r"[A-Za-z]", re.sub(r"(?i)\b[ap]\.?m\b\.?", "", p.raw)) is not None for p in (a, b, c, d)]  # a zone written beside the time
        if not (written[0] or written[1]) and (written[2] or written[3]) and re.fullmatch(r"[^()\n.;]{0,20}\(\s*", doc.text[b.end: c.start]):
            out[i] = pairs[i + 1]
    return out


def _range_in(doc: Document, reading: Reading, u: Unit) -> tuple[TimePoint, TimePoint] | None:
    pairs = _zoned(doc, ranges(doc.text, points_in(reading, u.span.start, u.span.end)))  # "Window: 14:30 → 20:55 ← WRONG ... Corrected: 14:05 → 21:40"
    return (pairs[-1] if len(pairs) > 1 and _any(rules().get("window_corrected_range_cues", []), u.text) else pairs[0]) if pairs else None


def _any(pats: list[str], text: str) -> re.Match | None:
    return _any_from(pats, text, 0)


def _question_field(doc: Document, i: int) -> str:
    """A form's question used as a field label ("Start time (UTC)?" then the answer on the next line)."""
    u = doc.units[i]
    if not u.text.rstrip("* ").endswith("?") or len(u.text) > 60 or i + 1 >= len(doc.units):
        return ""
    label = re.sub(r"\s*\(.*?\)\s*", " ", u.text).strip("*?: ").strip()
    from ..reading.rules import canon
    return canon(label, {k: v for k, v in rules()["fields"].items() if k in ("start", "end", "window")}) or ""


def _any_from(pats: list[str], text: str, pos: int) -> re.Match | None:
    found = [m for p in pats for m in [re.compile(p, re.I).search(text, pos)] if m]
    return min(found, key=lambda m: m.start()) if found else None


def _from_duration(doc: Document, start: TimePoint):
    """The end as the start plus a stated, exact length of the impact ("The impact lasted 52 minutes")."""
    cfg = rules()
    approx = cfg.get("window_duration_approx", "")
    units = [u for u in _statements(doc) if not u.quoted and u.kind != "code"]
    for u in units:
        text = f"{u.key}: {u.text}" if u.kind == "field" else u.text
        for pat in cfg.get("window_duration_statements", []):
            m = re.search(pat, text, re.I)
            if not m:
                continue
            said = m.group("dur")
            if approx and re.search(approx, text[max(0, m.start("dur") - 12): m.start("dur")] + said.split(" and ")[0][:12]):
                continue
            length = _said_length(said)
            if length is None:
                continue
            p = TimePoint(start.when + length, f"{start.raw} + {said.strip()}", u.span.start, u.span.end, start.zone,
                          start.zone_stated, start.date_stated, start.approx)
            return (p, 0.7, u, "")
    return None


def _statements(doc: Document) -> list[Unit]:
    """Units to read window statements from, a long paragraph or field taken one sentence at a time."""
    out: list[Unit] = []
    for u in doc.units:
        if u.kind == "heading" and not re.search(r"(?i)\bimpact\s+\d{1,2}:\d{2}", u.text):
            continue  # "### What customers experienced (impact 23:10 Sat 26 Oct → 01:35 Sun 27 Oct, WEST)" states it
        if u.kind in ("sentence", "field", "quote", "item") and len(u.text) > 160:
            parts = sentences(doc.text, u.span.start, u.span.end)
            if len(parts) > 1:
                out.extend(replace(u, span=sp) for sp in parts)
                continue
        out.append(u)
    return out


Cand = tuple[int, int, str, TimePoint, float, Unit, str]   # (tier, order, slot, point, conf, unit, why unsure)


def _window_pair(doc: Document, u: Unit, got: list[TimePoint]) -> tuple[TimePoint, TimePoint, str]:
    """The two times a window field states ("window: 14:03-14:51 UTC (48m). TTD 6m (page @14:09)"): its
    first range, not its last time (a page, an alert); a length written beside it picks the pair. The
    reason to check it when the field cannot tell ("" when it can)."""
    pairs = _zoned(doc, ranges(doc.text, got))
    if len(pairs) > 1 and _any(rules().get("window_corrected_range_cues", []), u.text):
        pairs = pairs[-1:]  # the corrected range, as in _range_in
    want = length_beside_range(u.text)
    if want is not None:
        fits = [(a, b) for a, b in pairs + [(got[0], b) for b in got[1:]] if abs(b.when - a.when - want) <= timedelta(minutes=1)]
        if fits:
            return fits[0][0], fits[0][1], ""
        a, b = pairs[0] if pairs else (got[0], got[-1])
        return a, b, f"the window field reads {a.raw} to {b.raw}, which does not match the length it states ({int(want.total_seconds() // 60)} min)."
    if pairs or len(got) == 2:
        return (*(pairs[0] if pairs else (got[0], got[-1])), "")
    return got[0], got[-1], f"the window field holds {len(got)} times and no range; read as {got[0].raw} to {got[-1].raw}."


def _marked(doc: Document, reading: Reading, u: Unit, got: list[TimePoint], at: int, alone: bool) -> TimePoint:
    """The time a start or end marker at ``at`` speaks of: the one written right after it, else the one
    that opens its entry, else the nearest. Timeline lines read as one sentence ("... **Impact ends.**"
    then the next day's clean-up line): only the marker's own line's times."""
    lead, entry = u.span.start, u.kind in ("line", "item", "row")
    if "\n" in doc.text[u.span.start: u.span.end]:
        ls = doc.text.rfind("\n", 0, at - 1) + 1
        le = doc.text.find("\n", at)
        own = points_in(reading, ls, min(le if le >= 0 else len(doc.text), u.span.end))
        if own:
            got, lead, entry = own, ls, True
    return right_after(got, at) or (got[0] if entry and alone and got[0].start - lead < 25 else nearest(got, at))


def _cleanup(doc: Document, p: TimePoint) -> bool:
    """A time on a line of clean-up after impact (a restore script, a back-fill, refunds, an all-clear),
    not a statement that impact ended (cues in data/drafting/extract.yaml)."""
    ls = doc.text.rfind("\n", 0, p.start) + 1
    le = doc.text.find("\n", p.end)
    line = doc.text[ls: le if le >= 0 else len(doc.text)]
    cfg = rules()
    return _any(cfg.get("window_cleanup_cues", []), line) is not None and not (_END.search(line) or _any(cfg.get("window_end_markers", []), line))


def _choose(doc: Document, reading: Reading, cands: list[Cand], slot: str) -> tuple[TimePoint, float, Unit, str] | None:
    """The strongest statement of one end of the window: the first of the strongest kind, or the latest
    correction. Clean-up after impact never extends a stated end; a statement of nearly the same
    strength that disagrees leaves the reading unsure, with the reason."""
    mine = [c for c in cands if c[2] == slot]
    if slot == "e" and any(c[0] >= 3 and not _cleanup(doc, c[3]) for c in mine):
        mine = [c for c in mine if c[0] >= 7 or not _cleanup(doc, c[3])]
    if not mine:
        return None
    unsure = [c for c in mine if c[0] == max(x[0] for x in mine)]  # a "When:" field of five times and no range is unsure;
    if all(c[6] for c in unsure) and (sure := [c for c in mine if not c[6] and c[0] >= 4 and all(c[5].span != u[5].span for u in unsure)]):
        mine = sure  # "the first failed job was 10:12" is not (a sure reading of the very same line is no second opinion)
    top = max(c[0] for c in mine)
    best = [c for c in mine if c[0] == top]
    down = [c for c in best if has_cue(c[5].text, rules().get("outage_words", []))]  # "offline between 2:05 and 3:30 PM" over "world file from 20:25-20:45"
    pick = max(best, key=lambda c: c[5].span.start) if top >= 6 else (down or best)[0]
    p, why = _restated(reading, pick[3]), pick[6]
    agree = [c[3] for c in mine if c[0] >= 4 and c is not pick and c[3].date_stated and c[3].when != p.when and abs(c[3].when - p.when) <= MAX_WINDOW
             and (c[3].when - p.when) % timedelta(days=1) == timedelta(0)]
    if agree and not pick[3].date_stated:  # an undated restatement ("is therefore 6:40 AM - 11:40 AM") means the day a dated statement gave
        p = replace(p, when=agree[0].when, date_stated=True)
    if top < 6 and not why:  # unsure when nothing else the write-up states bears it out and a near-equal statement differs
        gap = lambda c: abs(_restated(reading, c[3]).when - p.when)  # noqa: E731
        said = [c for c in mine if c[0] >= 2 and not c[5].quoted and c is not pick]
        other = next((c[3] for c in said if c[0] >= max(3, top - 1) and gap(c) > timedelta(minutes=1) and gap(c) % timedelta(days=1)), None)
        if other is not None and not any(gap(c) <= timedelta(minutes=1) and c[5].span.start != pick[5].span.start for c in said):
            why = f"the write-up also states {other.raw} (read as {other.when:%Y-%m-%d %H:%M} UTC); check which is right."
    return p, pick[4], pick[5], why


def find_window(doc: Document, reading: Reading, sheet: FactSheet) -> None:
    """Collect every statement of the window with a strength, take the strongest for each end (a later correction beats an earlier one), then the timeline."""
    cfg = rules()
    cands: list[Cand] = []

    def add(tier: int, slot: str, p: TimePoint, conf: float, u: Unit, why: str = "") -> None:
        if not has_cue(u.text, cfg.get("window_edit_note_cues", [])):  # "14:10 — impact start corrected in this doc": when the doc changed
            cands.append((tier, p.start, slot, p, conf, u, why))

    corr = cfg.get("window_correction_cues", [])
    # 1. labelled fields, and a form's questions ("End time (UTC)?")
    flds = doc.fields()
    keys = {f.key.strip().lower() for f in doc.units if f.kind == "field"}
    invite = next((f for f in doc.units if f.kind == "field" and f.key.strip().lower() == "when"), None) \
        if "where" in keys and keys & {"organizer", "organiser", "required attendees", "attendees"} else None  # a pasted meeting
    flds = {k: v for k, v in flds.items() if v is not invite}  # invite's "When:" is the review meeting's time, never the window
    impact_end = next((f for f in doc.units if f.kind == "field" and not f.quoted and canon(f.key, cfg["fields"]) == "end"
                       and not re.search(r"(?i)\b(?:resolved|closed|mitigated|recovered)\b", f.key)), None)
    if impact_end is not None:
        flds["end"] = impact_end  # a record's "resolved_at" is when the team closed it; "end_local" is when customers were fine
    for kind in ("start", "end", "window"):
        u = flds.get(kind)
        if u is None:
            continue
        got = points_in(reading, u.span.start, u.span.end)
        edited = re.search(r"→|->|~~|\b(?:edited|corrected|changed|updated|amended) to\b", u.text)  # "23:00 → edited to 23:31", "~~14:58~~ 15:22 (edited)"
        if kind == "start" and got:
            add(7, "s", got[-1] if edited else got[0], 0.95, u)
        elif kind == "end" and got:
            add(7, "e", got[-1] if edited else got[0], 0.95, u)
        elif kind == "window" and len(got) >= 2:
            a, b, why = _window_pair(doc, u, got)
            add(7, "s", a, 0.6 if why else 0.95, u, why)
            add(7, "e", b, 0.6 if why else 0.95, u, why)
    for u in doc.units:  # "| Start | Sat 8 Mar 18:22 | 12:52Z |": a table whose rows are labelled by their first cell
        lab = re.match(r"\s*\|?\s*[*_]*(?P<k>[A-Za-z][\w ()/-]{1,30}?)[*_]*\s*\|", u.text) if u.kind == "row" and not u.quoted else None
        got = points_in(reading, u.span.start, u.span.end) if lab else []
        if got and (kind := canon(lab.group("k"), cfg["fields"])) in ("start", "end"):
            add(7, kind[0], next((p for p in got if re.search(r"(?i)Z$|UTC", p.raw)), got[0]), 0.95, u)
    for i, u in enumerate(doc.units):
        kind = _question_field(doc, i) if not u.quoted else ""
        if kind:
            nxt = doc.units[i + 1]
            got = points_in(reading, nxt.span.start, nxt.span.start + 30)
            if kind in ("start", "end") and got:
                add(7, kind[0], got[0], 0.95, nxt)
    # 2. statements: a stated window, a start or end marker, a range in a sentence about customers
    for u in (u for u in _statements(doc) if invite is None or u.span != invite.span):
        got = points_in(reading, u.span.start, u.span.end)
        text = u.text
        if not got and u.kind == "sentence":
            # "00:50 - Top-ups succeeding again. End of customer impact.": a marker with no time of its
            # own speaks of the time that opens its line
            ls = doc.text.rfind("\n", 0, u.span.start) + 1
            got = points_in(reading, ls, ls + 30)
            if got and (_any(cfg.get("window_start_markers", []), text) or _any(cfg.get("window_end_markers", []), text)):
                u = replace(u, span=type(u.span)(ls, u.span.end, doc.text[ls:u.span.end]))
                text = u.text
            else:
                got = []
        if not got:
            continue
        fix = 3 if _any(corr, text) or (u.kind == "field" and _any(corr, u.key)) or corrected_next(doc.text, u.span.end) else 0  # a correction stands level with a labelled field, and the later of them wins
        low = -2 if u.quoted or u.text.rstrip(" *_").endswith("?") else 0  # "window is 17:52 to 19:34 UTC right?" asks
        superseded = _any(cfg.get("window_superseded_cues", []) + cfg.get("window_earlier_version_cues", []), text) is not None  # 'said "impact 10:14–11:36". That's wrong.'
        planned = _any(cfg.get("planned_range_cues", []), text) and not _declares_window(u)  # "maintenance is Sunday 02:00-05:00"
        pair = _range_in(doc, reading, u) if not (superseded or planned) else None
        if pair is not None:
            if _declares_window(u) or _any(cfg.get("window_range_cues", []), text) or _under_when(doc, u):
                labelled = 1 if u.kind == "field" and re.search(cfg["window_field_keys"], u.key.strip()) else 0  # "WINDOW: Thu 23:30 -> Fri 09:15" over a "WHEN" list's first range
                add(5 + labelled + fix + low, "s", pair[0], 0.9, u)
                add(5 + labelled + fix + low, "e", pair[1], 0.9, u)
            elif not u.quoted and (bare_range(text.split("\n")[0], got) or pair[0] is got[0] and re.match(r"\W{0,3}\d{1,2}[:.]\d{2}", text)) and re.search(cfg["window_field_keys"], doc.text[doc.text.rfind("\n", 0, u.span.start) + 1: u.span.start].lstrip("*_#>-• ")):
                add(5 + fix, "s", pair[0], 0.9, u)  # "**Customer impact:** **23:30 Thu 4 Sep → 02:15 Fri 5 Sep JST**", "**impact:** 23:40–00:55, 3 centres"
                add(5 + fix, "e", pair[1], 0.9, u)
            elif not u.quoted and (_customerish(text) or bare_range(text, got)) and not re.search(r"(?i)\bread-only\b|\bpeak", text[:40]):
                aside = doc.text[pair[0].start - 1: pair[0].start] == "(" and doc.text[pair[1].end: pair[1].end + 1] == ")"  # "push (01:00–03:00)"
                tier = 3 if u.section in ("summary", "impact", "preamble") and u.kind != "line" and not aside else 2  # a chat message's range is in passing
                add(tier, "s", pair[0], 0.8, u)
                add(tier, "e", pair[1], 0.8, u)
        for role, cell in u.cells.items() if u.kind == "row" else []:  # a sheet's "Customer impact?" column: "YES - start", "END of impact"
            if "impact" in role and re.search(r"(?i)\b(?:start|starts|started|begins?|began)\b", cell.text):
                add(4 + fix + low, "s", got[0], 0.9, u)
        if superseded:
            continue  # "Our update #1 (sent 13:41) stated that impact began at 13:10": what was said before, not the window
        mb = _BEGIN.search(text) or _any(cfg.get("window_start_markers", []), text)
        me = _END.search(text) or _any(cfg.get("window_end_markers", []), text)
        if mb and not (me and me.start() == mb.start()) and not re.search(r"(?i)\b(?:after|since|before|when)\s+(?:customer\s+)?$", text[max(0, mb.start() - 20): mb.start()]):
            fixed = re.match(r"\D{0,12}\d{1,2}:\d{2}\s*(?:→|->|=>)\s*(\d{1,2}:\d{2})", text[mb.end():])  # "Start time 05:50 → 05:31"
            m = fixed or re.search(r"\((\d{1,2}:\d{2})\)", text)  # "Customer impact begins (10:41)"
            at = next((p for p in got if m and p.raw.startswith(m.group(1))), None) or within(got, u.span.start, mb) \
                or _marked(doc, reading, u, got, u.span.start + mb.end(), not me)
            add(4 + fix + low, "s", at, 0.95, u)
        if mb and not me:  # "impact started at 10:02 and ended at 10:48"
            pe = _any_from(cfg.get("window_end_after_start", []), text, mb.end())
            at = right_after(got, u.span.start + pe.end()) if pe else None
            if at is not None:
                add(4 + fix + low, "e", at, 0.95, u)
        if me:
            end_at = within(got, u.span.start, me) or _marked(doc, reading, u, got, u.span.start + me.end(), not mb)
            closes = next((b for a, b in ranges(doc.text, got) if a is end_at), None)
            add(4 + fix + low, "e", closes or end_at, 0.95, u)  # "IMPACT END (5:52 AM–1:18 PM MDT)": the range's end
    start, end = (said_in_utc(doc.text, reading, _choose(doc, reading, cands, k)) for k in "se")
    # 4. the timeline: the first entry with an impact cue, then the first later one with a recovery cue
    cfg = rules()
    entries = [u for u in doc.units if not u.quoted and (
        u.kind in ("line", "item") and u.section in ("timeline", "preamble", "other", "summary", "impact") and points_in(reading, u.span.start, u.span.start + 25)
        or u.kind in ("sentence", "field") and u.section in ("summary", "impact", "preamble", "resolution") and points_in(reading, u.span.start, u.span.end))]
    if start is None:
        for u in entries:
            climbing = has_cue(u.text, ["starts climbing"]) and not has_cue(u.text, ["delay", "delays", "delayed"])  # "queue starts climbing, inbound delays for ..." is impact
            if has_cue(u.text, cfg["start_cues"]) and not climbing and not has_cue(u.text, ["merged", "merging", "ran at", "deploy", "deploying", "maintenance", "did not help", "did not fix"]) and (u.kind != "sentence" or _customerish(u.text) or re.match(r"(?i)\W*(?:impact\s+)?(?:started|began|start)\b", u.text)):
                pts = points_in(reading, u.span.start, u.span.end)
                m = re.search(r"(?i)\b(?:starting at|started at|began at|from)\s+", u.text)
                at = next((p for p in pts if m and p.start >= u.span.start + m.end() - 1), pts[0])
                start = (at, 0.6, u, "")
                break
    if end is None and start is not None:
        end = _from_duration(doc, start[0])
    if end is None and start is not None:
        for u in entries:
            tidy = _any(cfg.get("window_cleanup_cues", []), u.text)  # "queue back to normal, delays gone. status page updated 4:05": recovered first
            if not has_cue(u.text, cfg["end_cues"]) or has_cue(u.text, cfg["end_exclusions"]) or tidy and not has_cue(u.text[: tidy.start()], cfg["end_cues"]):
                continue
            later = [p for p in points_in(reading, u.span.start, u.span.end) if p.when > start[0].when]
            # "Started ... at 14:20 UTC, fixed at 16:05 UTC": the time that follows the recovery word
            cued = [p for p in later if has_cue(doc.text[max(u.span.start, p.start - 30): p.start], cfg["end_cues"])]
            if cued or later:
                end = ((cued or later)[0], 0.6, u, "")
                break
    _settle(doc, reading, sheet, start, end)


def _restated(reading: Reading, p: TimePoint) -> TimePoint:
    """A window restated later without a date of its own ("impact window 08:05-11:50" in a comment
    posted the next day) means the moment written earlier at the same clock time: take that day."""
    if p.date_stated:
        return p
    same = [q for q in reading.points if q.start < p.start and timedelta(0) <= p.when - q.when <= MAX_WINDOW and (p.when - q.when) % timedelta(days=1) == timedelta(0)]
    if same and same[0].when != p.when:  # the first time it was said decides: "On Saturday 15 Feb from 19:00" agrees, a later "on Saturday 8 Feb 19:00" is another day
        return replace(p, when=same[0].when, date_stated=same[0].date_stated)
    dated = [q for q in reading.points if q.date_stated and q.start < p.start and abs(p.when - q.when) <= MAX_WINDOW and (p.when - q.when) % timedelta(days=1) == timedelta(0)]
    if dated and dated[0].when != p.when:  # "Actually impact started at 06:42" after a dated field "2025-09-08 06:42": that day
        return replace(p, when=dated[0].when, date_stated=True)
    return p


def _note(p: TimePoint) -> str:
    zone = p.zone or "UTC"
    how = "as written" if p.zone_stated else NO_ZONE_NOTE
    return f"read as {p.raw} ({zone}, {how})"


def _settle(doc: Document, reading: Reading, sheet: FactSheet, start, end) -> None:
    latest = max((d for _, _, d in reading.dates), default=None)
    now = datetime.now(timezone.utc)
    if start is not None:
        p, conf, u, why = start
        if why or p.doubt:
            conf = min(conf, 0.5)
            sheet.flag("start of impact", f"Not sure of the start of impact: {why or p.doubt}")
        if not p.zone_stated:  # with no zone anywhere the draft says "local time"; beside zones written elsewhere it is unsure
            conf = min(conf, 0.5) if any(q.zone_stated for q in reading.points) else conf
            sheet.flag("time zone", "The write-up states no time zone for the start of impact; it was read as UTC. Check it before sending.")
        if not p.date_stated and not reading.dates:
            start = None
            sheet.flag("start of impact", "The write-up gives a time but no date for the start of impact; add the date.")
        else:
            sheet.start = Fact(p.when, u.span, conf, _note(p))
    else:
        sheet.flag("start of impact", "The write-up gives no time when customer impact began.")
    if end is not None and start is not None:
        p, conf, u, why = end
        if why or p.doubt:
            conf = min(conf, 0.5)
            sheet.flag("end of impact", f"Not sure of the end of impact: {why or p.doubt}")
        s = sheet.start.value
        problem = ""
        if p.when <= s < p.when + timedelta(hours=12) and re.fullmatch(r"\s*(?:[1-9]|1[0-2]):\d{2}\s*", p.raw):
            p = replace(p, when=p.when + timedelta(hours=12))  # "2:15" after "10:12" in a write-up of 24-hour times: 14:15
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
