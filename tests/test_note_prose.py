"""Stories: an engineer's note-style lines reach a customer draft as sentences, or not at all.

Editors reading our drafts marked every pasted note ("1,210 pages affected.", "No cust action needed.",
"Ok so those people need to resubmit.") as a fragment. These write-ups are invented for the tests.
"""
from __future__ import annotations

import pytest

from drafting import draft
from drafting.facts.prose import figure_note_as_sentence, plain_words

PARCEL_NOTES = """\
# Parcel locker app - lockers would not open

Date: 2025-05-14 (Wed). All times UTC.

## Impact
- 09:20-10:05 UTC: customers could not open parcel lockers from the Lockwell app.
- 2,140 of about 9,000 collections affected.
- ~3,600 customers who tried to collect in the window.
- No cust action needed, parcels stay in the locker for 7 extra days.
- Ok so the ones who gave up need to come back, that's fine.
- Late-collection fees + storage fees waived for the whole week.

## Cause
Confirmed: a certificate on the locker gateway expired, so lockers refused unlock requests from the app.

## Actions
- Alert 30 days before any certificate expires.
"""


@pytest.fixture(scope="module")
def report():
    return draft(PARCEL_NOTES, "report", "general", "sev3", contact="Sam Rivera <support@example.com>")


def test_a_figure_note_becomes_a_sentence(report):
    assert "2,140 of about 9,000 collections were affected." in report.text
    assert "collections affected." not in report.text


def test_a_relative_clause_note_loses_its_who(report):
    assert "About 3,600 customers tried to collect in the window." in report.text


def test_note_shorthand_and_plus_signs_are_plain_words(report):
    assert "cust " not in report.text and " + " not in report.text
    assert "No customer action is needed" in report.text or "customer action" not in report.text


def test_chat_voice_is_left_out(report):
    assert "Ok so" not in report.text and "gave up" not in report.text


def test_shouted_capitals_and_zone_words_do_not_make_a_remedy_too_technical():
    text = PARCEL_NOTES.replace("- Late-collection fees", "- Fees are NOT charged: late-collection fees").replace(
        "## Cause", "- Every late fee taken was refunded by 18:00 CEST on 14 May.\n\n## Cause")
    d = draft(text, "report", "general", "sev3", contact="Sam Rivera <support@example.com>")
    assert "Every late fee taken was refunded by 18:00 CEST on 14 May." in d.text


@pytest.mark.parametrize("note, sentence", [
    ("14 stores affected", "14 stores were affected."),
    ("About 700 orders not delivered", "About 700 orders were not delivered."),
    ("No manual action required", "No manual action is required."),
    ("31 failed renewals, about 20 clinics", "There were 31 failed renewals, about 20 clinics."),
])
def test_figure_notes_are_completed_safely(note, sentence):
    made = figure_note_as_sentence(plain_words(note))
    assert made is not None and made[0] == sentence


@pytest.mark.parametrize("note", [
    "6,480 over the weekend",                                 # no noun to count
    "About 9,400 payment attempts failed",                    # a sentence with an active verb
    "Success rate min 3.1% at 7:34",
])
def test_lines_that_are_not_figure_notes_are_not_rewritten(note):
    assert figure_note_as_sentence(plain_words(note)) is None


def test_a_sentence_with_its_own_verb_is_not_completed():
    text = PARCEL_NOTES.replace("- 2,140 of about 9,000 collections affected.",
                                "- 40 customers affected by the outage phoned the helpline.")
    d = draft(text, "report", "technical", "sev3", contact="Sam Rivera <support@example.com>")
    assert "were affected by the outage phoned" not in d.text


FLEET_EMAIL = """\
Subject: Courier app incident - full account

1. WHAT HAPPENED

  Between 06:10 and 07:55 UTC on 3 June 2025, couriers could not accept new jobs in the Haulbee app.

2. WHAT WE ARE CHANGING

  1. Job assignment retries automatically when the routing engine is slow.
  2. Couriers to get a status banner in the app during any future slowdown.

Sorry again for the trouble this caused your couriers.
"""


def test_a_numbered_capital_heading_over_a_list_opens_the_changes_and_the_sign_off_is_not_one():
    from drafting.facts.build import build_sheet

    actions = build_sheet(FLEET_EMAIL).texts("actions")
    assert "Job assignment retries automatically when the routing engine is slow." in actions
    assert "Couriers will get a status banner in the app during any future slowdown." in actions
    assert not any("Sorry" in a for a in actions)


