"""Stories: a confirmed cause and the changes reach general and executive readers in plain sentences chosen
by their kind, when the write-up says them only in engineers' words.

Editors read "We have confirmed the cause. Our engineers can walk you through the technical details" as
withholding it, and "We will follow up with the specific changes" as an empty promise, when the write-up
had both, in jargon. These write-ups are invented for the tests.
"""
from __future__ import annotations

import pytest

from drafting import draft
from drafting.facts.build import build_sheet
from drafting.facts.kinds import change_kind
from drafting.facts.sheet import FactSheet

CONTACT = "Sam Rivera <support@example.com>"

PHOTO_ISSUE = """\
# Postmortem: gallery thumbnails blank in the Snapframe app (3 Jun) #812

Labels: `postmortem` `sev-2`. All times UTC.

> Liaison: the customer version is yours. Don't name Orchid Studios, they asked us not to.

### TL;DR
From **07:15 to 08:40 UTC on Tue 3 June 2025** Snapframe galleries showed grey boxes instead of photo thumbnails.
About 31,000 photographers opened a gallery in that window. No photos were lost.

Cause is **confirmed**: PR #805 (prep for Project Heron) changed the VCL rule that keeps the `Accept` header,
so edge POPs served the WebP variant to browsers that cannot show it.

### Timeline
- 07:09 #805 merged and deployed by @lena-k
- 07:15 config live on all POPs, impact starts
- 08:31 revert (#806) deployed
- 08:40 revert live everywhere, impact ends

### Action items
- [x] Revert #805 (#806)
- [x] Purge bad variants from cache
- [x] Synthetic thumbnail check on every POP, page on-call on failure
- [ ] Edge config goes to one POP for 30 min before global (canary)
- [ ] Add `Accept: image/jpeg` requests to the staging test suite
- [ ] Review a second CDN vendor for failover (procurement)
- [ ] Redo the Heron change with the rule unconditional (@lena-k)
"""

DENIED_CHANGE = """\
Incident summary - Tallyho timesheets, 12 March 2025 (sev3)
All times UTC.

Impact: 10:02-10:48 UTC, timesheet submissions in Tallyho failed for about 2,300 employees.

Root cause: confirmed. The timesheet service's database ran out of disk space when the monthly export wrote its
temporary files to the same volume.
There was no deploy that day and nobody changed any settings.
Could also have been the export job being slow, but the disk filled first.

Actions:
- Alert when the database volume passes 80% full.
- Move export temporary files to their own volume.
"""

PROVIDER = """\
Subject: RFO draft - Ferrylink ticket texts not arriving, 9 Oct

All times UTC. Ferrylink booking texts with boarding codes did not arrive for about 4,800 passengers between
16:05 and 17:20. Boarding codes were still shown in the app and in the confirmation email.

Root cause (confirmed): our SMS vendor pushed a faulty release at 16:05 and their gateway stopped delivering
messages to UK numbers until 17:20.

Action items
1. Add a second SMS provider with automatic failover when delivery rate drops.
2. Alert on delivery receipts, not only on send errors.
"""


@pytest.fixture(scope="module")
def photo_report():
    return draft(PHOTO_ISSUE, "report", "general", "sev2", contact=CONTACT)


def test_a_cause_told_in_edge_jargon_is_said_by_its_kind_and_part(photo_report):
    why = photo_report.text.split("## Why it happened")[1].split("## ")[0]
    assert "A change we made to the network that delivers our content caused the problem." in why
    assert "We have since undone that change." in why
    assert "walk you through" not in why and "VCL" not in photo_report.text


def test_the_changes_are_said_by_kind_and_done_work_says_it_is_done(photo_report):
    changes = photo_report.text.split("## What we are changing")[1].split("## ")[0]
    assert "We have added alerts for this kind of problem, so that our engineers see it sooner." in changes
    assert "We are tightening how we trial changes of this kind on a small part of our service" in changes
    assert "We are adding tests for this kind of problem." in changes
    assert "follow up with the specific changes" not in changes


def test_clean_up_a_code_name_and_a_mere_review_never_reach_the_changes(photo_report):
    changes = photo_report.text.split("## What we are changing")[1].split("## ")[0]
    for absent in ("Purge", "Revert", "Heron", "backup when one part fails", "second CDN"):
        assert absent not in changes, absent
    assert "Orchid" not in photo_report.text


def test_the_preliminary_names_the_kind_of_cause_for_general_readers():
    d = draft(PHOTO_ISSUE, "preliminary", "general", "sev2", contact=CONTACT)
    assert "We have identified the cause. A change we made to the network that delivers our content caused the problem." in d.text


def test_the_key_account_hears_the_plain_change_not_an_internal_item():
    d = draft(PHOTO_ISSUE, "followup", "executive", "sev2", contact=CONTACT, account="Northwind")
    main = next(line for line in d.text.splitlines() if line.startswith("Among them, we "))
    assert "Heron" not in main
    assert "small part of our service before they reach everyone" in main  # a change that stops it happening again, before one that only sees it sooner


def test_technical_readers_keep_the_write_ups_own_items_and_gain_the_kinds_it_did_not_cover():
    d = draft(PHOTO_ISSUE, "report", "technical", "sev2", contact=CONTACT)
    changes = d.text.split("## What we are changing")[1].split("## ")[0]
    assert "one POP for 30 min" in changes or "small part of our service before they reach everyone" in changes
    assert changes.count("- ") >= 3


