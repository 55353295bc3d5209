"""Stories from rounds 34 and 35 about the window: a date that ends an impact row after its times, a window field
named "Ops window for comms", a weekday range across days, a range in a clock the reading does not know restated in
UTC, a formal report's dotted fields, and a part of notes kept on a city's local time. The write-ups are invented."""
from __future__ import annotations

from drafting.facts import build_sheet


def _window(text: str) -> tuple[str, str]:
    sheet = build_sheet(text)
    return f"{sheet.start.value:%Y-%m-%d %H:%M}", f"{sheet.end.value:%Y-%m-%d %H:%M}"


POSTMORTEM_WITH_MEETING = """\
# Postmortem: INC-771 - label printing failed for EU warehouses

**Review Meeting Scheduled For:** Fri Jun 6, 2025, 2:00 PM CEST
**Severity:** SEV-2

Jasper re-read the printer logs on Jun 5 and the first failure is 07:10:04 UTC, not the 07:25 page.

## Impact

| | |
|---|---|
| Customer impact window | **96 min** — 09:10–10:46 CEST (07:10–08:46 UTC), Wed Jun 4 |
| Labels not printed | 3,210 |
"""


def test_a_date_that_ends_the_impact_row_is_the_day_of_its_times_not_the_meeting_or_the_log_check():
    """Given the row "96 min — 09:10–10:46 CEST (07:10–08:46 UTC), Wed Jun 4" under a review meeting on Jun 6 and a
    log check on Jun 5, the window is 4 June 07:10 to 08:46 UTC."""
    assert _window(POSTMORTEM_WITH_MEETING) == ("2025-06-04 07:10", "2025-06-04 08:46")


TICKET_NOTE = """\
Ticket #50122  Parcels not tracked
Status: Solved   Priority: High

[Internal note] Ewa Nowak    Mar 3, 2025 16:40
All times UTC. Carrier feed stopped at 09:02, Filip restarted the poller at 11:37, backlog done 11:58.
Ops window for comms: 09:02 – 11:58.
About 2,300 parcels showed "Label created" with no scans while the feed was down.
"""


def test_a_window_field_named_for_comms_is_the_window():
    """Given "Ops window for comms: 09:02 – 11:58.", that is the window, not the poller restart."""
    assert _window(TICKET_NOTE) == ("2025-03-03 09:02", "2025-03-03 11:58")


SUPPORT_EMAIL = """\
From: Lee Ortiz <lee.ortiz@boxwharf.com>
Sent: Friday, January 17, 2025 10:12 AM
Subject: Print jobs stuck Mon–Wed, what to tell your accounts

TL;DR:
- Mon Jan 13 8:15 AM → Wed 4:40 PM ET (queue cleared), print jobs stuck "Queued" for Studio plans
- cause: a routing change after an update
"""


def test_a_weekday_range_ends_on_the_weekday_after_its_start():
    """Given "Mon Jan 13 8:15 AM → Wed 4:40 PM ET", the end is Wednesday 15 January, never a Wednesday before."""
    assert _window(SUPPORT_EMAIL) == ("2025-01-13 13:15", "2025-01-15 21:40")


SHIP_CHAT = """\
**ana.kovac** — 7:02 PM
All clear since 20:41Z. Calling it: impact 15:12 – 16:41 ship time (19:12–20:41 UTC), Sat 15 Mar.
"""


def test_a_range_in_a_clock_the_reader_cannot_know_is_read_from_its_utc_restatement():
    """Given "impact 15:12 – 16:41 ship time (19:12–20:41 UTC)", the window is 19:12 to 20:41 UTC."""
    assert _window(SHIP_CHAT) == ("2025-03-15 19:12", "2025-03-15 20:41")


MAJOR_INCIDENT_REPORT = """\
MAJOR INCIDENT REPORT
All times UTC.

2. INCIDENT DETAILS
  2.4 Incident detected ........ 03-Mar-2025 09:41
  2.6 Impact start ............. 03-Mar-2025 09:20
  2.7 Service restored ......... 03-Mar-2025 12:05 (revised, see 4.3)
"""


def test_a_formal_reports_numbered_dotted_fields_give_the_start_and_the_restoration():
    """Given "2.6 Impact start ....... 09:20" and "2.7 Service restored ....... 12:05", the window is 09:20 to 12:05."""
    assert _window(MAJOR_INCIDENT_REPORT) == ("2025-03-03 09:20", "2025-03-03 12:05")


ALERT_WITH_NOTES = """\
ALERT #88213 [P2] checkout-api 5xx > 2%
Triggered: 2025-08-09 08:14:07 UTC via Datadog
Resolved: 2025-08-09 09:52:30 UTC by Lucia Marin

--- Notas (hora local Madrid) ---
10:21 lmarin — ack. checkout returns "Pedido no encontrado" for some shoppers
11:38 lmarin — errors 0.2%, normal. impact 10:05–11:15 local.
"""


def test_notes_kept_on_a_citys_local_time_are_read_on_that_clock():
    """Given "--- Notas (hora local Madrid) ---" and "impact 10:05–11:15 local." in August, the window is 08:05 to
    09:15 UTC (CEST), not the alert's UTC times."""
    assert _window(ALERT_WITH_NOTES) == ("2025-08-09 08:05", "2025-08-09 09:15")
