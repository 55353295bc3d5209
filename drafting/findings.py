"""Finding and CheckResult: the one result type every check returns (Presidio-style)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from . import catalog
from . import score as scoring
from .context import Context

# Every category with a `category:` block in data/rules/<name>.yaml, in its declared order.
CATEGORIES: tuple[str, ...] = catalog.names()


@dataclass
class Finding:
    """One problem in a draft: what, where (character offsets into the text), why, and what to write instead."""

    category: str
    rule: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    confidence: float = 0.9
    source: str = "rules"  # rules | model | languagetool | library

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["confidence"] = round(float(self.confidence), 3)
        return data


@dataclass
class GrammarStatus:
    """Whether LanguageTool was used, and if not, how to turn it on."""

    enabled: bool
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "message": self.message}


@dataclass
class CheckResult:
    """All findings for one draft in one context, plus the figures a liaison reads at a glance."""

    text: str
    context: Context
    findings: list[Finding] = field(default_factory=list)
    grammar: GrammarStatus = field(default_factory=lambda: GrammarStatus(False, "Grammar checking is off."))
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.findings

    def by_category(self) -> dict[str, list[Finding]]:
        groups: dict[str, list[Finding]] = {c: [] for c in CATEGORIES}
        for f in self.findings:
            groups[f.category].append(f)
        return groups

    def counts(self) -> dict[str, int]:
        return {c: len(v) for c, v in self.by_category().items()}

    @property
    def score(self) -> int:
        """0-100, as docs/score.md defines it (drafting/score.py)."""
        return scoring.score(self.findings, self.text, self.context.stage)

    def score_detail(self) -> scoring.Score:
        return scoring.score_of(self.findings, self.text, self.context.stage)

    def without(self, dismissed: Any) -> CheckResult:
        """The same result with the findings the liaison dismissed taken out (``dismissed(f) -> bool``)."""
        return CheckResult(self.text, self.context, [f for f in self.findings if not dismissed(f)], self.grammar, self.stats)

    def to_dict(self) -> dict[str, Any]:
        return {
            "context": self.context.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "counts": self.counts(),
            "score": self.score,
            "grammar": self.grammar.to_dict(),
            "stats": self.stats,
        }
