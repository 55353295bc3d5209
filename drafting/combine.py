"""Merge rule findings with the classifier's sentence verdicts.

Rules point at exact words; the model catches phrasings the lists miss. Where both flag the
same category in the same sentence, the rule finding (tighter span) is kept and its confidence
raised. A model-only finding covers its sentence, unless the parse shows the rule-side reason
it is fine: an honest "not yet confirmed"; a configured product name or a term explained in
place; "minor" in a sev3/sev4 incident; a checkable process commitment; a company owning its
own mistake or clearing a partner; the follow-up's own greeting or sign-off; a leak with nothing
internal-looking in it; a short apology whose next sentence names the impact.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .checks import blame as blame_check
from .checks import boilerplate as boilerplate_check
from .checks import jargon as jargon_check
from .checks import leak as leak_check
from .checks import overpromise as overpromise_check
from .checks import tone as tone_check
from .checks.evidence import point, unpointed_min
from .checks.jargon import glossary
from .checks.base import Analysis
from .entity_gate import CODE_LIKE
from .findings import Finding
from .resources import rules


# not GPE/LOC: the small English model tags many people's and companies' names as places
_PUBLIC_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


@lru_cache(maxsize=1)
def _common_acronyms() -> frozenset[str]:
    return frozenset(str(x).upper() for x in glossary().get("common_acronyms", []))


def _sentence(a: Analysis, f: Finding) -> Span | None:
    return a.doc.char_span(f.start, f.end, alignment_mode="expand")


_CLAIM_THEN_CAVEAT = re.compile(r"[,;:]\s*(?:but|though|although|however)\b|\s(?:but|though|although)\s")


def _honest_uncertainty(sent: Span) -> bool:
    """The sentence says what is not known ("we have not yet confirmed whether...").

    Not when a claim comes first and the caveat is tacked on ("the bug came in last week's
    update, but this is not yet confirmed"): the reader still gets the guess.
    """
    low = sent.text.lower()
    at = min((low.find(p) for p in rules("conjecture")["honest_phrases"] if p in low), default=-1)
    if at < 0:
        return False
    return not _CLAIM_THEN_CAVEAT.search(low[:at])


def _mentions_product(a: Analysis, sent: Span) -> bool:
    low = sent.text.lower()
    return any(p.lower() in low for p in a.config.product_names)


def _leak_evidence(a: Analysis, sent: Span):
    """The first internal-looking token: a name outside the greeting/sign-off, a code, a channel, a key."""
    common = _common_acronyms()
    public = {n.lower() for n in a.config.public_names} | {p.lower() for p in a.config.product_names}
    for tok in sent:
        if tok.like_url or tok.like_email:
            continue
        if tok.text.upper() in common or tok.ent_type_ in _PUBLIC_ENTITIES:
            continue  # "09:16 UTC", "on Tuesday", "GDPR" are not internal details
        if tok.pos_ == "PROPN" or (tok.is_title and tok.i > sent.start):
            if not leak_check.is_allowed_contact(a, sent, tok.idx) and tok.text.lower() not in public:
                return tok
        if CODE_LIKE.search(tok.text):
            return tok
    return None


def _vetoed(mf: Finding, a: Analysis) -> bool:
    sent = _sentence(a, mf)
    if sent is None:
        return False
    if mf.category == "conjecture":
        return _honest_uncertainty(sent)
    if mf.category == "jargon":
        return _mentions_product(a, sent) or jargon_check.explains_terms(a, sent)
    if mf.category == "leak":
        return _leak_evidence(a, sent) is None
    if mf.category == "overpromise":
        return overpromise_check.checkable_process_commitment(sent)
    if mf.category == "tone":
        return tone_check.calm_wording_at_low_severity(a, sent)
    if mf.category == "blame":
        return blame_check.is_collective_ownership(sent, a) or blame_check.clears_someone(sent)
    if mf.category == "boilerplate":
        data = rules("boilerplate")
        # an apology whose next sentence names the impact ("We're sorry. For two hours...") is specific
        return boilerplate_check.is_apology(sent, data) and not boilerplate_check.is_bare_apology(sent, data) and len(sent) <= 6
    return False


def combine(rule_findings: list[Finding], model_findings: list[Finding], a: Analysis) -> list[Finding]:
    if not model_findings:
        return rule_findings
    out = list(rule_findings)
    for mf in model_findings:
        overlapping = [f for f in rule_findings if f.category == mf.category and f.start < mf.end and mf.start < f.end]
        if overlapping:
            for f in overlapping:
                f.confidence = max(f.confidence, min(0.99, (f.confidence + mf.confidence) / 2 + 0.1))
            continue
        if _vetoed(mf, a):
            continue
        pointed = _pointed(mf, a)
        if pointed is not None:
            out.append(pointed)
    return out


def _pointed(mf: Finding, a: Analysis) -> Finding | None:
    """The model's verdict on the words that carry it; on the whole sentence only when it is very sure.

    A highlight that names no words gives the liaison nothing to change, so an unpointed verdict
    must clear the category's higher bar (data/rules/evidence.yaml).
    """
    if mf.category == "leak":
        sent = _sentence(a, mf)
        tok = _leak_evidence(a, sent) if sent is not None else None
        span = (tok.idx - mf.start, tok.idx + len(tok.text) - mf.start) if tok is not None else None
    else:
        allowed = frozenset(p.lower() for p in a.config.product_names)
        span = point(mf.category, a.text[mf.start:mf.end], a.ctx.severity, allowed, mf.confidence)
        if span is None and mf.category == "blame":
            sent = _sentence(a, mf)
            who = blame_check.blamed_party(sent, a) if sent is not None else None
            span = (who.idx - mf.start, who.idx + len(who.text) - mf.start) if who is not None else None
    if span is None:
        return mf if mf.confidence >= unpointed_min(mf.category) else None
    f = a.finding(mf.category, "model", mf.start + span[0], mf.start + span[1], mf.confidence, severity=a.ctx.severity.value,
                  audience=a.ctx.audience.value, kind="internal detail", plain="plain words a customer would use",
                  agent="a person or team", object="the system")
    f.source = "model"
    return f


def one_problem_per_phrase(findings: list[Finding]) -> list[Finding]:
    """A stock apology is one problem: "sorry for any inconvenience" is boilerplate, not also tone.

    A tone finding on "inconvenience" inside a boilerplate finding's words is dropped: rewriting
    the stock phrase fixes both, and two highlights on one phrase read as noise. Grovelling
    ("deeply, deeply sorry") inside a stock apology stays: that is a second problem.
    """
    stock = [f for f in findings if f.category == "boilerplate" and f.rule != "reuse"]
    if not stock:
        return findings
    return [f for f in findings if not (
        f.category == "tone" and "inconvenien" in f.text.lower() and any(b.start <= f.start and f.end <= b.end for b in stock))]
