"""How technical a sentence reads for a general reader: glossary terms, engineering detail, abbreviations the
glossary cannot explain. One measure, shared by the fact sheet (ranking causes), the headline and the composers."""
from __future__ import annotations

import re

from ..reading.rules import has_cue, rules
from .prose import prose_rules

_CAUSE_DETAIL = re.compile(r"(?i)\b(?:p\d\d|ms|GB|pods?|threads?|config(?:ured)?|timeout|module|PR)\b")


def technical_terms(text: str) -> int:
    from ..checks.jargon import glossary

    low = text.lower()
    terms = sum(1 for t in glossary()["terms"] if re.search(r"(?<![\w-])" + re.escape(str(t).lower()) + r"(?![\w-])", low))
    return terms + len(_CAUSE_DETAIL.findall(text)) + len(unknown_acronyms(text))


def unknown_acronyms(text: str) -> list[str]:
    """Capitalised abbreviations a general reader may not know and the glossary cannot explain ("LB", "BFPO")."""
    from ..checks.jargon import glossary

    g = glossary()
    known = {str(a).upper() for a in g.get("common_acronyms", [])} | {str(a).upper() for a in g.get("executive_known", [])}
    known |= {str(z).upper() for z in rules()["timezones"]} | {str(w) for w in prose_rules()["shouted_words"]}  # "02:10 WEST", "do NOT"
    explained = {str(k).upper() for k in g["terms"]}
    money = {str(c) for c in g.get("currency_codes", [])}
    text = re.sub(r"\b(?:" + "|".join(money) + r")(?=\s?\d)|(?<=\d)\s?(?:" + "|".join(money) + r")\b", " ", text) if money else text  # "PHP 50"
    return [a for a in re.findall(r"\b[A-Z]{2,5}s?\b", text) if a.rstrip("s") not in known | explained and a not in known | explained]


def plain_for_anyone(text: str) -> bool:
    """At most one technical term, no unexplained abbreviation and no engineering word: fit for any reader."""
    return technical_terms(text) <= 1 and not unknown_acronyms(text) and not has_cue(text, rules().get("engineering_words", []))
