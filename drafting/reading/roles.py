"""What a sentence is for: impact, symptom, cause, unconfirmed claim, remedy, harm, action, review
promise, apology, contact, timeline or internal-only. One notion shared by the fact sheet reader and
anything that asks whether a draft has a part (patterns in data/drafting/roles.yaml)."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ..resources import data_dir
from .rules import has_cue, rules

ROLES = ("unconfirmed", "review", "remedy", "harm", "unaffected", "cause", "action", "apology", "contact")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern]]:
    with open(data_dir() / "drafting" / "roles.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {role: [re.compile(p, re.I) for p in data.get(role, [])] for role in ROLES}


def has_role(text: str, role: str) -> bool:
    return any(p.search(text) for p in _patterns()[role])


def roles_of(text: str) -> set[str]:
    """Every role a sentence plays ("About 9,400 payment attempts failed." -> {"impact", "symptom"})."""
    out = {r for r in ROLES if has_role(text, r)}
    cfg = rules()
    if re.match(r"\s*(?:\[?\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}T)", text):
        out.add("timeline")
    if has_cue(text, cfg["symptom_cues"]) and not has_cue(text, cfg["symptom_exclusions"]):
        out.add("symptom")
    plain = re.sub(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?Z?)?|\b\d{1,2}:\d{2}(?::\d{2})?|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\b(?:19|20)\d\d\b", " ", text, flags=re.I)
    if re.search(r"%|\d[\d,.]*\s*(?:k|m|million|thousand)?\s+(?:[\w-]+\s+){0,3}?(?:" + "|".join(map(re.escape, cfg["customer_nouns"])) + r")\b", plain, re.I):
        out.add("impact")
    if "symptom" in out and not re.search(r"(?i)\b(?:customers?|users?|shoppers?|merchants?|players?|patients?|visitors?|members?|browsers?|people|you|accounts?|saves?|orders?|payments?|pages?|calls?|checkouts?|logins?)\b|\b(?:saw|could not|couldn't|unable|were shown|got)\b", text):
        out.discard("symptom")
    return out
