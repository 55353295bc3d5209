"""What a browser session typed, kept on the server so a page reload loses nothing.

The page's address carries a random session id (``?s=...``); the draft, its context, the undo
history, dismissed findings and the Draft page's texts are saved under the user's data folder as one
small JSON file per id, written only when something changed. Reloading the page (or opening the
same address again) restores them. Files untouched for ``KEEP_DAYS`` are removed.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import time
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

ENV_DIR = "INCIDENT_DRAFT_SESSIONS"
KEEP_DAYS = 30
MAX_BYTES = 20 * 1024 * 1024
_ID = re.compile(r"^[a-f0-9]{16,64}$")
# session-state keys worth keeping (exact names, or prefixes ending in "*")
KEPT = ("review_text", "review_severity", "review_audience", "review_stage", "review_text_undo", "review_dismissed",
        "draft_writeup", "draft_stages", "draft_audience", "draft_severity", "draft_company", "draft_contact",
        "draft_text_*", "draft_saved", "config_yaml")


def default_dir() -> Path:
    env = os.environ.get(ENV_DIR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("incident-draft")) / "sessions"


def new_id() -> str:
    return secrets.token_hex(12)


def valid_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


def _kept(key: str) -> bool:
    return any(key == k or (k.endswith("*") and key.startswith(k[:-1])) for k in KEPT)


def snapshot(state: Mapping[str, Any]) -> dict[str, Any]:
    """The kept keys whose values are plain JSON (text, numbers, lists, dicts of those)."""
    out = {}
    for key in list(state.keys()):
        if isinstance(key, str) and _kept(key):
            value = state[key]
            try:
                json.dumps(value)
            except (TypeError, ValueError):
                continue
            out[key] = value
    return out


class SessionStore:
    """One JSON file per session id in a private folder; every failure is silent (the page must work)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_dir()
        self._written: dict[str, str] = {}

    def path(self, sid: str) -> Path:
        if not valid_id(sid):
            raise ValueError("not a session id")
        return self.folder / f"{sid}.json"

    def load(self, sid: str) -> dict[str, Any]:
        try:
            raw = self.path(sid).read_bytes()
            if len(raw) > MAX_BYTES:
                return {}
            data = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and _kept(k)} if isinstance(data, dict) else {}

    def save(self, sid: str, data: Mapping[str, Any]) -> bool:
        """Write the snapshot if it changed since the last write; True when written."""
        try:
            body = json.dumps(dict(data), ensure_ascii=False, sort_keys=True)
            digest = hashlib.sha1(body.encode("utf-8")).hexdigest()
            if self._written.get(sid) == digest or len(body) > MAX_BYTES:
                return False
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            path = self.path(sid)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(body, encoding="utf-8")
            os.replace(tmp, path)
            self._written[sid] = digest
            return True
        except (OSError, ValueError):
            return False

    def prune(self, days: int = KEEP_DAYS) -> None:
        cutoff = time.time() - days * 86400
        try:
            for p in self.folder.glob("*.json"):
                if p.stat().st_mtime < cutoff:
                    p.unlink(missing_ok=True)
        except OSError:
            pass


def restore_into(state: MutableMapping[str, Any], data: Mapping[str, Any]) -> None:
    """Put saved values back where the widgets read them (only keys the session does not have yet)."""
    for key, value in data.items():
        if key not in state:
            state[key] = value
