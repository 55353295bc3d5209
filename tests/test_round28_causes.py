"""Stories from rounds 28 and 29's editors, about the cause: a GitHub issue where the developer writes "Confirmed,
it's us", a huddle thread whose summary line says "Cause: rule from CHG-..." in engineers' words, on-call notes
that say the suspect is "NOT proven", a release sentence that mentions sessions in an aside, and a provider that
could not roll back its own change. The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

ISSUE = """# Checkout button greyed out for carts with a discount code after 5.2.0 #881

**mlopez** commented on Mar 3, 2025

Support has 9 chats about it: shoppers with a discount code cannot press "Pay". Started ~14:10 UTC.

**tkaya** commented on Mar 3, 2025

Confirmed, it's us, 5.2.0. The new `applyDiscount()` returns the total as a string, and `canPay()` compares it with a number, so the button stays disabled.

Reverting now, pointing the `v5` alias back to 5.1.3.
"""


def test_a_developer_owning_the_bug_confirms_the_cause_as_a_change_we_made():
    sheet = build_sheet(ISSUE)
    assert sheet.cause_status.value == "confirmed"
    assert sheet.cause_plain.value.startswith("A change we made")


HUDDLE = """Huddle notes (generated automatically; may contain mistakes)
- Kiosk check-in failing for most passengers from 7:05 AM; counters working.

Thread:
Ria  9:41 AM
  impact window 7:05 AM - 8:50 AM, 310 passengers checked in at the counter. Cause: throttle rule from CHG-2210 matched every route on edge-gw-2 instead of only the fare search.
"""


def test_a_cause_labelled_inside_a_chat_line_is_confirmed_even_in_engineers_words():
    sheet = build_sheet(HUDDLE)
    assert sheet.cause_status.value == "confirmed"
    assert "change we made" in sheet.cause_plain.value
    assert "CHG-2210" not in sheet.cause_plain.value and "edge-gw-2" not in sheet.cause_plain.value


UNPROVEN = """## Incident notes, Tue 4 Feb 2025 (times UTC)

- 08:02 first failed photo upload. large files only
- 08:15 the image service 3.1 went out with the weekly train at 07:58. timing fits. but NOT proven. could also be the new storage class
- 09:40 uploads working again after we moved traffic to the old pool
- is it really 3.1?? trying to reproduce it on staging now. If no repro, next suspect is the storage class change
- do NOT write "root cause" in the customer update until repro is done
"""


def test_notes_that_say_the_suspect_is_not_proven_keep_the_cause_open():
    sheet = build_sheet(UNPROVEN)
    assert sheet.cause_status.value != "confirmed"
    report = draft(UNPROVEN, "report", "general", "sev2")
    assert "change we made" not in report.text
    assert "3.1" not in report.text.split("## Why it happened")[-1].split("##")[0]


SESSIONS = """# Postmortem: stand orders lost, Sat 5 Apr 2025 (all times CEST)

## Summary
Between 14:10 and 15:02 CEST fans paid for orders that never reached the stands.

## Root cause
Release 2.9.0 of the order router changed the memory limit of the order queue. Session and basket keys in the same store crowded out the queued orders.
"""


def test_the_part_named_in_a_cause_comes_from_the_cause_sentence_itself():
    sheet = build_sheet(SESSIONS)
    assert sheet.cause_status.value == "confirmed"
    assert "sign-in" not in sheet.cause_plain.value


PROVIDER = """# Plate search returned the wrong vehicles, Tue 3 Jun 2025

## Summary
From 08:58 to 11:34 (all times CEST) the plate search gave the wrong engine for many plates.

## What happened
Our data provider sent a new response format this morning. Root cause: our resolver did not fail when the engine field was missing and guessed a default engine instead.
It was not possible to roll back on their side, so we deployed a fix that reads both formats at 11:30.
"""


def test_a_rollback_that_was_not_possible_is_never_told_as_undone():
    sheet = build_sheet(PROVIDER)
    assert "undone" not in sheet.cause_plain.value
    assert "change we made" not in sheet.cause_plain.value  # the fix was deployed; the change was the provider's
