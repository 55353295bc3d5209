"""What a finding category is: its declaration (Category) and its metadata, read from its own rules file.

A category is declared once, in its check module (``drafting/checks/<name>.py``)::

    CATEGORY = Category("overpromise", run=run, veto=checkable_process_commitment_veto,
                        suggest=suggest, rules=("default",), sarif_level="warning")

and everything a reader sees about it (label, short name, colours, score weight, the message and
suggestion for each rule id) sits in the ``category:`` block of ``data/rules/<name>.yaml``, so a
support lead edits one file. ``drafting.registry`` collects the declarations; this module is the
bottom layer every other one may read (Finding validates its category against ``names()``).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .resources import data_dir, rules

SARIF_LEVELS = ("error", "warning", "note")
_REQUIRED = ("label", "short", "order", "colour", "chart_colour", "weight", "messages")


@dataclass(frozen=True)
class Meta:
    """A category's metadata from the ``category:`` block of data/rules/<name>.yaml."""

    name: str
    label: str
    short: str
    order: int
    highlight_priority: int
    colour: str
    chart_colour: str
    weight: float
    messages: Mapping[str, Mapping[str, str]]


@dataclass(frozen=True)
class Category:
    """One finding category, declared once in its check module.

    run(a: Analysis) -> list[Finding]: the rule check over the shared parse (None: findings come
      from elsewhere, as grammar's from LanguageTool).
    veto(a: Analysis, sentence: Span, finding: Finding) -> bool: the parse shows why a model-only
      finding in this sentence is fine (the combiner drops it).
    point(a: Analysis, sentence: Span, finding: Finding) -> (start, end) | None: the words that carry a
      model verdict (character offsets into the draft); None leaves it to the cue lists in
      data/rules/evidence.yaml.
    suggest(f, sentence, text, ctx, config, ops) -> list[str]: replacement sentences for a finding
      (offsets relative to ``sentence``); ``ops`` gives the operators above the checks (redaction,
      service names, parsing). drafting.rewrite re-checks every candidate.
    blocks: whether a produced draft may carry it; a callable blocks(finding, ctx) -> bool decides
      per finding (jargon only blocks where the audience cannot be expected to know the term).
    rules: every rule id the check emits; each needs a message in the YAML ("model" findings use
      "default").
    """

    name: str
    run: Callable[..., list] | None = None
    veto: Callable[..., bool] | None = None
    point: Callable[..., tuple[int, int] | None] | None = None
    suggest: Callable[..., list[str]] | None = None
    blocks: bool | Callable[..., bool] = True
    sarif_level: str = "warning"
    rules: tuple[str, ...] = ("default",)
    open_rules: bool = False  # rule ids come from outside (LanguageTool): "default" speaks for all

    def __post_init__(self) -> None:
        if self.sarif_level not in SARIF_LEVELS:
            raise ValueError(f"{self.name}: sarif_level must be one of {SARIF_LEVELS}")

    @property
    def meta(self) -> Meta:
        return meta(self.name)

    def blocks_finding(self, finding: Any, ctx: Any) -> bool:
        return bool(self.blocks(finding, ctx)) if callable(self.blocks) else bool(self.blocks)


def _meta_from(name: str, block: Mapping[str, Any]) -> Meta:
    missing = [k for k in _REQUIRED if k not in block]
    if missing:
        raise ValueError(f"data/rules/{name}.yaml: the category block lacks {', '.join(missing)}")
    return Meta(
        name=name,
        label=str(block["label"]),
        short=str(block["short"]),
        order=int(block["order"]),
        highlight_priority=int(block.get("highlight_priority", block["order"])),
        colour=str(block["colour"]),
        chart_colour=str(block["chart_colour"]),
        weight=float(block["weight"]),
        messages={str(k): {"message": str(v.get("message", "")), "suggestion": str(v.get("suggestion", ""))}
                  for k, v in (block.get("messages") or {}).items()},
    )


@lru_cache(maxsize=1)
def all_meta() -> dict[str, Meta]:
    """Every category with a ``category:`` block in data/rules/, in reading order."""
    found = []
    for path in sorted((data_dir() / "rules").glob("*.yaml")):
        block = rules(path.stem).get("category")
        if isinstance(block, Mapping):
            found.append(_meta_from(path.stem, block))
    return {m.name: m for m in sorted(found, key=lambda m: (m.order, m.name))}


def names() -> tuple[str, ...]:
    return tuple(all_meta())


def meta(name: str) -> Meta:
    try:
        return all_meta()[name]
    except KeyError:
        raise KeyError(f"unknown category {name!r}: add a category: block to data/rules/{name}.yaml") from None


def message(category: str, rule: str) -> dict[str, str]:
    """Message and suggestion for a rule, falling back to the category's default."""
    table = meta(category).messages if category in all_meta() else {}
    entry = table.get(rule) or table.get("default") or {}
    return {"message": entry.get("message", f"Possible {category} problem."), "suggestion": entry.get("suggestion", "")}


def weight(category: str, default: float = 5.0) -> float:
    m = all_meta().get(category)
    return m.weight if m else default


def penalty(findings: Any) -> float:
    """Sum of weight x confidence: what a draft's findings cost its 0-100 score."""
    return sum(weight(f.category) * f.confidence for f in findings)
