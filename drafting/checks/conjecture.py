"""conjecture: a guess (cause, scope, recovery time) presented to the reader as if it were news.

Hedges come from data/rules/conjecture.yaml. The parse keeps the honest cases out:
a hedge inside "we have not yet confirmed whether..." or "we are investigating whether..."
says what is unknown, and "may" with a permission verb ("you may request a refund") is not a guess.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..catalog import Category
from ..context import Stage
from ..findings import Finding
from ..resources import rules
from ..textspans import lower_first, templates
from .base import Analysis, merge_overlapping, phrase_spans


def _in_honest_scope(tok: Token, data: dict) -> bool:
    """True when the hedge sits under a negated/ongoing 'confirm/investigate/know' or a 'whether' clause."""
    verbs = set(data["uncertainty_verbs"])
    node = tok
    for _ in range(8):
        if any(c.lower_ in ("whether", "if") and c.dep_ == "mark" for c in node.children):
            return True
        if node.lemma_.lower() in verbs and node is not tok:
            negated = any(c.dep_ == "neg" for c in node.children)
            ongoing = node.tag_ == "VBG" or any(c.lower_ in ("still", "yet") for c in node.children)
            if negated or ongoing:
                return True
        if node.head is node:
            break
        node = node.head
    return False


def _sentence_is_honest(sent: Span, data: dict) -> bool:
    low = sent.text.lower()
    return any(p in low for p in data["honest_phrases"])  # honest_scope_words are checked by clause, not here


def _narrated_or_creed(span: Span) -> bool:
    """'We believed we had...' narrates a past belief; 'we believe in transparency' is a creed: neither is a guess now."""
    doc = span.doc
    if any(t.tag_ == "VBD" and t.lemma_.lower() in ("believe", "think", "suspect", "assume", "expect") for t in span):
        return True
    return span.end < len(doc) and doc[span.end].lower_ == "in" and span.root.lemma_.lower() == "believe"


def _apparent_symptom(span: Span, data: dict) -> bool:
    """'Uploads would appear to complete, but the files were empty': what users saw, not a guess."""
    if not any(t.lemma_.lower() in ("appear", "seem") for t in span):
        return False
    doc, sent = span.doc, span.sent
    nxt = next((t for t in doc[span.end: sent.end] if t.pos_ in ("VERB", "AUX")), None)
    rest = doc[span.end: sent.end].text.lower()
    return nxt is not None and nxt.lemma_.lower() in set(data["symptom_verbs"]) and (" but " in rest or ", but" in rest)


def _modal_guess(tok: Token, data: dict) -> bool:
    """'may/might/could have <done>', 'may be related', but not 'may' of permission."""
    low = tok.lower_
    if low not in ("may", "might", "could"):
        return False
    head = tok.head
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if head.lemma_.lower() in data["apology_modal_verbs"]:
        sent_lemmas = {t.lemma_.lower() for t in tok.sent}
        if sent_lemmas & {"apologize", "apologise", "sorry", "apology", "regret", "inconvenience"}:
            return False  # "any inconvenience this may (have) cause(d)" is stock phrasing, not a guess
    if nxt is not None and nxt.lower_ == "have" and head.tag_ == "VBN":
        # "could have caught" aimed at a person is blame's business, not a guess
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if low == "could" and subj and subj[0].ent_type_ == "PERSON":
            return False
        return True
    if low == "might":
        return True
    if low == "may":
        if head.lemma_.lower() in set(data["permission_verbs"]):
            return False
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ in ("you", "customers", "users", "anyone", "operators", "admins", "administrators"):
            return False
        if any(c.dep_ == "agent" for c in head.children):  # "may be rolled back by any operator"
            return False
        if head.lemma_ == "be" or (nxt is not None and nxt.lower_ == "be"):
            return True
        return head.lemma_.lower() in ("affect", "cause", "contribute", "relate", "stem", "lose", "experience", "see", "notice", "take", "need", "recur", "happen", "return")
    return False


def run(a: Analysis) -> list[Finding]:
    data = rules("conjecture")
    preliminary = a.ctx.stage is Stage.PRELIMINARY
    rule = "preliminary" if preliminary else "default"
    conf = 0.9 if preliminary else 0.85
    found: list[Finding] = []
    hedge_words = set(data["words"])
    for span, phrase in phrase_spans(a.doc, "conjecture.phrases", data["phrases"]):
        if _in_honest_scope(span.root, data) or _narrated_or_creed(span) or _apparent_symptom(span, data):
            continue
        r = "preliminary_cause" if "cause" in phrase and ("preliminary" in phrase or "initial" in phrase) else rule
        found.append(a.finding("conjecture", r, span.start_char, span.end_char, conf))
    for tok in a.doc:
        if tok.lower_ in hedge_words or _modal_guess(tok, data):
            if tok.lower_ == "likely" and tok.i > 0 and a.doc[tok.i - 1].lower_ in ("less", "more", "unlikely"):
                continue  # "less likely to recur", "made it less likely that..." describe a change's effect
            if _in_honest_scope(tok, data) or _sentence_is_honest(tok.sent, data):
                continue
            end_tok = tok
            if tok.lower_ in ("may", "might", "could") and tok.head.i > tok.i:
                end_tok = tok.head
            found.append(a.finding("conjecture", rule, tok.idx, end_tok.idx + len(end_tok), conf))
    for sent in a.sentences:
        for pat in data["eta_patterns"]:
            for m in re.finditer(pat, sent.text, re.I):
                found.append(a.finding("conjecture", "eta", sent.start_char + m.start(), sent.start_char + m.end(), 0.8))
    return merge_overlapping(found)


def veto(a: Analysis, sent: Span, finding: Finding) -> bool:
    """A model-only guess verdict is wrong where the sentence says plainly what is not known yet."""
    return honest_uncertainty(sent)


_CLAIM_THEN_CAVEAT = re.compile(r"[,;:]\s*(?:but|though|although|however)\b|\s(?:but|though|although)\s")


def honest_uncertainty(sent: Span) -> bool:
    """The sentence says what is not known ("we have not yet confirmed whether...").

    Not when a claim comes first and the caveat is tacked on ("the bug came in last week's
    update, but this is not yet confirmed"): the reader still gets the guess.
    """
    low = sent.text.lower()
    data = rules("conjecture")
    at = min((low.find(p) for p in data["honest_phrases"] + data["honest_scope_words"] if p in low), default=-1)
    if at < 0:
        return False
    return not _CLAIM_THEN_CAVEAT.search(low[:at])


# ---------------------------------------------------------------- suggestion: say what is confirmed

_HEDGE_SUBS = [
    (r"^(?:we|i)\s+(?:think|believe|suspect|guess|assume|reckon|feel|are fairly sure|are pretty sure|are fairly confident)\s+(?:that\s+)?", ""),
    (r"^(?:it\s+)?(?:appears|seems|looks)\s+(?:like\s+|that\s+|as if\s+)?", ""),
    (r"^(?:our\s+)?(?:best guess|working theory|current theory|leading theory|theory|hypothesis)\s+(?:is\s+)?(?:that\s+)?", ""),
    (r"^(?:initial|early)\s+(?:indications|findings)\s+(?:suggest|show)\s+(?:that\s+)?", ""),
    (r"^(?:all\s+|the\s+evidence\s+|evidence\s+|everything\s+|signs\s+)?points?\s+to\s+", ""),
    (r"^(?:the\s+)?(?:preliminary|initial|suspected|probable|presumed|likely)\s+(?:root\s+)?cause\s*(?:is|was|:)\s*", "the cause is "),
    (r",?\s*\b(?:most likely|more than likely|in all likelihood|probably|likely|possibly|presumably|perhaps|maybe|apparently|seemingly|supposedly|potentially|plausibly)\b,?", ""),
    (r"\b(?:may|might|could)\s+have\s+been\b", "was"),
    (r"\b(?:may|might|could)\s+have\s+", ""),
    (r"\b(?:may|might|could)\s+be\b", "is"),
    (r"\b(?:appears|seems)\s+to\s+be\b", "is"),
    (r"\b(?:appeared|seemed)\s+to\s+be\b", "was"),
    (r"\b(?:appears|seems)\s+to\s+have\b", "has"),
    (r"\b(?:is|was|are|were)\s+(?:believed|thought|suspected)\s+to\s+(?:be|have been)\b", "was"),
    (r"\b(?:might)\s+", ""),
]


def strip_hedges(sentence: str) -> str:
    """The claim without its hedge words: "We think a faulty disk caused it" -> "a faulty disk caused it"."""
    s = sentence.strip().rstrip(".")
    for pat, new in _HEDGE_SUBS:
        s = re.sub(pat, new, s, flags=re.I)
    return re.sub(r"\s{2,}", " ", s).strip(" ,")


def suggest(f: Finding, sentence: str, text: str, ctx, config, ops) -> list[str]:
    w = templates()["rewrite"]
    if f.rule == "eta":
        return [w["conjecture_eta"]]
    clause = strip_hedges(sentence)
    out = []
    if len(clause.split()) >= 3:
        out.append(w["conjecture_open"].format(clause=lower_first(clause)))
        out.append(clause)  # for when the team has confirmed it
    out.append(w["conjecture_open_plain"])
    return out


CATEGORY = Category("conjecture", run=run, veto=veto, suggest=suggest,
                    rules=("default", "preliminary", "eta", "preliminary_cause"))
