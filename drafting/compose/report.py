"""report: the full external incident report. Summary (harm and remedy first at sev1/sev2), what
happened, why (the confirmed cause in the write-up's own checked sentences, or an honest "not yet
confirmed"), what is changing, an apology, and an invitation to ask questions with how."""
from __future__ import annotations

import re

from ..context import Audience
from ..facts.kinds import change_kind, is_cleanup, kind_rules
from ..facts.prose import leans_back
from ..redact import templates
from .apology import apology
from .document import Document, Unit
from .headline_said import headline_said
from .phrasing import Inputs, as_we_will, pick, plain_enough, window_unit
from .remedy_words import remedy_to_reader
from .unknowns import end_honestly_unknown

_STATUS_ONLY = re.compile(r"(?i)^\W*(?:the )?(?:root )?(?:cause (?:is|was) (?:now )?)?\W*(?:confirmed|verified)\W*\.?\s*$")  # "Cause is **confirmed**."
_RECOVERED = re.compile(r"(?i)\b(?:resolved|recovered|recovery|restored|back to normal|fixed|caught up|all clear|impact (?:ended|over)|cleared|working again)\b")


def cause_units(inp: Inputs, limit: int) -> list[Unit]:
    """A confirmed cause: the plain sentence for its kind first (fact sheet: cause_plain), then the write-up's
    own checked sentences the reader can follow; an unconfirmed one: an honest "not yet confirmed"."""
    t = templates()
    f = inp.facts
    status = f.cause_status.value
    plain = [Unit(str(f.cause_plain.value), "writeup")] if status == "confirmed" and f.cause_plain.value else []
    if status == "confirmed" and f.cause.value:
        from ..reading.document import sentences

        text = str(f.cause.value)
        parts = [s.text for s in sentences(text, 0, len(text)) if s.text.strip() not in str(f.cause_plain.value) and not _STATUS_ONLY.match(s.text)
                 and not (plain and leans_back(s.text))]  # "Both faults were needed ...": after the plain sentence it points at nothing
        while parts and leans_back(parts[0]):
            parts = parts[1:]  # "It deleted pre-rendered tiles ...": what "it" is was in a sentence the sheet did not keep
        keep = [p for p in parts if plain_enough(p, inp)][: limit - len(plain)]  # "The legacy LB record got destroyed in the same apply": not for general readers
        if not keep and not plain and inp.ctx.audience is Audience.GENERAL:  # one explained term more, rather than withhold a confirmed cause
            keep = [p for p in parts[:1] if plain_enough(p, inp, allowance=1)]
        if not keep and not plain:
            inp.omit("cause detail", "The write-up states the cause only in technical words: the draft says it is confirmed and offers the detail.")
            return [Unit(t["report"]["cause_unwritten"], required=True)]
        units = plain + [Unit(s, "writeup") for s in keep]
        if f.cause_open.value:
            units.append(Unit(t["common"]["cause_deeper_open"].format(what=f.cause_open.value)))
        return units
    if status == "confirmed":
        if plain:
            return plain
        inp.omit("cause", "The write-up confirms the cause only in words that name people or internal systems: write it in customer words (fact sheet field: cause).")
        return [Unit(t["report"]["cause_unwritten"], required=True)]
    if f.cause.value or f.unconfirmed:
        inp.omit("suspected cause", "Not confirmed in the write-up, so the report says the cause is not yet confirmed.")
    key = "cause_open_dated" if "due" in inp.values else "cause_open_in_report"
    return [Unit(t["common"][key].format(**inp.values), required=True)]


def _cause_paragraph(doc: Document, inp: Inputs, limit: int) -> None:
    doc.paragraph(*cause_units(inp, limit))
    if inp.facts.cause_status.value == "confirmed" and (inp.facts.cause.value or inp.facts.cause_plain.value):
        # if the self-check leaves none of the write-up's cause sentences, say so plainly rather than leave a gap
        doc.blocks[-1].fallback = Unit(templates()["report"]["cause_fallback"], required=True)


_ORDINAL = re.compile(r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|next|then|finally|lastly|also|in addition|additionally)\s*,\s+(?=\w)", re.I)


def _own_items(inp: Inputs, limit: int) -> list[Unit]:
    """The write-up's own change items the reader can follow; "Third, the tool will ..." loses its ordinal."""
    note_like = kind_rules().get("note_like_change", "(?!)")
    items = pick(inp, [a for a in inp.facts.actions if not is_cleanup(str(a.value)) and not re.search(note_like, str(a.value))], limit)
    return [Unit(as_we_will(x[:1].upper() + x[1:]), "writeup") for x in (_ORDINAL.sub("", s) for s in items)]


def action_units(inp: Inputs, limit: int, plain_first: bool = False, main: bool = False) -> list[Unit]:
    """The changes: the write-up's own items the reader can follow and the plain sentence for each kind of change
    not yet said (fact sheet: changes_plain); ``plain_first`` puts the plain sentences first. Clean-up of this
    incident is not a change. ``main``: the one change that keeps it from happening again comes before one that only
    sees it sooner (kinds.yaml: main_change_last)."""
    own = [] if plain_first else _own_items(inp, limit)
    kinds_said = {change_kind(u.text) or "" for u in own}
    typed: list[Unit] = []
    plain = list(inp.facts.changes_plain)
    if main:
        last = kind_rules().get("main_change_last", [])
        plain.sort(key=lambda c: (change_kind(str(c.value or "")) or "") in last)
    for c in plain:
        text = str(c.value or "").strip()
        kind = change_kind(text) or text
        if len(own) + len(typed) >= limit or not text or text in inp.used or kind in kinds_said:
            continue
        inp.used.add(text)
        kinds_said.add(kind)
        typed.append(Unit(text, "writeup"))
    if plain_first:
        return typed + (_own_items(inp, limit - len(typed)) if len(typed) < limit else [])
    return own + typed


