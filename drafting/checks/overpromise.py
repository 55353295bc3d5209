"""overpromise: an absolute guarantee ("never again", "100% uptime") in place of a specific change."""
from __future__ import annotations

from ..findings import Finding
from ..resources import rules
from .base import Analysis, merge_overlapping, phrase_spans


def run(a: Analysis) -> list[Finding]:
    data = rules("overpromise")
    found: list[Finding] = []
    for span, _ in phrase_spans(a.doc, "overpromise.phrases", data["phrases"]):
        sent_low = span.sent.text.lower()
        # "if this ever happens again, we will..." or a question is not a promise
        if sent_low.lstrip().startswith(("if ", "should ")) or "cannot guarantee" in sent_low or "can't guarantee" in sent_low:
            continue
        found.append(a.finding("overpromise", "default", span.start_char, span.end_char, 0.9))
    lemmas = set(data["guarantee_lemmas"])
    absolutes = set(data["absolute_objects"])
    for tok in a.doc:
        if tok.lemma_.lower() not in lemmas:
            continue
        negated = any(c.dep_ == "neg" for c in tok.children) or any(
            t.lower_ in ("no", "cannot", "can't", "not") for t in tok.doc[max(tok.sent.start, tok.i - 3): tok.i]
        )
        if negated:
            continue
        scope = [t.lower_ for t in tok.subtree] + [t.lower_ for t in tok.head.subtree if tok.dep_ != "ROOT"]
        strong = tok.lemma_.lower() == "guarantee" and tok.pos_ == "VERB" and any(c.lower_ in ("we", "i") for c in tok.children if c.dep_ == "nsubj")
        if strong or any(w in absolutes for w in scope):
            sent = tok.sent
            found.append(a.finding("overpromise", "default", tok.idx, sent.end_char, 0.8))
    return merge_overlapping(found)
