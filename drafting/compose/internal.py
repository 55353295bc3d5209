"""internal: the agenda for a live blameless review: shared timeline, what was missed, what has been
done, what is next, and Five Whys prompts that ask what allowed each step, never who."""
from __future__ import annotations

from ..checks.jargon import glossary
from ..redact import templates
from .document import Document, Unit
from .phrasing import Inputs, say_duration, window_sentence


def compose(inp: Inputs) -> Document:
    t = templates()["internal"]
    f = inp.facts
    v = dict(inp.values)
    doc = Document()
    doc.heading(t["heading"].format(**v), 1)
    doc.paragraph(Unit(t["intro"], required=True))
    window = window_sentence(inp).rstrip(".")
    sev_plain = glossary()["terms"].get(v["severity"])
    severity = f"{v['severity']} ({sev_plain})" if sev_plain else v["severity"]
    doc.paragraph(Unit(t["facts_line"].format(window=window, severity=severity, duration=v.get("duration", "not stated")), required=True))
    doc.heading(t["timeline"].format(**v))
    entries = []
    for e in f.timeline[:30]:
        value = e.value if isinstance(e.value, dict) else {"time": "", "text": str(e.value)}
        when = str(value.get("time", ""))[-5:]
        text = str(value.get("text", "")).strip()
        if text:
            entries.append(Unit(f"{when}: {text}" if when else text, "writeup"))
    if entries:
        doc.bullets(entries)
    else:
        doc.paragraph(Unit(t["timeline_empty"], required=True))
    doc.heading(t["missed"])
    doc.bullets([Unit(str(m.value), "writeup") for m in f.missed[:8]] + [Unit(p, required=True) for p in t["missed_prompts"]])
    doc.heading(t["done"])
    done = [Unit(str(s.value), "writeup") for s in f.resolution[:6]]
    doc.bullets(done) if done else doc.paragraph(Unit(t["done_empty"], required=True))
    doc.heading(t["next"].format(**v))
    nxt = [Unit(str(s.value), "writeup") for s in (f.actions + f.remedy)[:10]]
    doc.bullets(nxt) if nxt else doc.paragraph(Unit(t["next_empty"], required=True))
    doc.heading(t["whys"])
    problem = f"{v['products']} problem" if v["products"].startswith("the ") else f"the {v['products']} problem"
    gap = "the time between the first impact and the first alert"
    if f.detected.value and f.start.value:
        gap = say_duration(int((f.detected.value - f.start.value).total_seconds() // 60))
    prompts = [p.format(problem=problem, detect_gap=gap, duration=v.get("duration", "as long as it did")) for p in t["why_prompts"]]
    doc.paragraph(Unit(t["whys_intro"], required=True))
    doc.bullets([Unit(p, required=True) for p in prompts], ordered=True)
    cause = f.cause_internal.value or f.cause.value
    if f.cause_status.value == "confirmed" and cause:
        doc.paragraph(Unit(t["cause_confirmed"].format(cause=cause), "writeup"))
    elif f.cause_status.value != "confirmed" and cause:
        doc.paragraph(Unit(t["cause_open"].format(cause=cause), "writeup"))
    elif f.unconfirmed:
        doc.paragraph(Unit(t["cause_open"].format(cause=" ".join(str(u.value) for u in f.unconfirmed[:2])), "writeup"))
    else:
        doc.paragraph(Unit(t["cause_unknown"], required=True))
    doc.heading(t["customer_signal"])
    doc.bullets([Unit(p, required=True) for p in t["customer_prompts"]])
    return doc
