"""Which engine parts this build has, so a page can say "not available" instead of failing."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Feature:
    """An optional engine module: loaded, or the plain reason it is not."""

    name: str
    module: ModuleType | None
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.module is not None

    def message(self, what: str) -> str:
        return f"{what} is not available in this build ({self.reason})."


def optional(module: str, *attributes: str) -> Feature:
    """Import drafting.<module> and check it has the attributes the app calls."""
    try:
        mod = importlib.import_module(f"drafting.{module}")
    except Exception as exc:  # a missing or half-installed part must not take the app down
        return Feature(module, None, f"drafting.{module} could not be loaded: {exc.__class__.__name__}: {exc}")
    missing = [a for a in attributes if not hasattr(mod, a)]
    if missing:
        return Feature(module, None, f"drafting.{module} has no {', '.join(missing)}")
    return Feature(module, mod)
