"""tone: wording that does not fit the impact; the verdict depends on severity and stage.

Minimising is wrong at sev1/sev2, alarmist wording at sev3/sev4, flippancy and emoji in any
external stage, stacked apologies and defensive boasting anywhere.
"""
from __future__ import annotations

import re

from .. import patterns
from ..catalog import Category
from ..findings import Finding
from ..resources import rules
from ..textspans import impact_from, templates
from .base import Analysis, merge_overlapping, phrase_spans

_EMOJI = re.compile(
    "[\U0001F300-\U0001FAFF\U00002600-\U000027BF\U0001F000-\U0001F2FF\U0001F900-\U0001F9FF\u2B50\u2B55\u203C\u2049]"
    "|(?<![\\w])[:;]-?[)(DPp](?![\\w])"
)
_BANGS = re.compile(r"!{2,}|\?!|!\?")


def run(a: Analysis) -> list[Finding]:
    data = rules("tone")
    sev = a.ctx.severity
    external = a.ctx.stage.is_external
    found: list[Finding] = []
    label = sev.value
    if sev.is_high:
        words = data["minimising"] + (data["minimising_sev1"] if sev.value == "sev1" else [])
        for span, _ in phrase_spans(a.doc, "tone.minimising." + sev.value, words):
            before = a.doc[max(span.sent.start, span.start - 3):span.start].text.lower()
            if "more than" in before or "not a" in before or "not just" in before:
                continue  # "more than an inconvenience" says the opposite
            found.append(a.finding("tone", "minimising", span.start_char, span.end_char, 0.85, severity=label))
        folded = patterns.fold_ascii(a.text)
        for pat in data["minimising_patterns"]:
            for s, e in patterns.builtin(pat).spans(a.text, folded):
                found.append(a.finding("tone", "minimising", s, e, 0.85, severity=label))
    if sev.is_low:
        for span, _ in phrase_spans(a.doc, "tone.alarmist", data["alarmist"]):
            found.append(a.finding("tone", "alarmist", span.start_char, span.end_char, 0.85, severity=label))
    if external:
        for span, _ in phrase_spans(a.doc, "tone.flippant", data["flippant"]):
            if span.end < len(a.doc) and a.doc[span.end].pos_ in ("NOUN", "ADJ") and span[-1].lower_ == "bad":
                continue  # "our bad rule" is not "our bad"
            found.append(a.finding("tone", "flippant", span.start_char, span.end_char, 0.9))
        for m in _EMOJI.finditer(a.text):
            found.append(a.finding("tone", "flippant", m.start(), m.end(), 0.9))
        for m in _BANGS.finditer(a.text):
            found.append(a.finding("tone", "flippant", m.start(), m.end(), 0.85))
    for span, _ in phrase_spans(a.doc, "tone.grovelling", data["grovelling"]):
        found.append(a.finding("tone", "grovelling", span.start_char, span.end_char, 0.85))
    apology = set(data["apology_words"])
    intensifiers = set(data["intensifiers"])
    for sent in a.sentences:
        words = [t.lower_ for t in sent if not t.is_punct]  # "deeply, deeply" is a repeat too
        n_apology = sum(1 for t in sent if t.lower_ in apology or t.lemma_.lower() in apology)
        stacked = any(words[i] in intensifiers and words[i + 1] in intensifiers for i in range(len(words) - 1))
        repeated = any(words[i] == words[i + 1] and words[i] in intensifiers for i in range(len(words) - 1))
        if n_apology >= 3 or (n_apology >= 2 and (stacked or repeated)) or (n_apology and repeated):
            found.append(a.finding("tone", "grovelling", sent.start_char, sent.end_char, 0.8))
    for span, _ in phrase_spans(a.doc, "tone.defensive", data["defensive"]):
        found.append(a.finding("tone", "defensive", span.start_char, span.end_char, 0.8))
    for pat in data["defensive_patterns"]:
        for m in re.finditer(pat, a.text, re.I):
            found.append(a.finding("tone", "defensive", m.start(), m.end(), 0.75))
    return merge_overlapping(found)


def calm_wording_at_low_severity(a: Analysis, sent) -> bool:
    """'A minor display issue' in a sev3/sev4 report: the small words fit the small impact (LABELS.md).

    Used to veto a model-only tone verdict that learned "minor" means minimising.
    """
    if not a.ctx.severity.is_low:
        return False
    data = rules("tone")
    words = data["minimising"] + data.get("minimising_sev1", [])
    inside = lambda span: sent.start <= span.start and span.end <= sent.end  # noqa: E731
    calm = set(data.get("calm_words", []))
    if not any(t.lower_ in calm for t in sent) and not any(inside(s) for s, _ in phrase_spans(a.doc, "tone.minimising.any", words)):
        return False
    loud = data["alarmist"] + data["flippant"] + data["grovelling"] + data["defensive"]
    return not any(inside(s) for s, _ in phrase_spans(a.doc, "tone.loud", loud))


def veto(a: Analysis, sent, finding: Finding) -> bool:
    return calm_wording_at_low_severity(a, sent)


# ---------------------------------------------------------------- suggestion: calm, plain words


def calm(sentence: str) -> str:
    """Minimising, alarmist and casual words swapped for plain ones (data/drafting/templates.yaml tone_words)."""
    s = sentence
    for pat, new in templates()["tone_words"].items():
        # grouped, so an alternation in a pattern keeps both word edges ("seriously" is not "serious" + "ally")
        s = re.sub(r"\b(?:" + pat + r")(?!\w)" if pat[0].isalpha() else pat, new, s, flags=re.I)
    return re.sub(r"\s{2,}", " ", s).strip(" ,")


def suggest(f: Finding, sentence: str, text: str, ctx, config, ops) -> list[str]:
    w = templates()["rewrite"]
    out = []
    calmer = calm(sentence)
    if calmer != sentence:
        out.append(calmer)
    if f.rule in ("defensive", "flippant"):
        out.append((sentence[: f.start] + sentence[f.end:]).strip(" ,;:"))
    if f.rule == "grovelling" or re.search(r"sorry|apolog", sentence, re.I):
        impact = impact_from(text, sentence)
        if impact:
            out.append(w["apology_impact"].format(impact=impact))
        out.append(w["apology_placeholder"])
    return out


CATEGORY = Category("tone", run=run, veto=veto, suggest=suggest,
                    rules=("minimising", "alarmist", "flippant", "grovelling", "defensive"))
