"""Merge rule findings with the classifier's sentence verdicts.

Rules point at exact words; the model catches phrasings the lists miss. Where both flag the
same category in the same sentence, the rule finding (tighter span) is kept and its confidence
raised; a model-only finding covers its sentence.
"""
from __future__ import annotations

from .checks.base import Analysis
from .findings import Finding


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
        out.append(mf)
    return out
