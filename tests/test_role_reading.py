"""Stories for reading a write-up by what each sentence is for (the sentence-role model, drafting.facts.by_role).

Given write-ups in shapes the cue lists do not know (bold lead-ins instead of headings, a memo's inline
labels, an editor's bracket notes), the fact sheet still finds what customers saw, what they are owed and
what is changing, and the drafts say it; and sentences that are about something else stay out.
"""
from __future__ import annotations

import json

import pytest

from drafting import check, draft
from drafting.facts.build import build_sheet
from drafting.reading import role_model

pytestmark = pytest.mark.skipif(not role_model.exists(), reason="no role model shipped")

# An invented provider-style event summary: bold lead-ins, long prose, an editor's note left in.
EVENT_SUMMARY = """# Summary of the Parkwise Payments Event in the Northern Region

> Internal draft for Comms review. Owner: Tomasz Rudnicki. Strip open comments before publishing.

We want to share more about the disruption that affected parking payments for Parkwise customers on March 3, 2025. All times are UTC.

**Background.** When a driver starts a parking session in the Parkwise app, the app asks the tariff service for the price of the zone before
the payment is taken.

**What happened.** At 07:40 a routine update to the tariff tables was published. However, the update contained a zone list in a new format,
and the tariff service rejected every price request for zones in that list instead of only the new zones. The on-call engineer was paged at
07:52 and first looked at the card processor, which turned out to be healthy. Recovery in the city centre took longer because thousands of
apps retried at the same moment when prices came back.

Drivers in the affected zones saw "Payment could not be completed" when they tried to start a session, and some received penalty notices
from enforcement officers while the app was failing. Drivers outside the Northern Region were not affected, and sessions that had already
started kept running normally.

For the purposes of this summary we consider the customer impact to have lasted from 07:44 to 09:31 UTC on March 3. [Legal: check that the
end time matches the enforcement log before we publish.]

**Impact in numbers.** About 18,200 session starts failed, roughly 31% of attempts in the region during the window.

**What we are doing for affected customers.** Every penalty notice issued in the affected zones during the window will be cancelled
automatically; drivers do not need to appeal. Drivers who paid a notice before it was cancelled will receive a full refund to their original
payment method.

**What we are changing.** First, the tariff service will reject only the zones it cannot read, and will keep pricing the rest. Second,
tariff updates will be published to one district first and held for fifteen minutes before the rest of the region. Finally, we are adding an
alert on failed price requests per zone.

**In closing.** We know drivers rely on Parkwise to park without worry, and we apologise for the disruption this caused.
"""


def _sheet():
    return build_sheet(EVENT_SUMMARY)


def test_a_provider_style_summary_with_bold_lead_ins_gives_a_full_fact_sheet():
    sheet = _sheet()
    symptoms = " ".join(sheet.texts("symptoms"))
    assert "Payment could not be completed" in symptoms
    remedy = " ".join(sheet.texts("remedy"))
    assert "cancelled automatically" in remedy and "refund" in remedy
    actions = " ".join(sheet.texts("actions"))
    assert "one district first" in actions and "alert on failed price requests" in actions
    assert any("were not affected" in t for t in sheet.texts("unaffected"))
    assert sheet.cause_status.value == "confirmed"
    # the trigger is the cause; the slow recovery of one part is not
    assert "rejected every price request" in str(sheet.cause.value)
    assert "retried at the same moment" not in str(sheet.cause.value)


def test_the_background_and_the_investigation_are_not_what_customers_saw():
    sheet = _sheet()
    said = " ".join(sheet.texts("symptoms") + sheet.texts("numbers") + sheet.texts("harm"))
    assert "asks the tariff service" not in said      # background
    assert "card processor" not in said               # the team's investigation


def test_an_editors_bracket_note_never_reaches_a_draft():
    d = draft(EVENT_SUMMARY, "report", "general", "sev2", contact="Ana Silva <help@parkwise.example>")
    assert "Legal" not in d.text and "enforcement log" not in d.text
    assert "Tomasz" not in d.text and "Rudnicki" not in d.text


def test_the_report_says_what_customers_saw_what_they_are_owed_and_what_is_changing_in_the_write_ups_order():
    d = draft(EVENT_SUMMARY, "report", "general", "sev2", contact="Ana Silva <help@parkwise.example>")
    text = d.text
    assert "Payment could not be completed" in text
    assert "do not need to appeal" in text
    changes = text.split("## What we are changing", 1)[1].split("##", 1)[0]
    assert "First," not in changes and "Finally," not in changes  # a list orders itself
    assert changes.index("reject only the zones") < changes.index("one district first") < changes.index("alert on failed")


