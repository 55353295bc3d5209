"""Stories: write-ups in the shapes round 17's editors found read wrong.

A board item whose table labels its rows with their zone ("| Impact start (WAT) | 05:10 |"); a record whose start
field was edited in place ("23:00 → edited to 23:31"); a page in Lima time (PET); a chat that settles its window
with "Start = 10:52 UTC" and "End should be 12:31" and tells customers "NZ time". These write-ups are invented
for the tests.
"""
from __future__ import annotations

BOARD_ITEM = """\
Lounge passes rejected at the door — item INC-77

| Field | Value |
|---|---|
| Date | Fri 20 Dec 2024 |
| Impact start (WAT) | ~~06:00~~ 05:10 |
| Impact end (WAT) | 08:35 |

Final summary, times in UTC unless marked: members' passes were refused at the door between 04:10 and 07:35 UTC.
"""


def test_a_table_row_that_names_its_zone_is_read_in_that_zone(window_of):
    # 05:10-08:35 WAT (UTC+1) is 04:10-07:35 UTC, as the summary says.
    assert window_of(BOARD_ITEM) == ("2024-12-20 04:10", "2024-12-20 07:35")


RECORD = """\
Start (UYT) ...... 30/06/2025 23:00 → edited to 30/06/2025 23:31 (see comment)
End (UYT) ........ 01/07/2025 00:52

Members of the wine club were charged twice for the July box.
"""


def test_a_start_field_edited_in_place_takes_its_new_value(window_of):
    # 23:31 UYT (UTC-3) on 30 June is 02:31 UTC on 1 July; 00:52 UYT on 1 July is 03:52 UTC.
    assert window_of(RECORD)[0] == "2025-07-01 02:31"


LIMA_PAGE = """\
# Lesson reminders not sent — Tue 18 Mar 2025

> Time convention: customer-facing times in PET (Lima, UTC−5, no DST), engineering timeline in UTC.

- **Customer impact window:** 04:02 – 12:48 PET, Tue 18 Mar
- Students did not get their "lesson in 2 hours" reminders.
"""


def test_lima_time_is_a_zone(window_of):
    assert window_of(LIMA_PAGE) == ("2025-03-18 09:02", "2025-03-18 17:48")


SETTLED_IN_CHAT = """\
Google Chat — space "florist-sev" (Thu 13 Feb 2025). Timestamps: UTC (NZDT = UTC+13).

Aroha · 10:58
   customers seeing every delivery slot as "Fully booked"
Liam · 12:21
   Calling it. Impact end 12:20 UTC (01:20 NZDT).
Mere · 12:24
   not quite — 12:20 is when the Auckland check went green. Christchurch wasn't bookable until 12:31. End should be 12:31.
Liam · 12:40
   and start: first failed reserve in the logs is 10:52:14. Start = 10:52 UTC = 23:52 NZDT Thu 13 Feb.
Mere · 12:42
   so for customers it's 11:52pm Thursday 13 Feb to 1:31am Friday 14 Feb, NZ time.
"""


def test_a_chat_s_settled_start_and_corrected_end_are_the_window(window_of):
    start, end = window_of(SETTLED_IN_CHAT)
    assert start == "2025-02-13 10:52"
    assert end.endswith("12:31")
