"""Names of our own internal systems ("Kingfisher logs", "the Kingfisher migration", "isn't on Kingfisher yet"): a
capitalised word the team uses again and again as the name of a system, a job or a tool, which a customer has never
heard of and a draft must never say. Editors found such names in causes and actions ("Kingfisher then re-sent the
previous week's prices"); the nouns that mark a system are in data/drafting/extract.yaml (``system_nouns``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..checks.jargon import glossary
from ..reading.rules import product_noun_pattern, rules
from .brand import address_scores

_CAPITALISED = re.compile(r"(?<![\w@./#-])[A-Z][a-z]{3,}(?:[A-Z][a-z]+)?(?![\w@-])")


def internal_systems(text: str, public: list[str]) -> list[str]:
    """Words written at least twice right before a system noun, or one word before it ("Kingfisher logs", "Tollgate
    pending limit"), or after
    "on"/"off" with no product noun after them ("isn't on Kingfisher yet"), and never before a product noun, in our
    own addresses, or among the public names, platforms and software a draft may name."""
    nouns = [str(w) for w in rules().get("system_nouns", [])]
    if not nouns:
        return []
    system = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + "|".join(re.escape(w) for w in nouns) + r")\b")  # "Tollgate withdrawal orchestrator"
    product = re.compile(r"\s+(?:[A-Z][A-Za-z]+\s+)?" + product_noun_pattern() + r"\b", re.I)
    g = glossary()
    known = {str(w).lower() for w in list(g.get("public_software", [])) + list(g.get("public_platforms", []))}
    known |= {p.lower() for name in public for p in name.split()} | set(address_scores(text))
    marks: dict[str, int] = {}
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if word.lower() in known or re.search(r"(?<![\w./-])" + re.escape(word.lower()) + r"(?:s|es)?(?![\w/-]|:)", text):
            continue  # "Route version 0" beside "routes": an everyday word, not a name (a PR's "tollgate: lower ..." is its tag)
        after = text[m.end(): m.end() + 40]
        if product.match(after):
            marks[word] = -99  # "the Kelvo app": what customers use
        elif system.match(after) or re.search(r"(?i)\b(?:on|off|into|from|in) $", text[max(0, m.start() - 6): m.start()]) and re.match(r"\s+(?:yet|now|today|version|for|so)\b", after) \
                or re.match(r"\s+v?\d+\.\d+\.\d+\b", after) and word.lower() not in ("release", "build", "patch", "update", "hotfix", "version", "firmware"):  # "Ladle 5.33.0 deployed": a component released by version
            marks[word] = marks.get(word, 0) + 1
    for m in _NAMED_IN_BRACKETS.finditer(text):  # "the entitlement sync from billing platform (Merpati)"
        if m.group("n").lower() not in known:
            marks[m.group("n")] = max(marks.get(m.group("n"), 0), 0) + 2  # named as a platform: internal, even beside "Merpati API"
    said = "|".join(re.escape(str(w)) for w in rules().get("our_bracket_nouns", []))
    for m in re.finditer(r"(?<![\w@./#-])(?P<n>[A-Z][a-z]{3,}(?:[A-Z][a-z]+)?)\s*\(our\s+(?:[\w&-]+\s+){0,4}(?:" + said + r")\)", text) if said else []:
        if m.group("n").lower() not in known:  # "Heron (our notification service)", "Relaytel (our SMS and voice provider)": explained
            marks[m.group("n")] = 2  # to the team as ours or our supplier's, so never a name a customer is told
    return sorted(w for w, n in marks.items() if n >= 2)


_NAMED_IN_BRACKETS = re.compile(r"\b(?i:platform|system|backend|tool|database|engine|middleware|orchestrator|services?|run|job|scheduler|pipeline|portal|"
                                r"connector|importer|exporter|worker|queue|gateway|api|bot)\s*\((?P<n>[A-Z][a-z]{3,}(?:[A-Z][a-z]+)?)\)")  # "the renewal run (Metronome)"


@lru_cache(maxsize=8)
def explained_names(text: str) -> dict[str, str]:
    """Names the write-up explains once in customer words: "Heron (our notification service)", "our entitlement
    system (Lighthouse)", "Fastlane Edge (our CDN)" -> {"Lighthouse": "our entitlement system", ...}. A sentence
    that names one may say the explanation instead, so a cause told with an internal name can still be told."""
    said = "|".join(re.escape(str(w)) for w in rules().get("our_bracket_nouns", []))
    if not said:
        return {}
    name = r"(?P<n>[A-Z][\w'’-]*[a-z][\w'’-]*(?: [A-Z][\w'’-]*[a-z][\w'’-]*)?)"
    phrase = r"(?P<p>(?:our|the) (?:[a-z][\w&-]* ){0,3}(?:" + said + r"))"
    out: dict[str, str] = {}
    for m in re.finditer(r"(?<![\w@./#-])" + name + r"\s*\(" + phrase + r"\)", text):
        out.setdefault(m.group("n"), m.group("p"))
    for m in re.finditer(r"\b" + phrase + r"\s*\(" + name + r"\)", text):
        out.setdefault(m.group("n"), m.group("p"))
    return out
