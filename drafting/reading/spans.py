"""A piece of the write-up by character offsets, so every fact can point back at where it was read."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Span:
    """A piece of the write-up by character offsets; text is the raw write-up text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}
