"""Validate and normalise raw input, and mask markup, without moving any character, so offsets stay true.

Every entry point (check, check_many, draft, the batch, the library) passes its text through
validate() once. Normalising replaces characters one for one, never inserting or deleting, so a
finding's offsets point into the user's text as it was given wherever nothing was replaced:
- a lone surrogate (possible in JSON input, never valid text) becomes U+FFFD;
- a control character other than tab, newline and carriage return becomes a space (vertical tab,
  form feed, the file/group/record separators and NEL become a newline);
- a run of two or more zero-width characters becomes spaces (one alone is kept: it joins emoji
  and some scripts' letters).
Both passes are a single linear scan.
"""
from __future__ import annotations

import re

from .errors import InputError

MAX_CHARS = 1_000_000

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
_NEEDS_NORMALISING = re.compile(
    "[\ud800-\udfff\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[" + _ZERO_WIDTH + "]{2,}")
_LINE_LIKE = {"\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"}


def validate(text: object) -> str:
    """Return the text if it can be checked, else raise InputError with what to do."""
    if not isinstance(text, str):
        raise InputError("The draft must be text. Paste the draft as plain text, Markdown or HTML.")
    if "\x00" in text:
        raise InputError("This looks like a binary file, not text. Paste the draft itself or save it as .txt or .md.")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The draft is {len(text):,} characters; the limit is {MAX_CHARS:,}. Split it into smaller parts and check each."
        )
    return normalise(text)


def _replacement(match: re.Match) -> str:
    found = match.group(0)
    if len(found) > 1:  # a zero-width run
        return " " * len(found)
    if "\ud800" <= found <= "\udfff":
        return "\ufffd"
    return "\n" if found in _LINE_LIKE else " "


def normalise(text: str) -> str:
    """Replace lone surrogates, control characters and zero-width runs one for one (same length)."""
    if _NEEDS_NORMALISING.search(text) is None:
        return text
    return _NEEDS_NORMALISING.sub(_replacement, text)


def decode_bytes(raw: bytes, name: str = "input") -> str:
    """Decode a file's bytes as UTF-8 text, with a clear error for binary or other encodings."""
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name} looks like a binary file. Give a .txt, .md or .html file with the draft's text.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (bad byte at position {exc.start}). Re-save it as UTF-8 and try again."
        ) from None
    return text


# Where a tag may start; comments, script and style blocks need their closer, found by _Closer.
_OPENER = re.compile(r"<(?:(!--)|(script)\b|(style)\b|/?[a-zA-Z])", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,500}?>")
_NOT_NEWLINE = re.compile(r"[^\n]")


class _Closer:
    """The next '-->' (or '</script>', '</style>') at or after a position, each part of the text scanned once.

    Searches only move forward: a closer found earlier is reused while it lies ahead, and once
    none is left, none is looked for again. That is what keeps a text with many unclosed '<!--'
    linear: the old single regex rescanned to the end from every one of them.
    """

    def __init__(self, text: str, closer: str) -> None:
        self.text, self.pattern = text, re.compile(re.escape(closer), re.I)
        self.found: re.Match | None = None
        self.exhausted = False

    def after(self, pos: int) -> re.Match | None:
        if self.exhausted:
            return None
        if self.found is None or self.found.start() < pos:
            self.found = self.pattern.search(self.text, pos)
            self.exhausted = self.found is None
        return self.found


def mask_markup(text: str) -> str:
    """Blank out HTML tags (and comments, script and style blocks) with spaces of the same length.

    The checks then read prose only, and every offset still points into the original text.
    A comment, script or style block with no closer is left as text (as before); a tag is at
    most 500 characters. One forward pass: time is linear in the text.
    """
    if "<" in text:
        closers = {1: _Closer(text, "-->"), 2: _Closer(text, "</script>"), 3: _Closer(text, "</style>")}
        pieces: list[str] = []
        done = pos = 0
        while True:
            m = _OPENER.search(text, pos)
            if m is None:
                break
            start, end = m.start(), None
            kind = m.lastindex
            if kind:
                close = closers[kind].after(m.end())
                if close is not None:
                    end = close.end()
            if end is None and kind != 1:
                tag = _TAG.match(text, start)
                end = tag.end() if tag else None
            if end is None:
                pos = start + 1
                continue
            pieces.append(text[done:start])
            pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
            done = pos = end
        pieces.append(text[done:])
        text = "".join(pieces)
    return text.replace("\r", " ")
