"""Stories from round 27's editors: a Discord thread whose customer notice gives the outage after a figure about
saved files, a leadership summary whose title is about "D+1" payouts, and a Brazilian team that writes its clock as
"horário de Brasília". The write-ups are invented for the tests."""
from __future__ import annotations

from datetime import datetime, timezone

from drafting import draft
from drafting.facts import build_sheet
from drafting.reading.times import read_times

DISCORD = """(pasted from the staff discord by jules, timestamps are what discord showed me, i'm in LA)

jules — 04/12/2025 3:18 PM
22 servers where the newest save file on disk is from 20:25-20:45 UTC, so players there lose some progress

jules — 04/12/2025 3:23 PM
draft for the customer notice:
"Your server was offline between about 2:05 and 3:30 PM PT / 21:05–22:30 UTC. We are sorry."
"""


def test_a_range_about_saved_files_does_not_beat_the_range_the_servers_were_offline():
    sheet = build_sheet(DISCORD)
    assert sheet.start.value == datetime(2025, 4, 12, 21, 5, tzinfo=timezone.utc)
    assert sheet.end.value == datetime(2025, 4, 12, 22, 30, tzinfo=timezone.utc)


LEADERSHIP = """DRAFT v2 — Incident summary for leadership — D+1 payouts delayed (Tue 18/03/2025)

On Tuesday 18 March 2025 the D+1 payout did not reach merchants by 9:00 (horário de Brasília), our published
commitment. Payouts were credited between 15:40 and 17:25. 12,400 merchants were paid late.
"""


def test_a_plus_in_the_title_survives_and_horario_de_brasilia_is_the_zone():
    sheet = build_sheet(LEADERSHIP)
    assert sheet.headline.value == "D+1 payouts delayed"
    times = read_times(LEADERSHIP).points
    assert times and all(p.when.utcoffset().total_seconds() == 0 for p in times)
    assert any(p.raw == "9:00" and p.when.hour == 12 for p in times)  # 9:00 in Brasília is 12:00 UTC


NOTION = """# Tribute pages showed another home's content

- **10:14 AM** — new cache policy live. **Impact start**
- **11:36 AM** — revert applied. *Originally logged as impact end*
- **12:03 PM** — purge complete, spot-checks clean. **Impact end**

Times are Eastern (EST), Tuesday 11 February 2025.

▸ **Correction note (Jae, Feb 12)**
  The first draft and the Slack summary said "impact 10:14–11:36, 82 minutes". That's wrong. We kept serving mixed
  pages until the purge finished at **12:03 PM**.
"""


def test_a_range_quoted_from_an_earlier_summary_and_called_wrong_is_not_the_window():
    sheet = build_sheet(NOTION)
    assert sheet.end.value == datetime(2025, 2, 11, 17, 3, tzinfo=timezone.utc)


RECORD = """Major Incident INC0092231 — remote vehicle commands failing
Opened:               2025-05-19 18:41 IST
Caused by Change:     (empty - see work notes 20:55 and 22:02)

Update for Customer Care agents (script v3): Remote services are working normally again. Issue was between approx
6:05 PM and 9:45 PM today. Please ask customers to save their scheduled timers again.
"""


def test_a_support_scripts_window_is_read_and_a_pointer_to_work_notes_is_not_a_range():
    sheet = build_sheet(RECORD)
    assert sheet.start.value == datetime(2025, 5, 19, 12, 35, tzinfo=timezone.utc)  # 6:05 PM IST
    assert sheet.end.value == datetime(2025, 5, 19, 16, 15, tzinfo=timezone.utc)


TEAMS = """[copied from Teams - Ops > Posts, pasted into the incident ticket]

Saturday, 15 February 2025

Goran Petric  23:46
Monitor red, "SIP REGISTER failed" for many gateways, started 23:38. Emergency calls from lift cabins do not go through.

Markus Huber  00:41
took longer, the reload did not pick up the archive cert because of the symlink, fixed now

Cause confirmed: the automatic certificate renewal at 23:35 installed a chain that older gateways do not trust.
"""


def test_a_chat_message_run_into_its_speaker_and_time_is_never_customer_text():
    d = draft(TEAMS, "report", "general", "sev1", contact="Sam Rivera <support@example.com>")
    assert "Markus Huber" not in d.text and "took longer" not in d.text
