"""report: the full external incident report. Summary, what happened, what is changing (specific
actions), an apology naming the impact, and an invitation to ask questions with how."""
from __future__ import annotations

import re

from ..context import Audience
from ..redact import templates
from .document import Document, Unit
from .phrasing import Inputs, action_sentence, apology, pick_symptoms, window_sentence


def _cause_units(inp: Inputs, limit: int) -> list[Unit]:
    t = templates()
    f = inp.facts
    if f.cause is not None and f.cause_confirmed:
        text = inp.public(f.cause)
        text = re.sub(r"^(?:confirmed|root cause|cause)\s*[:.]\s*", "", text, flags=re.I)
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()][:limit]
        if sentences:
            return [Unit(s if s.endswith((".", "!", "?")) else s + ".", "writeup") for s in sentences]
    if f.cause is not None and not f.cause_confirmed:
        inp.omit("suspected cause", "Not confirmed in the write-up, so the report says the cause is still being confirmed.")
    key = "cause_open_dated" if "due" in inp.values else "cause_open"
    return [Unit(t["common"][key].format(**inp.values), required=True)]


def _action_units(inp: Inputs, limit: int) -> list[Unit]:
    units = []
    for sp in inp.facts.actions:
        s = action_sentence(inp, sp)
        if s:
            units.append(Unit(s, "writeup"))
        if len(units) >= limit:
            break
    return units


def compose(inp: Inputs) -> Document:
    t = templates()
    r = t["report"]
    v = inp.values
    executive = inp.ctx.audience is Audience.EXECUTIVE
    technical = inp.ctx.audience is Audience.TECHNICAL
    doc = Document()
    title = (r["executive_heading"] if executive else r["heading"]) if "day_short" in v else r["heading_undated"]
    doc.heading(title.format(**v), 1)
    window = Unit(window_sentence(inp), required=True)
    duration = Unit(t["common"]["duration"].format(**v)) if "duration" in v else None
    fallback = None if inp.facts.symptoms else Unit(t["common"]["symptom_fallback"].format(**v), required=True)
    if executive:
        doc.heading(r["executive_impact"])
        doc.paragraph(window, duration, *[Unit(s, "writeup") for s in pick_symptoms(inp, 2, prefer_numbers=True)])
        doc.heading(r["executive_cause"])
        doc.paragraph(*_cause_units(inp, 1), fallback)
    else:
        doc.heading(r["summary"])
        doc.paragraph(window, duration, *[Unit(s, "writeup") for s in pick_symptoms(inp, 2)])
        doc.heading(r["what_happened"])
        story: list[Unit] = []
        if "start" in v:
            story.append(Unit(r["started"].format(**v), required=True))
        story.append(fallback)
        if "detected" in v:
            story.append(Unit(r["detected"].format(**v)))
        doc.paragraph(*story)
        doc.paragraph(*_cause_units(inp, 3 if technical else 2))
        resolution = [Unit(inp.public(s), "writeup") for s in inp.facts.resolution[: 3 if technical else 2]]
        ended = Unit(r["ended"].format(**v)) if "end" in v else Unit(t["common"]["recovered_unknown"], required=True)
        doc.paragraph(*resolution, ended)
        more = pick_symptoms(inp, 5 if technical else 4)[2:]
        doc.paragraph(*[Unit(s, "writeup") for s in more])
    doc.heading(r["changes"])
    actions = _action_units(inp, 3 if executive else 6)
    no_actions = (r["no_actions"] if "due" in v else t["common"]["review_promise_undated"]).format(**v)
    if actions:
        doc.bullets(actions)
        doc.blocks[-1].fallback = Unit(no_actions, required=True)  # if every item is dropped as vague
    else:
        doc.paragraph(Unit(no_actions, required=True))
    doc.heading(r["apology"])
    doc.paragraph(Unit(apology(inp), required=True))
    doc.heading(r["questions"])
    key = "questions_with_address" if inp.contact else "questions_no_address"
    doc.paragraph(Unit(r[key].format(**v), required=True))
    return doc
