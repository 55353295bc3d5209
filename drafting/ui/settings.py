"""The app's editable look and limits, read from data/ui.yaml (colours, labels, upload size)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from ..findings import CATEGORIES
from ..resources import data_dir

_FALLBACK_COLOUR = "#eeeeee"


@dataclass(frozen=True)
class UISettings:
    """Colours and labels per category, and the limits the app states on the page."""

    colours: dict[str, str] = field(default_factory=dict)
    priority: tuple[str, ...] = CATEGORIES
    labels: dict[str, str] = field(default_factory=dict)
    upload_mb: int = 5
    batch_files: int = 500
    rewrites_shown: int = 3
    results_kept: int = 32

    @property
    def upload_bytes(self) -> int:
        return self.upload_mb * 1024 * 1024

    def colour(self, category: str) -> str:
        return self.colours.get(category, _FALLBACK_COLOUR)

    def label(self, category: str) -> str:
        return self.labels.get(category, category.capitalize())

    def rank(self, category: str) -> int:
        """Lower wins when highlights overlap."""
        return self.priority.index(category) if category in self.priority else len(self.priority)


@lru_cache(maxsize=1)
def load_settings() -> UISettings:
    """Read data/ui.yaml once; a missing or broken file falls back to plain defaults."""
    try:
        with open(data_dir() / "ui.yaml", encoding="utf-8") as fh:
            raw = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError):
        raw = {}
    limits = raw.get("limits") or {}
    return UISettings(
        colours={str(k): str(v) for k, v in (raw.get("colours") or {}).items()},
        priority=tuple(raw.get("priority") or CATEGORIES),
        labels={str(k): str(v) for k, v in (raw.get("labels") or {}).items()},
        upload_mb=int(limits.get("upload_mb", 5)),
        batch_files=int(limits.get("batch_files", 500)),
        rewrites_shown=int(limits.get("rewrites_shown", 3)),
        results_kept=int(limits.get("results_kept", 32)),
    )
