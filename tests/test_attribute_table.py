"""The faster attribute table must tag exactly as spaCy's own attribute ruler does.

Every check reads part of speech, morphology and lemmas; if the table disagreed with the ruler, a
draft's findings could change with nothing else touched. So: the same parsed text goes through both,
and every token must come out the same, including the rare two-token rules ("ain't", "y'all",
"gonna", "let's", "there are").
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from drafting.attribute_table import AttributeTable
from drafting.nlp import MODEL_PACKAGE, get_nlp

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

TRICKY = [
    "Y'all ain't gonna believe it, but there are three fixes and let's be honest, we gotta ship them.",
    "There is nothin' left in the queue; it's done and it was the DNS record that did it.",
    "Customers who'd signed in were signed out, and she's the one who got the alert at 03:12 UTC.",
    "I don't know whether they're affected.\n\n  \nWe'll write again when we know more — Priya, Support Lead",
    "Gets, got, gotten: the job gets retried and got stuck; we haven't seen it since 14 March 2024.",
]


@pytest.fixture(scope="module")
def spacy_ruler():
    """spaCy's own attribute ruler, from a fresh copy of the same model package."""
    return spacy.load(MODEL_PACKAGE).get_pipe("attribute_ruler")


def _annotations(doc) -> list[tuple]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def _texts() -> list[str]:
    reports = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*")) if p.suffix in (".md", ".txt")]
    return TRICKY + reports


def test_the_table_tags_every_token_as_spacys_ruler_does(spacy_ruler):
    nlp = get_nlp()
    assert "attribute_table" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    table = AttributeTable(spacy_ruler)
    before_ruler = [name for name in nlp.pipe_names if name not in ("attribute_table", "lemmatizer", "ner")]
    checked = 0
    for text in _texts():
        with nlp.select_pipes(enable=before_ruler):
            parsed = nlp(text)
        expected, got = spacy_ruler(parsed.copy()), table(parsed.copy())
        assert _annotations(got) == _annotations(expected), text[:80]
        checked += len(parsed)
    assert checked > 3000


def test_a_rule_the_table_cannot_express_keeps_spacys_ruler():
    class RegexOnTag:
        patterns = [{"patterns": [[{"TAG": {"REGEX": "^VB"}}]], "attrs": {"POS": "VERB"}, "index": 0}]
        attrs = [{74: 100}]
        indices = [0]

    assert not AttributeTable.supports(RegexOnTag())
