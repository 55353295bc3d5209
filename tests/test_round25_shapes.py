"""Stories from round 25's editors: a Q&A export whose date and tool were taken for the incident's, "BST" in a Dhaka
team's notes read as British time, a site's host name and the chat tool taken for the product, a leading suspect told
as a confirmed cause, and a time said again without its "in the morning" read as the evening."""
from __future__ import annotations

from datetime import datetime, timezone

from drafting.facts import build_sheet
from drafting.reading.times import read_times

ALL_HANDS = """Slido — Q&A export (.txt)
Event:        Barramundi Broadband staff forum — March
Exported by:  k.nguyen@barramundibb.example
Export time:  14/03/2025 16:20

#1   ANSWERED   Label: Wednesday outage
Q: What actually happened on Wednesday? The shop in Jabiru keeps getting asked
   and all we can say is that it's fixed now
Author: Anonymous
Moderator notes (Kim):
   Wes: Wednesday the 12th. Radios on the Jabiru and Cooinda towers started dropping
   customers about 7:15 in the morning. Rolled the radios back one by one; all
   customers back by 1:50 in the afternoon. Darwin office took the calls.
   Wes: so call it 7:15 to 1:50, that's the window for the credit.

#2   ANSWERED   Label: Wednesday outage
Q: Do we know why?
Moderator notes:
   Wes: honest answer: not confirmed yet.
   - Leading suspect: the radio firmware that installed itself overnight.
   - Second theory, not tested yet: the address server ran out of addresses.
"""


def test_a_qa_export_gives_neither_the_incidents_day_nor_its_product_and_a_leading_suspect_stays_open():
    said = [(p.raw, p.when) for p in read_times(ALL_HANDS).points]
    morning, afternoon = datetime(2025, 3, 11, 21, 45, tzinfo=timezone.utc), datetime(2025, 3, 12, 4, 20, tzinfo=timezone.utc)
    assert said[1:] == [("7:15", morning), ("1:50", afternoon)] * 2  # Wednesday the 12th, ACST; "call it 7:15 to 1:50" the same times
    sheet = build_sheet(ALL_HANDS)
    assert "Slido" not in " ".join(sheet.texts("products"))
    assert sheet.cause_status.value != "confirmed"


VISA_CENTRE = """QA scorecard, appointment line, week 37 of 2025 (Dhaka)
Engineering note pasted by Farhana:
- Window: 09-Sep 10:20 AM to 4:55 PM BST. Calendar showed no free slots for short-stay visas.
- Fee was charged twice for 41 applicants (BDT 850 each), refunded automatically to the same bKash or card.
"""


def test_bst_in_a_dhaka_teams_notes_is_bangladesh_time():
    sheet = build_sheet(VISA_CENTRE)
    assert sheet.start.value is not None and sheet.start.value.hour == 4 and sheet.start.value.minute == 20  # UTC+6, not UTC+1
    assert "UTC+6" in sheet.timezone


LONDON_BST = """Incident note, London office, September 2025
- Window: 09-Sep 10:20 AM to 4:55 PM BST. Checkout failed for card payments in the UK.
"""


def test_bst_in_a_london_note_stays_british_summer_time():
    sheet = build_sheet(LONDON_BST)
    assert sheet.start.value is not None and sheet.start.value.hour == 9


GATES = """Webex — space "INC gates: QR entry refused"
(copied from Webex desktop by O. Lebedeva, pasted into the ticket as an internal comment)

10:02 AM  Guests at the north entrance say their QR codes are refused at the gate.
10:05 AM  Restarted acs-gw-02.sokol.local (10.40.3.17), it picked up the new signing key.
10:40 AM  Restarted acs-gw-03.sokol.local, entry works again at all three sites.
"""


def test_the_chat_tool_and_a_sites_host_name_are_never_the_product():
    products = " ".join(build_sheet(GATES).texts("products"))
    assert "Webex" not in products
    assert "Sokol" not in products
