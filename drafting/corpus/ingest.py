"""Reading past reports from disk: Markdown, text, HTML, folders (recursively), CSV and JSONL.

Used by `library add` and `score` alike. A file or row that cannot be used is never fatal:
it comes back as a Skipped with the reason, and everything else is still read.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from .. import csvsafe
from ..errors import DraftingError
from ..textprep import decode_bytes, normalise, validate

TEXT_EXT = {".md", ".markdown", ".txt", ".text"}
HTML_EXT = {".html", ".htm"}
TABLE_EXT = {".csv", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXT | HTML_EXT | TABLE_EXT
MAX_DOC_BYTES = 5 * 1024 * 1024
MAX_TABLE_BYTES = 500 * 1024 * 1024
CONTEXT_VALUES = {
    "severity": ("sev1", "sev2", "sev3", "sev4"),
    "audience": ("technical", "general", "executive"),
    "stage": ("preliminary", "report", "followup", "internal"),
}


@dataclass
class ReportInput:
    """One report to store or score: its text, where it came from, and what the file says about it."""

    text: str
    title: str
    source: str
    date: str | None = None
    severity: str | None = None
    audience: str | None = None
    stage: str | None = None


@dataclass
class Skipped:
    """An input that was not used, and why (shown to the user as is)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class _Skip(DraftingError):
    pass


# ---------------------------------------------------------------- dates and titles

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+((?:{_MONTHS})[a-z]*)\.?,?\s+(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b((?:{_MONTHS})[a-z]*)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)


def find_date(text: str) -> str | None:
    """The first date written as 2024-03-14, 14 March 2024 or March 14, 2024, as YYYY-MM-DD."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        found.append((m.start(), _valid(m.group(1), m.group(2), m.group(3))))
    for m in _DMY.finditer(text):
        found.append((m.start(), _named(m.group(2), m.group(1), m.group(3))))
    for m in _MDY.finditer(text):
        found.append((m.start(), _named(m.group(1), m.group(2), m.group(3))))
    found = [f for f in found if f[1]]
    return min(found)[1] if found else None


def _valid(y: str, m: str, d: str) -> str:
    try:
        return datetime(int(y), int(m), int(d)).strftime("%Y-%m-%d")
    except ValueError:
        return ""


def _named(month: str, day: str, year: str) -> str:
    try:
        mon = datetime.strptime(month[:3].title(), "%b").month
    except ValueError:
        return ""
    return _valid(year, str(mon), day)


def normalise_date(value: object) -> str | None:
    text = str(value or "").strip()
    if not text:
        return None
    return find_date(text) or text


def _stem_title(path: Path) -> str:
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}[-_ ]*", "", path.stem)
    return re.sub(r"[-_]+", " ", stem).strip() or path.name


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$", re.M)
_FIELD = re.compile(r"^\s*(title|date)\s*:\s*(.+?)\s*$", re.M | re.I)


def parse_text_document(text: str, path: Path) -> ReportInput:
    """Markdown or plain text: title from front matter, the first heading, a Title: line or the file name."""
    meta: dict[str, str] = {}
    body = text
    front = _FRONT.match(text)
    if front:
        for key, value in _FIELD.findall(front.group(1)):
            meta.setdefault(key.lower(), value.strip().strip("'\""))
        body = text[front.end():]
    head = body[:1500]
    for key, value in _FIELD.findall(head):
        meta.setdefault(key.lower(), value)
    title = meta.get("title")
    if not title:
        m = _HEADING.search(head)
        title = m.group(1) if m else None
    if not title:
        first = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
        if 0 < len(first) <= 100 and not first.endswith((".", "!", "?", ":")):
            title = first
    date = normalise_date(meta.get("date")) or find_date(head[:600]) or find_date(path.name)
    return ReportInput(text=body, title=(title or _stem_title(path)).strip(), source=str(path), date=date)


_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table",
           "section", "article", "blockquote", "pre", "header", "footer", "hr", "main"}


class _HTMLText(HTMLParser):
    """Visible text with paragraph breaks at block tags; <title>, first <h1>, <time>/<meta> dates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = self.in_h1 = False
        self.title = self.h1 = ""
        self.date: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("script", "style", "head", "noscript"):
            self.skip += 1 if tag != "head" else 0
        if tag == "title":
            self.in_title = True
        if tag == "h1" and not self.h1:
            self.in_h1 = True
        if tag == "time" and not self.date and a.get("datetime"):
            self.date = normalise_date(a["datetime"])
        if tag == "meta" and not self.date:
            name = (a.get("name") or a.get("property") or "").lower()
            if name in ("date", "article:published_time", "dc.date", "pubdate") and a.get("content"):
                self.date = normalise_date(a["content"])
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        joined = "".join(self.parts)
        paras = [p.strip() for p in re.split(r"\n\s*\n", joined)]
        return "\n\n".join(p for p in paras if p)


