"""Stories from round 36's editors: internal code names told to customers ("Lantern", "Metronome", "Ladle"), another
merchant named as the product, remedies agreed in a chat's "for the customer side:" line or only in a forwarded
e-mail's quoted reply, a note turned into "We will refund processing continued ...", a change listed twice, and a
headline that is a clause told as "an incident with ...". The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

SERVICENOW = """\
Number:              INC0041877
Business service:    Member Portal Services (Beacon)
Priority:            2 - High
Opened:              2025-06-16 07:40:00

Short description:
  Members unable to submit fund switches in Beacon - errors SW-500

Description:
  From 07:31 to 10:18 BST on 16/06/2025 members could not reliably submit fund switches online.
  The Beacon app logs show the first SW-500 at 07:31:12.
  Beacon 4.18.2 deployed to app01 at 07:29; Beacon 4.18.2 rolled back at 10:12.

Work notes:
  Member remediation agreed:
   - Members must request the quote again; quotes issued for them will use the 16/06 valuation date.
"""


def test_a_name_explained_in_brackets_and_released_by_version_is_internal():
    """Given "Member Portal Services (Beacon)" and "Beacon 4.18.2 deployed", no draft says "Beacon"; what members must
    do again is a remedy."""
    sheet = build_sheet(SERVICENOW)
    assert any("request the quote again" in r for r in sheet.texts("remedy"))
    for stage, audience in (("preliminary", "general"), ("report", "general"), ("report", "technical")):
        assert "Beacon" not in draft(SERVICENOW, stage, audience, "sev2").text


BILLING_POSTMORTEM = """\
# SEV1 — Duplicate charges during the 1 July renewal run

**Customer-facing impact window:** 6:07 AM – 8:41 AM IST on Jul 1. Refund processing continued until 1:10 PM.

On 1 July the scheduled renewal run (Cadence) charged some end-customers of our merchants twice for one invoice.
Between 6:07 AM and 8:41 AM IST, 9,210 renewal invoices belonging to 188 merchants were charged more than once.

## Timeline

| Time (IST) | Event | Source |
|---|---|---|
| Jul 1, 6:00 AM | Cadence starts 1 July renewal run | Automation |
| Jul 1, 7:41 AM | Northbay Books reports same; ~3,000 duplicates counted so far | Slack |
| Jul 1, 8:41 AM | Cadence paused | Feature flag audit log |

## Action items

- Alert on any invoice with more than 1 captured payment.
- Key-format changes need Payments sign-off.
- Key-format changes need Payments sign-off (CODEOWNERS).
- @dmoran to send Northbay Books a personal note after retro.
"""


def test_another_merchant_is_never_the_product_and_a_note_is_never_turned_into_we_will():
    """Given "Northbay Books reports same" and "send Northbay Books a personal note", that merchant is not the product
    and is never named; "Refund processing continued until 1:10 PM." is never "We will refund processing ..."; the
    sign-off change is listed once; the renewal run's code name stays out."""
    sheet = build_sheet(BILLING_POSTMORTEM)
    assert not any("Northbay" in p for p in sheet.texts("products"))
    assert sum("sign-off" in a for a in sheet.texts("actions")) == 1
    text = draft(BILLING_POSTMORTEM, "report", "general", "sev1").text
    assert "Northbay" not in text and "Cadence" not in text
    assert "We will refund processing" not in text


SLACK_THREAD = """\
#screens-incident (people only)

**mara** 11:52 PM
theory: the new scheduler build is dropping the midnight rotation, could be the compiler

**ngaio** 12:05 AM
ok so screens on the Harbourfront network showed fallback content from 11:40 PM to 1:25 AM ET

**mara** 1:40 AM
thank you both. for the customer side: missed spots get make-goods on the same screens Mon-Wed, anything we can't fit gets credited on the November invoice.
"""


def test_a_chat_line_for_the_customer_side_is_a_remedy_even_among_guesses():
    """Given "for the customer side: missed spots get make-goods ..., ... credited on the November invoice." in a chat
    of theories, it is a remedy, told without its label."""
    remedies = build_sheet(SLACK_THREAD).texts("remedy")
    assert any(r.startswith("Missed spots get make-goods") and "November invoice" in r for r in remedies)


FORWARDED = """\
From: Renee Walsh <renee.walsh@quadrant-learn.com>
Sent: Tuesday, August 26, 2025 9:14 AM
Subject: FW: access codes - "code already used" errors

Sharing for the account managers. Short version below.

> From: Sam Wexler <sam.wexler@quadrant-learn.com>
> Sent: Monday, August 25, 2025 6:02 PM
> Subject: access codes - "code already used" errors
>
> Between 8:02 AM and 4:30 PM ET on Monday 25 August some printed access codes were rejected as "already used".
> - Students who got the error only need to re-enter the same code now. Nothing else.
"""


def test_a_remedy_told_only_in_a_forwarded_reply_is_read():
    """Given a forwarded e-mail whose remedy is only in the quoted message, the remedy is read from it."""
    assert any("re-enter the same code" in r for r in build_sheet(FORWARDED).texts("remedy"))


MATTERMOST = """\
**ravi.okafor** (Ship IT · Solstice) — 7:31 PM
Guests trying to book tours in the Companion app get a spinning wheel then "Booking could not be completed".

**ravi.okafor** — 8:55 PM
Linkstar NOC says Florida gateway maintenance done early, traffic moved back 8:40 PM your time.
"""


def test_a_chat_messages_header_line_is_never_told():
    """Given a Mattermost message "**ravi.okafor** — 8:55 PM" then its text, no fact keeps the header or the message."""
    sheet = build_sheet(MATTERMOST)
    told = " ".join(str(v) for k, v in sheet.to_dict().items() if k in ("symptoms", "numbers", "resolution", "harm", "remedy"))
    assert "ravi" not in told.lower() and "8:55 PM" not in told


SCANNER = """\
# Barcode scan returns "Product not found" for short barcodes

## Summary

On Tuesday 14 January 2025, from 10:05 to 15:50 CET, scanning a product with a short 8-digit barcode returned "Product not found".
About 6.1% of all barcode scans failed during the window.
"""


def test_a_headline_that_is_a_clause_is_never_told_as_an_incident_with():
    """Given the title "Barcode scan returns "Product not found" for short barcodes", no draft says "an incident with
    barcode scan returns ..."."""
    for stage in ("preliminary", "report"):
        text = draft(SCANNER, stage, "general", "sev3").text
        assert "incident with barcode scan returns" not in text and "sorry for the barcode scan returns" not in text


PENSION_NOTE = """\
# Fund switches failed on the member portal

## Summary

1,284 switch submissions failed, from 1,139 distinct members, on Monday 16 June 2025 from 07:31 to 10:18 UTC.
"""


def test_a_note_to_one_account_gives_the_whole_incidents_figures_as_the_whole_incidents():
    """Given a figure for the whole incident, the personal note to Northwind says it is across all customers, so the
    account does not read 1,284 failures as its own."""
    text = draft(PENSION_NOTE, "followup", "executive", "sev2", account="Northwind").text
    assert "Across all our customers, 1,284 switch submissions failed" in text
