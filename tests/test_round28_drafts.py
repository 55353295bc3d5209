"""Stories from round 29's editors, about how a draft reads: a five-whys document whose title is a question, a
remedy the write-up lists as a bare phrase, and a part of the service the write-up says was NOT affected. The
write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

FIVE_WHYS = """# Five whys: Why did members not get payment reminders?

Wednesday 9 April 2025, all times UTC.

## What happened
From 06:00 to 09:40 UTC, payment reminder emails were not sent to members. The member website and the mobile app were not affected.

## Why 1
The reminder job stopped when its mail provider key was rotated.

## Customer remedies
- One month's membership credit for every member with a reminder due that day, applied automatically on the May statement.
"""


def test_a_five_whys_title_becomes_a_statement_and_never_a_broken_window_sentence():
    sheet = build_sheet(FIVE_WHYS)
    assert sheet.headline.value.lower().startswith("members did not get payment reminders")
    report = draft(FIVE_WHYS, "report", "general", "sev3")
    assert "Why did" not in report.text
    assert "an incident with members did not" not in report.text.lower()


def test_a_bare_remedy_phrase_is_said_as_a_sentence_with_who_gives_it():
    report = draft(FIVE_WHYS, "report", "general", "sev3")
    assert "We are giving one month's membership credit" in report.text


def test_what_the_write_up_says_was_not_affected_is_never_the_product():
    sheet = build_sheet(FIVE_WHYS)
    assert not any("website" in p.lower() or "mobile app" in p.lower() for p in sheet.texts("products"))


BRACKETED = """# Postmortem: fridge alarms not sent, Sat 14 Jun 2025

All times IST unless marked Z (log timestamps are UTC). IST = Irish Standard Time (UTC+1).

## Summary
Between 13:05 and 19:20 IST, temperature alarms were not sent to sites by SMS or voice call.

## Root cause
Every request from Kestrel (our notification service) to Dovecall (our SMS and voice provider) was rejected after a key change. Kestrel reads its keys once, at startup, and keeps them in memory.
"""


def test_names_the_write_up_explains_as_ours_or_our_suppliers_never_reach_customers():
    for stage, audience in (("report", "general"), ("report", "technical"), ("preliminary", "general")):
        text = draft(BRACKETED, stage, audience, "sev2").text
        assert "Kestrel" not in text and "Dovecall" not in text


def test_the_zone_note_is_never_told_as_the_cause():
    text = draft(BRACKETED, "report", "technical", "sev2").text
    assert "unless marked" not in text