def compose(inp: Inputs) -> Document:
    t = templates()
    r = t["report"]
    v = inp.values
    f = inp.facts
    executive = inp.ctx.audience is Audience.EXECUTIVE
    technical = inp.ctx.audience is Audience.TECHNICAL
    doc = Document()
    title = (r["executive_heading"] if executive else r["heading"]) if "day_short" in v else r["heading_undated"]
    doc.heading(title.format(**v), 1)
    duration = Unit(t["common"]["duration"].format(**v)) if "duration" in v and "start" not in v else None
    harm = [Unit(s, "writeup") for s in pick(inp, f.harm, 2 if executive else 3, allowance=1)]
    remedy = [Unit(remedy_to_reader(as_we_will(s)), "writeup") for s in pick(inp, f.remedy, 4, allowance=1, remedy=True)]
    if executive:
        doc.heading(r["executive_impact"])
        numbers = [Unit(s, "writeup") for s in pick(inp, f.numbers, 2, skip_ranges=True)]
        window = window_unit(inp, told=bool(numbers or harm))
        doc.paragraph(window, duration, *(harm if inp.high else []), *numbers)
        doc.paragraph(*([] if inp.high else harm), *remedy)  # what it cost them, then what we do about it
        doc.heading(r["executive_cause"])
        _cause_paragraph(doc, inp, 1)
    else:
        doc.heading(r["summary"])
        lead = pick(inp, f.symptoms, 1, skip_ranges=True)
        window = window_unit(inp, told=bool(lead or harm or f.symptoms or f.numbers))
        doc.paragraph(window, duration, *[Unit(s, "writeup") for s in lead])
        if inp.high and (harm or remedy):
            doc.paragraph(*harm, *remedy)
        doc.heading(r["what_happened"])
        story = [Unit(s, "writeup") for s in pick(inp, f.symptoms, 3 if technical else 2, skip_ranges=True)]
        story += [Unit(s, "writeup") for s in pick(inp, f.numbers, 4 if technical else 3, skip_ranges=True)]
        if not inp.high:
            story += harm + remedy
        said = Unit(h, "writeup") if (h := headline_said(str(f.headline.value or ""))) else None  # "Receipts were stuck.": the title's part
        if not story and said:
            story, said = [said], None
        if not story and not lead:  # never "we are confirming what customers saw" in the report: the write-up may well say it
            inp.omit("what customers saw", "No sentence about what customers saw could be used: add it to the fact sheet (field: symptoms) and redraft.")
        doc.paragraph(*story)
        if said is not None and story:
            doc.blocks[-1].fallback = said  # if the self-check drops every sentence of the story, the title still says what failed
        unaffected = pick(inp, f.unaffected, 2)
        if unaffected:
            doc.paragraph(*[Unit(s, "writeup") for s in unaffected])
        resolution = [Unit(s, "writeup") for s in pick(inp, f.resolution, 2 if technical else 1)]
        ended = Unit(r["ended"].format(**v)) if "end" in v and "start" not in v else None  # the summary's window already says it
        told = [str(e.value.get("text", "")) for e in f.timeline if isinstance(e.value, dict)] + [x for x in f.texts("resolution") if re.search(r"\d{1,2}[:.]\d{2}", x)]
        if "end" not in v and any(_RECOVERED.search(x) for x in told):
            # the write-up tells a recovery the reading could not time: never claim the end is unknown, ask the liaison
            inp.omit("end of impact", "The write-up tells the recovery but its time was not read with confidence: add it to the fact sheet (field: end) and redraft.")
        elif "end" not in v and end_honestly_unknown(inp):
            ended = Unit(t["common"]["recovered_unknown"], required=True)  # the write-up does not say when it ended
            inp.omit("end of impact", "The write-up does not say when customer impact ended: the report says it is still being confirmed.")
        if "end" in v and any(f"{v['end']} {v['tz']}" in u.text for u in resolution):
            ended = None  # "Full service returned at 11:52 UTC." already says it
        doc.paragraph(*resolution, ended)
        doc.heading(r["why"])
        _cause_paragraph(doc, inp, 3 if technical else 2)
    doc.heading(r["changes"])
    actions = action_units(inp, 2 if executive else 6)
    no_actions = (r["no_actions"] if "due" in v else r["no_actions_undated"]).format(**v)
    if actions:
        doc.bullets(actions)
        doc.blocks[-1].fallback = Unit(no_actions, required=True)  # if every item is dropped by the self-check
    else:
        doc.paragraph(Unit(no_actions, required=True))
    doc.heading(r["apology"])
    doc.paragraph(apology(inp))
    doc.heading(r["questions"])
    key = "questions_with_address" if inp.contact else "questions_no_address"
    doc.paragraph(Unit(r[key].format(**v), required=True))
    return doc
