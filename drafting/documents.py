"""Text out of the files liaisons write in: Word (.docx), web pages (.html), and text in any encoding.

Word documents are read with python-docx (paragraphs and table cells, in order), HTML with
BeautifulSoup (scripts, styles and comments dropped, block elements on their own lines), and text
files are decoded as UTF-8 when they are, else in the encoding charset-normalizer detects. Anything
unreadable raises InputError with one line saying what to do.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from .errors import InputError

_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote", "pre")


def decode_any(raw: bytes, name: str = "input") -> str:
    """The bytes as text: UTF-8 (with or without BOM, or UTF-16 with BOM), else the detected encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
            if any(c in text for c in " \n\t\u3000"):  # prose has spaces; bytes that only start like UTF-16 do not
                return text
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name} looks like a binary file. Give a .txt, .md, .html or .docx file with the draft's text.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{name} is not text in any encoding we can recognise. Save it as UTF-8 text and try again.")
    return str(best)


def docx_text(raw: bytes, name: str = "input") -> str:
    """The paragraphs and table cells of a Word document, in document order, one block a line."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{name} could not be opened as a Word document ({exc.__class__.__name__}). "
                         "Save it again as .docx, or paste its text.") from None
    except Exception as exc:  # python-docx raises its own types for broken parts
        raise InputError(f"{name} could not be read as a Word document ({exc.__class__.__name__}). "
                         "Save it again as .docx, or paste its text.") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = (block.style.name or "").lower() if block.style is not None else ""
            text = block.text
            if style.startswith("heading") and text.strip():
                level = re.search(r"\d", style)
                text = "#" * (int(level.group()) if level else 1) + " " + text
            elif "list" in style and text.strip():
                text = "- " + text
            lines.append(text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
            lines.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def html_text(markup: str) -> str:
    """The readable text of an HTML page: no tags, scripts, styles or comments; blocks on their own lines."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def document_text(name: str, raw: bytes) -> str:
    """The text of an uploaded file, by its extension: .docx, .html/.htm, or any text file."""
    ext = PurePath(name).suffix.lower()
    shown = f"'{name}'"
    if ext == ".docx":
        return docx_text(raw, shown)
    text = decode_any(raw, shown)
    if ext in (".html", ".htm"):
        return html_text(text)
    return text
