"""The messages a ticket's requester wrote ("Eirik Haugland    Jul 5, 2025 16:48" under "Requester: Eirik
Haugland <...>"): the customer's own words, in their voice and about their one account. Editors read "The app
say "Sending..." for hours." in a draft to every customer; nothing from such a message is ever ours to send."""
from __future__ import annotations

import re
from functools import lru_cache

from ..reading.rules import rules

# where a ticket's next message begins: a rule of dashes, or a "[Internal note]" / "[Public reply]" header
_NEXT_MESSAGE = re.compile(r"(?im)^[ \t]*(?:[-=_*]{5,}|\[(?:internal|public|private)\b[^\]\n]*\])")


@lru_cache(maxsize=8)
def requester_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the messages written by the person a ticket is from (keys in data/drafting/extract.yaml,
    ``account_field_keys``): each begins after a line that opens with their name and a time."""
    keys = rules().get("account_field_keys", "(?!)")
    field = r"(?im)^[ \t*_]*(?:" + keys + r")[ \t*_]*:[ \t*_]*(?P<name>[A-Z][\w'’.-]+(?:[ \t][A-Z][\w'’.-]+){1,3})"
    out = []
    for name in {m.group("name").strip() for m in re.finditer(field, text)}:
        for m in re.finditer(r"(?m)^[ \t]*" + re.escape(name) + r"\b[^\n]*?\d{1,2}:\d{2}[^\n]*$", text):
            nxt = _NEXT_MESSAGE.search(text, m.end())
            out.append((m.end(), nxt.start() if nxt else len(text)))
    return tuple(sorted(out))


def in_requester_message(text: str, start: int) -> bool:
    """Whether the offset lies in a message the ticket's requester wrote."""
    return any(a <= start < b for a, b in requester_blocks(text))
