"""Library: the team's published reports in one SQLite file, and the reuse index the boilerplate check asks.

    lib = Library()                       # default file (or INCIDENT_DRAFT_DB), created on first use
    report = lib.add_paths(["reports/"])  # added / duplicates / errors
    check(draft, library=lib)             # paragraphs repeating a past report become boilerplate/reuse
"""
from __future__ import annotations

import csv
import functools
import hashlib
import inspect
import io
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .. import csvsafe
from ..errors import InputError
from ..textprep import normalise, validate
from .index import ReuseIndex, minhash_signature, shingle_ids
from .ingest import ReportInput, Skipped, parse_text_document, read_inputs
from .reuse import ReportRef, findings_for
from .store import connect, default_path, describe, rollback
from .text import passages, shingles, text_hash, words

ENV_SEMANTIC = "INCIDENT_DRAFT_SEMANTIC"
EXPORT_FIELDS = ("id", "title", "date", "severity", "audience", "stage", "source", "added_at", "text")
_WRITE_CHUNK = 200


@dataclass
class ReportRecord:
    """One stored report (text is filled by get() and export(), left empty by list())."""

    id: int
    title: str
    date: str | None
    source: str | None
    severity: str | None
    audience: str | None
    stage: str | None
    words: int
    added_at: str
    content_hash: str
    text: str = ""
    duplicate: bool = False  # set by add_text when the same text was already stored

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("duplicate")
        return data


@dataclass
class AddReport:
    """What `add_paths` did: reports added, duplicates skipped (by content hash), inputs skipped with reasons."""

    added: list[ReportRecord] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (source, id of the stored copy)
    errors: list[Skipped] = field(default_factory=list)


def content_hash(text: str) -> str:
    """Same text with different line wrapping or trailing spaces is the same report."""
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


_COLUMNS = "id, title, date, source, severity, audience, stage, words, added_at, content_hash"


