"""jargon: technical terms and acronyms the audience can't be expected to know, unexplained.

General and executive readers get the glossary (data/glossary.yaml plus the company's own),
and patterns like "p99" or "5xx"; technical readers only get internal
shorthand no outsider knows ("ledger-svc", "the blue cluster"). A term explained in place,
in brackets or an appositive, is fine, and so are the company's product names.
"""
from __future__ import annotations

import re

from .. import patterns
from ..catalog import Category
from ..context import Audience
from ..findings import Finding
from ..resources import data_yaml
from ..textspans import customer_visible_names
from .base import Analysis, merge_overlapping, phrase_spans
from .leak import detect as leak_detect


def glossary() -> dict:
    """data/glossary.yaml: terms with their plain words, patterns, internal shorthand."""
    return data_yaml("glossary.yaml")


def glossary_terms(config, audience: Audience | None = None) -> dict[str, str]:
    """The one glossary lookup: lower-case term -> plain words, the company's own terms included.

    For an executive audience the terms leadership is expected to know are left out (unless the
    company's glossary lists them).
    """
    g = glossary()
    terms: dict[str, str] = {k.lower(): str(v) for k, v in g["terms"].items()}
    terms.update({k.lower(): v for k, v in config.glossary.items()})
    if audience is Audience.EXECUTIVE:
        for known in g.get("executive_known", []):
            if known not in config.glossary:
                terms.pop(str(known).lower(), None)
    return terms


def _explained(text: str, start: int, end: int, plain: str) -> bool:
    after = text[end:end + 40]
    before = text[max(0, start - 3):start]
    if re.match(r"\s*(\(|—|–|--| - |, (which|that|the|a|an|meaning|i\.e\.|or)\b|: )", after):
        return True
    if "(" in before:
        return True
    # "our failover procedures, designed to rebalance traffic over backup links, ...": the purpose is said
    if re.match(r"\s*(?:[\w-]+\s+){0,2}?[\w-]*\s*,\s+(?:designed|meant|built|intended|used)\s+to\b", after):
        return True
    if plain:
        window = text[max(0, start - 200):end + 200].lower()
        core = [w for w in re.findall(r"[a-z]{4,}", plain.lower()) if w not in {"that", "this", "with", "from", "your", "their", "ours"}]
        if core and all(w in window for w in core[:3]) and len(core) >= 2:
            return True
    return False


