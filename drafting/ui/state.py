"""Remember results per browser session, keyed by everything that changes them.

Streamlit reruns the whole script on every click; keeping the last results keyed by
text + context + config means a rerun that changed nothing costs a dictionary lookup,
and going back to an earlier version of the text is instant too.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, MutableMapping
from typing import Any, TypeVar

T = TypeVar("T")


class _Store(OrderedDict):
    """The remembered values, plus how many were really computed (tests and the page footer read it)."""

    computed: int = 0


class Memo:
    """A small least-recently-used store living in st.session_state (so per user, never shared)."""

    def __init__(self, store: MutableMapping[str, Any], name: str, size: int = 32) -> None:
        if not isinstance(store.get(name), _Store):
            store[name] = _Store()
        self._data: _Store = store[name]
        self._size = max(1, size)

    @property
    def computed(self) -> int:
        """How many times compute() really ran in this session."""
        return self._data.computed

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key in self._data:
            self._data.move_to_end(key)
            return self._data[key]
        value = compute()
        self._data.computed += 1
        self._data[key] = value
        while len(self._data) > self._size:
            self._data.popitem(last=False)
        return value

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)


def review_key(text: str, context_key: str, config_fingerprint: str, library_key: str = "") -> tuple[str, str, str, str]:
    """Everything a check result depends on."""
    return (text, context_key, config_fingerprint, library_key)
