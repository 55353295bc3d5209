"""Validate raw input and mask markup without moving any character, so offsets stay true."""
from __future__ import annotations

import re

from .errors import InputError

MAX_CHARS = 1_000_000
_TAG = re.compile(r"<!--.*?-->|<script\b.*?</script>|<style\b.*?</style>|</?[a-zA-Z][^<>]{0,500}?>", re.S | re.I)


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
    return text


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


def mask_markup(text: str) -> str:
    """Blank out HTML tags (and script/style blocks) with spaces of the same length.

    The checks then read prose only, and every offset still points into the original text.
    """
    def blank(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    if "<" in text:
        text = _TAG.sub(blank, text)
    text = text.replace("\r", " ")
    return text
