"""Why a candidate rewrite must not be offered, read from the parse of the sentence and of the candidate.

A rewrite that clears its finding can still make the text worse; the review never offers one that

- breaks subject-verb agreement the sentence had ("A small number of users is" -> "Some users is"),
- mangles a word (a swap landing inside a word: "catastrophically" -> "seriousally"),
- changes one word of a multi-word term ("disaster recovery facility" -> "problem recovery facility",
  or part of a glossary term or product name from the company config), unless the finding is the
  jargon term itself, whose fix is to replace it,
- trades a whole sentence for a fill-in prompt when only a few of its words were flagged and the rest
  says something of its own (a bare stock apology may still become "We are sorry that [say what...]").
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from .checks import placeholder
from .config import CompanyConfig
from .findings import Finding
from .nlp import get_nlp, parse

_CLOSED = {"DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "PROPN", "SYM", "X", "SPACE", "INTJ"}
_PLURAL_PRONOUNS = {"we", "they", "you", "i"}
MIN_OWN_WORDS = 4  # content words outside the finding that a whole-sentence prompt must not discard
_SINGULAR_PRONOUNS = {"he", "she", "it", "this", "that", "everyone", "nobody", "someone", "everything"}


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Every base form the lemmatiser knows (WordNet's index in the shipped pipeline): a static word list."""
    lookups = get_nlp().get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups.tables:
        return frozenset()
    table = lookups.get_table("lemma_index")
    return frozenset(w.lower() for pos in table for w in table[pos])


def _words(doc) -> list:
    return [t for t in doc if not t.is_punct and not t.is_space]


def _number(tok) -> str:
    low = tok.lower_
    if low in _PLURAL_PRONOUNS:
        return "plural"
    if low in _SINGULAR_PRONOUNS:
        return "singular"
    if any(c.dep_ == "conj" for c in tok.children):
        return "plural"
    if tok.tag_ in ("NNS", "NNPS"):
        return "plural"
    if tok.tag_ in ("NN", "NNP"):
        return "singular"
    return ""


def _verb_number(verb) -> str:
    tags = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for t in tags:
        if t.tag_ == "VBZ" or t.lower_ == "was":
            return "singular"
        if t.tag_ == "VBP" or t.lower_ == "were":
            return "plural"
    return ""


def disagreements(doc) -> int:
    """Subjects whose verb does not agree in number ("Some users is", "The page are")."""
    n = 0
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        subject, verb = _number(tok), _verb_number(tok.head)
        if subject and verb and subject != verb and not (tok.lower_ in ("i", "you") and verb == "plural"):
            n += 1
    return n


def mangled_words(doc, text: str) -> list[str]:
    """Words in the candidate that are not words: new to the draft, open-class, unknown to the lemmatiser."""
    lexicon = _lexicon()
    if not lexicon:
        return []
    known = set(re.findall(r"\w+", text.lower()))
    bad = []
    for t in _words(doc):
        low = t.lower_
        if low in known or t.pos_ in _CLOSED or not t.is_alpha or t.is_stop or len(low) < 3:
            continue
        if low in lexicon or t.lemma_.lower() in lexicon:
            continue
        bad.append(t.text)
    return bad


def _changed_tokens(before, after) -> list:
    """Tokens of the original sentence that the candidate replaced or removed (word-level diff)."""
    a, b = _words(before), _words(after)
    matcher = difflib.SequenceMatcher(a=[t.lower_ for t in a], b=[t.lower_ for t in b], autojunk=False)
    out = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("replace", "delete"):
            out.extend(a[i1:i2])
    return out


def broken_terms(before, after, config: CompanyConfig) -> list[str]:
    """Multi-word terms of the sentence that the candidate changed only in part."""
    changed = _changed_tokens(before, after)
    ids = {t.i for t in changed}
    broken = []
    for t in changed:
        partners = [t.head] if t.dep_ == "compound" else []
        partners += [c for c in t.children if c.dep_ == "compound"]
        kept = [p for p in partners if p.i not in ids and not p.is_punct]
        if kept:
            words = sorted([t, *kept], key=lambda x: x.i)
            broken.append(" ".join(w.text for w in words))
    sentence = before.text.lower()
    after_low = after.text.lower()
    terms = [*config.glossary.keys(), *config.product_names]
    for term in terms:
        low = term.lower()
        if " " in low and low in sentence and low not in after_low:
            parts = low.split()
            if sum(p in after_low.split() for p in parts) >= 1:
                broken.append(term)
    return broken


def refusal(finding: Finding, sentence: str, candidate: str, text: str, config: CompanyConfig | None = None) -> str:
    """Why `candidate` must not replace `sentence` ('' when it may be offered). `finding` is relative to `sentence`."""
    config = config or CompanyConfig()
    before, after = parse(sentence), parse(candidate)
    if disagreements(after) > disagreements(before):
        return "it breaks subject-verb agreement"
    bad = mangled_words(after, text)
    if bad:
        return f"it makes a word that is not a word ({bad[0]})"
    if finding.category != "jargon":
        broken = broken_terms(before, after, config)
        if broken:
            return f"it changes part of the term \"{broken[0]}\""
    if placeholder.spans(candidate) and not placeholder.spans(sentence):
        # the words around the finding say something of their own that a prompt would throw away
        own = [t for t in before if t.is_alpha and not t.is_stop
               and not (finding.start <= t.idx < max(finding.end, finding.start + 1))]
        if len(own) >= MIN_OWN_WORDS:
            return "it replaces a whole sentence with a prompt for a few flagged words"
    return ""
