"""check(): one parse, every check, the classifier's verdict, grammar; merged into a CheckResult."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from . import (
    offline,  # noqa: F401
    registry,
)
from .checks import grammar
from .checks.base import Analysis
from .combine import one_problem_per_phrase
from .config import CompanyConfig
from .context import Context
from .errors import InputError
from .findings import CheckResult, Finding
from .nlp import parse, parse_many
from .readability import grade
from .textprep import mask_markup, validate

CHUNK = 32  # drafts parsed, then classified, together in check_many


def _context(severity: Any, audience: Any, stage: Any) -> Context:
    return Context.of(severity, audience, stage)


def _prepare(text: Any) -> str:
    text = validate(text)
    if not text.strip():
        raise InputError("The draft is empty. Paste the text of your update or report and check again.")
    return text


def _model_findings(a: Analysis) -> list[Finding]:
    """The trained classifier's sentence findings; none when no model is shipped."""
    from .classifier.predict import model_findings

    return model_findings(a)


def analyse(a: Analysis, use_model: bool = True, use_grammar: bool = True) -> CheckResult:
    """Run every check over an already-parsed draft."""
    findings: list[Finding] = []
    for name, run in registry.checks():
        if not a.config.is_disabled(name):
            findings.extend(run(a))
    if use_model:
        from .combine import combine

        findings = combine(findings, _model_findings(a), a)
    findings = one_problem_per_phrase(findings, a.ctx.severity)
    grammar_findings, status = grammar.check(a.text, a.config.grammar_server()) if use_grammar else (
        [], grammar.GrammarStatus(False, "Grammar checking was not requested."))
    findings.extend(grammar_findings)
    if a.config.disabled:
        findings = [f for f in findings if not a.config.is_disabled(f.category, f.rule)]
    findings.sort(key=lambda f: (f.start, f.end, f.category))
    sentences = a.sentences
    stats = {
        "words": sum(1 for t in a.doc if t.is_alpha),
        "sentences": len(sentences),
        "readability_grade": grade(a.text, len(sentences)),
    }
    return CheckResult(text=a.text, context=a.ctx, findings=findings, grammar=status, stats=stats)


def check(
    text: str,
    severity: Any = "sev2",
    audience: Any = "general",
    stage: Any = "report",
    *,
    config: CompanyConfig | None = None,
    library: Any = None,
    use_model: bool = True,
    use_grammar: bool = True,
) -> CheckResult:
    """Review one customer-facing draft for its severity, audience and stage."""
    ctx = _context(severity, audience, stage)
    text = _prepare(text)
    config = config or CompanyConfig()
    doc = parse(mask_markup(text))
    a = Analysis(text=text, doc=doc, ctx=ctx, config=config, library=library)
    return analyse(a, use_model=use_model, use_grammar=use_grammar)


WARM_UP_TEXT = (
    "Between 09:10 and 09:40 UTC some customers could not sign in. We are sorry. "
    "We have fixed the cause and will add an alert."
)


def warm_up(use_model: bool = True) -> None:
    """Load the parser, every check's phrase lists and the classifier's code (torch) now, once.

    A batch calls this before forking its workers: they inherit what is loaded instead of
    each spending seconds loading it. Model weights are left to the workers (small, and no
    torch threads are started in the parent before it forks).
    """
    check(WARM_UP_TEXT, use_model=False, use_grammar=False)
    if use_model:
        from .classifier import artifact

        if artifact.exists():
            from .classifier import runtime  # noqa: F401  (torch and tokenizers, without weights)


def check_many(
    items: Iterable[tuple[str, Context]],
    *,
    config: CompanyConfig | None = None,
    library: Any = None,
    use_model: bool = True,
    use_grammar: bool = True,
) -> Iterator[CheckResult]:
    """Review many drafts with one streamed spaCy pass (nlp.pipe)."""
    config = config or CompanyConfig()
    items = [(_prepare(t), c) for t, c in items]
    docs = parse_many(mask_markup(t) for t, _ in items)
    for start in range(0, len(items), CHUNK):
        part = items[start:start + CHUNK]
        analyses = [Analysis(text=text, doc=doc, ctx=ctx, config=config, library=library)
                    for (text, ctx), doc in zip(part, docs)]
        if use_model:
            _prefetch_model(analyses)
        for a in analyses:
            yield analyse(a, use_model=use_model, use_grammar=use_grammar)


def _prefetch_model(analyses: list[Analysis]) -> None:
    """Classify a chunk's sentences together: full, length-sorted batches are cheaper than one per draft."""
    from .classifier.predict import prefetch

    prefetch(analyses)