def test_a_fixes_line_in_a_pasted_summary_lists_the_changes():
    from drafting.facts.build import build_sheet

    notes = ("[15:02] dana: summary for the writeup:\n"
             "  - impact: 09:10 - 09:50 UTC on 2 June 2025, members could not book classes in the Gymly app\n"
             "  - fixes: booking service retries the payment check; alert when bookings drop below normal\n")
    actions = build_sheet(notes).texts("actions")
    assert "Booking service retries the payment check." in actions
    assert "Alert when bookings drop below normal." in actions


def test_a_banner_block_keeps_its_product_line():
    from drafting.facts.build import build_sheet

    log = ("==========================================\n"
           " KESTREL FREIGHT - OPS HANDOVER\n"
           " Day shift -> Night shift\n"
           " Product: Dockside Tracker (shipment tracking)\n"
           "==========================================\n\n"
           "14:05-14:50 UTC 2 June 2025: customers could not see shipment updates in Dockside Tracker.\n")
    assert "Dockside Tracker" in build_sheet(log).texts("products")


def test_a_bare_local_time_in_a_pasted_sentence_is_labelled_with_the_write_ups_zone():
    """Editors counted "until 21:05" beside "01:05 UTC" as a wrong fact: a reader takes it for UTC."""
    notes = ("# Tutor booking outage, 9 June 2025 (all times AEST)\n\n"
             "## Impact\n"
             "From 08:12 to 11:47 AEST on 9 June 2025, parents could not book tutoring sessions in the Tutorly app.\n"
             "- Parents charged a late-booking fee before 10:30 will be refunded automatically.\n\n"
             "## Cause\nConfirmed: a faulty release of the booking service.\n")
    d = draft(notes, "report", "general", "sev3", contact="Sam Rivera <support@example.com>")
    assert "before 10:30 AEST will be refunded automatically" in d.text


def test_an_instruction_about_customer_comms_never_reaches_a_draft():
    notes = ("# Video visit drops, 3 March 2025\n\n## Impact\n"
             "From 13:35 to 15:22 UTC on 3 March 2025, patients could not join video visits in the Carewell app.\n\n"
             "## Cause\nThe video provider says a network change caused it, but that is preliminary. "
             "Please don't present this as the cause in customer comms until the RCA lands.\n")
    for stage in ("preliminary", "report"):
        d = draft(notes, stage, "general", "sev2", contact="Sam Rivera <support@example.com>")
        assert "customer comms" not in d.text and "RCA" not in d.text


def test_a_heading_between_two_dashed_rules_stays_a_heading():
    from drafting.reading.document import read

    ticket = ("[OPS-12] Receipts not emailed\nStatus: Resolved\n\n"
              "------------------------------\nDescription\n------------------------------\n"
              "From 9:15 AM CDT on 3 June 2025 receipts were not emailed to shoppers.\n")
    doc = read(ticket)
    assert any(u.kind == "heading" and u.text.strip() == "Description" for u in doc.units)


ROSTER_MINUTES = """\
HARBOURLINE FERRIES - INCIDENT BRIDGE MINUTES
Date: Saturday 5 July 2025
Times: UTC

Attendees
  Oksana Petrenko   Duty Manager (chair)
  Tevita Fifita     Platform Engineering, on-call
  Marta Silva       Customer Service

Summary
From 06:05 to 07:40 UTC on 5 July 2025, passengers could not check in for sailings in the Harbourline app.
Tevita Fifita restarted the ticketing gateway at 07:30.

Decisions
  D2  App banner and SMS to passengers on morning sailings.
"""


def test_names_in_an_attendee_roster_are_staff_and_never_a_product():
    from drafting.config import CompanyConfig
    from drafting.facts.build import build_sheet
    from drafting.redact import Redactor

    staff = Redactor.build(ROSTER_MINUTES, CompanyConfig()).staff
    assert {"Oksana Petrenko", "Tevita Fifita", "Marta Silva"} <= set(staff)
    sheet = build_sheet(ROSTER_MINUTES)
    products = " ".join(sheet.texts("products"))
    assert "Fifita" not in products and "D2" not in products
    d = draft(ROSTER_MINUTES, "report", "technical", "sev2", contact="Sam Rivera <support@example.com>")
    for name in ("Oksana", "Petrenko", "Tevita", "Fifita", "Marta"):
        assert name not in d.text
