"""Audience adaptation after a draft is composed.

technical: keeps precise terms. general: customer words for engineering terms, every glossary
term explained in place the first time (data/glossary.yaml plus the company glossary), long
sentences split. executive: as general, but terms leaders know (API, SLA...) are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..checks.jargon import glossary
from ..config import CompanyConfig
from ..context import Audience
from ..facts.prose import has_finite_verb
from ..nlp import parse
from ..redact import templates
from .document import Document
from .phrasing import Inputs


def _terms(config: CompanyConfig, audience: Audience) -> list[tuple[str, str]]:
    g = glossary()
    terms = {str(k).lower(): str(v) for k, v in g["terms"].items()}
    terms.update({k.lower(): v for k, v in config.glossary.items()})
    if audience is Audience.EXECUTIVE:
        for known in g.get("executive_known", []):
            if known not in config.glossary:
                terms.pop(str(known).lower(), None)
    return sorted(terms.items(), key=lambda kv: len(kv[0]), reverse=True)


@lru_cache(maxsize=64)
def _term_re(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.I)


def customer_words(text: str) -> str:
    for pat, new in templates()["customer_words"].items():
        text = re.sub(pat, new, text, flags=re.I)
    return text


def adapt(doc: Document, inp: Inputs) -> None:
    """Rewrite the write-up's sentences in the document for the audience, in place."""
    audience = inp.ctx.audience
    if audience is Audience.TECHNICAL:
        return
    terms = _terms(inp.config, audience)
    products = [p.lower() for p in inp.config.product_names] + [p.lower() for p in inp.facts.texts("products")]
    explained: set[str] = set()
    for unit in doc.units():
        if unit.source != "writeup":
            continue
        text = customer_words(unit.text)
        taken: list[tuple[int, int]] = []
        inserts: list[tuple[int, str]] = []
        replaces: list[tuple[int, int, str]] = []
        for term, plain in terms:
            for m in _term_re(term).finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                if term in explained or any(term in p for p in products):
                    continue
                after = text[m.end(): m.end() + 3]
                if after.lstrip().startswith("("):
                    explained.add(term)
                    continue
                nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():])
                if nxt and nxt.group(1).lower() == plain.split()[-1].lower():  # "SLA commitment": "service commitment", never "SLA (our service commitment) commitment"
                    replaces.append((m.start(), m.end() + nxt.end(), re.sub(r"(?i)^(?:our|the|a|an|your)\s+", "", plain)))
                else:
                    inserts.append((m.end(), f" ({plain})"))
                explained.add(term)
                inp.omit(term, f"jargon for a {audience.value} reader: explained in place as \"{plain}\"")
        edits = [(pos, pos, ins) for pos, ins in inserts] + replaces
        for start, end, ins in sorted(edits, reverse=True):
            text = text[:start] + ins + text[end:]
        if audience is Audience.GENERAL and unit.source == "writeup":
            text = _split_long(text)
        unit.text = text


def _split_long(text: str) -> str:
    """'A; B' becomes 'A. B.' so general readers get short sentences."""
    parts = [p.strip() for p in re.split(r";\s+", text) if p.strip()]
    if len(parts) == 1 or not all(has_finite_verb(parse(p)) for p in parts):
        return text  # "Most stores were corrected by 5:50 AM; the last three at 7:40 AM": the second part has no verb of its own
    out = []
    for p in parts:
        p = p[0].upper() + p[1:]
        out.append(p if p.endswith((".", "!", "?")) else p + ".")
    return " ".join(out)
