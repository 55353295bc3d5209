"""leak: internal-only detail in a customer-facing stage (names, hosts, IPs, tickets, channels, secrets).

Patterns run on the original text (so a link target in HTML or Markdown is seen too);
staff names come from the parse (PERSON entities, or a capitalised name next to a staff cue
such as "on the SRE team"). In a follow-up, the greeting and the person to reply to are allowed.
Not flagged in the internal stage, where these details belong.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns
from ..findings import Finding
from ..resources import rules
from .base import Analysis


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[tuple[str, patterns.Builtin]], list[re.Pattern]]:
    """The shipped patterns, each on a linear-time engine where it can be (drafting/patterns.py)."""
    data = rules("leak")
    pats = [(kind, patterns.builtin(p)) for kind, plist in data["patterns"].items() for p in plist]
    public = [re.compile(p, re.I) for p in data["public_codes"]]  # only ever tried at one position
    return pats, public


def detect(text: str, config=None) -> list[tuple[str, int, int]]:
    """Pattern-based internal details as (kind, start, end); shared with drafting's redaction."""
    pats, public = _compiled()
    folded = patterns.fold_ascii(text)
    hits: list[tuple[str, int, int]] = []
    for kind, pat in pats:
        for s, e in pat.spans(text, folded):
            if kind == "ticket id" and any(p.match(text, s) for p in public):
                continue
            hits.append((kind, s, e))
    if config is not None:
        for kind, pat in config.compiled_leak_patterns():
            for s, e in pat.spans(text):
                hits.append((kind.rstrip("s") if kind != "other" else "internal detail", s, e))
        for name in config.other_customers:
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text, re.I):
                hits.append(("customer", m.start(), m.end()))
    return _longest(hits)


def _longest(hits: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for h in sorted(hits, key=lambda h: (h[1], -(h[2] - h[1]))):
        if out and h[1] < out[-1][2]:
            continue
        out.append(h)
    return out


def staff_names(a: Analysis) -> list[tuple[int, int]]:
    """Character spans of employee names found by the parse."""
    data = rules("leak")
    cues = data["staff_cues"]
    public = {n.lower() for n in a.config.public_names} | {a.config.company.lower()} | {p.lower() for p in a.config.product_names}
    spans: list[tuple[int, int]] = []
    # the small English model often tags products and places as PERSON, so every name needs a staff cue
    for tok in a.doc:
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "ORG", "PRODUCT"):
            continue
        if tok.text.lower() in public:
            continue
        after = a.text[tok.idx + len(tok): tok.idx + len(tok) + 40].lower()
        before = a.text[max(0, tok.idx - 30): tok.idx].lower()
        cue_after = any(after.lstrip(" ,(").startswith(c) for c in cues) and not (
            tok.i + 1 < len(a.doc) and a.doc[tok.i + 1].pos_ == "PROPN" and a.doc[tok.i + 1].is_title)
        cue_before = re.search(r"\b(engineer|developer|sre|admin|operator|on-call|oncall|colleague|teammate|manager|lead)\s*,?\s*$", before)
        if (cue_after or cue_before) and not is_allowed_contact(a, tok.sent, tok.idx):
            start = tok.idx
            # take the whole name: "Kenji Watanabe on our team"
            if tok.i > 0 and a.doc[tok.i - 1].pos_ == "PROPN" and a.doc[tok.i - 1].is_title:
                start = a.doc[tok.i - 1].idx
            spans.append((start, tok.idx + len(tok)))
    return spans


def is_allowed_contact(a: Analysis, sent, char: int) -> bool:
    """In a follow-up: the greeting line, a short sign-off line, or a sentence telling the reader whom to contact."""
    if a.ctx.stage.value != "followup":
        return False
    data = rules("leak")
    line_start = a.text.rfind("\n", 0, char) + 1
    line_end = a.text.find("\n", char)
    line = a.text[line_start: line_end if line_end >= 0 else len(a.text)].strip()
    if re.match(r"(hi|hello|dear|hey|good (morning|afternoon|evening))\b", line, re.I) and len(line.split()) <= 6:
        return True
    signoffs = "|".join(re.escape(w) for w in data["signoff_words"])
    if re.match(rf"({signoffs})\b", line, re.I):
        return True
    name = a.doc.char_span(char, char + 1, alignment_mode="expand")
    if name is not None and re.search(r"\b(i'm|i am|my name is|this is)\s+" + re.escape(name.text), sent.text, re.I):
        return True  # the sender introducing themself
    lines = [ln for ln in a.text.strip().splitlines() if ln.strip()]
    if len(lines) >= 3 and line in [ln.strip() for ln in lines[-3:]] and len(line.split()) <= 8:
        return True
    low = sent.text.lower()
    cues = "|".join(re.escape(c) for c in data["contact_cues"])
    return bool(re.search(rf"\b({cues})\b", low)) and not any(c in low for c in data["staff_cues"][:4])


def _is_customer_reference(a: Analysis, char: int) -> bool:
    """"Your case reference is CV-40218": a code the customer quotes is theirs, not an internal ticket."""
    span = a.doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    low = span.sent.text.lower()
    return any(c in low for c in rules("leak")["customer_reference_cues"])


def run(a: Analysis) -> list[Finding]:
    if not a.ctx.stage.is_external:
        return []
    found: list[Finding] = []
    for kind, s, e in detect(a.text, a.config):
        if kind == "ticket id" and _is_customer_reference(a, s):
            continue
        rule = "secret" if kind == "secret" else "customer" if kind == "customer" else "default"
        found.append(a.finding("leak", rule, s, e, 0.9, kind=kind))
    taken = [(f.start, f.end) for f in found]
    for s, e in staff_names(a):
        if not any(ts <= s < te for ts, te in taken):
            found.append(a.finding("leak", "person", s, e, 0.75, kind="employee name"))
    return sorted(found, key=lambda f: f.start)
