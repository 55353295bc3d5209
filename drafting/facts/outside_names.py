"""Names of other companies the write-up tells the team about: a supplier ("Payvault is slow ... their status page
says elevated latency"), a partner ("opened ticket with Fastlane Edge support"), a customer account ("Hartwell & Byrne
are already on the phone"). A customer draft names none of them: blaming a supplier in public is what the write-ups
ask the liaison not to do, and another customer's name is theirs to keep.

Why: editors found suppliers named as the product ("Fastlane" for the CDN in front of it), suppliers blamed in pasted
chat lines, and another customer's name in three rounds of unseen write-ups; the reading knew them only as capitalised
words. The cues are in data/drafting/extract.yaml (``outside_party``) where a support lead can add their own."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..checks.jargon import glossary
from ..reading.rules import rules
from .kinds import kind_rules

# a name: capitalised words, joined by "&" or "of" ("Hartwell & Byrne", "Fastlane Edge", "Bank of Tula")
_NAME = r"(?P<n>[A-Z][\w'’-]*[a-z][\w'’-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+)?(?:[A-Z][\w'’-]*[a-z][\w'’-]*|[A-Z]{2,5}\b)){0,3})"  # "Harbourlight CRM"


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern]:
    cfg = rules().get("outside_party", {})
    after = "|".join(str(p) for p in cfg.get("after_name", [])) or "(?!)"
    before = "|".join(str(p) for p in cfg.get("before_name", [])) or "(?!)"
    return (re.compile(r"(?<![\w@./#-])" + _NAME + r"(?=(?i:" + after + r"))"),
            re.compile(r"(?:" + before + r")\s+" + _NAME + r"(?![\w@-])"))


def outside_parties(text: str, public: list[str]) -> list[str]:
    """Names the write-up ties to another company by what follows them ("'s status page", " support", " (our CDN)",
    " are already on the phone") or precedes them ("ticket with", "call", "payment processor"), minus our own public
    names, everyday words, months, days and the software and platforms a draft may name."""
    g = glossary()
    known = {str(w).lower() for w in list(g.get("public_software", [])) + list(g.get("public_platforms", []))}
    known |= {str(w).lower() for w in kind_rules()["withhold_not_names"]} | {str(z).lower() for z in rules()["timezones"]}
    known |= {str(w).lower() for w in rules().get("outside_party", {}).get("not_names", [])}
    allowed = {p.lower() for name in public for p in [name, *name.split()]}
    out: list[str] = []
    one_line = re.sub(r"[^\S\n]*\n[^\S\n]*(?=[a-z])", " ", text)  # "our\nemail delivery provider, Mailfort,": an e-mail's wrapped line
    for pattern in _cues():
        for m in pattern.finditer(one_line):
            name = re.sub(r"['’]s$", "", m.group("n")).strip()
            words = name.split()
            while words and (words[0].lower() in known or words[0].lower() in STOP_WORDS or _everyday(words[0], text)):
                words = words[1:]  # "Told Payvault" -> "Payvault"
            name = " ".join(words)
            if len(name) < 3 or name.lower() in allowed or any(w.lower() in allowed for w in words) or name.lower() in known:
                continue
            if " " not in name and _everyday(name, text):
                continue  # "Support", "Processing": a word the write-up also writes in lower case is no name
            if name not in out:
                out.append(name)
    return out


def _everyday(word: str, text: str) -> bool:
    """Whether the write-up also writes the word in lower case about as often as capitalised ("Claims", "Success"): a
    word, not a name. A name written five times and once in a tag line ("payvault refund_auto") stays a name."""
    lower = len(re.findall(r"(?<![\w.@/-])" + re.escape(word.lower()) + r"(?![\w.@-])", text))
    upper = len(re.findall(r"(?<![\w.@/-])" + re.escape(word) + r"(?![\w.@-])", text))
    return lower > 0 and 2 * lower >= upper
