"""The team's own wording for customers, quoted in the write-up: a draft e-mail put up for review in a chat
('Draft for client admins, please review: "Between 01:20 and 07:35 UTC ... course completions ... were not saved
... This was caused by an error in an update to our platform. ..."'), a support macro's core text, a status-page
text. Its sentences were written for the reader, so the sheet takes what they say of symptoms, cause, remedy and
what was not affected ahead of the engineers' notes, each still through the whole-sentence gate.

Why: editors found drafts that said "we have confirmed the cause" and pasted chat lines while the write-up held a
plain, approved paragraph saying what happened, why, and what customers should do. A phrase of it that a later
message questions ('is it fair to say "planned maintenance"?') is left out. Cues: data/drafting/extract.yaml
``customer_wording_cues`` and ``customer_draft_lead_cues``."""
from __future__ import annotations

import re

from ..reading.document import Document, sentences
from ..reading.role_model import exists, role_scores
from ..reading.roles import has_role
from ..reading.rules import has_cue, rules
from ..reading.spans import Span
from ..redact import Redactor
from .gate import customer_sentence
from .prose import greeting_lead, prose_rules
from .remedy_kinds import remedy_rules
from .sheet import Fact, FactSheet

_QUOTED = re.compile(r"(?m)^[ \t>*_-]*[\"“](?P<body>[^\"”\n]{60,2000}?(?:\n[^\"”\n]{1,2000}?){0,6})[\"”][ \t*_]*$")
_SORRY_LEAD = re.compile(r"(?i)^(?:(?:I|we)(?:'m|’m|'re|’re| am| are) (?:so |very |really )?sorry|sorry|apologies)\s*(?:[—–-]+|,|:)\s*")
_WINDOW_LEAD = re.compile(r"(?i)^(?:on\s+[^,]{3,40}?,?\s*)?(?:between|from)\s+[^,]{0,60}?\d[^,]{0,50},\s*(?=\w)")
_THIS_CAUSED = re.compile(r"(?i)^(?:this|it)\s+(?=(?:was|has been)\s+(?:caused|due)\b)")
_FIXED_ONLY = re.compile(r"(?i)^(?:this|it|the (?:problem|issue))\s+(?:has been|was|is now|is)\s+(?:fixed|resolved)\W*$")  # the draft tells that itself
_TEMPLATE = re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}|\[(?:name|first name|customer)\]", re.I)


def wording_passages(doc: Document) -> list[Span]:
    """Quoted paragraphs the line before introduces as wording for customers (cues in extract.yaml)."""
    cues = list(rules().get("customer_draft_lead_cues", [])) + list(rules().get("customer_wording_cues", []))
    out: list[Span] = []
    for m in _QUOTED.finditer(doc.text):
        before = doc.text[max(0, m.start() - 300): m.start()].rstrip()
        lead = "\n".join([ln for ln in before.split("\n") if ln.strip()][-2:])
        if len(m.group("body").split()) >= 12 and any(re.search(p, lead, re.I) for p in cues):
            out.append(Span(m.start("body"), m.end("body"), m.group("body")))
    return out


def _questioned(doc: Document, passage: Span) -> list[str]:
    """Phrases of the passage a later message quotes in a question ('is it fair to say "planned maintenance"?')."""
    after = doc.text[passage.end: passage.end + 800]
    asked = [q for line in after.split("\n") if "?" in line for q in re.findall(r"[\"“']([^\"”'\n]{4,60})[\"”']", line)]
    return [q for q in asked if q.lower() in passage.text.lower()]


def _cleaned(text: str) -> str:
    text = text.strip()
    text = text[greeting.end():] if (greeting := greeting_lead(text)) else text
    text = _SORRY_LEAD.sub("", text)
    text = _WINDOW_LEAD.sub("", text)  # the window is told by the draft's own sentence
    text = _THIS_CAUSED.sub("The problem ", text)  # "This was caused by ..." stands alone
    return text[:1].upper() + text[1:] if text else text


def take_wording(doc: Document, red: Redactor, sheet: FactSheet) -> None:
    """Put the sentences of the write-up's customer wording first in the fields they speak to."""
    passages = wording_passages(doc)
    if not passages:
        return
    inside = lambda f: f.source is not None and any(f.source.start < p.end and f.source.end > p.start for p in passages)  # noqa: E731
    for name in ("symptoms", "harm", "remedy", "unaffected", "numbers"):
        setattr(sheet, name, [f for f in getattr(sheet, name) if not inside(f)])  # read before as pieces, with their quote marks
    found: dict[str, list[Fact]] = {"symptoms": [], "harm": [], "remedy": [], "unaffected": []}
    cause: Fact | None = None
    cfg = rules()
    said_as: list[tuple[Fact, str]] = []
    for passage in passages:
        doubted = _questioned(doc, passage)
        for sp in sentences(doc.text, passage.start, passage.end):
            if _TEMPLATE.search(sp.text) and not greeting_lead(sp.text) or any(q.lower() in sp.text.lower() for q in doubted):
                continue
            said = _TEMPLATE.sub("", _cleaned(sp.text)).strip()
            if not said or has_role(said, "apology") and len(said.split()) < 8 or _FIXED_ONLY.match(said) \
                    or re.search(prose_rules().get("questions_invite", "(?!)"), said, re.I):
                continue
            t = customer_sentence(Span(sp.start, sp.end, said), red, min_words=4)
            if not t:
                continue
            said_as.append((Fact(t, sp, 0.85, "the write-up's own wording for customers"), t))
    scores = role_scores([t for _, t in said_as]) if said_as and exists() else [{} for _ in said_as]
    for (fact, t), sc in zip(said_as, scores):
        top = max(sc, key=sc.get) if sc else ""
        if re.search(prose_rules().get("reader_to_do", "(?!)"), t, re.I):
            found["remedy"].append(fact)  # "Please do not reset learner attempts while we restore ...": what the reader does
        elif has_role(t, "unaffected"):
            found["unaffected"].append(fact)
        elif (has_role(t, "cause") or top == "cause") and not has_role(t, "unconfirmed") and not has_role(t, "remedy"):
            cause = cause or fact
        elif not has_role(t, "remedy") and (has_role(t, "harm") or top == "harm"):
            found["harm"].append(fact)
        elif not has_role(t, "remedy") and (has_cue(t, cfg["symptom_cues"]) or top in ("symptom", "impact")):
            found["symptoms"].append(fact)
        else:  # written for the reader: what they should know or do ("Please do not reset learner attempts ...")
            found["remedy"].append(fact)
    kinds = [str(k["cue"]) for k in remedy_rules().get("kinds", {}).values() if k.get("cue")]
    told = [c for c in kinds if any(re.search(c, str(f.value), re.I) for f in found["remedy"])]
    for name, facts in found.items():
        have = [f for f in getattr(sheet, name) if f.value not in [g.value for g in facts]]
        if name == "remedy":  # "We are giving a refund of the duplicate charge" beside the wording's "We've already refunded ..."
            have = [f for f in have if not any(re.search(c, str(f.value), re.I) for c in told)]
        setattr(sheet, name, (facts + have)[:8])
    if cause is not None and sheet.cause_status.value == "confirmed":
        sheet.cause_plain = cause
