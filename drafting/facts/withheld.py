"""Names the write-up itself asks to keep out of customer messages ("Please don't name Hollow Pine in the customer
note", "Keep Brightwater's name out of the broad notice", "don't share Hale Moana's numbers"), so no draft says them.

Why: editors found other customers' names in drafts although the write-up asked for them to be withheld; a
name the reading does not know as a person or a code name is otherwise free to pass. The cues are in
data/drafting/kinds.yaml (`withhold_cues`)."""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..checks.jargon import glossary
from ..reading.document import Document, sentences
from ..reading.rules import rules
from .kinds import kind_rules

_NAME = re.compile(r"(?<![\w@#/.-])[A-Z][\w'’&-]*(?:\s+(?:&\s+|of\s+|and\s+)?[A-Z][\w'’-]*)*")


def withheld_names(doc: Document, public: list[str]) -> list[str]:
    """Capitalised names in the write-up's own instructions to withhold something, except words that are never a
    name there ("Please", "Legal", "Customer") and the ``public`` names a draft may use (the product, our company)."""
    k = kind_rules()
    common = {str(w).lower() for w in k["withhold_not_names"]}
    allowed = {p.lower() for p in public}
    known = {str(z).upper() for z in rules()["timezones"]} | {str(a).upper() for a in glossary().get("common_acronyms", [])}
    out: list[str] = []
    for u in doc.units:
        if u.kind == "heading":
            continue
        for sp in sentences(doc.text, u.span.start, u.span.end):
            if len(sp.text.split()) > 60 or not re.search(k["withhold_cues"], sp.text, re.I):
                continue  # an instruction is short; a pasted log that happens to hold one is not
            for m in _NAME.finditer(sp.text):
                words = [w for w in re.sub(r"['’]s\b", "", m.group(0)).split() if w.lower() not in common]
                name = " ".join(words).strip(" &-'’\"")
                if " " not in name and (name.lower() in STOP_WORDS or name.upper() in known
                                        or re.search(r"(?<![\w.@/-])" + re.escape(name.lower()) + r"(?![\w.@-])", doc.text)
                                        or not re.search(r"(?<=[a-z,;:] )" + re.escape(name) + r"\b", doc.text)):
                    continue  # "Everything", "Approved", "AEDT": a common word, a zone, or never a name inside a sentence
                if len(name) >= 3 and name.lower() not in allowed and not any(name.lower() in a for a in allowed) and name not in out:
                    out.append(name)
    for u in doc.units:  # "Requester: Al Nahda Kennels <accounts@...>": the one customer a ticket is about is not told to the rest
        if u.kind == "field" and re.fullmatch(rules().get("account_field_keys", "(?!)"), u.key.strip(" *_"), re.I):
            m = _NAME.match(u.text.strip(" *_"))
            words = m.group(0).split() if m else []
            name = " ".join(words[:2]) if words else ""  # "Al Nahda Kennels" -> also "Al Nahda", as a note shortens it
            for n in {m.group(0).strip(), name} if m else ():
                if len(n) >= 4 and n.lower() not in allowed and n.lower() not in STOP_WORDS and n not in out:
                    out.append(n)
    return out
