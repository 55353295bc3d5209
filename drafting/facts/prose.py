"""A write-up's note-style line as customer prose, or nothing.

Engineers write notes ("1,210 of about 16,000 hosted pages affected.", "No cust action needed.",
"~41,300 readers who opened the app"), and the editors who read our drafts mark every such line as a
fragment. A line a draft may use is therefore either a sentence already (a finite verb in its main
clause, as the write-up's one spaCy parse tags it), or a note repaired in one of a few safe shapes
(adding "were"/"was" before what happened to the figure, dropping the "who" of a relative clause,
"There were/was ..." before a bare count or amount), or it is left out. Note shorthand and shouted
capitals become plain words on the way. Lists live in data/drafting/prose.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from ..resources import data_dir

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_SUBORDINATE = {"relcl", "acl", "advcl", "ccomp", "pcomp", "csubj", "xcomp", "parataxis"}
_BARE_DATE = r"\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\b|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b)"
_AFTER_PARTICIPLE = re.compile(r"(?i)^(?:$|(?-i:" + _BARE_DATE + r")|\s*[,(;:–-]|\s+(?:by|in|on|at(?!\s+(?:least|most)\b)|for|from|during|between|across|over|since|until|to|with|and|but|after|before|because|as|twice|again|too|more than|less than|fewer than|up to|automatically|manually|early|late|yet|so far|in total|overall)\b)")
_LEAD = r"(?:(?:about|around|over|nearly|almost|roughly|more than|fewer than|less than|up to|at least|only|all|some|most|no|none of the)\s+)?"
_FIGURE = r"(?:~\s*)?[£$€¥₩₹]?\d[\d,.]*\s*(?:%|k\b|[kmKM]\b)?"
_NOT_A_NOUN = "over|under|in|at|by|on|from|to|of|for|per|and|or|out|up|down|across|during|since|before|after|more|less|times|minutes|hours|seconds|days|weeks"
_TAIL_VERB = re.compile(r"(?i)\b(?:hit|saw|got|had|showed|received|tried|reached|switched|went|called|left)\b")  # "... sessions with a postcode hit ..."
_BE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|shall|did|does|do)\b")


@lru_cache(maxsize=1)
def prose_rules() -> dict[str, Any]:
    with open(data_dir() / "drafting" / "prose.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def _shorthand_re() -> tuple[re.Pattern, dict[str, str]]:
    table = {str(k).lower(): str(v) for k, v in prose_rules()["shorthand"].items()}
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w/])(" + "|".join(re.escape(w) for w in words) + r")(?![\w/])"), table


def plain_words(text: str) -> str:
    """Note shorthand as plain words ("cust" -> "customer", "w/" -> "with", "~40" -> "about 40", "+" -> "and"),
    and shouted capitals ("do NOT refund") in lower case."""
    pat, table = _shorthand_re()

    def say(m: re.Match) -> str:
        word = table[m.group(1).lower()]
        return word[:1].upper() + word[1:] if m.group(1)[:1].isupper() and m.start() == 0 else word

    text = pat.sub(say, text)
    text = re.sub(r"^~\s*(?=\d)", "About ", text)
    text = re.sub(r"(?<=\s)~\s*(?=\d)", "about ", text)
    text = re.sub(r"(?<=[a-z])\s+\+\s+(?=[a-z])", " and ", text)
    text = re.sub(r"(?<!\S)(?:>=|≥)\s*(?=\d)", "at least ", re.sub(r"(?<!\S)>\s*(?=\d)", "more than ", text))  # "delayed > 10 min"
    text = re.sub(r"(?<!\S)<\s*(?=\d)", "less than ", text)
    shouted = {str(w) for w in prose_rules()["shouted_words"]}
    return re.sub(r"\b[A-Z][A-Z']+\b", lambda m: m.group(0).lower() if m.group(0) in shouted and m.start() > 0 else m.group(0), text)


def chat_voice(text: str) -> bool:
    """Whether a line reads like speech in a chat ("Ok so those people need to resubmit", "fine, leave it")."""
    return any(re.match(p, text.strip(), re.I) for p in prose_rules()["chat_openers"]) \
        or any(re.search(p, text, re.I) for p in prose_rules().get("chat_words", []))  # "Ping me if rate goes >5% again"


def has_finite_verb(tokens, besides: str = "") -> bool:
    """Whether a parsed span (spaCy tokens) has a finite verb in its main clause, or is an imperative: a sentence,
    not a note. A verb inside a relative, reported or bracketed clause ("readers who saw ...", "calling it
    recovered", "(failed calls aren't billed)") does not count, nor the word ``besides``."""
    words = [t for t in tokens if not t.is_punct]
    for t in words:
        if besides and t.text.lower() == besides.lower():
            continue
        if not (t.tag_ in _FINITE_TAGS or (t.tag_ == "VB" and t.dep_ == "ROOT")):
            continue
        if len(words) <= 12 and not (t.dep_ == "ROOT" or t.head.dep_ == "ROOT" and t.dep_ in ("aux", "auxpass", "conj")
                                     or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.children)):
            continue  # a short line is parsed well: its verb must be the main one ("About 14,600 failed upload attempts")
        if all(a.dep_ not in _SUBORDINATE or _misread_main(a) for a in [t, *t.ancestors]):
            return True
    return False


def _misread_main(verb) -> bool:
    """A "relative clause" with its own subject that is no "who"/"that" ("The payments API returned ...", which the
    small parser reads as "payments [that the] API returned"): the main clause, misread."""
    return verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children)


