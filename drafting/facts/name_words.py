"""The word lists that tell a name customers know from everything else a write-up capitalises: vendors the team
talks about, days and zones, generic parts of any product, public platforms and jargon. Shared by the product
reading and the company-brand reading; the lists themselves live in data/drafting/extract.yaml and data/glossary.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from ..checks.jargon import glossary
from ..reading.rules import rules


def vendor_names(text: str) -> set[str]:
    """Capitalised names the write-up ever writes beside "provider", "vendor", "their", "upstream" ...: another
    company's, never the product ("Paylume was slow to answer; they haven't confirmed anything")."""
    named = {m.group(1).lower() for m in re.finditer(r"\b([A-Z][^\W\d_]+)\b", text)
             if _SURELY_VENDOR.search(text[max(0, m.start() - 80): m.end() + 80])}
    return named | {(m.group("n") or m.group("n2")).lower() for m in _ASKED_OF.finditer(text)}  # "Ask PayAndes for maintenance notices"


# another company the team asks, sends to or reads the status of: "Ask PayAndes for ...", "batch sent to PayAndes",
# 'PayAndes status page: "latencia degradada"'
_ASKED_OF = re.compile(r"\b(?:[Aa]sk(?:ed)?|[Cc]ontact(?:ed)?|[Ss]ent to|[Cc]has(?:e|ed) up|[Ee]scalated to)\s+(?P<n>[A-Z][A-Za-z]{2,})\b(?!\s+(?:team|engineers|on-?call))"
                       r"|\b(?P<n2>[A-Z][A-Za-z]{2,})(?:'s)? status page\b(?:\s*:\s*[\"“]|\s+(?:had|has|said|says|showed|shows|was|is|posted|reported|listed)\b)")


_SURELY_VENDOR = re.compile(r"(?i)\b(?:payment (?:provider|processor|gateway)|(?:our|the) (?:provider|processor|vendor|supplier|acquirer|psp)|third[- ]party|upstream provider|their (?:status page|api|side|dashboard|support|engineers))\b")


@lru_cache(maxsize=1)
def not_names() -> re.Pattern:
    """Capitalised words that open no product's name: days, months, pronouns, zones, "Support" (data/drafting/extract.yaml,
    ``not_product_names``)."""
    words = sorted((str(w) for w in rules().get("not_product_names", [])), key=len, reverse=True)
    return re.compile(r"^(?:" + ("|".join(re.escape(w) for w in words) or "(?!)") + r")\b")


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    """Public platforms ("iOS", "Android", "Slack"): where customers use a product, never the product's name."""
    return frozenset(str(w).lower() for w in glossary().get("public_platforms", []))


def generic_names() -> set[str]:
    """Capitalised words that name a part of any company or product, never the product itself ("Admin Console", "Security")."""
    g = glossary()
    return {str(w).lower() for w in g.get("generic_capitalised", [])} | {w.lower() for w in rules().get("generic_product_heads", [])}


def not_product_words() -> set[str]:
    return {str(w).lower() for w in rules().get("not_product_words", [])}


def jargon_terms() -> set[str]:
    g = glossary()
    return {str(k).lower() for k in g["terms"]}