def test_a_denied_change_and_a_guess_are_never_the_cause():
    sheet = build_sheet(DENIED_CHANGE)
    assert sheet.cause_status.value == "confirmed"
    assert "ran out of storage space" in str(sheet.cause_plain.value)
    assert "A change we made" not in str(sheet.cause_plain.value)
    assert "keep up with the amount of work" not in str(sheet.cause_plain.value)


def test_a_vendors_faulty_release_is_not_a_change_we_made():
    sheet = build_sheet(PROVIDER)
    assert sheet.cause_plain.value == "A problem at one of the outside providers our service relies on set this off."
    d = draft(PROVIDER, "report", "executive", "sev2", contact=CONTACT)
    assert "A change we made" not in d.text
    assert "We are making our service switch to a backup automatically when this part fails." in d.text


def test_the_liaison_can_correct_the_plain_cause_in_the_fact_sheet_and_redraft():
    data = build_sheet(PHOTO_ISSUE).to_dict()
    data["cause_plain"] = {"value": "A setting we changed on our image servers sent some browsers a format they cannot show."}
    d = draft(FactSheet.from_dict(data), "report", "general", "sev2", contact=CONTACT)
    assert "A setting we changed on our image servers" in d.text
    assert "network that delivers our content" not in d.text


@pytest.mark.parametrize("item, kind", [
    ("Alert on a drop in the share of 206 responses", "monitoring"),
    ("Changes above 25% on any checkout flag need a second approver", "change review"),
    ("Enforce ramp steps (5% → 25% → 100%) with a 30-minute hold", "staged rollout"),
    ("Automatic rollback when the error rate doubles", None),  # no kind here, but never clean-up: said in its own words
    ("[x] Revert #4468", None),
    ("Investigate a second media region for failover", None),
    ("Fix the booking page so it reuses connections (fix is written, tested on staging)", None),
])
def test_an_action_items_kind(item, kind):
    assert change_kind(item) == kind


RENEWED_CERT = """\
# Refill requests not reaching store pharmacies (sev2)

Tuesday 14 October 2025, all times MST.

## What happened
From 05:50 to 13:05 MST refill requests sent from the Rexwell app did not reach store pharmacies. About 4,100
requests were held.

## Root cause (confirmed)
The TLS certificate for the store connector was renewed at 05:47, three minutes before the old one expired
at 05:50, but the connector kept using the old certificate until it was restarted at 13:05.

## Actions
- Restart the connector automatically after any certificate renewal.
"""


def test_a_renewed_certificate_is_never_said_to_have_expired_before_renewal():
    plain = str(build_sheet(RENEWED_CERT).cause_plain.value)
    assert "did not pick up a valid one in time" in plain and "before it was renewed" not in plain


ESIGN = """\
# Signing links expiring early — escalation for the broad notice

Tue 2 Sep 2025, times PT. From 5:40 PM PT signers who opened links in envelope emails from Inkwell Sign got
"This signing link has expired". 41,870 envelopes were sent with the wrong expiry.

## What's been agreed for ALL affected customers
1. Every affected envelope is restored to the expiry the sender chose. Senders don't need to resend.
2. Service credit of 15% of the September fee for every affected account, applied to the October invoice.
"""


def test_what_is_agreed_for_customers_is_the_remedy_and_comes_first():
    sheet = build_sheet(ESIGN)
    assert sheet.remedy and sheet.remedy[0].value.startswith("Every affected envelope is restored")
    assert any("Service credit of 15%" in r.value for r in sheet.remedy)


def test_a_write_up_that_never_says_when_it_ended_gets_an_honest_report_and_a_flag():
    d = draft(ESIGN, "report", "general", "sev2", contact=CONTACT)
    assert "We are still confirming when service was fully back to normal." in d.text
    assert any(o["item"] == "end of impact" and "does not say" in o["reason"] for o in d.omitted)
    assert "confirming exactly what customers saw" not in d.text


def test_the_app_form_lets_the_liaison_rewrite_the_plain_cause_and_changes():
    from drafting.ui.facts import corrections_block, editable_facts, with_corrections

    form = editable_facts(build_sheet(PHOTO_ISSUE))
    assert "network that delivers our content" in form["cause_plain"] and "alerts" in form["changes_plain"]
    edited = dict(form, cause_plain="A setting we changed on our image servers sent browsers the wrong format.",
                  changes_plain="We now test every image format before a change goes live.")
    d = draft(with_corrections(PHOTO_ISSUE, corrections_block(form, edited)), "report", "general", "sev2", contact=CONTACT)
    assert "A setting we changed on our image servers" in d.text
    assert "We now test every image format before a change goes live." in d.text


def test_a_rollback_that_failed_is_never_said_to_have_restored_service():
    text = PHOTO_ISSUE.replace("- 08:31 revert (#806) deployed", "- 08:31 revert (#806) deployed but the rollback failed; fixed forward")
    assert "Undoing" not in str(build_sheet(text).cause_plain.value)


def test_a_struck_through_line_is_withdrawn_and_never_drafted():
    text = PHOTO_ISSUE.replace("No photos were lost.", "~~No photographer was charged for the window.~~ No photos were lost.")
    d = draft(text, "report", "technical", "sev2", contact=CONTACT)
    assert "charged" not in d.text


def test_a_retro_booking_is_not_a_change():
    text = PHOTO_ISSUE.replace("- [ ] Review a second CDN vendor", "- [ ] Retro scheduled for Thursday with the edge team\n- [ ] Review a second CDN vendor")
    assert not any("Retro" in a.value for a in build_sheet(text).actions)
