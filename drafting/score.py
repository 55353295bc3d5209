"""The 0-100 draft score: what it means and how it is worked out (docs/score.md, data/score.yaml).

100 is a draft of a sensible length for its stage, with every part the stage needs and nothing
flagged. From that:

1. each finding costs its category's weight x its confidence (data/rules/<category>.yaml); a missing
   part costs ``missing_part``;
2. in a draft longer than ``reference_words``, sentence-level findings cost proportionally less;
3. no category costs more than its cap;
4. a draft shorter than its stage's ``min_words`` keeps only that share of the score;
5. a draft holding a placeholder or a leak scores at most that category's ceiling.

Placeholders do not count as words, so filling a draft with prompts never raises its score.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import catalog
from .resources import data_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return data_yaml("score.yaml")


@dataclass
class Score:
    """The score and why: each category's cost, the length factor, and any ceiling that applied."""

    value: int
    words: int
    length_share: float
    costs: dict[str, float] = field(default_factory=dict)
    ceiling: str = ""

    def explain(self) -> str:
        """One plain sentence a liaison can read under the number."""
        parts = [f"{name} -{cost:.0f}" for name, cost in sorted(self.costs.items(), key=lambda kv: -kv[1]) if cost >= 0.5]
        text = "Starts at 100; " + (", ".join(parts) if parts else "nothing flagged")
        if self.length_share < 1:
            text += f"; only {self.words} words, so {self.length_share:.0%} of that is kept"
        if self.ceiling:
            text += f"; at most {settings()['ceilings'][self.ceiling]} while a {catalog.meta(self.ceiling).label.lower()} finding remains"
        return text + "."


def words_outside(text: str, findings: Iterable[Any]) -> int:
    """Words of the draft, not counting placeholder spans."""
    holes = sorted((f.start, f.end) for f in findings if f.category == "placeholder" and f.end > f.start)
    kept, pos = [], 0
    for s, e in holes:
        if s >= pos:
            kept.append(text[pos:s])
            pos = e
    kept.append(text[pos:])
    return sum(len(_WORD.findall(piece)) for piece in kept)


def score_of(findings: Iterable[Any], text: str, stage: Any = "report") -> Score:
    """The score of a draft with these findings, at this stage."""
    cfg = settings()
    findings = list(findings)
    stage = getattr(stage, "value", stage) or "report"
    words = words_outside(text, findings)
    scale = min(1.0, cfg["reference_words"] / max(words, 1))
    unscaled = set(cfg.get("unscaled") or ())
    raw: dict[str, float] = {}
    for f in findings:
        cost = (cfg["missing_part"] if f.category == "structure" and f.rule == "missing_part" else catalog.weight(f.category)) * float(f.confidence)
        raw[f.category] = raw.get(f.category, 0.0) + cost * (1.0 if f.category in unscaled else scale)
    caps = cfg["caps"]
    costs = {c: min(float(caps.get(c, caps["default"])), v) for c, v in raw.items()}
    share = min(1.0, words / max(1, int(cfg["min_words"].get(stage, 60))))
    value = max(0.0, 100.0 - sum(costs.values())) * share
    ceiling = ""
    for category, top in (cfg.get("ceilings") or {}).items():
        if category in raw and value > top:
            value, ceiling = float(top), category
    labels = {c: catalog.meta(c).label if c in catalog.all_meta() else c for c in costs}
    return Score(round(value), words, share, {labels[c]: v for c, v in costs.items()}, ceiling)


def formula() -> str:
    """One line for exports: how the number was worked out, with the weights in use (docs/score.md)."""
    cfg = settings()
    weights = ", ".join(f"{m.name} {m.weight:g}" for m in catalog.all_meta().values())
    ceilings = ", ".join(f"{c} {v}" for c, v in (cfg.get("ceilings") or {}).items())
    return (f"score = (100 - sum of capped category costs) x length share; a finding costs weight[category] x confidence, "
            f"less per finding in drafts over {cfg['reference_words']} words; a missing part costs {cfg['missing_part']}; "
            f"ceilings: {ceilings}; weights: {weights} (docs/score.md)")


def score(findings: Iterable[Any], text: str, stage: Any = "report") -> int:
    return score_of(findings, text, stage).value
