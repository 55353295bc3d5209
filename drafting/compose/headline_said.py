"""The title's customer part told as a sentence, for a draft that read no sentence about what customers saw.

Why: editors read "The full report will describe in detail what customers saw." as a placeholder where the write-up's
own title says it ("Drawing viewer shows blank / old sheets for new uploads", "receipts stuck"). The headline is
already the draft's heading, so saying it in the past tense adds no new claim:
- a clause: "drawing viewer shows blank sheets" -> "The drawing viewer showed blank sheets.";
- a thing in a state: "receipts stuck", "app sync failing" -> "Receipts were stuck.", "App sync was failing.";
- what went wrong: "address lookup errors" -> "There were address lookup errors.".
Verb forms and state words are in data/drafting/kinds.yaml (``headline``)."""
from __future__ import annotations

import re

from ..facts.kinds import kind_rules


def headline_said(headline: str) -> str | None:
    """The headline as a past-tense sentence, or None when it fits none of the three shapes."""
    h = re.sub(r"\s+", " ", headline or "").strip().rstrip(".")
    words = h.split()
    if len(words) < 2:
        return None
    cfg = kind_rules()["headline"]
    past = {str(k).lower(): str(v) for k, v in (cfg.get("clause_past") or {}).items()}
    for i, w in enumerate(words[1:5], start=1):
        if w.lower() in past:
            return _capital(_with_the(words[:i]) + " " + " ".join([past[w.lower()], *words[i + 1:]]) + ".")
    states = "|".join(re.escape(str(s)) for s in cfg.get("state_words", []))
    m = re.match(r"^(?P<np>.+?)\s+(?P<st>(?:" + states + r")\b.*)$", h, re.I) if states else None
    if m and not re.search(r"(?i)\b(?:is|are|was|were|has|have|had)\b", m.group("np")):
        be = "were" if _plural(m.group("np")) else "was"
        return _capital(f"{m.group('np')} {be} {m.group('st')}.")
    if re.search(cfg.get("countable_heads", "(?!)"), h, re.I):
        if re.match(r"(?i)(?:an?|the|our)\s", h):
            return _capital(f"There was {h}.")
        return _capital(f"There was {'an' if h[:1].lower() in 'aeiou' else 'a'} {h[:1].lower() + h[1:]}.")
    if _plural(h) and not re.search(r"(?i)\b(?:is|are|was|were)\b", h):
        return _capital(f"There were {h[:1].lower() + h[1:] if h[1:2].islower() else h}.")
    return None


def _with_the(subject: list[str]) -> str:
    """ "drawing viewer" -> "the drawing viewer"; a name ("Ondo app") or a determiner keeps its own start."""
    first = subject[0]
    if first.lower() in ("the", "a", "an", "our", "your", "some", "all", "many", "most") or first[:1].isupper():
        return " ".join(subject)  # the headline keeps a capital only on a name ("Ondo app")
    return "the " + " ".join(subject)


def _plural(np: str) -> bool:
    last = np.split()[-1].lower().strip(".,")
    return bool(re.search(r"[^su]s$", last)) and last not in ("status", "news", "sms", "access", "business", "progress")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
