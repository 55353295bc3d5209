"""Suggested rewrites ("try this") for a finding: one or more replacement sentences.

Each category owns its suggestion maker (``suggest`` in drafting/checks/<category>.py, declared
on its Category); this module cuts out the sentence that holds the finding, asks the maker, and
re-checks every candidate in the same context: one that raises a finding of the same category, or
that drafting.rewrite_guard shows makes the text worse (agreement, a cut word, half a term, a prompt
for a whole sentence), is never offered. Makers that need drafting's operators (redaction, plain service names) get them as
``ops``, so the checks stay below drafting. Wording lives in data/drafting/templates.yaml.
"""
from __future__ import annotations

from typing import Any

from . import registry
from .checks.blame import systemize
from .config import CompanyConfig
from .context import Context
from .findings import Finding
from .redact import Redactor, service_words
from .rewrite_guard import refusal
from .textspans import finish_sentence, sentence_bounds

__all__ = ["Operators", "rewrite", "sentence_bounds", "systemize"]


class Operators:
    """The transformations a suggestion maker may apply, from the layer above the checks."""

    def __init__(self, config: CompanyConfig) -> None:
        self.config = config

    def redact(self, text: str, staff: list[str] | None = None) -> str:
        """``text`` with every internal detail removed (and these staff names, when given)."""
        r = Redactor(writeup=text, config=self.config)
        if staff:
            r.staff = list(staff)
        return r.public_text(text)

    @staticmethod
    def service_words(name: str, before: str) -> str:
        """'payment-auth-svc' -> 'the payment auth service'."""
        return service_words(name, before)


def rewrite(finding: Finding, text: str, ctx: Any, config: CompanyConfig | None = None, use_model: bool = True) -> list[str]:
    """Replacement sentences for the sentence that holds ``finding``; none raises the same category again."""
    ctx = ctx if isinstance(ctx, Context) else Context.of(*ctx) if isinstance(ctx, (tuple, list)) else Context.of()
    config = config or CompanyConfig()
    s, e = sentence_bounds(text, finding.start)
    sentence = text[s:e].strip()
    if not sentence:
        return []
    rel = Finding(finding.category, finding.rule, finding.start - s, finding.end - s, finding.text, finding.message, finding.suggestion)
    maker = registry.suggester(finding.category)
    if maker is None:
        return []
    candidates = [c for c in maker(rel, sentence, text, ctx, config, Operators(config)) if c and c.strip()]
    out: list[str] = []
    for cand in candidates:
        cand = finish_sentence(cand)
        if cand in out or cand == sentence:
            continue
        if refusal(rel, sentence, cand, text, config):  # worse text: agreement, a cut word, half a term
            continue
        if _passes(cand, finding.category, ctx, config, use_model):
            out.append(cand)
    return out


def _passes(candidate: str, category: str, ctx: Context, config: CompanyConfig, use_model: bool = True) -> bool:
    from .engine import check

    result = check(candidate, ctx.severity, ctx.audience, ctx.stage, config=config, use_model=use_model, use_grammar=False)
    return not any(f.category == category for f in result.findings)
