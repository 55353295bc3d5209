"""boilerplate: stock phrasing any company could paste, bare apologies, and reuse of past reports.

The test from the labelling guide: could this sentence be pasted unchanged into another
company's report? Stock phrases come from data/rules/boilerplate.yaml plus the company's
banned phrases; an apology is bare when it names no real impact (no number, time or loss).
Reuse against the team's own past reports is asked of the library when one is configured.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..catalog import Category
from ..findings import Finding
from ..nlp import parse
from ..resources import rules
from ..textspans import action_from, impact_from, resolve_overlaps, templates
from .base import Analysis, phrase_spans


def is_apology(sent: Span, data: dict) -> bool:
    return bool(({t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}) & set(data["apology_lemmas"]))


def is_bare_apology(sent: Span, data: dict) -> bool:
    """An apology with no real impact in it or in the sentence right after it ("We're sorry. For two hours...")."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    if not lemmas & set(data["apology_lemmas"]):
        return False
    low = sent.text.lower()
    doc = sent.doc
    if sent.end < len(doc) and "\n\n" not in doc[sent.end - 1].whitespace_ + doc[sent.end].text:
        following = doc[sent.end].sent
        if len(sent) <= 6:
            low += " " + following.text.lower()
    if sent.start > 0 and len(sent) <= 6:
        low += " " + doc[sent.start - 1].sent.text.lower()  # "...cost you real work. We're sorry."
    if "sorry to hear" in low or "sorry to see" in low:
        return False
    if any(p in low for p in data["ownership_phrases"]):
        return False  # "We're sorry: this was a failure on our part" owns it, in words no template has
    if any(re.search(p, low) for p in data["impact_patterns"]):
        return False
    return not _names_what_happened(sent, data)


def _names_what_happened(sent: Span, data: dict) -> bool:
    """A clause about the reader with a concrete verb: "I'm sorry your flights were not ticketed"."""
    readers = set(data["reader_words"])
    vague = set(data["vague_impact_verbs"])
    if len([t for t in sent if t.is_alpha]) < 9 or not any(t.lower_ in readers for t in sent):
        return False
    return any(t.pos_ == "VERB" and t.lemma_.lower() not in vague for t in sent)


def run(a: Analysis) -> list[Finding]:
    data = rules("boilerplate")
    found: list[Finding] = []
    flagged_sents: set[int] = set()
    for span, _ in phrase_spans(a.doc, "boilerplate.stock", data["phrases"]):
        found.append(a.finding("boilerplate", "default", span.start_char, span.end_char, 0.9))
        flagged_sents.add(span.sent.start)
    if a.config.banned_phrases:
        for span, _ in phrase_spans(a.doc, "boilerplate.banned." + a.config.fingerprint(), a.config.banned_phrases):
            found.append(a.finding("boilerplate", "banned", span.start_char, span.end_char, 0.95))
            flagged_sents.add(span.sent.start)
    for sent in a.sentences:
        if sent.start in flagged_sents:
            continue
        if is_bare_apology(sent, data):
            found.append(a.finding("boilerplate", "bare_apology", sent.start_char, sent.end_char, 0.8))
    if a.library is not None:
        found.extend(a.library.reuse_findings(a))
    return _merge(found)


def _merge(found: list[Finding]) -> list[Finding]:
    """One finding where stock phrases overlap; a reuse finding stands beside them."""
    return resolve_overlaps(found, lambda f: (f.start, f.end), lambda kept, new: "reuse" in (kept.rule, new.rule))


def veto(a: Analysis, sent: Span, finding: Finding) -> bool:
    """A short apology whose next sentence names the impact ("We're sorry. For two hours...") is specific."""
    data = rules("boilerplate")
    return is_apology(sent, data) and not is_bare_apology(sent, data) and len(sent) <= 6


# ---------------------------------------------------------------- suggestion: name what the customer lost


def _separable(sentence: str, start: int, end: int) -> bool:
    """The phrase is a whole side part of the sentence ("Rest assured, ..."), so cutting it leaves a sentence.

    Cutting "apologize for any inconvenience" out of "We apologize for any inconvenience this may
    have caused" would leave "We this may have caused": the phrase holds the main verb, so no.
    """
    doc = parse(sentence)
    for tok in doc:
        left, right = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        if tok.dep_ != "ROOT" and left <= start and end <= right and (right - left) <= (end - start) + 2:
            return True
    return False


def suggest(f: Finding, sentence: str, text: str, ctx, config, ops) -> list[str]:
    w = templates()["rewrite"]
    out: list[str] = []
    trimmed = (sentence[: f.start] + sentence[f.end:]).strip(" ,;:")
    # a cut clause leaves its joint behind: "..., and." / "And ..."
    trimmed = re.sub(r"[\s,;]*\b(?:and|but|so|or)\s*([.!?]?)$", r"\1", trimmed, flags=re.I)
    trimmed = re.sub(r"^(?:and|but|so|or)\b[\s,]*", "", trimmed, flags=re.I)
    if (f.rule != "bare_apology" and len(trimmed.split()) >= 4
            and not re.search(r"\b(sorry|apolog|regret|patience|understanding|seriously|priority)\b", trimmed, re.I)
            and _separable(sentence, f.start, f.end)):
        out.append(trimmed)
    low = sentence.lower()
    impact = impact_from(text, sentence)
    if re.search(r"sorry|apolog|regret|inconvenience|disruption|trouble", low):
        if impact:
            out.append(w["apology_impact"].format(impact=impact))
        out.append(w["apology_placeholder"])
    elif re.search(r"patience|understanding|support|loyal", low):
        out.append(w["stock_thanks"])
    else:
        action = action_from(text)
        if action:
            out.append(w["stock_commitment"].format(action=action))
        out.append(w["stock_commitment_placeholder"])
    return out


CATEGORY = Category("boilerplate", run=run, veto=veto, suggest=suggest,
                    rules=("default", "banned", "bare_apology", "reuse"))
