"""Stories: windows, causes and products as round 13's editors found them read wrong.

A forum post whose zone is declared "NZDT unless there's a Z", with its window corrected in place and a
byline dated the day after; a chat tool's copy whose headers carry 12-hour times past midnight; a vendor's
report that quotes what an earlier update said; a call note from London with no zone word; a retro board
with "start time 23:31 MDT" and "Balances correct from 16:10 MDT"; causes that say "We do NOT know it was
the cause" or "root cause analysis ... remains with your engineering team". These write-ups are invented
for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"


def _window(text: str) -> tuple[str, str]:
    sheet = build_sheet(text)
    s, e = sheet.start.value, sheet.end.value
    return (f"{s:%Y-%m-%d %H:%M}" if s else "none"), (f"{e:%Y-%m-%d %H:%M}" if e else "none")


POST = """\
Pool lane bookings shown twice, Sat 8 Mar — write-up (draft 1)
Aroha Nikora  •  Sun, Mar 9  •  Notified 6 people

Times are NZDT unless there's a Z on them (UTC, from the logs).

IMPACT (as at Sun 9am)
• Window: 06:10 → 07:30   ← WRONG, see Tipene's comment. Corrected: 05:52 → 07:41
• 214 members saw a lane they had not booked.
"""


def test_a_corrected_window_in_a_forum_post_is_read_on_the_incident_s_day_in_its_zone():
    # Sat 8 Mar 05:52-07:41 NZDT is Fri 7 Mar 16:52-18:41 UTC; the byline's "Sun, Mar 9" is when it was written.
    assert _window(POST) == ("2025-03-07 16:52", "2025-03-07 18:41")


CHAT = """\
[copied out of the team chat on Wed 14 May ~10:00 IST. The chat shows IST. Anything with a Z is UTC.]

──────────── Tue, May 13, 2025 ────────────
priya.k  11:20 PM
card top-ups failing for some wallets

arun.v  11:31 PM
first failure in the gateway log = 17:44:10Z i.e. 11:14 PM

──────────── Wed, May 14, 2025 ────────────
arun.v  12:05 AM
also: the config change was at 4:30 PM, failures from 11:14 PM, so not that

arun.v  01:40 AM
last failed top-up 20:02Z = 01:32 AM. so window is 11:14 PM → 01:32 AM IST (17:44Z → 20:02Z)
"""


def test_a_chat_s_window_after_midnight_keeps_the_evening_it_began():
    assert _window(CHAT) == ("2025-05-13 17:44", "2025-05-13 20:02")


VENDOR = """\
From: NOC Services <noc@example.net>
Date: Sun, 6 Jul 2025 17:10:00 +0200
Subject: Incident report - checkout errors

All times are CEST (UTC+2).

1. SUMMARY
Between 11:05 and 12:40 CEST a share of checkout requests failed with a gateway timeout.

2. CORRECTION TO EARLIER UPDATE
Our update #1 (sent 11:58) stated that impact began at 11:30 CEST. Load balancer logs show failures from 11:05 CEST.
This report uses 11:05 as the start of impact.

3. ROOT CAUSE
Application-level root cause analysis is outside that scope and remains with your engineering team.
"""


def test_what_an_earlier_update_said_is_not_the_window_and_a_handed_off_analysis_is_no_cause():
    sheet = build_sheet(VENDOR)
    assert f"{sheet.start.value:%H:%M}" == "09:05" and f"{sheet.end.value:%H:%M}" == "10:40"
    assert sheet.cause_status.value != "confirmed"
    text = draft(VENDOR, "report", "general", "sev2", contact=CONTACT).text
    assert "A change we made" not in text and "identified the cause" not in text


CALL = """\
DUTY MANAGER CALL NOTE — Thu 12 June 2025 — van bookings down
- What went wrong: customers in London and Bristol could not book a van in the app.
- When: first failed booking was 08:40. Bookings flowing normally again from 11:05.
- Why: our maps supplier cut us off after we burnt through the daily quota by 08:30; a retry loop re-sent the same
  addresses. Confirmed with the supplier's usage graph.
"""


def test_a_london_call_note_with_no_zone_word_is_read_in_london_time():
    # 08:40-11:05 BST is 07:40-10:05 UTC.
    assert _window(CALL) == ("2025-06-12 07:40", "2025-06-12 10:05")


def test_a_used_up_quota_is_told_as_a_usage_limit_not_as_too_much_work():
    sheet = build_sheet(CALL)
    assert "usage limit" in str(sheet.cause_plain.value)
    assert "could not keep up" not in str(sheet.cause_plain.value)


BOARD = """\
# Retro board: "Double loyalty stamps 30 Apr"

## Timeline
- Wed 30 Apr 23:00 MDT — monthly stamp job runs on the new scheduler. Correct.
- 23:01 MDT — the old job runs a second time.
- Thu 1 May 09:10 — a cafe owner calls support.
- 15:20 → 15:45 — reversal run. Stamp balances correct from 15:45 MDT.

## Actions
1. Customer note to owners, start time 23:01 MDT Wed 30 Apr (not "midnight").

## What hurt
- We do NOT know it was the scheduler swap; the old job may have been re-enabled earlier.
"""


def test_a_retro_board_s_start_time_and_correct_from_marker_give_the_window():
    # 23:01 MDT Wed 30 Apr is 05:01 UTC Thu 1 May; 15:45 MDT Thu is 21:45 UTC.
    assert _window(BOARD) == ("2025-05-01 05:01", "2025-05-01 21:45")


def test_we_do_not_know_it_was_the_cause_keeps_the_cause_open():
    assert build_sheet(BOARD).cause_status.value != "confirmed"