def figure_note_as_sentence(text: str) -> tuple[str, str] | None:
    """A figure note made a sentence, with the word it turned into the verb, or None if it is not one of the
    safe shapes:
    "1,210 of about 16,000 hosted pages affected." -> "1,210 of about 16,000 hosted pages were affected.";
    "Storage fees waived for the week." -> "Storage fees were waived for the week.";
    "4,870 readers who saw the error." -> "4,870 readers saw the error."."""
    body = text.strip().rstrip(".")
    parts = "|".join(re.escape(str(p)) for p in prose_rules()["participles"])
    m = re.match(rf"(?i)^(?P<np>{_LEAD}{_FIGURE}(?:\s+(?!(?:{parts}|not)\b)(?:[\w'’/-]+|\d[\d,.]*\d|\([^()]{{1,40}}\))){{1,7}}?|no\s+[\w'’-]+(?:\s+[\w'’-]+)?|(?!(?:We|I|You|They|He|She|It|Our team)\b)[A-Z][\w'’-]*(?:\s+(?!(?:{parts}|not)\b)(?:and\s+)?[a-z][\w'’-]*){{0,4}})(?P<neg>\s+not)?\s+(?P<v>(?:{parts}))\b(?P<rest>.*)$", body)
    if m and not _BE.search(m.group("np")) and _AFTER_PARTICIPLE.match(m.group("rest")):  # not "one affected reader"
        present = m.group("v").lower() in ("needed", "required", "expected")  # "No action needed": still true
        be = ("is" if present else "was") if _singular(m.group("np")) else ("are" if present else "were")
        rest = re.sub("^" + _BARE_DATE, lambda d: " on" + d.group(0), m.group("rest"))  # "Refunds processed 18 March" -> "... processed on 18 March"
        return f"{m.group('np')} {be}{m.group('neg') or ''} {m.group('v')}{rest}.", m.group("v")
    m = re.match(rf"(?i)^(?P<np>{_LEAD}{_FIGURE}(?:\s+[\w'’/-]+){{1,5}}?)\s+(?:who|that)\s+(?P<rest>\w+ed\b.*|saw\b.*|got\b.*|had\b.*|told\b.*|said\b.*|could(?:n't| not)\b.*|did(?:n't| not)\b.*|were\b.*|was\b.*)$", body)
    if m and not _BE.search(m.group("np")):
        return f"{m.group('np')} {m.group('rest')}.", m.group("rest").split()[0]
    m = re.match(rf"(?i)^(?P<np>{_LEAD}{_FIGURE}(?:\s+[\w'’/-]+){{1,5}}?)\s+whose\s+\w+", body)
    if m and not _BE.search(m.group("np")):  # "1,030 customers whose reservation couldn't be found."
        return f"There were {body[:1].lower() + body[1:] if body[:1].isupper() else body}.", ""
    if re.search(rf"(?i)(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bour )\b(?:{parts})\b", body):  # "the delayed batch" is an adjective
        return None  # a participle the first shape could not take: never "There were all 1,872 fees refunded"
    if re.match(rf"(?i)^{_LEAD}(?:~\s*)?[£$€¥₩₹]\d[\d,.]*\s*(?:[kKmM]\b|million|billion)?\s+(?:in|of|worth of)\s+[a-z][^:;]*$", body) and len(body.split()) <= 14:
        return f"There was {body[:1].lower() + body[1:] if body[:1].isupper() else body}.", ""  # "$48,200 in transfers in the batch"
    m = re.match(rf"(?i)^{_LEAD}{_FIGURE}\s+(?!(?:{_NOT_A_NOUN})\b)(?:[a-z][\w'’-]*\s+){{0,3}}[a-z][\w'’-]*s\b(?:\s*[,(][^:;]*|\s+(?:in|on|at|across|from|during|over|for|with|by|between)\b[^:;]*)?$", body)  # "31,420 failed attempts, about 9,800 riders"
    if m and len(body.split()) <= 14 and not _BE.search(body) and not _TAIL_VERB.search(body):
        return f"There were {body[:1].lower() + body[1:] if body[:1].isupper() and not body.startswith('I ') else body}.", ""
    return None


