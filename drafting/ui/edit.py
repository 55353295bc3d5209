"""Apply a chosen rewrite: replace the sentence that holds a finding, leaving the rest of the text untouched.

A rewrite was computed for the text as it was when it was checked. If the liaison has typed since
(without pressing Ctrl+Enter), the finding's offsets point at other words: the fix is re-anchored on
the sentence's own text, and applied only where that sentence appears exactly once; otherwise it is
refused with a plain reason. An unrelated sentence is never changed.

The sentence is the one the rewrite engine wrote its replacement for (drafting.textspans, the one
splitter for text without a parse), and the change goes through the one edit builder.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..textspans import apply_edits
from ..textspans import sentence_bounds as sentence_at


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character range of the sentence(s) containing text[start:end], without surrounding whitespace."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s, e = sentence_at(text, start)
    if end - 1 > start:
        e = max(e, sentence_at(text, end - 1)[1])
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def replace_sentence(text: str, start: int, end: int, replacement: str) -> str:
    """The text with the sentence around [start, end) replaced by `replacement` (trimmed)."""
    s, e = sentence_bounds(text, start, end)
    return apply_edits(text, [(s, e, replacement.strip())])


@dataclass(frozen=True)
class Applied:
    """The outcome of applying a fix: the new text (None when refused) and a plain line for the page."""

    text: str | None
    message: str

    @property
    def ok(self) -> bool:
        return self.text is not None


def apply_fix(current: str, checked: str, start: int, end: int, replacement: str) -> Applied:
    """Apply a rewrite computed on `checked` to `current`, the text in the box now."""
    s, e = sentence_bounds(checked, start, end)
    original = checked[s:e]
    if not original.strip():
        return Applied(None, "That fix no longer points at a sentence. Check the draft again and choose a fix.")
    if current == checked:
        return Applied(apply_edits(current, [(s, e, replacement.strip())]), f"Rewrite applied and re-checked: {replacement}")
    first = current.find(original)
    if first < 0:
        return Applied(None, "The text changed since it was checked and the flagged sentence is no longer in it, "
                             "so nothing was changed. The draft has been checked again: choose a fix below.")
    if current.find(original, first + 1) >= 0:
        return Applied(None, "The text changed since it was checked and the flagged sentence now appears more than once, "
                             "so nothing was changed. The draft has been checked again: choose a fix below.")
    return Applied(apply_edits(current, [(first, first + len(original), replacement.strip())]),
                   f"Rewrite applied to the sentence where it now stands, and re-checked: {replacement}")


class Undo:
    """Several levels of undo over a text kept in a mapping (st.session_state), newest last, bounded."""

    def __init__(self, state, key: str, limit: int = 20) -> None:
        self.state, self.key, self.limit = state, key, limit

    @property
    def stack(self) -> list[str]:
        value = self.state.get(f"{self.key}_undo")
        return value if isinstance(value, list) else []

    def push(self, text: str) -> None:
        stack = [*self.stack, text][-self.limit:]
        self.state[f"{self.key}_undo"] = stack

    def undo(self) -> bool:
        stack = self.stack
        if not stack:
            return False
        self.state[self.key] = stack.pop()
        self.state[f"{self.key}_undo"] = stack
        return True

    def __len__(self) -> int:
        return len(self.stack)
