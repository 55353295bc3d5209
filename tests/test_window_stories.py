"""Story tests for the impact window: given this write-up, the sheet's window is X.

One story per class of reading rule: a zone stated once, dates in many forms, undated times crossing
midnight, customer-impact statements beating alert and all-clear times, corrections, form questions,
restated windows, and flags for what cannot be right. The write-ups are small and invented."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from drafting.facts import build_sheet
from drafting.reading.times import read_times


def _utc(s: str) -> datetime:
    return datetime.fromisoformat(s).replace(tzinfo=timezone.utc)


def window(text: str) -> tuple[str | None, str | None, int | None]:
    sheet = build_sheet(text)
    f = lambda v: v.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M") if v else None  # noqa: E731
    return f(sheet.start.value), f(sheet.end.value), sheet.duration_minutes.value


CHAT_ZONE_ONCE = """#ops-lanterns - channel export, Tue Mar 18 2025
(pasted from my client, every timestamp below is PST)

**alertbot** 10:15 AM
Triggered: checkout error rate above 5%

**rosa** 10:20 AM
Shoppers cannot pay in the Lantern store. Impact started around 10:05 AM.

**rosa** 11:30 AM
rollback complete, errors gone at 11:25

**theo** 11:40 AM
correction: the 10:05 above is wrong, first failed payment in the logs is 9:58. so impact is 9:58 -> 11:25 PST
"""


def test_a_zone_stated_once_applies_and_a_later_correction_beats_the_first_statement():
    # PST is UTC-8: 9:58 PST is 17:58 UTC; the bot's alert and the first guess are not the start
    assert window(CHAT_ZONE_ONCE) == ("2025-03-18T17:58", "2025-03-18T19:25", 87)


SHIFT_LOG = """NIGHT HANDOVER - Fri 27 Jun 2025
all times Berlin local

21:40  backups ok
23:10  image resizer queue stuck, photo uploads failing for users. impact start = 23:10
23:25  alert fired (late)
00:35  resizer restarted, uploads work again = impact end
01:30  all clear posted
"""


def test_a_place_named_once_is_the_zone_and_undated_times_roll_over_midnight():
    # Berlin in June is CEST (UTC+2): 23:10 local on the 27th is 21:10 UTC, 00:35 on the 28th is 22:35 UTC
    assert window(SHIFT_LOG) == ("2025-06-27T21:10", "2025-06-27T22:35", 85)


IANA_WINTER = """Incident notes
Region: Europe/Amsterdam
Date: 14-Jan-2025

Customer-facing window: 08:00 -> 09:30. Members could not book classes in the app.
Alert fired 08:20; all clear 10:00.
"""


def test_an_iana_zone_named_once_follows_the_season_and_dd_mon_yyyy_dates_are_read():
    assert window(IANA_WINTER) == ("2025-01-14T07:00", "2025-01-14T08:30", 90)


TRACKER = """[SUP-88] Invoices emailed late
Created: 02/Oct/25 9:10 AM   Resolved: 02/Oct/25 1:00 PM
Description: times are UK time (BST) unless marked. Queue alert fired 09:05, invoices delayed since ~08:40.

Mia added a comment - 02/Oct/25 11:30 AM
Backlog cleared; last late invoice sent 11:15.

Mia added a comment - 03/Oct/25 4:00 PM
For the customer note: impact window 08:40-11:15 BST, 412 customers got their invoice late.
"""


def test_a_window_restated_in_a_later_comment_keeps_the_day_the_times_were_first_written():
    assert window(TRACKER) == ("2025-10-02T07:40", "2025-10-02T10:15", 155)


EMAIL_RANGE = """From: Ops Lead
Date: Mon, 10 Mar 2025 08:00:00 -0400
Subject: duplicate payouts

- Between 10:40pm and 11:30pm Eastern on Saturday 8 March, 96 sellers got their payout twice.
- The alert fired at 10:55pm.
"""


def test_both_ends_of_a_range_take_the_date_written_after_it():
    # 8 March 2025 is still EST (UTC-5); the window crosses UTC midnight
    assert window(EMAIL_RANGE) == ("2025-03-09T03:40", "2025-03-09T04:30", 50)


FORM = """Incident intake form
Timestamp: 11/3/2025 16:02:11

What happened?
Riders could not unlock scooters in the app.

Start time (UTC)?
14:05 (first alert only at 14:20)

End time (UTC)?
15:10 - status page all clear at 15:45 (not the end)
"""


def test_a_forms_questions_are_start_and_end_fields():
    assert window(FORM) == ("2025-11-03T14:05", "2025-11-03T15:10", 65)


NARRATIVE = """Short version: on 4 August 2025 the reports page failed for 300 teams, and between 10:00 and 10:20 UTC exports were slow.
The customer-facing window we agreed with Support is 09:50-11:05 UTC, not the 10:12 page.
Writes recovered at 10:40, which is not our end of impact because exports still failed until 11:05.
"""


def test_a_stated_window_inside_a_long_paragraph_is_read_sentence_by_sentence():
    assert window(NARRATIVE) == ("2025-08-04T09:50", "2025-08-04T11:05", 75)


@pytest.mark.parametrize("text, month", [
    ("Incident on 3/11/25, times in BST.\n\n3/11/25 10:00 started", 11),   # a UK write-up: day first
    ("Incident on 3/11/25, times in ET.\n\n3/11/25 10:00 started", 3),     # a US write-up: month first
])
def test_numeric_dates_take_their_order_from_the_write_ups_zone(text, month):
    r = read_times(text)
    assert r.dates and r.dates[0][2].month == month


def test_a_window_that_ends_before_it_starts_is_flagged_not_stated():
    text = "Incident 5 May 2025, all times UTC.\nCustomer impact window: 14:00 UTC to 09:00 UTC on 4 May 2025.\n"
    sheet = build_sheet(text)
    assert sheet.end.value is None
    assert any(f["item"] == "end of impact" and "before it starts" in f["reason"] for f in sheet.flags)
