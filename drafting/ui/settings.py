"""The app's look and limits: colours, labels and highlight order per category (from each category's
data/rules/<category>.yaml), upload size and memory limits (data/ui.yaml)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .. import catalog
from ..resources import data_yaml

_FALLBACK_COLOUR = "#eeeeee"


@dataclass(frozen=True)
class UISettings:
    """Colours and labels per category, and the limits the app states on the page."""

    colours: dict[str, str] = field(default_factory=dict)
    priority: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    shorts: dict[str, str] = field(default_factory=dict)
    upload_mb: int = 5
    batch_files: int = 500
    rewrites_shown: int = 3
    results_kept: int = 32
    cards_shown: int = 25
    rewrites_eager: int = 6
    undo_levels: int = 20

    @property
    def upload_bytes(self) -> int:
        return self.upload_mb * 1024 * 1024

    def colour(self, category: str) -> str:
        return self.colours.get(category, _FALLBACK_COLOUR)

    def label(self, category: str) -> str:
        return self.labels.get(category, category.capitalize())

    def short(self, category: str) -> str:
        return self.shorts.get(category, category)

    def rank(self, category: str) -> int:
        """Lower wins when highlights overlap."""
        return self.priority.index(category) if category in self.priority else len(self.priority)


@lru_cache(maxsize=1)
def load_settings() -> UISettings:
    """Read the categories' metadata and data/ui.yaml once; a missing or broken ui.yaml falls back to defaults."""
    try:
        raw = data_yaml("ui.yaml")
    except (OSError, yaml.YAMLError):
        raw = {}
    limits = raw.get("limits") or {}
    metas = catalog.all_meta().values()
    return UISettings(
        colours={m.name: m.colour for m in metas},
        priority=tuple(m.name for m in sorted(metas, key=lambda m: (m.highlight_priority, m.order))),
        labels={m.name: m.label for m in metas},
        shorts={m.name: m.short for m in metas},
        upload_mb=int(limits.get("upload_mb", 5)),
        batch_files=int(limits.get("batch_files", 500)),
        rewrites_shown=int(limits.get("rewrites_shown", 3)),
        results_kept=int(limits.get("results_kept", 32)),
        cards_shown=int(limits.get("cards_shown", 25)),
        rewrites_eager=int(limits.get("rewrites_eager", 6)),
        undo_levels=int(limits.get("undo_levels", 20)),
    )
