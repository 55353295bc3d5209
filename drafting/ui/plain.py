"""Text from users and files shown as plain text in Streamlit's Markdown elements.

st.caption, st.error, st.warning... render Markdown: a write-up line such as
`![x](https://tracker.example/pixel.png)` in an extracted cause, or an uploaded file named
`[click](http://evil)`, would become an image the reader's browser fetches, or a live link.
Every character Markdown (or Streamlit's extensions) can act on is escaped with a backslash
(CommonMark allows it for any ASCII punctuation), so Streamlit shows the characters themselves:
no image, link, emphasis, code, heading, list, quote, table, :colour[...] directive, $math$ or
HTML. An underscore inside a word is left alone: Markdown never reads it as emphasis.
"""
from __future__ import annotations

import re

_ACTIVE = re.compile(r"([\\`*\[\]<>!$~|#{}]|(?<!\w)_|_(?!\w)|^[-+=>]|(?<=^\d)[.)]|(?<=^\d\d)[.)])")


def plain(text: object) -> str:
    """The text, escaped so Markdown shows it character for character (line breaks become spaces)."""
    return _ACTIVE.sub(r"\\\1", " ".join(str(text).split()))
