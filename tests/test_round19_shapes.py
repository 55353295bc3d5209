"""Stories from the nineteenth unseen round's shapes (an IRC log, an org-mode file on the night the clocks went
back, a forum thread): a window restated in UTC, a window asked as a question, an end the reading missed, and a
year written in passing."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

CLOCKS_BACK = """\
* Incident 2025-10-26: heat-pump schedules skipped overnight            :sev3:
** Window (Helsinki time; clocks went back 04:00 EEST -> 03:00 EET)
- start: 00:20 EEST Sun 26.10 = 21:20Z Sat 25.10, first missed schedule
- end: 03:30(B) EET = 01:30Z Sun 26.10, when the catch-up job had started every pump
** Notes
Heat pumps in homes on the night tariff did not start their scheduled heating; 640 homes were cold in the morning.
"""

ASKED = """\
Chat export, #pumps, Monday 3 March 2025
[14:02] <mira> pumps rejecting schedules again?
[14:05] <jo> yes, all EU homes since 13:10 UTC
[15:40] <mira> for the incident doc, window is 13:10 to 15:20 UTC right?
[15:42] <jo> no, the pumps took schedules again from 14:35 UTC, that is the end of customer impact
[15:45] <mira> ok so impact window 13:10-14:35 UTC, thanks
"""

MISSED_END = """\
Shift log, Tuesday 9 September 2025 (times MST, Phoenix)
6:12 parents report the bus map frozen on every route
6:40 map service warning tripped
7:55 feed reconnected by the vendor, positions trickling in
8:05 positions fresh on every route
8:11 last stale route caught up, all green
"""

YEAR_IN_PASSING = """\
Why did the kitchen screens stop getting tickets during Friday dinner? Support summary.

Screens went quiet mid-rush on Friday evening; tickets arrived in clumps 5-30 minutes late.
The poll interval was 10 minutes, a typo in the config from 2023.
Comment, Jul 20: window 7:40 to 9:15 pm local.
"""


def test_a_local_time_restated_in_utc_on_the_night_the_clocks_went_back_is_taken_in_utc(window_of):
    assert window_of(CLOCKS_BACK) == ("2025-10-25 21:20", "2025-10-26 01:30")


def test_a_window_asked_as_a_question_gives_way_to_the_answer(window_of):
    assert window_of(ASKED) == ("2025-03-03 13:10", "2025-03-03 14:35")


def test_a_report_never_says_the_end_is_still_being_confirmed_when_the_write_up_gives_later_times():
    d = draft(MISSED_END.replace("8:11 last stale route caught up, all green\n", "8:11 last stale route ok\n")
              .replace("8:05 positions fresh on every route\n", ""), "report", "general", "sev3", contact=CONTACT)
    assert "still confirming when service was fully back" not in d.text
    d = draft(MISSED_END, "preliminary", "general", "sev3", contact=CONTACT)
    assert "still confirming when service was fully back" not in d.text
    assert "We are confirming when it ended" not in d.text


def test_a_year_written_in_passing_does_not_date_the_incident():
    from drafting.reading.dates import Years

    assert Years(YEAR_IN_PASSING)(7, 20) != 2023  # "a typo in the config from 2023" is history, not the incident's year
    assert Years(YEAR_IN_PASSING.replace("from 2023", "set in 2023"))(7, 20) == 2023  # a year said plainly still counts


PARTNERS = """\
Support huddle minutes, Monday 17 November 2025 (times AEDT)

Sunday 16 November 2025, from 18:58 to 20:47 AEDT, lots on the Harbourlight auction site closed early and bidders were
shut out of the last minutes. 97 lots were affected.
Our hosting company Cirrowave Cloud had a clock fault on one machine; they fixed it fast, don't blame Cirrowave Cloud to anyone.
Orders also come from Tillbox POS. Tillbox's status page had "Delayed webhooks" from 18:00 to 20:30, but that was not it.
Caller script. Do NOT: say "server clock", name Cirrowave, or promise re-opening any lot.
"""


def test_a_host_the_team_forbids_naming_and_a_partner_read_from_its_status_page_are_never_the_product():
    names = [p.value for p in build_sheet(PARTNERS).products]
    assert not any("Cirrowave" in n or "Tillbox" in n for n in names)
    for stage, audience in (("preliminary", "general"), ("report", "technical")):
        d = draft(PARTNERS, stage, audience, "sev2", contact=CONTACT)
        assert "Cirrowave" not in d.text and "Tillbox" not in d.text
