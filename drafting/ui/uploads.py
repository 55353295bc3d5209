"""Read an uploaded file into text with a plain one-line error for the wrong type, size or encoding."""
from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

from ..documents import document_text
from ..errors import InputError

TEXT_TYPES: tuple[str, ...] = ("txt", "md", "markdown", "html", "htm", "docx")
TABLE_TYPES: tuple[str, ...] = ("csv", "jsonl")
CONFIG_TYPES: tuple[str, ...] = ("yaml", "yml")
CONVERTED = ".as-text.md"  # suffix of a Word file saved as text for the report readers


def extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def check_upload(name: str, size: int, allowed: Iterable[str], max_bytes: int) -> None:
    """Raise InputError if the file's type or size is not accepted."""
    allowed = tuple(allowed)
    ext = extension(name)
    if ext not in allowed:
        shown = ", ".join(f".{a}" for a in allowed)
        raise InputError(f"'{name}' is not a file type this box accepts. Use one of: {shown}.")
    if size > max_bytes:
        raise InputError(
            f"'{name}' is {size / 1024 / 1024:.1f} MB; the limit is {max_bytes // (1024 * 1024)} MB. Split it into smaller files."
        )


def read_upload(name: str, data: bytes, allowed: Iterable[str], max_bytes: int) -> str:
    """The file's text (UTF-8), or InputError saying what to do."""
    check_upload(name, len(data), allowed, max_bytes)
    text = document_text(name, data)
    if not text.strip():
        raise InputError(f"'{name}' is empty. Choose the file that holds the text.")
    return text


@contextmanager
def saved_uploads(files: Iterable[tuple[str, bytes]], allowed: Iterable[str], max_bytes: int
                  ) -> Iterator[tuple[list[Path], list[str]]]:
    """Write accepted uploads to a private temporary folder (so path-based readers can take them).

    Yields (paths, problems): one plain line per file refused for its type or size.
    The folder and its files are deleted afterwards.
    """
    allowed = tuple(allowed)
    with tempfile.TemporaryDirectory(prefix="incident-draft-upload-") as tmp:
        paths: list[Path] = []
        problems: list[str] = []
        for i, (name, data) in enumerate(files):
            try:
                check_upload(name, len(data), allowed, max_bytes)
            except InputError as exc:
                problems.append(str(exc))
                continue
            folder = Path(tmp) / str(i)  # same-named uploads must not overwrite each other
            folder.mkdir()
            path = folder / (PurePath(name).name or f"upload-{i}")
            if extension(name) in ("docx", "txt", "md", "markdown"):
                # Word and text in any encoding become UTF-8 text the readers take; the name keeps its .docx
                try:
                    data = document_text(name, data).encode("utf-8")
                except InputError as exc:
                    problems.append(str(exc))
                    continue
                if extension(name) == "docx":
                    path = path.with_name(path.name + CONVERTED)
            path.write_bytes(data)
            paths.append(path)
        yield paths, problems


def upload_inputs(files: Iterable[tuple[str, bytes]], max_bytes: int) -> tuple[list, list[str]]:
    """Uploaded reports (documents, or CSV/JSONL rows) as corpus ReportInputs named by the upload, not a temp path.

    Returns (inputs, problems); every refused file or row gives one plain line.
    """
    from ..corpus import ReportInput, read_inputs

    inputs: list[ReportInput] = []
    with saved_uploads(files, TEXT_TYPES + TABLE_TYPES, max_bytes) as (paths, problems):
        prefixes = [str(p.parent) + "/" for p in paths]

        def shown(source: str) -> str:
            for prefix in prefixes:
                if source.startswith(prefix):
                    source = source[len(prefix):]
                    break
            return source.replace(CONVERTED, "")

        for item in read_inputs(paths):
            if isinstance(item, ReportInput):
                item.source = shown(item.source)
                inputs.append(item)
            else:
                problems.append(f"{shown(item.source)}: {item.reason}")
    return inputs, problems