class Library:
    """The past-reports library (SQLite, WAL, versioned schema) and its reuse index."""

    def __init__(self, path: str | os.PathLike | None = None, semantic: bool | None = None, create: bool = True) -> None:
        """create=False: a missing file is an error (for readers such as `check --db`)."""
        self.path = Path(path).expanduser() if path else default_path()
        self._conn = connect(self.path, create=create)
        self._lock = threading.RLock()
        self._index: ReuseIndex | None = None
        self._meta: dict[int, ReportRef] = {}
        self._generation: str | None = None
        if semantic is None:
            semantic = os.environ.get(ENV_SEMANTIC, "").strip().lower() in ("1", "true", "yes", "on")
        self.semantic = semantic

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r})"

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ------------------------------------------------------------ writing

    def add_paths(self, paths: Iterable[str | os.PathLike]) -> AddReport:
        """Add every report found under the paths (files, folders, CSV/JSONL rows)."""
        report = AddReport()
        pending: list[ReportInput] = []
        for item in read_inputs(paths):
            if isinstance(item, Skipped):
                report.errors.append(item)
                continue
            pending.append(item)
            if len(pending) >= _WRITE_CHUNK:
                self._add_many(pending, report)
                pending = []
        if pending:
            self._add_many(pending, report)
        return report

    def add_text(self, text: str, title: str | None = None, date: str | None = None, source: str | None = None,
                 severity: str | None = None, audience: str | None = None, stage: str | None = None) -> ReportRecord:
        """Add one report given as text; title and date are read from the text when not given."""
        if not isinstance(text, str) or not text.strip():
            raise InputError("The report is empty. Give the text of a published report.")
        text = validate(text)
        title = normalise(title) if isinstance(title, str) else title
        parsed = parse_text_document(text, Path("untitled report"))
        item = ReportInput(text=text, title=(title or parsed.title).strip() or "untitled report", source=source or "text",
                           date=date or parsed.date, severity=severity, audience=audience, stage=stage)
        report = AddReport()
        self._add_many([item], report)
        if report.added:
            return report.added[0]
        record = self.get(report.duplicates[0][1])
        record.duplicate = True
        return record

    def _prepare(self, item: ReportInput) -> tuple[ReportInput, str, list[tuple]]:
        rows = []
        for p in passages(item.text):
            sh = shingles(p.text)
            if sh:
                rows.append((p.kind, p.text, text_hash(p.text), minhash_signature(shingle_ids(sh)).tobytes()))
        return item, content_hash(item.text), rows

    def _add_many(self, items: list[ReportInput], report: AddReport) -> None:
        prepared = [self._prepare(it) for it in items]
        vectors: list[np.ndarray | None] = [None] * sum(len(r) for _, _, r in prepared)
        if self.semantic:
            vectors = list(_encode([row[1] for _, _, rows in prepared for row in rows]))
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                added_ids: list[int] = []
                v = 0
                for item, chash, rows in prepared:
                    cur = conn.execute(
                        "INSERT INTO reports(content_hash, title, date, source, text, severity, audience, stage, words) "
                        "VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO NOTHING",
                        (chash, item.title, item.date, item.source, item.text, item.severity, item.audience,
                         item.stage, len(words(item.text))),
                    )
                    if cur.rowcount == 0:
                        existing = conn.execute("SELECT id FROM reports WHERE content_hash=?", (chash,)).fetchone()[0]
                        report.duplicates.append((item.source, int(existing)))
                        v += len(rows)
                        continue
                    rid = int(cur.lastrowid)
                    added_ids.append(rid)
                    conn.executemany(
                        "INSERT INTO passages(report_id, kind, text, norm_hash, minhash, embedding) VALUES (?,?,?,?,?,?)",
                        [(rid, k, t, h, mh, _vec_bytes(vectors[v + i])) for i, (k, t, h, mh) in enumerate(rows)],
                    )
                    v += len(rows)
                if added_ids:
                    self._bump(conn)
                conn.execute("COMMIT")
            except BaseException:
                rollback(conn)
                raise
        report.added.extend(self._records(added_ids))

    @staticmethod
    def _bump(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")

    def remove(self, report_id: int) -> ReportRecord:
        """Delete one report and its passages; InputError when there is no such id."""
        record = self.get(report_id)
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute("DELETE FROM reports WHERE id=?", (int(report_id),))
                self._bump(self._conn)
                self._conn.execute("COMMIT")
            except BaseException:
                rollback(self._conn)
                raise
        return record

    # ------------------------------------------------------------ reading

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0])

    def passage_count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0])

    def _records(self, ids: list[int]) -> list[ReportRecord]:
        if not ids:
            return []
        with self._lock:
            marks = ",".join("?" * len(ids))
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM reports WHERE id IN ({marks}) ORDER BY id", ids).fetchall()
        return [ReportRecord(*r) for r in rows]

    def list(self) -> list[ReportRecord]:
        """Every stored report, oldest added first (without its text)."""
        with self._lock:
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM reports ORDER BY id").fetchall()
        return [ReportRecord(*r) for r in rows]

    def get(self, report_id: int) -> ReportRecord:
        with self._lock:
            row = self._conn.execute(f"SELECT {_COLUMNS}, text FROM reports WHERE id=?", (int(report_id),)).fetchone()
        if row is None:
            raise InputError(f"There is no report with id {report_id} in {self.path}. See `incident-draft library list`.")
        return ReportRecord(*row)

    def export(self, fmt: str = "jsonl") -> str:
        """All reports with their text, as JSONL or CSV; `library add` of the export rebuilds the library."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, title, date, severity, audience, stage, source, added_at, text FROM reports ORDER BY id"
            ).fetchall()
        records = [dict(zip(EXPORT_FIELDS, r)) for r in rows]
        if fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(csvsafe.record(r) for r in records)
            return buf.getvalue()
        raise InputError(f"Unknown export format '{fmt}'. Use jsonl or csv.")

    # ------------------------------------------------------------ reuse

    def index(self) -> tuple[ReuseIndex, dict[int, ReportRef]]:
        """The reuse index over every stored passage, rebuilt only when the library has changed."""
        with self._lock:
            generation = self._conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]
            if self._index is None or generation != self._generation:
                self._index, self._meta = self._build_index()
                self._generation = generation
            return self._index, self._meta

    def index_snapshot(self) -> tuple[ReuseIndex, dict[int, ReportRef], str]:
        """The current index with the library generation it was built for (see adopt_index)."""
        with self._lock:
            index, meta = self.index()
            return index, meta, str(self._generation)

    def adopt_index(self, index: ReuseIndex, meta: dict[int, ReportRef], generation: str) -> None:
        """Use an index another Library built over this same file (a batch's parent, before forking workers).

        index() still compares the generation with this file's own, so a library changed since is rebuilt.
        """
        with self._lock:
            self._index, self._meta, self._generation = index, meta, generation

    def _build_index(self) -> tuple[ReuseIndex, dict[int, ReportRef]]:
        meta = {int(i): ReportRef(t, d) for i, t, d in self._conn.execute("SELECT id, title, date FROM reports")}
        index = ReuseIndex()
        if self.semantic:
            self._fill_missing_vectors()
        for rid, text, key, emb in self._conn.execute(
                "SELECT report_id, text, norm_hash, embedding FROM passages ORDER BY id"):
            vector = np.frombuffer(emb, dtype=np.float32) if (emb is not None and self.semantic) else None
            index.add(text, int(rid), key=key, vector=vector)
        index.warm()
        return index, meta

    def _fill_missing_vectors(self) -> None:
        """Passages stored before semantic matching was turned on get their vectors once, then keep them."""
        missing = self._conn.execute("SELECT id, text FROM passages WHERE embedding IS NULL").fetchall()
        if not missing:
            return
        vectors = _encode([t for _, t in missing])
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.executemany("UPDATE passages SET embedding=? WHERE id=?",
                                   [(_vec_bytes(v), pid) for (pid, _), v in zip(missing, vectors)])
            self._conn.execute("COMMIT")
        except BaseException:
            rollback(self._conn)
            raise

    def reuse_findings(self, a: Any) -> list:
        """boilerplate/reuse findings for a draft (an Analysis): passages repeating stored reports."""
        index, meta = self.index()
        with self._lock:  # a report already in the library is not reuse of itself
            row = self._conn.execute("SELECT id FROM reports WHERE content_hash=?", (content_hash(a.text),)).fetchone()
        return findings_for(a, index, meta, encoder=_encode if self.semantic else None,
                            exclude=None if row is None else int(row[0]))


def _sqlite_errors_in_one_line(cls: type) -> type:
    """Every method of the class turns an SQLite error into an InputError that says what to do.

    A damaged page, a read-only file or a lock held past the busy timeout can surface on any
    query, long after the file was opened; the command line and the app show DraftingError
    messages as one line, never a traceback.
    """
    def wrap(fn):
        @functools.wraps(fn)
        def method(self, *args, **kwargs):
            try:
                return fn(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise InputError(describe(self.path, exc)) from None
        return method

    for name, fn in list(vars(cls).items()):
        if inspect.isfunction(fn) and name != "__init__" and not inspect.isgeneratorfunction(fn):
            setattr(cls, name, wrap(fn))
    return cls


Library = _sqlite_errors_in_one_line(Library)


def _vec_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()


def _encode(texts: list[str]) -> np.ndarray:
    from ..embeddings import encode

    return encode(texts)
