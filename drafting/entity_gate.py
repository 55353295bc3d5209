"""Run the entity recogniser only on the sentences that can hold what the checks ask it about.

The checks use entity labels for one thing: to tell what a capitalised word, proper noun or
code-like token is (a person, a company, a place, a date...). A sentence with none of those
("We have added an alert on queue length.") gives the recogniser nothing the checks read, yet
decoding it costs as much as any other: the recogniser was 30 ms of a 400-word report, the
largest part of the parse. So each run of sentences that does hold a candidate is cut out
(as a Doc with the same token attributes) and recognised; the entities are copied back, and the
other sentences are marked as holding none.

DRAFTING_FULL_NER=1 runs the recogniser on every sentence, for comparison.
tests/test_entity_gate.py checks the candidates' labels agree with a full run.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import minibatch

# letters and digits mixed, or characters of handles, paths and keys: ticket ids, hosts, versions.
# combine.py's leak evidence reads the same test, so the gate sends every such sentence to the recogniser.
# As a regex it read r"(?=.*\d)(?=.*[A-Za-z])[\w.-]{3,}|[#@=_/]", whose lookaheads rescan the rest of the
# token from every position: quadratic in a long token (100,000 zero-width spaces took minutes).
_SIGNS = re.compile(r"[#@=_/]")
_RUN_OF_3 = re.compile(r"[\w.-]{3}")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")


def code_like(text: str) -> bool:
    """The old regex's answer in one pass per line: a run of 3 word/./- characters followed, on its line,
    by a digit and an ASCII letter (the earliest run on a line is the one that has the most after it)."""
    if _SIGNS.search(text):
        return True
    for line in text.split("\n") if "\n" in text else (text,):
        run = _RUN_OF_3.search(line)
        if run and _DIGIT.search(line, run.start()) and _LETTER.search(line, run.start()):
            return True
    return False


class _CodeLike:
    """CODE_LIKE.search(text), as callers used it when it was a compiled pattern."""

    def search(self, text: str) -> bool:
        return code_like(text)


CODE_LIKE = _CodeLike()


def is_candidate(tok: Any, sent_start: int) -> bool:
    """A token whose entity label some check may ask for."""
    text = tok.text
    if tok.pos_ == "PROPN" or CODE_LIKE.search(text):
        return True
    if not tok.is_alpha:
        return False
    if any(ch.isupper() for ch in text[1:]):  # "IoT", "mTLS", "API"
        return True
    return tok.i > sent_start and text[0].isupper()  # capitalised inside a sentence


def candidate_runs(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of consecutive sentences holding at least one candidate."""
    runs: list[tuple[int, int]] = []
    for sent in doc.sents:
        if any(is_candidate(tok, sent.start) for tok in sent):
            if runs and runs[-1][1] == sent.start:
                runs[-1] = (runs[-1][0], sent.end)
            else:
                runs.append((sent.start, sent.end))
    return runs


class GatedEntityRecognizer:
    """Wraps the pipeline's own `ner` (set as .ner after the pipeline is built)."""

    def __init__(self) -> None:
        self.ner: Any = None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            pieces: list[Doc] = []
            owners: list[tuple[int, int]] = []
            for i, doc in enumerate(batch):
                runs = candidate_runs(doc)
                if not runs:
                    continue
                # as_doc() alone converts the whole doc to an array for every piece: quadratic in a long text
                head = doc._get_array_attrs()
                array = doc.to_array(head)
                for start, end in runs:  # disjoint runs: each piece's fix-ups touch only its own rows
                    pieces.append(doc[start:end].as_doc(array_head=head, array=array))
                    owners.append((i, start))
            found: list[list[Span]] = [[] for _ in batch]
            for (i, offset), piece in zip(owners, self.ner.pipe(pieces, batch_size=batch_size)):
                doc = batch[i]
                found[i].extend(Span(doc, offset + e.start, offset + e.end, label=e.label) for e in piece.ents)
            for doc, ents in zip(batch, found):
                doc.set_ents(ents, default="outside")
            yield from batch
