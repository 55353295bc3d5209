"""The 0-100 draft score (formula and weights in data/rules/score.yaml)."""
from __future__ import annotations

from collections.abc import Iterable

from .findings import Finding
from .resources import rules


def score_findings(findings: Iterable[Finding]) -> int:
    weights = rules("score")["weights"]
    penalty = sum(weights.get(f.category, 5) * f.confidence for f in findings)
    return max(0, round(100 - penalty))
