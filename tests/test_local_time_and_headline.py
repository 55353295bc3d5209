"""Stories: a draft tells its readers their own local times and says in its heading what failed.

Editors marked "from 13:20 to 15:55 UTC" in a note to shoppers in Brazil as hard to read, and pasted local times
beside UTC ones as wrong facts; they read "Incident report: Service disruption" and "the Duplicate card incident"
as never saying what failed. These write-ups are invented for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

GROCERY = """\
# Duplicate card charges at checkout — retry key dropped in 4.18 (INC-2207)

Saturday 9 August 2025. All times BRT.

## Impact
From 10:20 to 12:55 BRT, 3,412 orders paid by card in the Cestou app were charged twice.
Refunds were issued at 14:10 and show on card statements within 2 to 7 business days.

## Cause
Confirmed: release 4.18 of the Cestou app went out at 10:14 and sent payment retries without the duplicate
protection key. We rolled it back at 12:40.

## Actions
- Alert when the same card is charged twice for one order within 10 minutes.
"""

THERMOSTAT = """\
Bridge notes - heating schedules blank (sev2)

Monday 13 January 2025, times CST.

22:41 thermostats start dropping to Eco hold, Hearthwise app shows blank schedules
23:30 about 38,400 thermostats affected
01:52 schedules re-sent to every online thermostat, impact over

Cause not yet confirmed.
"""


def test_a_write_up_in_local_time_gives_readers_local_times_with_utc_beside_them():
    d = draft(GROCERY, "report", "general", "sev2", contact=CONTACT)
    assert "from 10:20 to 12:55 BRT (13:20 to 15:55 UTC; 2 hours 35 minutes)" in d.text
    assert "The problem ended at" not in d.text  # the summary's window already says when it ended, in BRT


def test_a_pasted_local_time_carries_its_zone_like_the_drafts_own_times():
    d = draft(GROCERY, "report", "technical", "sev2", contact=CONTACT)
    assert "Refunds were issued at 14:10 BRT" in d.text


def test_the_liaison_can_still_ask_for_utc():
    d = draft(GROCERY, "report", "general", "sev2", contact=CONTACT, timezone="UTC")
    assert "from 13:20 to 15:55 UTC (2 hours 35 minutes)" in d.text
    assert "BRT (" not in d.text


def test_a_night_that_crosses_midnight_gives_the_utc_days():
    d = draft(THERMOSTAT, "preliminary", "general", "sev2", contact=CONTACT)
    assert "22:41 CST" in d.text
    assert "From 22:41 CST on Monday 13 January 2025 to 01:52 CST on Tuesday 14 January 2025 (04:41 to 07:52 UTC on 14 January;" in d.text


def test_a_write_up_in_utc_has_no_second_set_of_times():
    text = GROCERY.replace("All times BRT.", "All times UTC.").replace(" BRT", " UTC")
    d = draft(text, "report", "general", "sev2", contact=CONTACT)
    assert "from 10:20 to 12:55 UTC (2 hours 35 minutes)" in d.text


def test_the_heading_says_what_failed_from_the_titles_customer_part():
    d = draft(GROCERY, "report", "general", "sev2", contact=CONTACT)
    assert d.text.startswith("# Incident report: Duplicate card charges at checkout, 9 August 2025")
    assert "INC-2207" not in d.text and "retry key" not in d.text.splitlines()[0]


def test_a_capitalised_first_word_of_a_title_is_not_a_product_name():
    assert "Duplicate card" not in build_sheet(GROCERY).texts("products")


def test_a_title_that_is_only_a_document_kind_gives_no_headline():
    assert build_sheet(THERMOSTAT).headline.value == "heating schedules blank"  # "Bridge notes - " is the kind, not the event
    sheet = build_sheet("Pasted from inc-login-storm\n\n" + GROCERY.split("\n", 1)[1])
    assert sheet.headline.value == ""
    sheet = build_sheet("From: Dana Wu <dana@example.org>\nTo: Support\n\n" + GROCERY.split("\n", 1)[1])
    assert sheet.headline.value == ""


def test_the_liaison_can_edit_the_headline_in_the_fact_sheet():
    from drafting.facts.sheet import FactSheet

    data = build_sheet(GROCERY).to_dict()
    data["headline"] = {"value": "Some card payments were taken twice"}
    d = draft(FactSheet.from_dict(data), "preliminary", "general", "sev2", contact=CONTACT)
    assert d.text.startswith("# Incident update: Some card payments were taken twice")


def test_a_title_that_says_only_what_it_concerns_is_not_a_headline():
    text = "Hale video consultations — Vireo media region (INC-88)\n\n" + GROCERY.split("\n", 1)[1]
    assert build_sheet(text).headline.value == ""  # no word of failure: the heading names the product instead


def test_a_shift_handoff_label_is_not_a_headline():
    text = "Handoff wed 22/1 day - eve, tracking stale again\n\n" + GROCERY.split("\n", 1)[1]
    assert "Handoff" not in build_sheet(text).headline.value


def test_a_follow_up_for_a_window_over_two_days_gives_both_days():
    text = GROCERY.replace("From 10:20 to 12:55 BRT,", "From 10:20 BRT on Saturday 9 August to 12:55 BRT on Sunday 10 August,")
    d = draft(text, "followup", "executive", "sev2", contact=CONTACT, account="Northwind")
    assert "It lasted from 10:20 BRT on Saturday 9 August 2025 to 12:55 BRT on Sunday 10 August 2025" in d.text
