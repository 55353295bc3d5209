"""Stories from rounds 27 to 29's editors, about when an incident happened: a notes file named for the night it
covers, a chat with day headers in German, a ticket written in India time with a block of UTC dashboard lines, a
write-up whose "IST" is Irish time, a handover named by its two days, a WhatsApp export whose dates are day first,
a note that mentions an earlier date in passing, first and last error codes from the logs, a version number with a
colon, and a start first recorded wrongly. The write-ups are invented for the tests."""
from __future__ import annotations

from datetime import datetime, timezone

from drafting.facts import build_sheet


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


NIGHT_NOTES = """pager-notes-2025-03-11_12.txt -- on call: mk
(times UTC from the dashboards)

01:58  paged: webhook deliveries backing up
02:10  consumer stuck, restarted it
02:44  queue drained. impact window 01:40 - 02:41 UTC, 2,210 webhooks delivered late
"""


def test_a_notes_file_named_for_a_night_dates_its_small_hours_on_the_second_day():
    sheet = build_sheet(NIGHT_NOTES)
    assert sheet.start.value == utc(2025, 3, 12, 1, 40)
    assert sheet.end.value == utc(2025, 3, 12, 2, 41)


GERMAN_CHAT = """[aus Teams kopiert]

Freitag, 7. März 2025

Jonas Weber  23:41
Buchungsportal: logins failing for all hotel partners, started 23:30

Jonas Weber  23:58
ISP says maintenance is Saturday 02:00-04:00, so not them

Samstag, 8. März 2025

Mia Krause  00:52
all good again. end of impact 00:47 then. start 23:30 (first failed login in the gateway log)

Mia Krause  00:55
summary for the record:
- 23:30 - 00:47 hotel partners could not log in to the booking portal
- 312 partners tried in that time
"""


def test_a_german_chat_dates_its_days_and_reads_the_summary_as_past_times():
    sheet = build_sheet(GERMAN_CHAT)
    assert sheet.start.value == utc(2025, 3, 7, 23, 30)
    assert sheet.end.value == utc(2025, 3, 8, 0, 47)


def test_a_maintenance_range_mentioned_in_a_chat_is_not_the_window():
    sheet = build_sheet(GERMAN_CHAT)
    assert sheet.start.value.hour != 2 and sheet.end.value.hour != 4


INDIA_TICKET = """[OPS-4410] Payment links expiring early for one bank's customers
Created: 03/Mar/25 10:02 AM        Updated: 04/Mar/25 5:15 PM

Description
Since about 9:05 AM payment links opened by Kaveri Bank customers expire on first click.

Dashboard (links panel) — times UTC:
  03:30Z  expired-on-open 0.4%
  03:40Z  expired-on-open 38%

Impact (updated by Farah):
- window 9:05 AM – 11:50 AM IST
- 4,180 links affected
"""


def test_a_block_of_utc_dashboard_lines_does_not_set_the_clock_of_a_ticket_written_in_ist():
    sheet = build_sheet(INDIA_TICKET)
    assert sheet.start.value == utc(2025, 3, 3, 3, 35)
    assert sheet.end.value == utc(2025, 3, 3, 6, 20)


IRISH = """# Five whys: meter readings not sent, Sat 10 May 2025

All times IST unless marked Z (our logs are UTC).

| time | event |
| --- | --- |
| 09:58:10Z (10:58) | token for the readings gateway expires |
| 10:01:02Z (11:01) | first rejected upload |
| 16:30 | uploads accepted again. End of customer impact |

Customer impact: 11:01 to 16:30 IST, 212 households' readings not sent.
"""


def test_ist_is_irish_time_where_the_write_up_shows_its_offset_beside_utc():
    sheet = build_sheet(IRISH)
    assert sheet.start.value == utc(2025, 5, 10, 10, 1)
    assert sheet.end.value == utc(2025, 5, 10, 15, 30)


