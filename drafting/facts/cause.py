"""Where a write-up tells the cause: passages after a cause opener, its latest word on the cause's status,
and sentences that are side remarks, never the cause (cues in data/drafting/extract.yaml)."""
from __future__ import annotations

import re

from ..reading.document import Document, Span, Unit, sentences
from ..reading.roles import has_role
from ..reading.rules import has_cue, rules


def side_remark(text: str) -> bool:
    """A sentence about detection, alerting, severity, paperwork or what was not harmed: never the cause."""
    return has_cue(text, rules().get("cause_exclusions", []))


def cause_passage_units(doc: Document) -> list[Unit]:
    out = []
    for u in doc.units:
        if u.kind in ("heading", "code", "row") or u.quoted or u.section in ("actions", "contributing", "detection", "went_well"):
            continue
        if any(re.search(p, u.text, re.I) for p in rules().get("cause_openers", [])):
            out.append(u)
    return out


def _paragraph_after(doc: Document, u: Unit) -> int:
    """The end of the paragraph a sentence or list-item unit sits in (sentences of one paragraph, or of one numbered
    point, are separate units)."""
    end = u.span.end
    i = doc.units.index(u)
    for nxt in doc.units[i + 1:]:
        if nxt.kind != u.kind or "\n\n" in doc.text[end: nxt.span.start] or nxt.section != u.section or re.match(r"\s*\d{1,2}[.)]\s*$", nxt.text):
            break  # the next numbered point ("3.") starts another paragraph
        end = nxt.span.end
    return end


def cause_passages(doc: Document) -> list[Span]:
    """Sentences that follow a cause opener in the same paragraph ("Wrong-clinic cause found. On retry the ...")."""
    out: list[Span] = []
    for u in cause_passage_units(doc):
        sents = sentences(doc.text, u.span.start, _paragraph_after(doc, u) if u.kind in ("sentence", "item") else u.span.end)
        for i, sp in enumerate(sents):
            m = next((m for p in rules().get("cause_openers", []) if (m := re.search(p, sp.text, re.I))), None)
            if m is None:
                continue
            rest = sp.text[m.end():].strip(" :*-—")
            if len(rest.split()) >= 5:  # "Root cause: the renewal job ..." -> the sentence after the label
                off = sp.end - len(rest)
                out.append(Span(off, sp.end, rest) if not sp.text.rstrip().endswith(":") else sp)
            out.extend(s for s in sents[i + 1: i + 4] if not has_role(s.text, "unconfirmed"))
            break
    return out


def cause_verdict(doc: Document) -> str:
    """The write-up's latest word on whether the cause is confirmed ("ok so not confirmed", "Cause: confirmed"):
    "open", "confirmed" or "" (cues in data/drafting/extract.yaml)."""
    cfg = rules()
    last, where = "", -1
    for kind, key in (("open", "cause_open_cues"), ("confirmed", "cause_confirmed_cues")):
        for p in cfg.get(key, []):
            for m in re.finditer(p, doc.text, re.I):
                line = doc.text[doc.text.rfind("\n", 0, m.start()) + 1: m.start()]
                said = "open" if re.match(r"\s*(?:[-*+]\s*)?\[ \]", line) else kind  # "- [ ] Root cause identified" is still to do
                if kind == "confirmed" and re.search(r"(?i)\b(?:no|not|without|never|yet to|lacks?|lacking|any)\s+(?:\w+\s+){0,2}$", doc.text[max(0, m.start() - 30): m.start()]):
                    said = "open"  # "still no confirmed cause", "we do not have a confirmed root cause"
                if m.start() > where:
                    last, where = said, m.start()
    return last

