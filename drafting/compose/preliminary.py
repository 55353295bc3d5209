"""preliminary: the first update after resolution. Only the confirmed window and what customers saw
(harm and remedy first at sev1/sev2), the cause's status (never a guess), an apology, and the dated
promise of a full review."""
from __future__ import annotations

from ..context import Audience
from ..redact import templates
from .apology import apology
from .document import Document, Unit
from .headline_said import headline_said
from .phrasing import Inputs, as_we_will, cause_status_sentence, contact_sentence, pick, review_promise, window_unit
from .remedy_words import remedy_to_reader
from .unknowns import end_honestly_unknown


def compose(inp: Inputs) -> Document:
    t = templates()
    v = inp.values
    f = inp.facts
    doc = Document()
    doc.heading(t["preliminary"]["heading" if "day_short" in v else "heading_undated"].format(**v), 1)
    executive = inp.ctx.audience is Audience.EXECUTIVE
    duration = Unit(t["common"]["duration"].format(**v)) if "duration" in v and "start" not in v else None
    harm = [Unit(s, "writeup") for s in pick(inp, f.harm, 1 if executive else 2, allowance=1)] if inp.high else []
    remedy = [Unit(remedy_to_reader(as_we_will(s)), "writeup") for s in pick(inp, f.remedy, 3, allowance=1, remedy=True)]
    limit = 1 if executive else 2
    seen = pick(inp, f.symptoms, limit, skip_ranges=True) or pick(inp, f.numbers, limit, skip_ranges=True)
    window = window_unit(inp, told=bool(seen or harm))
    symptoms = [Unit(s, "writeup") for s in seen]
    said = headline_said(str(f.headline.value or "")) if not (symptoms or harm) else None  # the title says what customers saw
    fallback = None if (symptoms or harm) else Unit(said, "writeup", alt=t["common"]["symptom_fallback"].format(**v)) if said \
        else Unit(t["common"]["symptom_fallback"].format(**v), required=True)
    if executive:
        doc.paragraph(Unit(t["preliminary"]["executive_lead"], required=True), window, duration, *harm, *symptoms, fallback)
        doc.paragraph(*remedy)
    else:
        doc.paragraph(window, duration)
        doc.paragraph(*harm, *remedy)
        doc.paragraph(*symptoms, fallback)
    # the window sentence already says when it ended; a second "The problem ended at ..." only repeats it
    recovered = None if "end" in v and "start" in v else Unit(t["common"]["recovered"].format(**v), required=True) if "end" in v \
        else Unit(t["common"]["recovered_unknown"], required=True) if end_honestly_unknown(inp) else None
    doc.paragraph(recovered, Unit(cause_status_sentence(inp), required=True))
    doc.paragraph(apology(inp))
    doc.paragraph(Unit(review_promise(inp), required=True), Unit(contact_sentence(inp), required=True))
    return doc
