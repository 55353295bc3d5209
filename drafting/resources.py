"""Where the editable data files live, and a cached YAML loader for them."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The data/ folder (phrase lists, glossary, samples); DRAFTING_DATA_DIR overrides it."""
    return Path(os.environ.get("DRAFTING_DATA_DIR", REPO_ROOT / "data"))


def models_dir() -> Path:
    return Path(os.environ.get("DRAFTING_MODELS_DIR", REPO_ROOT / "models"))


@lru_cache(maxsize=None)
def data_yaml(relative: str) -> Any:
    """Load data/<relative> (a YAML file) once per process."""
    with open(data_dir() / relative, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def rules(name: str) -> dict[str, Any]:
    """Load data/rules/<name>.yaml once per process."""
    return data_yaml(f"rules/{name}.yaml")
