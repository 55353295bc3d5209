"""The SQLite file behind the library: where it lives, its schema, and the migrations between versions.

WAL mode lets the app read while the command line writes; every write is one
BEGIN IMMEDIATE transaction, and a busy timeout makes a second writer wait its turn
instead of failing, so two processes adding at once lose and duplicate nothing.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import InputError

ENV_DB = "INCIDENT_DRAFT_DB"
BUSY_TIMEOUT_S = 60.0

# Each entry upgrades the schema by one version; never edit a released step, add a new one.
MIGRATIONS: list[str] = [
    # 1: reports and their passages (paragraphs and long sentences) with MinHash signatures.
    """
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT,
        source TEXT,
        text TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE passages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        norm_hash TEXT NOT NULL,
        minhash BLOB NOT NULL
    );
    CREATE INDEX passages_report ON passages(report_id);
    """,
    # 2: per-report context (severity/audience/stage from CSV or JSONL rows), word counts,
    #    optional sentence-encoder vectors, and a generation counter so readers know to reload.
    """
    ALTER TABLE reports ADD COLUMN severity TEXT;
    ALTER TABLE reports ADD COLUMN audience TEXT;
    ALTER TABLE reports ADD COLUMN stage TEXT;
    ALTER TABLE reports ADD COLUMN words INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE passages ADD COLUMN embedding BLOB;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta(key, value) VALUES ('generation', '0');
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def default_path() -> Path:
    """INCIDENT_DRAFT_DB if set, else library.sqlite3 in the user's data folder."""
    env = os.environ.get(ENV_DB, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("incident-draft")) / "library.sqlite3"


def connect(path: Path, create: bool = True) -> sqlite3.Connection:
    """Open (creating if needed and allowed) and migrate the library file; one-line errors for a bad path or file.

    An existing file is first read, never written, to see that it is a library: a file that is not
    one (another program's SQLite database, a damaged file) is refused untouched, not even switched
    to WAL. With create=False a missing file is an error (a mistyped --db must not silently start
    an empty library and turn reuse detection off).
    """
    if path.is_dir():
        raise InputError(f"Library path '{path}' is a folder. Give a file name, e.g. {path / 'library.sqlite3'}.")
    existing = path.exists() and path.stat().st_size > 0
    if not path.exists() and not create:
        raise InputError(f"There is no library at '{path}'. Check the path, or create it with "
                         f"`incident-draft library add --db {path} REPORTS...`.")
    try:
        if not existing:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"Library file '{path}' could not be opened ({exc}). Check the path and its permissions.") from None
    try:
        if existing:
            _refuse_foreign(conn, path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn, path)
    except InputError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise InputError(describe(path, exc)) from None
    return conn


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """Raise InputError (changing nothing) unless the file is a library or an empty database."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        current = version(conn)
    except sqlite3.DatabaseError as exc:
        raise InputError(f"'{path}' is not a library database ({exc}); it was left unchanged. "
                         "Give another --db file, or move this one away.") from None
    if current > SCHEMA_VERSION:
        migrate(conn, path)  # raises "written by a newer incident-draft" before anything is written
    if current == 0 and not tables:
        return  # an empty database: nothing of anyone's to change
    if current >= 1 and {"reports", "passages"} <= tables:
        return
    shown = ", ".join(sorted(tables)[:5]) or "none"
    raise InputError(f"'{path}' is an SQLite database of another program (tables: {shown}), not an incident-draft "
                     "library; it was left unchanged. Give another --db file.")


def describe(path: Path | str, exc: sqlite3.Error) -> str:
    """One line for an SQLite error on the library: what happened and what to do."""
    msg = str(exc)
    low = msg.lower()
    if "locked" in low or "busy" in low:
        return (f"The library '{path}' is busy: another program has been writing to it for over {BUSY_TIMEOUT_S:.0f} s. "
                "Try again when it has finished.")
    if "readonly" in low or "read-only" in low:
        return f"The library '{path}' is read-only. Check the file's and its folder's permissions, or give another --db file."
    if "full" in low:
        return f"The disk holding the library '{path}' is full. Free some space and try again."
    if "malformed" in low or "not a database" in low or "corrupt" in low or "disk i/o" in low:
        return (f"The library '{path}' is damaged ({msg}). Restore it from a backup, or move it away and rebuild it with "
                "`incident-draft library add` (from `library export` if you have one).")
    return f"The library '{path}' could not be used ({msg}). Check the file, or give another --db file."


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path | str = "library") -> int:
    """Bring the schema up to SCHEMA_VERSION, one transaction per step; returns the final version."""
    current = version(conn)
    if current > SCHEMA_VERSION:
        raise InputError(
            f"Library '{path}' was written by a newer incident-draft (schema {current}, this one knows {SCHEMA_VERSION}). "
            "Upgrade incident-draft to use it."
        )
    while current < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            now = version(conn)  # another process may have migrated while we waited
            if now == current:
                for statement in _statements(MIGRATIONS[current]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
        current = version(conn)
    return current


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is open; a failing rollback must not hide the error that caused it."""
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
