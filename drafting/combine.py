"""Merge rule findings with the classifier's sentence verdicts.

Rules point at exact words; the model catches phrasings the lists miss. Where both flag the
same category in the same sentence, the rule finding (tighter span) is kept and its confidence
raised. A model-only finding covers its sentence, unless the parse shows the rule-side reason
it is fine: an honest "not yet confirmed"; a configured product name or a term explained in
place; "minor" in a sev3/sev4 incident; a checkable process commitment; a company owning its
own mistake or clearing a partner; the follow-up's own greeting or sign-off; a leak with nothing
internal-looking in it; a short apology whose next sentence names the impact. Each of those
reasons is its category's ``veto`` (declared on its Category in drafting/checks/<category>.py).
"""
from __future__ import annotations

from . import registry
from .checks.base import Analysis
from .findings import Finding


def combine(rule_findings: list[Finding], model_findings: list[Finding], a: Analysis) -> list[Finding]:
    """Rule findings, raised where the model agrees, plus model-only findings no category vetoes."""
    if not model_findings:
        return rule_findings
    out = list(rule_findings)
    for mf in model_findings:
        overlapping = [f for f in rule_findings if f.category == mf.category and f.start < mf.end and mf.start < f.end]
        if overlapping:
            for f in overlapping:
                f.confidence = max(f.confidence, min(0.99, (f.confidence + mf.confidence) / 2 + 0.1))
            continue
        sent = a.doc.char_span(mf.start, mf.end, alignment_mode="expand")
        if sent is not None and registry.vetoes(mf, a, sent):
            continue
        out.append(mf)
    return out
