"""overpromise: an absolute guarantee ("never again", "100% uptime") in place of a specific change."""
from __future__ import annotations

import re

from ..catalog import Category
from ..findings import Finding
from ..resources import rules
from ..textspans import action_from, templates
from .base import Analysis, merge_overlapping, phrase_spans

# "No one can guarantee..., but what we can promise is..." says the opposite of a guarantee.
_NO_GUARANTEE = re.compile(r"\b(?:no[- ]?one|nobody|cannot|can't|can not|could not|couldn't|won't|will not)\s+(?:\w+\s+)?(?:guarantee|promise)")


def run(a: Analysis) -> list[Finding]:
    data = rules("overpromise")
    found: list[Finding] = []
    for span, _ in phrase_spans(a.doc, "overpromise.phrases", data["phrases"]):
        sent_low = span.sent.text.lower()
        # "if this ever happens again, we will..." or a question is not a promise
        if sent_low.lstrip().startswith(("if ", "should ")) or _NO_GUARANTEE.search(sent_low):
            continue
        found.append(a.finding("overpromise", "default", span.start_char, span.end_char, 0.9))
    lemmas = set(data["guarantee_lemmas"])
    absolutes = set(data["absolute_objects"])
    for tok in a.doc:
        if tok.lemma_.lower() not in lemmas or (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "rest"):
            continue  # "rest assured" is a stock phrase (boilerplate), not a guarantee of its own
        before = tok.doc[max(tok.sent.start, tok.i - 5): tok.i]
        negated = any(c.dep_ == "neg" for c in tok.children) or any(
            t.lower_ in ("no", "cannot", "can't", "not", "nobody", "noone") for t in before
        ) or "no one" in before.text.lower() or "no-one" in before.text.lower()
        if negated:
            continue
        aside = _concession(tok.sent)  # "While no one can guarantee..., we can promise a plan"
        scope = [t.lower_ for t in tok.subtree if t.i not in aside] + [
            t.lower_ for t in tok.head.subtree if tok.dep_ != "ROOT" and t.i not in aside]
        strong = tok.lemma_.lower() == "guarantee" and tok.pos_ == "VERB" and any(c.lower_ in ("we", "i") for c in tok.children if c.dep_ == "nsubj")
        if strong or any(w in absolutes for w in scope) or _not_again(scope):
            sent = tok.sent
            found.append(a.finding("overpromise", "default", tok.idx, sent.end_char, 0.8))
    for sent in a.sentences:
        # "make sure we're not caught off-guard again": never again, in other words
        low = sent.text.lower()
        at = low.find("make sure")
        if at >= 0 and _not_again(re.findall(r"[a-z]+", low[at:].replace("n't", " not").replace("n\u2019t", " not"))) and not _NO_GUARANTEE.search(low):
            found.append(a.finding("overpromise", "default", sent.start_char + at, sent.end_char, 0.8))
    fix_verbs = set(data["fixed_for_good_verbs"])
    for sent in a.sentences:
        words = [t for t in sent if not t.is_punct]
        for i in range(len(words) - 1):
            if words[i].lower_ == "for" and words[i + 1].lower_ == "good" and (i + 2 == len(words) or words[i + 2].lower_ != "measure"):
                if any(t.lemma_.lower() in fix_verbs for t in words[:i]):
                    found.append(a.finding("overpromise", "default", words[i].idx, words[i + 1].idx + len(words[i + 1]), 0.85))
    return merge_overlapping(found)


def _not_again(words: list[str]) -> bool:
    """A negation and "again" in one clause: "not ... again" promises it never recurs."""
    return "again" in words and any(w in ("not", "n't", "never", "no") for w in words)


def concedes_recurrence(sent) -> bool:
    """"Failures like this will happen, and we are working to make them rare": no absolute promised.

    Used to veto a model-only verdict; the rules above still catch "never again" in such a sentence.
    """
    low = sent.text.lower()
    return any(p in low for p in rules("overpromise")["concession_phrases"])


def _concession(sent) -> set[int]:
    """Token indices of an opening 'While/Although ..., ' clause: what it concedes is not promised."""
    first = sent[0].lower_ if len(sent) else ""
    if first not in ("while", "although", "though", "whilst", "even"):
        return set()
    comma = next((t.i for t in sent if t.text == ","), None)
    return set(range(sent.start, comma)) if comma is not None else set()


def checkable_process_commitment(sent) -> bool:
    """'Every database change will now need a second reviewer': a step we control, no result promised.

    Used to veto a model-only overpromise verdict (see process_nouns and outcome_* in overpromise.yaml).
    """
    data = rules("overpromise")
    words, nouns = set(data["outcome_words"]), set(data["process_nouns"])
    low = sent.text.lower()
    if any(p in low for p in data["outcome_phrases"]):
        return False
    if any(t.lower_ in words or t.lemma_.lower() in words for t in sent):
        return False
    return any(t.lower_ in nouns for t in sent)


def veto(a: Analysis, sent, finding: Finding) -> bool:
    """A checkable process commitment, a question ("What would make this safe next time?"), or a sentence
    that concedes such failures will happen promises nothing absolute."""
    return sent.text.rstrip().endswith("?") or checkable_process_commitment(sent) or concedes_recurrence(sent)


def suggest(f: Finding, sentence: str, text: str, ctx, config, ops) -> list[str]:
    """The specific change the draft names, in place of the guarantee."""
    w = templates()["rewrite"]
    out = []
    after = re.split(r":\s+", sentence, maxsplit=1)
    action = action_from(text.replace(sentence, ""))
    if action:
        out.append(w["overpromise_action"].format(action=action))
    if len(after) == 2 and not re.search(r"never|guarantee|100%|always|eliminat", after[1], re.I):
        out.append(after[1])
    out.append(w["overpromise_placeholder"])
    return out


CATEGORY = Category("overpromise", run=run, veto=veto, suggest=suggest, rules=("default",))
