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


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library file; one-line errors for a bad path or file."""
    if path.is_dir():
        raise InputError(f"Library path '{path}' is a folder. Give a file name, e.g. {path / 'library.sqlite3'}.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise InputError(f"Library file '{path}' could not be opened ({exc}). Check the path and its permissions.") from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise InputError(
            f"'{path}' is not a library database ({exc}). Give another --db file, or move this one away."
        ) from None
    return conn


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
            conn.execute("ROLLBACK")
            raise
        current = version(conn)
    return current


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
