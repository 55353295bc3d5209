"""Stories: windows written the way rooms, phones and tools write them.

Editors of rounds 10 to 12 found windows wrong or "being confirmed" in a whiteboard photo typed up
("WINDOW: Thu 23:30 -> Fri 09:15"), a voice memo ("ten to eight to twenty to twelve", "Adelaide time"),
a change board's form (its planned window taken for the customers'), a tool's YAML record ("end_local"),
a case's UTC notes with a local date in brackets, and a merge request's impact table. These write-ups
are invented for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"


def _window(text: str) -> tuple[str, str]:
    sheet = build_sheet(text)
    return f"{sheet.start.value:%Y-%m-%d %H:%M}", f"{sheet.end.value:%Y-%m-%d %H:%M}"


BOARD = """\
WHITEBOARD, typed up from a photo taken Wed 8 Oct 2025 ~11:00 by the ops lead
All times on the board are IST (India, UTC+5:30).

   LAUNDRY PICKUPS — SLOTS SHOWING TOMORROW'S DATE
WHEN
  Tue 7th 22:10    nightly slot job runs (normal)
  22:10 -> 22:55   4,210 pickup reminders sent with the wrong day
  Wed 06:40        Mt Road store calls: riders at the wrong flats
  10:20            slot job pinned to the right calendar, app OK

  >> WINDOW: Tue 22:10 -> Wed 10:20 <<   [boxed twice]

IMPACT
  4,210 reminders with the wrong day
"""


def test_a_board_s_boxed_window_line_with_weekdays_is_the_window():
    # Tue 7 Oct 22:10 IST is 16:40 UTC; Wed 8 Oct 10:20 IST is 04:50 UTC. "Mt Road" is a street, not Mountain Time.
    assert _window(BOARD) == ("2025-10-07 16:40", "2025-10-08 04:50")


MEMO = """\
VOICE NOTE, auto-transcribed. Recorded Sun 9 Mar 2025, 1:05 pm (phone, Perth time). Not proofread.

[00:00] Okay. Sunday, just after one. The solar app stopped showing live output this morning.
[00:20] First complaints came in about ten to eight, people saying the panel graph was flat.
[00:41] I restarted the collector at about quarter past eleven and by twenty to twelve it was all back.
[01:10] So, impact ten to eight to twenty to twelve, about 1,300 homes, cause not known yet.
"""


def test_times_said_aloud_in_a_voice_note_are_read_in_the_city_s_zone():
    # 07:50-11:40 AWST (Perth, UTC+8) is 23:50 the day before to 03:40 UTC.
    assert _window(MEMO) == ("2025-03-08 23:50", "2025-03-09 03:40")


def test_a_report_from_the_voice_note_tells_the_window_as_clock_times():
    text = draft(MEMO, "report", "general", "sev2", contact=CONTACT).text
    assert "07:50" in text and "11:40" in text
    assert "ten to eight" not in text
    assert "AWST" in text and "PERTH" not in text  # a city's clock is told by its abbreviation


FORM = """\
POST-IMPLEMENTATION REVIEW
Planned window .......... Sat 12 Apr 2025 21:00 – 23:30 CEST
Actual window ........... Sat 12 Apr 2025 21:05 – 23:10 CEST
What members saw ........ Desk bookings for the week showed as cancelled in the app.
Customer impact window ... Mon 14 Apr 2025 07:00 CEST (first bookings checked)
                           to Tue 15 Apr 2025 12:15 CEST (corrected, see note).
Bookings affected ....... 1,904
"""


def test_a_change_form_s_planned_window_is_not_the_customers_window():
    # 07:00 CEST Monday is 05:00 UTC; 12:15 CEST Tuesday is 10:15 UTC.
    assert _window(FORM) == ("2025-04-14 05:00", "2025-04-15 10:15")


RECORD = """\
id: INC-2025-1102-01
title: Loyalty points not added after purchases
resolved_at: "2025-11-02T09:41:30Z"
customer_impact:
  what_members_saw: |
    Purchases showed no points in the app.
  start_local: "2025-11-01 20:15 HST"
  end_local: "2025-11-01 23:35 HST"   # the backlog was credited by 23:35
  start_utc: "2025-11-02T06:15:00Z"
"""


def test_a_tool_record_s_local_impact_keys_beat_its_resolved_time():
    assert _window(RECORD) == ("2025-11-02 06:15", "2025-11-02 09:35")


CASE = """\
CASE 00071 · Opened 12 Mar 2025 08:30 EAT
Times in UTC unless marked.
- 14:02Z 11-Mar  Allowlist tidy-up removed the bank's callback range by mistake.
- 14:05Z         Bank callbacks start failing; deposits stay "pending" in the app.
- 21:10Z         Nightly fee job (00:10 EAT 12-Mar) charges pending accounts a late fee.
- 22:48Z         Range restored, callbacks accepted again, deposits post normally.
"""


def test_a_local_date_in_brackets_does_not_move_the_utc_times_after_it():
    assert _window(CASE) == ("2025-03-11 14:05", "2025-03-11 22:48")


MR = """\
## fix(points): keep the dedup key stable on retries

### Customer impact (for the liaison)

| | |
|---|---|
| Statements showing double points | Tue 4 Mar 08:00 PKT → Wed 5 Mar 15:30 PKT (03:00–10:30 UTC next day) |
| Members who saw inflated balances | 9,120 |
"""


def test_an_impact_table_row_that_is_only_a_range_is_the_window():
    assert _window(MR) == ("2025-03-04 03:00", "2025-03-05 10:30")


TRANSCRIPT = """\
Video walkthrough transcript, recorded Sun 17 Nov 2024, Sydney time (AEDT).

Quick version. From ten to ten Saturday night until about quarter past one Sunday morning, guests could not send
their replies on the RSVP form. 2,140 replies failed.
"""


def test_a_spoken_time_on_saturday_night_is_the_evening():
    # 21:50 AEDT is 10:50 UTC (09:50 in the morning would be 22:50 UTC the day before)
    sheet = build_sheet(TRANSCRIPT)
    assert f"{sheet.start.value:%H:%M}" == "10:50"


REVIEW = """\
Revert: signing key rollout for season passes
Updated    Mon 13 Jan 2025 (all times CET)

Incident summary: scanners rejected season passes; 14,870 rejected scans.
    Start time 05:50 → 05:31. The scanner export has the first rejection at 05:31:14.
"""


def test_a_start_time_corrected_with_an_arrow_takes_the_new_time():
    sheet = build_sheet(REVIEW)
    assert f"{sheet.start.value:%H:%M}" == "04:31"  # 05:31 CET
