"""Passages and fingerprints: how a report is cut into paragraphs and sentences, and how two are compared.

Everything here is pure text work (no spaCy), so stored reports, a whole batch and a draft
are cut the same way, and offsets always point into the text given.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..resources import rules

NUM_PERM = 64
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|br|tr|td|th|table|section|article|blockquote|pre|header|footer|hr)\b[^<>]{0,500}?>",
    re.I,
)
_ANY_TAG = re.compile(r"<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|</?[a-zA-Z][^<>]{0,500}?>", re.S | re.I)
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Passage:
    """A paragraph or a long sentence, with its offsets in the text it came from."""

    kind: str  # "para" | "sent"
    start: int
    end: int
    text: str


def settings() -> dict:
    """Thresholds from data/rules/reuse.yaml (a support lead may tune them)."""
    return rules("reuse")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


def text_hash(text: str, w: list[str] | None = None) -> str:
    """Hash of the normal form, lower-case words only: passages with the same one are the same passage.

    w: the text's words, when the caller already has them.
    """
    return hashlib.sha256(" ".join(words(text) if w is None else w).encode("utf-8")).hexdigest()


def shingles(text: str, k: int | None = None, w: list[str] | None = None) -> frozenset[str]:
    k = k or int(settings().get("shingle_words", 2))
    w = words(text) if w is None else w
    if len(w) < k:
        return frozenset([" ".join(w)]) if w else frozenset()
    return frozenset(" ".join(w[i: i + k]) for i in range(len(w) - k + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass
class Fingerprint:
    """A passage's identity and shape, computed once: its normal-form hash and word shingles.

    A batch adds each passage to the index and then queries it; both reuse one fingerprint.
    """

    key: str
    shingles: frozenset[str]

    @classmethod
    def of(cls, text: str) -> "Fingerprint":
        w = words(text)
        return cls(text_hash(text, w), shingles(text, w=w))


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def block_masked(text: str) -> str:
    """Same length as text: block tags become paragraph breaks, other tags spaces."""
    if "<" not in text:
        return text.replace("\r", " ")

    def block(m: re.Match) -> str:
        n = len(m.group(0))
        return "\n\n" + " " * (n - 2) if n >= 2 else " " * n

    text = _BLOCK_TAG.sub(block, text)
    text = _ANY_TAG.sub(_blank, text)
    return text.replace("\r", " ")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blocks between blank lines or HTML block tags), trimmed."""
    masked = block_masked(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in list(_PARA_BREAK.finditer(masked)) + [None]:
        end = m.start() if m else len(masked)
        s, e = pos, end
        while s < e and masked[s].isspace():
            s += 1
        while e > s and masked[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if m:
            pos = m.end()
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Rough sentence boundaries inside text[start:end] (no spaCy: stored reports and batches are cut quickly)."""
    end = len(text) if end is None else end
    chunk = block_masked(text[start:end])
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in list(_SENT_END.finditer(chunk)) + [None]:
        e = m.start() if m else len(chunk)
        s = pos
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((start + s, start + e))
        if m:
            pos = m.end()
    return spans


def passages(text: str) -> list[Passage]:
    """The passages worth comparing: paragraphs long enough, and long sentences of longer paragraphs."""
    cfg = settings()
    min_para, min_sent = int(cfg["min_paragraph_words"]), int(cfg["min_sentence_words"])
    out: list[Passage] = []
    for ps, pe in paragraph_spans(text):
        para = text[ps:pe]
        n = len(words(para))
        if n >= min_para:
            out.append(Passage("para", ps, pe, para))
        sents = sentence_spans(text, ps, pe)
        if len(sents) > 1 or n < min_para:
            for ss, se in sents:
                sent = text[ss:se]
                if len(words(sent)) >= min_sent:
                    out.append(Passage("sent", ss, se, sent))
    return out