HANDOVER = """HANDOVER night -> AM | Fri 14 Feb -> Sat 15 Feb | Ana (night) -> Ben (AM)

1) CHECKOUT ERRORS - Sev3
- from 11:20pm until 1:05am, card checkouts failed at the last step. Gift cards fine.
- ~90 failed checkouts
"""


def test_a_handover_named_by_its_two_days_puts_an_evening_start_on_the_first_day():
    sheet = build_sheet(HANDOVER)
    assert sheet.start.value.replace(tzinfo=None) == datetime(2025, 2, 14, 23, 20)
    assert sheet.end.value.replace(tzinfo=None) == datetime(2025, 2, 15, 1, 5)


WHATSAPP = """03/09/25, 11:02 pm - Ravi: bookings page timing out for everyone since 10:58
03/09/25, 11:40 pm - Meera: ok, on it
04/09/25, 12:31 am - Ravi: all fine now. numbers: ~600 failed bookings between 10:58 and 12:20
"""


def test_a_chat_whose_dates_advance_by_a_day_reads_them_day_first():
    sheet = build_sheet(WHATSAPP)
    assert sheet.start.value.replace(tzinfo=None) == datetime(2025, 9, 3, 22, 58)
    assert sheet.end.value.replace(tzinfo=None) == datetime(2025, 9, 4, 0, 20)


RECORD_WITH_EARLIER_DATE = """# on-call log, week 11

_times UTC_

## Tue 11 Mar 2025

- 09:02 paged: invoice PDFs failing
- 09:10 the signing cert was renewed Feb 27, but only on pdf-1. pdf-2 still has the old one
- 09:40 numbers: invoice PDFs failed from 08:31 to 09:36 for 140 accounts
"""


def test_a_date_the_notes_mention_in_passing_does_not_move_the_incident():
    sheet = build_sheet(RECORD_WITH_EARLIER_DATE)
    assert sheet.start.value == utc(2025, 3, 11, 8, 31)
    assert sheet.end.value == utc(2025, 3, 11, 9, 36)


STATUS_CODES = """## Engineering notes (UTC), Thu 6 Mar 2025

- first 502 on `PUT /v2/photos` at **06:14:22Z** on edge-3. rises to ~20% of uploads by 06:40Z
- rolled back the resizer at 08:02Z. last 502 seen **08:09:51Z**.
- If the rollback does not hold, next suspect is the node pool upgrade from Sunday (k8s 1:29 → 1:30).
"""


def test_the_first_and_last_error_codes_give_the_window_and_a_version_is_no_time():
    sheet = build_sheet(STATUS_CODES)
    assert sheet.start.value == utc(2025, 3, 6, 6, 14)
    assert sheet.end.value == utc(2025, 3, 6, 8, 9)


CORRECTED_START = """# Postmortem: kiosk orders lost, Saturday 12 April 2025 (all times CEST)

> **Correction 14.04.:** impact start was first recorded as 15:10 (first complaint). The logs show the first lost
> order at **14:52:05**. Everything below uses 14:52.

Between 14:52 and 16:30 CEST, 1,204 kiosk orders were lost before reaching the kitchen.
"""


def test_a_start_first_recorded_wrongly_is_not_the_start():
    sheet = build_sheet(CORRECTED_START)
    assert sheet.start.value == utc(2025, 4, 12, 12, 52)
    assert sheet.end.value == utc(2025, 4, 12, 14, 30)


DEPOSITS = """Problem statement:    Transfers posted twice on 6/10/2025

Description:
Duplicates occurred for transfers made in the app between approx. 9:40 AM and 12:15 PM
(all times AZ / MST, no DST). Transfers before and after that window are not affected.
"""


def test_a_range_of_duplicated_transfers_after_approx_is_the_window():
    sheet = build_sheet(DEPOSITS)
    assert sheet.start.value == utc(2025, 6, 10, 16, 40)
    assert sheet.end.value == utc(2025, 6, 10, 19, 15)