def parse_html_document(html: str, path: Path) -> ReportInput:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    body = parser.text()
    title = parser.title.strip() or parser.h1.strip() or _stem_title(path)
    date = parser.date or find_date(body[:600]) or find_date(path.name)
    return ReportInput(text=body, title=re.sub(r"\s+", " ", title), source=str(path), date=date)


# ---------------------------------------------------------------- tables (CSV / JSONL)

def _row_report(record: dict, source: str, default_title: str) -> ReportInput:
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    if "text" not in fields:
        raise _Skip("has no 'text' field. Put the report's text in a field named text.")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Skip("the text is empty.")
    try:
        text = validate(text)
    except DraftingError as exc:
        raise _Skip(str(exc)) from None
    values: dict[str, str | None] = {}
    for key, allowed in CONTEXT_VALUES.items():
        raw = str(fields.get(key) or "").strip().lower()
        if raw and raw not in allowed:
            raise _Skip(f"unknown {key} '{fields.get(key)}'. Use one of: {', '.join(allowed)} (or leave it empty).")
        values[key] = raw or None
    title = normalise(str(fields.get("title") or "")).strip() or default_title  # JSON may hold lone surrogates
    return ReportInput(text=text, title=title, source=source, date=normalise_date(fields.get("date")), **values)


def _read_csv(text: str, path: Path) -> Iterator[ReportInput | Skipped]:
    csv.field_size_limit(10 * 1024 * 1024)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "text" not in header:
        found = ", ".join(h for h in header if h) or "none"
        yield Skipped(str(path), f"no 'text' column (columns found: {found}). Name the column holding each report text.")
        return
    row_no = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skipped(f"{path} row {row_no + 1}", f"is not valid CSV ({exc}).")
            return
        row_no += 1
        source = f"{path} row {row_no}"
        if None in record:
            yield Skipped(source, "has more cells than the header. Quote text that contains commas.")
            continue
        record = {k: csvsafe.restore(v) for k, v in record.items()}  # our own exports neutralise formulas
        yield _row_or_skip(record, source, f"{_stem_title(path)} #{row_no - 1}")


def _row_or_skip(record: dict, source: str, fallback_title: str) -> ReportInput | Skipped:
    """One spreadsheet or JSONL row as a report, or the reason it was skipped."""
    try:
        return _row_report(record, source, fallback_title)
    except _Skip as exc:
        return Skipped(source, str(exc))


def _read_jsonl(text: str, path: Path) -> Iterator[ReportInput | Skipped]:
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path} line {line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(source, f"is not valid JSON ({exc.msg}). Each line must be one JSON object.")
            continue
        if not isinstance(record, dict):
            yield Skipped(source, "is not a JSON object. Each line must look like {\"text\": \"...\"}.")
            continue
        yield _row_or_skip(record, source, f"{_stem_title(path)} #{line_no}")


# ---------------------------------------------------------------- files and folders

def read_file(path: Path) -> Iterator[ReportInput | Skipped]:
    """Every report in one file (one for a document, one per row for a table)."""
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        yield Skipped(str(path), f"unsupported file type '{ext or path.name}'. Give .md, .txt, .html, .csv or .jsonl files.")
        return
    limit = MAX_TABLE_BYTES if ext in TABLE_EXT else MAX_DOC_BYTES
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        yield Skipped(str(path), f"could not be read ({exc.strerror or exc}).")
        return
    if len(raw) > limit:
        yield Skipped(str(path), f"is larger than {limit // (1024 * 1024)} MB. Split it into smaller files.")
        return
    try:
        text = decode_bytes(raw, "the file")
    except DraftingError as exc:
        yield Skipped(str(path), str(exc)[len("the file "):] if str(exc).startswith("the file ") else str(exc))
        return
    if ext == ".csv":
        yield from _read_csv(text, path)
        return
    if ext in (".jsonl", ".ndjson"):
        yield from _read_jsonl(text, path)
        return
    if not text.strip():
        yield Skipped(str(path), "is empty.")
        return
    try:
        text = validate(text)
    except DraftingError as exc:
        yield Skipped(str(path), str(exc))
        return
    yield parse_html_document(text, path) if ext in HTML_EXT else parse_text_document(text, path)


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Files named, and supported files inside folders (recursively, hidden ones left out), in a stable order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and child.suffix.lower() in SUPPORTED and not any(p.startswith(".") for p in rel):
                    yield child
        elif path.exists():
            yield path
        else:
            yield Skipped(str(path), "was not found. Check the path.")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[ReportInput | Skipped]:
    """Every report under the given paths, with a Skipped for each file or row that cannot be used."""
    for item in expand(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_file(item)
