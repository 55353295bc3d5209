"""Stories from the shapes round 23's writer used and its editors caught: a tracker's status taken for the product, a
note's author on its first line taken for the company, a beach called "Central" read as US Central time, a mailing-list
archive's counters told as facts, and a waiver narrowed to the next purchase told as a plain waiver."""
from __future__ import annotations

import drafting
from drafting.facts import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

TRACKER = """Tours - Bug #8812: card payments taken but no voucher sent
Status:            Resolved               Start date:        13.09.2025
Priority:          Urgent                 Assignee:          Hekla Jonsdottir

Description
Customers paid for northern-lights tours and got no voucher e-mail. Impact 16:47 to 09:40 UTC, Fri 12 to Sat 13 Sep 2025.
212 bookings were paid without a voucher; 61 customers were charged twice.

History
  * Status changed from New to In Progress
  * Status changed from In Progress to Resolved
  * % Done changed from 0 to 100
"""


def test_a_trackers_status_is_never_the_product_and_its_history_lines_are_never_told():
    sheet = build_sheet(TRACKER)
    assert "Resolved" not in sheet.texts("products")
    d = drafting.draft(TRACKER, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "Resolved" not in d.text and "% Done" not in d.text and "changed from" not in d.text


NOTE = """SD-40921 - internal note - Mireille LeBlanc - Fri Jun 27
From:     LeBlanc, Mireille
To:       Payroll support team

LeBlanc, Mireille [12:05 PM]: employers can't approve payroll, the button spins and errors
LeBlanc, Mireille [12:07 PM]: started 11:48 AM Atlantic (14:48 UTC), Thu Jun 26 2025
LeBlanc, Mireille [2:46 PM]: fixed at 2:31 PM Atlantic, approvals going through
1,140 employers had a payroll run due that day.
"""


def test_the_author_named_on_a_notes_first_line_is_never_the_company():
    sheet = build_sheet(NOTE)
    assert not any("Mireille" in p for p in sheet.texts("products"))
    d = drafting.draft(NOTE, "preliminary", "general", "sev1", contact=CONTACT, use_model=False)
    assert "Mireille" not in d.text and "LeBlanc" not in d.text


BEACH = """Viber chat history - "Sunbed OPS"
19/07/2025,08:47:12,Mihail,"all QR codes at sector 4 not passing at the gate. Since 8:40 maybe"
19/07/2025,08:49:03,Elena,"Same here Central Beach. Queue 20 people"
19/07/2025,10:55:39,Elena,"QR passing again"
19/07/2025,11:02:50,Niki,"So impact 8:40 - 10:55 today. We don't know why yet, restart fixed it"
"""


def test_a_place_called_central_is_not_us_central_time():
    sheet = build_sheet(BEACH)
    assert sheet.timezone != "CDT" and sheet.timezone != "CST"
    d = drafting.draft(BEACH, "preliminary", "general", "sev2", contact=CONTACT, use_model=False)
    assert "CDT" not in d.text and "13:40" not in d.text


ARCHIVE = """[Ops-incidents] Transfers failing with "Rate expired"
Messages: 61
    Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]

Between 22:40 GST on Thursday 30 January 2025 and 03:15 GST on Friday 31 January 2025, transfers to two countries
failed with "Rate expired" for 8,450 customers.

The quote timeout went in as 30 seconds instead of 300 in a configuration change. Confirmed, and reverted at 03:10.

For customers:
 1. Everyone affected gets the transfer fee waived on their
    next transfer, valid until 7 February, applied automatically.
-------------- next part --------------
An HTML attachment was scrubbed...
"""


def test_a_mailing_list_archives_counters_are_never_told_and_a_waiver_keeps_its_scope():
    d = drafting.draft(ARCHIVE, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "61 messages" not in d.text and "next part" not in d.text and "scrubbed" not in d.text
    assert "waiving the transfer fee on the next transfer" in d.text


PROMO = """## Checkout address form broken, Thu 12 Jun 2025

From 16:20 to 17:05 BST, web customers could not pick a delivery address at checkout.
Somebody on the call said the promo code field was broken for these users as well, but nobody has checked that.
Customer care will email the 1,140 customers who could not finish their order.
"""


def test_a_guess_about_a_promo_code_field_is_never_told_as_a_promo_code_for_everyone():
    remedies = build_sheet(PROMO).texts("remedy")
    assert not any("promo code" in r for r in remedies)