_NOT_CODE_NAMES = ("GPE", "LOC", "DATE", "TIME", "PERSON", "NORP", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def code_names(a: Analysis) -> list[tuple[int, int]]:
    """Internal code names: "the Sandpiper cell", "the Kennel console", "Falcon-2 units", "Team Otter".

    A capitalised name (not opening the sentence, not a place, person or date, not the company's own
    or a public product) right before one of glossary.yaml's code_name_nouns, or after "Team".
    """
    g = glossary()
    nouns = {str(n).lower() for n in g.get("code_name_nouns", [])}
    known = {str(w).lower() for key in ("public_software", "public_platforms", "generic_capitalised", "common_acronyms")
             for w in g.get(key, [])}
    known |= {p.lower() for p in customer_visible_names(a.config)}
    spans: list[tuple[int, int]] = []
    doc = a.doc
    for tok in doc:
        if tok.i == tok.sent.start or not tok.text[:1].isupper() or tok.is_upper and len(tok) <= 4:
            continue  # sentence openers are capitalised anyway; short all-caps words are acronyms
        if tok.ent_type_ in _NOT_CODE_NAMES or tok.lower_ in known or tok.lower_.split("-")[0] in known:
            continue
        if doc[tok.i - 1].text[:1].isupper() and doc[tok.i - 1].lower_ not in ("the", "team") and doc[tok.i - 1].i != tok.sent.start:
            continue  # inside a longer proper name ("Harbor Lane Realty")
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in nouns and not nxt.text[:1].isupper():
            spans.append((tok.idx, nxt.idx + len(nxt)))
        elif doc[tok.i - 1].text == "Team" and tok.pos_ == "PROPN":
            spans.append((doc[tok.i - 1].idx, tok.idx + len(tok)))
    return spans


def run(a: Analysis) -> list[Finding]:
    g = glossary()
    audience = a.ctx.audience
    found: list[Finding] = []
    products = [p.lower() for p in a.config.product_names]
    product_spans = [(m.start(), m.end()) for p in products for m in re.finditer(re.escape(p), a.text.lower())]

    # hostnames and ticket keys are leak's business, not jargon ("SHARD" in "SHARD-OPS-2291")
    product_spans += [(s, e) for _, s, e in leak_detect(a.text, a.config)]

    def in_product(s: int, e: int) -> bool:
        return any(ps <= s < pe or ps < e <= pe for ps, pe in product_spans)

    folded = patterns.fold_ascii(a.text)
    for pat in g.get("internal_patterns", []):
        for s, e in patterns.builtin(pat).spans(a.text, folded):
            if not in_product(s, e) and not _explained(a.text, s, e, ""):
                found.append(a.finding("jargon", "internal", s, e, 0.8, audience=audience.value))
    for s, e in code_names(a):
        if not in_product(s, e) and not _explained(a.text, s, e, ""):
            found.append(a.finding("jargon", "internal", s, e, 0.8, audience=audience.value))
    if audience is Audience.TECHNICAL:
        return merge_overlapping(found)
    terms = glossary_terms(a.config, audience)
    explained_terms: set[str] = set()
    for span, term in phrase_spans(a.doc, "jargon.glossary." + a.config.fingerprint() + audience.value, terms.keys()):
        s, e = span.start_char, span.end_char
        if in_product(s, e) or (len(span) == 1 and span[0].pos_ in ("VERB", "AUX")):
            continue  # "the service hosts a webinar": the verb is not the term
        plain = terms.get(term.lower(), "")
        if term in explained_terms or _explained(a.text, s, e, plain):
            explained_terms.add(term)
            continue
        found.append(a.finding("jargon", "glossary", s, e, 0.85, audience=audience.value, plain=plain))
    for pat in g.get("jargon_patterns", []):
        for s, e in patterns.builtin(pat, ignore_case=False).spans(a.text, folded):
            if not _explained(a.text, s, e, ""):
                found.append(a.finding("jargon", "default", s, e, 0.8, audience=audience.value, plain="plain words for what customers saw"))
    return merge_overlapping(found)


def explains_terms(a: Analysis, sent) -> bool:
    """The sentence explains a glossary term in place ("a canary (a small trial release)").

    A writer who explains their terms has written for this reader; with no unexplained term
    found by the rules in it, a model-only jargon verdict on such a sentence is vetoed.
    """
    terms = glossary_terms(a.config)
    low = sent.text.lower()
    for term, plain in terms.items():
        at = low.find(term)
        while at >= 0:
            s = sent.start_char + at
            if _explained(a.text, s, s + len(term), plain):
                return True
            at = low.find(term, at + 1)
    return False


def veto(a: Analysis, sent, finding: Finding) -> bool:
    """A model-only jargon verdict is wrong on a configured product name or a term explained in place."""
    low = sent.text.lower()
    return any(p.lower() in low for p in a.config.product_names) or explains_terms(a, sent)


def blocks(finding: Finding, ctx) -> bool:
    """Engineers know the terms: for a technical audience only internal shorthand blocks a draft."""
    return not (ctx.audience is Audience.TECHNICAL and finding.rule != "internal")


def suggest(f: Finding, sentence: str, text: str, ctx, config, ops) -> list[str]:
    """The glossary's plain words, in place or in brackets; internal shorthand as plain service words."""
    term = sentence[f.start:f.end]
    if f.rule == "internal":
        return [sentence[: f.start] + ops.service_words(term, sentence[: f.start]) + sentence[f.end:]]
    plain = glossary_terms(config).get(term.lower())
    out = []
    if plain:
        before = sentence[: f.start]
        if re.match(r"(?:the|a|an|our|your)\s", plain, re.I):
            before = re.sub(r"\b(?:the|a|an|our)\s+$", "", before, flags=re.I)
        out.append(before + plain + sentence[f.end:])
        out.append(sentence[: f.end] + f" ({plain})" + sentence[f.end:])
    # an unexplained term inside brackets can simply go
    bracket = re.search(r"\s*\([^()]*" + re.escape(term) + r"[^()]*\)", sentence)
    if bracket:
        out.append(sentence[: bracket.start()] + sentence[bracket.end():])
    return out


CATEGORY = Category("jargon", run=run, veto=veto, suggest=suggest, blocks=blocks,
                    rules=("default", "glossary", "internal"))
