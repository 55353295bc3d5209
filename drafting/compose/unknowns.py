"""What a draft may say about a fact the reading did not find: never that it is unknown when the write-up may
well state it (editors read "we are still confirming when service was back" as a wrong fact)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .phrasing import Inputs


def end_honestly_unknown(inp: Inputs) -> bool:
    """Whether a draft may say the end of impact is still being confirmed: only when the write-up gives no later
    time the end could be. Where it gives several times and none was read as the end, saying "still confirming"
    would deny a fact the write-up may well state: the draft leaves it out and the liaison is asked for it."""
    if len(inp.facts.timeline) <= 1:
        return True
    inp.omit("end of impact", "The write-up gives later times, but none was read as the end of customer impact: add it to the fact sheet (field: end) and redraft.")
    return False
