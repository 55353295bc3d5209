"""followup: a short personal note to one key account: the incident and its window, what it meant for
them (harm and remedy), the cause's status, a pointer to the full report, and a named person to reply to."""
from __future__ import annotations

import re

from ..facts.figures import only_times
from ..redact import templates
from .apology import apology
from .document import Document, Unit
from .phrasing import Inputs, as_we_will, cause_status_sentence, pick
from .remedy_words import remedy_to_reader
from .report import action_units, cause_units


def compose(inp: Inputs) -> Document:
    t = templates()
    fu = t["followup"]
    v = inp.values
    f = inp.facts
    doc = Document()
    doc.line(fu["greeting_account"].format(**v) if inp.account else fu["greeting"])
    opening = fu["opening"] if "day" in v else fu["opening_undated"]
    window = None
    if "start" in v and "end" in v:
        window = fu["window" if v["day"] == v["end_day"] else "window_two_days"].format(**v)
    elif "start" in v:
        window = fu["window_start_only"].format(**v)
    doc.paragraph(Unit(opening.format(**v), required=True), Unit(window, required=True) if window else None)
    harm = [Unit(s, "writeup") for s in pick(inp, f.harm, 1, allowance=1)] if inp.high else []
    remedy = [Unit(remedy_to_reader(as_we_will(s)), "writeup") for s in pick(inp, f.remedy, 3, allowance=1, remedy=True)]
    seen = [Unit(s, "writeup") for s in pick(inp, f.symptoms, 1, skip_ranges=True)]
    doc.paragraph(*[_across_all(u, fu) for u in (*harm, *seen)])
    doc.paragraph(*remedy)
    cause = cause_units(inp, 1) if f.cause_status.value == "confirmed" and (f.cause.value or f.cause_plain.value) else [Unit(cause_status_sentence(inp), required=True)]
    doc.paragraph(apology(inp), *cause)
    pointer = fu["report_link" if inp.report_url else "report_attached"] if f.actions or f.changes_plain else fu["report_link_no_changes" if inp.report_url else "report_attached_no_changes"]
    if not inp.report_url:
        inp.omit("report link", "No link to the full report was given: attach the report, or pass --report-url.")
    doc.paragraph(Unit(pointer.format(**v), required=True))
    main = action_units(inp, 1, plain_first=True, main=True)  # one line for a key account: the plain kind, never a stray code name
    if main:
        text = main[0].text
        text = fu["main_change"].format(change=text[:1].lower() + text[1:]) if re.match(r"We\b", text) else text
        doc.paragraph(Unit(text, "writeup"))  # the lead-in goes if the self-check drops the change
    doc.paragraph(Unit((fu["reply_with_address"] if inp.contact else fu["reply"]).format(**v), required=True))
    name = inp.contact_name or fu["placeholder_name"]
    if not inp.contact_name:
        inp.omit("named contact", "No person to reply to was given: replace [Your name] (pass --contact \"Name <address>\").")
    sign = [name]
    if inp.company:
        sign.append(inp.company)
    doc.line("\n".join(sign))
    return doc


def _across_all(u: Unit, fu: dict) -> Unit:
    """ "1,284 switch submissions failed." in a note to one account: "Across all our customers, 1,284 ...", so the
    account does not read the whole incident's figure as its own."""
    if not re.search(r"\d", u.text) or only_times(u.text) or re.match(r"(?i)(?:you|your|all|every|across|no|on|from|between|at)\b", u.text):
        return u
    first = u.text.split()[0]
    lowered = u.text if re.match(r"[\d~]|[A-Z]{2}|[A-Z]\w*[A-Z]", first) else u.text[:1].lower() + u.text[1:]
    return Unit(fu["across_all"].format(sentence=lowered), u.source, required=u.required, alt=u.alt)
