"""Dismissing false alarms: one finding for this session ("not this one"), or a rule for the company.

A dismissed finding is remembered by what it says and where, not by offsets, so it stays dismissed
while the liaison edits other sentences: its category, rule, flagged words and the sentence that
holds them. A rule turned off for the company goes into the config's ``disabled:`` list, which the
engine already honours.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from ..findings import Finding
from ..textspans import sentence_bounds


def finding_key(f: Finding, text: str) -> str:
    """A stable name for a finding in its draft: category, rule, words, and the sentence around them."""
    if f.end > f.start:
        s, e = sentence_bounds(text, f.start)
        sentence = " ".join(text[s:e].split())
    else:
        sentence = ""
    return "|".join((f.category, f.rule, " ".join(f.text.split()), sentence))


def is_dismissed(f: Finding, text: str, dismissed: Iterable[str]) -> bool:
    return finding_key(f, text) in set(dismissed)


def rule_id(f: Finding) -> str:
    """What the config's disabled: list calls this finding's rule ("tone/flippant"; model verdicts: the category)."""
    return f.category if f.rule in ("default", "model") else f"{f.category}/{f.rule}"


_DISABLED_LINE = re.compile(r"^disabled:[^\n]*\n?((?:[ \t]+-[^\n]*\n?|[ \t]*#[^\n]*\n?)*)", re.M)


def with_disabled(yaml_text: str, entry: str) -> str:
    """The config YAML with `entry` added to its top-level disabled: list; comments elsewhere kept.

    Raises ValueError when the YAML is not a mapping (the sidebar shows the config error first).
    """
    data = yaml.safe_load(yaml_text or "") or {}
    if not isinstance(data, dict):
        raise ValueError("The company config is not a YAML mapping; fix it in the sidebar first.")
    current = data.get("disabled") or []
    if isinstance(current, str):
        current = [current]
    if entry in current:
        return yaml_text
    block = "disabled:\n" + "".join(f"  - {yaml.safe_dump(x, default_flow_style=True).strip().removesuffix('...').strip()}\n"
                                   for x in [*current, entry])
    m = _DISABLED_LINE.search(yaml_text or "")
    if m:
        return yaml_text[:m.start()] + block + yaml_text[m.end():]
    base = yaml_text or ""
    return base + ("" if not base or base.endswith("\n") else "\n") + block
