"""Which written time a window statement speaks of: the times inside a stretch of text, the one right after a
marker phrase, the one written inside it, the nearest."""
from __future__ import annotations

import re

from ..reading.times import Reading, TimePoint


def points_in(reading: Reading, s: int, e: int) -> list[TimePoint]:
    return [p for p in reading.points if s <= p.start and p.end <= e]


def nearest(points: list[TimePoint], at: int) -> TimePoint:
    """The time a marker phrase at ``at`` speaks of: the closest one, preferring the one just after it."""
    return min(points, key=lambda p: (abs(p.start - at) if p.start >= at else abs(at - p.end) + 8))


def right_after(points: list[TimePoint], at: int) -> TimePoint | None:
    """The time written right after a marker phrase ("last wrong one went out 8:40"), before any time
    that opens the line (a chat message's own stamp)."""
    return next((p for p in points if 0 <= p.start - at <= 3), None)


def within(got: list[TimePoint], base: int, m: re.Match) -> TimePoint | None:
    """The time written inside a marker ("Using 20:02 as start"), not the stamp of the chat line it is in."""
    return next((p for p in got if base + m.start() <= p.start < base + m.end()), None)
