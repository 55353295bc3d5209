"""preliminary: the first update after resolution. Only the confirmed window and symptoms, the cause's
status (never a guess), an apology that names the impact, and the dated promise of a full review."""
from __future__ import annotations

from ..context import Audience
from ..redact import templates
from .document import Document, Unit
from .phrasing import Inputs, apology, cause_status_sentence, contact_sentence, pick_symptoms, review_promise, window_sentence


def compose(inp: Inputs) -> Document:
    t = templates()
    v = inp.values
    doc = Document()
    doc.heading(t["preliminary"]["heading"].format(**v), 1)
    executive = inp.ctx.audience is Audience.EXECUTIVE
    limit = 1 if executive else (3 if inp.ctx.audience is Audience.GENERAL else 4)
    symptoms = [Unit(s, "writeup") for s in pick_symptoms(inp, limit, prefer_numbers=executive)]
    window = Unit(window_sentence(inp), required=True)
    duration = Unit(t["common"]["duration"].format(**v)) if "duration" in v else None
    fallback = None if inp.facts.symptoms else Unit(t["common"]["symptom_fallback"].format(**v), required=True)
    if executive:
        doc.paragraph(Unit(t["preliminary"]["executive_lead"], required=True), window, duration, *symptoms, fallback)
    else:
        doc.paragraph(window, duration, fallback)
        doc.paragraph(*symptoms)
    recovered = t["common"]["recovered"].format(**v) if "end" in v else t["common"]["recovered_unknown"]
    doc.paragraph(Unit(recovered, required=True), Unit(cause_status_sentence(inp), required=True))
    doc.paragraph(Unit(apology(inp), required=True))
    doc.paragraph(Unit(review_promise(inp), required=True), Unit(contact_sentence(inp), required=True))
    if not inp.facts.cause_confirmed and inp.facts.cause is not None:
        inp.omit("suspected cause", "Not confirmed in the write-up, so the update says the cause is still being confirmed.")
    return doc
