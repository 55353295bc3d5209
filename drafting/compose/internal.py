"""internal: the agenda for a live blameless review: shared timeline, what was missed, what has been
done, what is next, and Five Whys prompts that ask what allowed each step, never who."""
from __future__ import annotations

import re

from ..checks.jargon import glossary
from ..redact import templates
from .document import Document, Unit
from .phrasing import Inputs, say_duration, window_sentence


def prose_timeline(facts, text: str) -> list:
    """A narrative write-up has no timeline list: its sentences that carry a time, in order, stand in."""
    from ..extract import TimelineEntry, _sentence_around

    out, seen = [], set()
    for when, span in facts.time_sentences:
        sent = _sentence_around(text, span)
        if sent.start in seen:
            continue
        seen.add(sent.start)
        out.append(TimelineEntry(when, "", sent))
    return sorted(out, key=lambda e: e.when)


def compose(inp: Inputs) -> Document:
    t = templates()["internal"]
    f = inp.facts
    r = inp.redactor
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
    timeline = f.timeline or prose_timeline(f, r.writeup)
    for e in timeline[:30]:
        when = f"{f.local(e.when):%H:%M}" if e.when else e.raw_time
        text = r.internal(e.text)
        if text:
            entries.append(Unit(f"{when}: {text}", "writeup"))
    if entries:
        doc.bullets(entries)
    else:
        doc.paragraph(Unit(t["timeline_empty"], required=True))
    doc.heading(t["missed"])
    doc.bullets([Unit(r.internal(s), "writeup") for s in f.missed[:8]] + [Unit(p, required=True) for p in t["missed_prompts"]])
    doc.heading(t["done"])
    done = [Unit(r.internal(s), "writeup") for s in f.resolution[:6]]
    doc.bullets(done) if done else doc.paragraph(Unit(t["done_empty"], required=True))
    doc.heading(t["next"].format(**v))
    nxt = [Unit(r.internal(s), "writeup") for s in f.actions[:10]]
    doc.bullets(nxt) if nxt else doc.paragraph(Unit(t["next_empty"], required=True))
    doc.heading(t["whys"])
    problem = f"the {v['products']} problem" if v.get("products") else "the problem"
    gap = "the time between the first impact and the first alert"
    if f.detected and f.start:
        gap = say_duration(int((f.detected - f.start).total_seconds() // 60))
    prompts = [p.format(problem=problem, detect_gap=gap, duration=v.get("duration", "as long as it did")) for p in t["why_prompts"]]
    doc.paragraph(Unit(t["whys_intro"], required=True))
    doc.bullets([Unit(p, required=True) for p in prompts], ordered=True)
    if f.cause is not None:
        cause = re.sub(r"\s+", " ", r.internal(f.cause)).strip()
        key = "cause_confirmed" if f.cause_confirmed else "cause_open"
        doc.paragraph(Unit(t[key].format(cause=cause), "writeup"))
    else:
        doc.paragraph(Unit(t["cause_unknown"], required=True))
    doc.heading(t["customer_signal"])
    doc.bullets([Unit(p, required=True) for p in t["customer_prompts"]])
    return doc
