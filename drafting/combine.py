"""Merge rule findings with the classifier's sentence verdicts.

Rules point at exact words; the model catches phrasings the lists miss. Where both flag the
same category in the same sentence, the rule finding (tighter span) is kept and its confidence
raised. A model-only finding covers its sentence, unless the parse shows the rule-side reason
it is fine: an honest "not yet confirmed"; a configured product name or a term explained in
place; "minor" in a sev3/sev4 incident; a checkable process commitment; a company owning its
own mistake or clearing a partner; the follow-up's own greeting or sign-off; a leak with nothing
internal-looking in it; a short apology whose next sentence names the impact. Each of those
reasons is its category's ``veto`` (declared on its Category in drafting/checks/<category>.py).

A model-only finding that survives is shown on the words that carry it (its category's ``point``,
by default the cue lists in data/rules/evidence.yaml); one with no such words needs the category's
higher bar (``unpointed_min``) and is then shown on its whole sentence.
"""
from __future__ import annotations

import re

from . import registry
from .checks.base import Analysis
from .checks.evidence import point, unpointed_min
from .context import Severity
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
        if sent is None:
            out.append(mf)
            continue
        if registry.vetoes(mf, a, sent):
            continue
        pointed = _pointed(mf, a, sent)
        if pointed is not None:
            out.append(pointed)
    return out


# categories whose words, inside a quoted message, are the message's and not the writer's
_QUOTED_OK = ("conjecture", "overpromise", "blame")
_QUOTED = re.compile(r'"[^"\n]{2,200}"|“[^”\n]{2,200}”')


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits inside one quoted message on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    return any(m.start() < start - line_start and end - line_start <= m.end() for m in _QUOTED.finditer(line))


def _pointed(mf: Finding, a: Analysis, sent) -> Finding | None:
    """The model's verdict on the words that carry it; on the whole sentence only when it is very sure.

    A highlight that names no words gives the liaison nothing to change, so an unpointed verdict
    must clear the category's higher bar (data/rules/evidence.yaml).
    """
    pointer = registry.pointer(mf.category)
    if pointer is not None:
        span = pointer(a, sent, mf)
    else:
        allowed = frozenset(p.lower() for p in a.config.product_names)
        rel = point(mf.category, sent.text, a.ctx.severity, allowed, mf.confidence)
        span = (sent.start_char + rel[0], sent.start_char + rel[1]) if rel else None
    if span is None:
        return mf if mf.confidence >= unpointed_min(mf.category) else None
    if mf.category in _QUOTED_OK and _inside_quotes(a.text, span[0], span[1]):
        return None  # Shoppers saw "Payment could not be processed": the words of a message customers saw, not ours
    f = a.finding(mf.category, "model", span[0], span[1], mf.confidence, severity=a.ctx.severity.value,
                  audience=a.ctx.audience.value, kind="internal detail", plain="plain words a customer would use",
                  agent="a person or team", object="the system")
    f.source = "model"
    return f


def one_problem_per_phrase(findings: list[Finding], severity: Severity | None = None) -> list[Finding]:
    """A stock apology is one problem: "sorry for any inconvenience" is boilerplate, not also tone.

    A tone finding on "inconvenience" inside a boilerplate finding's words is dropped: rewriting
    the stock phrase fixes both, and two highlights on one phrase read as noise. Grovelling
    ("deeply, deeply sorry") inside a stock apology stays: that is a second problem; a grovelling
    sentence is not also a "bare apology" (its fault is the stacking, not a missing impact). So does
    "inconvenience" at sev1: calling a full outage an inconvenience minimises it (LABELS.md), a
    problem of its own that a stock-phrase rewrite would not fix on its own. A model verdict of
    another category pointed inside a stock phrase ("assured" in "rest assured") is dropped too.
    """
    grovelling = [f for f in findings if f.category == "tone" and f.rule == "grovelling"]
    findings = [f for f in findings if not (
        f.category == "boilerplate" and f.rule == "bare_apology" and any(g.start <= f.start < g.end for g in grovelling))]
    stock = [f for f in findings if f.category == "boilerplate" and f.rule != "reuse"]
    if not stock:
        return findings

    def inside_stock(f: Finding) -> bool:
        return any(b.start <= f.start and f.end <= b.end for b in stock)

    # a model verdict pointed at words of a stock phrase ("assured" in "rest assured") is that phrase again
    findings = [f for f in findings if not (f.source == "model" and f.category not in ("boilerplate", "tone") and inside_stock(f))]
    if severity is Severity.SEV1:
        return findings
    return [f for f in findings if not (f.category == "tone" and "inconvenien" in f.text.lower() and inside_stock(f))]
