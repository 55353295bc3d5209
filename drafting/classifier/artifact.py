"""Where the trained classifier lives (models/classifier/) and how it is saved and loaded."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..resources import models_dir

WEIGHTS = "classifier.safetensors"
META = "classifier.json"


def folder() -> Path:
    return models_dir() / "classifier"


def exists() -> bool:
    return (folder() / WEIGHTS).is_file() and (folder() / META).is_file()


def save(state: dict, meta: dict[str, Any], out: Path | None = None) -> Path:
    from safetensors.torch import save_file

    out = out or folder()
    out.mkdir(parents=True, exist_ok=True)
    # half precision halves the file; the top layers lose nothing measurable at these sizes
    save_file({k: v.detach().contiguous().half() for k, v in state.items()}, str(out / WEIGHTS))
    (out / META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out


# What a new training run learns, in output order; a shipped model's own list is in its classifier.json.
TRAIN_LABELS = ("blame", "conjecture", "boilerplate", "tone", "jargon", "leak", "overpromise")


def categories(path: Path | None = None) -> tuple[str, ...]:
    """The model's output labels in order, as saved with it (TRAIN_LABELS when no model is shipped)."""
    if path is None and not exists():
        return TRAIN_LABELS
    return tuple(load_meta(path)["categories"])


def load_meta(path: Path | None = None) -> dict[str, Any]:
    return json.loads(((path or folder()) / META).read_text(encoding="utf-8"))


def load_state(path: Path | None = None) -> dict:
    from safetensors.torch import load_file

    return load_file(str((path or folder()) / WEIGHTS))
