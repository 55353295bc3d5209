"""Options and input reading shared by the subcommands."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..textprep import decode_bytes

MAX_FILE_BYTES = 5 * 1024 * 1024


def add_context_options(p: argparse.ArgumentParser, stage_default: str = "report") -> None:
    p.add_argument("--severity", default="sev2", choices=["sev1", "sev2", "sev3", "sev4"], help="impact of the incident (default sev2)")
    p.add_argument("--audience", default="general", choices=["technical", "general", "executive"], help="who reads it (default general)")
    p.add_argument("--stage", default=stage_default, choices=["preliminary", "report", "followup", "internal"], help=f"(default {stage_default})")
    p.add_argument("--config", metavar="FILE", help="company configuration YAML (glossary, banned phrases, leak patterns...)")


def read_input(name: str) -> str:
    """Read a file path or '-' (standard input) as UTF-8 text, with clear one-line errors."""
    if name == "-":
        label = "standard input"
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("There is no standard input to read (it is closed). Pipe the draft in, e.g. "
                             "`incident-draft check - < draft.txt`, or give the file's name instead of -.")
        try:
            raw = stream.read(MAX_FILE_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise InputError(f"Standard input could not be read ({exc.__class__.__name__}). Pipe the draft in, or give "
                             "the file's name instead of -.") from None
    else:
        path = Path(name)
        if not path.exists():
            raise InputError(f"File '{name}' was not found. Check the path, or use - to read from standard input.")
        if path.is_dir():
            raise InputError(f"'{name}' is a folder. Give one file (or use `incident-draft score` for folders).")
        try:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise InputError(f"File '{name}' could not be read ({exc.strerror}).") from None
        label = f"'{name}'"
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"{label} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB. Split it and check each part.")
    return decode_bytes(raw, label)
