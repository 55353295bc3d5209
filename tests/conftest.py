"""Shared helpers for the user-story tests."""
from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.pop("LANGUAGETOOL_URL", None)
# the app keeps each browser session's text on disk; tests keep theirs in a throwaway folder
os.environ.setdefault("INCIDENT_DRAFT_SESSIONS", tempfile.mkdtemp(prefix="incident-draft-sessions-"))

import drafting  # noqa: E402


def categories(text: str, severity: str = "sev2", audience: str = "general", stage: str = "report", **kw) -> set[str]:
    """The categories a liaison would see highlighted (document-level structure left out)."""
    result = drafting.check(text, severity, audience, stage, **kw)
    return {f.category for f in result.findings if f.category != "structure"}


@pytest.fixture
def cats():
    return categories


def window_read(text: str) -> tuple[str, str]:
    """The impact window the fact sheet reads from a write-up, as UTC minutes ("none" where it reads none)."""
    from drafting.facts.build import build_sheet

    sheet = build_sheet(text)
    s, e = sheet.start.value, sheet.end.value
    return (f"{s:%Y-%m-%d %H:%M}" if s else "none"), (f"{e:%Y-%m-%d %H:%M}" if e else "none")


@pytest.fixture
def window_of():
    return window_read


def report_read(text: str) -> str:
    """The general report a liaison would get from a write-up at sev2 (contact given), as text."""
    return drafting.draft(text, "report", "general", "sev2", contact="Sam Rivera <support@example.com>").text


@pytest.fixture
def report_of():
    return report_read


def cause_left_open(text: str) -> str:
    """A write-up whose cause is not confirmed: its fact sheet says so and its report never claims to have identified
    one. Returns the report for the story's own checks."""
    from drafting.facts.build import build_sheet

    assert build_sheet(text).cause_status.value != "confirmed"
    report = report_read(text)
    assert "identified the cause" not in report
    return report


@pytest.fixture
def open_cause():
    return cause_left_open