def _singular(np: str) -> bool:
    m = re.search(r"\d[\d,.]*", np)
    if re.match(r"(?i)no\s", np) or not m:  # "No action needed", "Storage fees waived", "Service restored"
        return not re.search(r"(?i)s\b", np.split()[-1]) or np.split()[-1].lower() in ("access", "business", "progress")
    return m.group(0).rstrip(".,") == "1" and not re.search(r"%|\bof\b", np)


@lru_cache(maxsize=1)
def _leans_back_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in prose_rules().get("leans_back", []))


def leans_back(text: str) -> bool:
    """Whether a sentence leans on the one before it (data/drafting/prose.yaml: leans_back), so it cannot stand alone."""
    t = text.strip()
    return any(p.search(t) for p in _leans_back_res())


def without_linking_words(text: str) -> str:
    """ "The shipper then saw two carriers" -> "The shipper saw two carriers": a linking adverb between a subject and its
    verb ties the sentence to one the draft may leave out (prose.yaml: linking_adverbs)."""
    words = "|".join(re.escape(str(w)) for w in prose_rules().get("linking_adverbs", []))
    return re.sub(rf"(?<=[a-z]) (?:{words}) (?=(?:[a-z]+ed|saw|got|had|went|made|took|ran|came|lost|found|said|began|did|could|couldn't|can't|cannot)\b)", " ", text) if words else text


def either_word(text: str) -> str:
    """ "Offline/agent booking fee", "blank / old sheets": two words with a slash between, either of them, said
    "offline or agent", "blank or old" (never inside an address, a path or "and/or")."""
    return re.sub(r"(?<![\w/.:@-])([A-Za-z]{3,})\s?/\s?([A-Za-z]{3,})(?![\w/.@-])",
                  lambda m: m.group(0) if m.group(1).lower() == "and" else f"{m.group(1)} or {m.group(2)}", text)


def unshouted(text: str, source: str) -> str:
    """A word in capitals for emphasis ("WAIVED", "TWICE") in lower case, when ``source`` (the write-up) also writes
    it so or it ends like a verb form: a shouted word, not an acronym a reader needs as written."""
    return re.sub(r"\b[A-Z]{4,}\b", lambda m: m.group(0).lower() if re.search(r"(?<![\w=/`-])(?<!\w\.)" + m.group(0).lower() + r"(?![\w=/`-]|\.\w)", source)
                  or re.search(r"(?:ED|ING)$", m.group(0)) else m.group(0), text)


def greeting_lead(text: str) -> re.Match | None:
    """A letter's or message's greeting at the start of a text ("Hi {{name}}, ", "Hi, since about 8:20am ..."), words in
    data/drafting/prose.yaml (``greeting_words``)."""
    words = "|".join(re.escape(str(w)) for w in prose_rules().get("greeting_words", []))
    return re.match(r"(?i)(?:" + words + r")\b[^,.!?\n]{0,60}[,!]\s*", text.strip()) if words else None