def test_items_of_an_action_list_and_hypotheses_never_fill_what_customers_saw():
    writeup = """# INC-77 ticket scanner outage (Gatepass)

Start: 2025-05-02 18:05 UTC
End: 2025-05-02 18:50 UTC

## Impact
Ticket scanners at venue gates showed "Ticket not recognised" for valid tickets, and about 4,100 fans queued for longer.

## Hypothesis A - certificate rotation
The scanners may have kept an old certificate after the rotation at 18:00, but we have not confirmed this.

## Action items
- status page template for "gates are slow" (ours lives on the same domain, check it)
- add a health check for the scanner certificate
"""
    sheet = build_sheet(writeup)
    said = " ".join(sheet.texts("symptoms") + sheet.texts("numbers"))
    assert "Ticket not recognised" in said
    assert "status page template" not in said
    assert "old certificate" not in said and "old certificate" not in " ".join(sheet.texts("actions"))


def test_a_memo_with_inline_labels_gives_its_changes_and_its_confirmed_cause():
    memo = """To: Leadership
From: VP Engineering
Date: March 12, 2025

Team, one incident this month.

On Tuesday, March 4, from 9:10 AM to 11:40 AM ET, invoices sent through Ledgerkite were delivered twice to the receiving businesses.

What it meant for customers:
- 2,950 invoices were delivered twice to 700 businesses.

What happened: a retry job re-sent invoices that had already been delivered, while the duplicate check was switched off for a database upgrade.

Why the alert didn't page: we think the alert threshold was too high, but we haven't confirmed that yet.

What's changing:
- The duplicate check can no longer be switched off while delivery is running.
- The retry job will ask the receiving network whether an invoice arrived before sending it again.
"""
    sheet = build_sheet(memo)
    assert sheet.cause_status.value == "confirmed"
    assert "re-sent invoices that had already been delivered" in str(sheet.cause.value)
    assert len(sheet.actions) == 2
    assert any("delivered twice" in t for t in sheet.texts("numbers") + sheet.texts("harm") + sheet.texts("symptoms"))


def test_a_quoted_error_message_is_not_our_guess():
    text = 'Shoppers saw "Payment could not be processed, please try again." when they paid by card.\n'
    result = check(text, "sev2", "general", "report", use_grammar=False)
    assert not [f for f in result.findings if f.category == "conjecture"]
    hedged = check("The payment provider could be the cause, we think.\n", "sev2", "general", "report", use_grammar=False)
    assert [f for f in hedged.findings if f.category == "conjecture"]


def test_the_company_named_only_in_its_addresses_and_before_its_products_is_the_product_not_a_person():
    writeup = """From: Priya Natarajan <priya.natarajan@brookvale.com>
To: support-leads@brookvale.com
Subject: payroll files late

Brookvale Payroll sent the bank files for the 14 March pay date four hours late. Employers saw "Payment pending" on the pay run page
from 09:00 to 13:00 UTC on 14 March 2025, and about 3,200 employees were paid a day late.
Cause: the file transfer job stopped after a certificate expired on the bank connection, and it was not renewed.
"""
    sheet = build_sheet(writeup)
    assert any("Brookvale" in p for p in sheet.texts("products"))
    d = draft(writeup, "preliminary", "general", "sev1", contact="Ana Silva <help@brookvale.com>")
    assert "files late" in d.text.splitlines()[0].lower()  # the subject line says what failed: it heads the draft
    assert "Brookvale" in d.text.split("\n", 2)[2]  # and the product is named in the body
    assert "Priya" not in d.text and "Natarajan" not in d.text


def test_the_role_model_ships_with_its_held_out_figures():
    meta = json.loads((role_model.folder() / role_model.META).read_text())
    assert meta["held_out"]["n"] >= 150
    assert meta["held_out"]["accuracy"] >= 0.7
    scores = role_model.role_scores(["We will add an alert on queue depth.", "Customers saw a blank page when they logged in."])
    assert max(scores[0], key=scores[0].get) == "action"
    assert max(scores[1], key=scores[1].get) == "symptom"
    assert abs(sum(scores[0].values()) - 1) < 1e-4
