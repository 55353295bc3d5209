"""Company name and contact from the company config, filled into the Draft page's fields.

A field the liaison typed in is never overwritten; a field still holding what the config said
before (or nothing) follows the config when it changes.
"""
from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

FIELDS = (("draft_company", "company"), ("draft_contact", "contact"))


def prefill_from_config(state: MutableMapping[str, Any], cfg: Any) -> None:
    """Call before the fields are drawn."""
    for key, attr in FIELDS:
        value = str(getattr(cfg, attr, "") or "")
        marker = f"_{key}_from_config"
        current = state.get(key, "")
        if value and (not current or current == state.get(marker)):
            state[key] = value
        state[marker] = value
