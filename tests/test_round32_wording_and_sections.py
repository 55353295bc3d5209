"""Stories from round 32's and 33's editors: the team's own customer wording left unused while chat lines were
pasted, numbered section headings ("## 4. Root cause") read as no section at all, action lists written in one line,
and our own plain cause sentences dropped by the self-check as blame. The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import check, draft
from drafting.facts import build_sheet
from drafting.facts.kinds import kind_rules

TEAM_CHAT_WITH_WORDING = """\
[09:02 AM] Ravi Menon
course completions not saving since 06:50, ~9k so far, release 7.14 went out 06:30
[09:40 AM] Ravi Menon
hotfix out, completions saving again since 13:05
[01:52 PM] Asha Pillai
Draft for client admins, please review:
"Between 01:20 and 07:35 UTC on Monday 31 March 2025, course completions for some courses were not saved, although
learners had finished them. This was caused by an error in an update to our platform. No learner needs to retake any
course. Please do not reset learner attempts while we restore the missing completions. If you have a compliance
deadline, we can provide a letter confirming the original completion times."
[01:58 PM] Ravi Menon
Looks ok. Don't add client names.
"""


def test_the_teams_quoted_customer_wording_leads_what_customers_saw_the_cause_and_what_to_do():
    """Given a chat where support posts 'Draft for client admins, please review: "..."', the fact sheet takes what
    customers saw, the cause and the instructions from that wording, and the report tells them in its words."""
    sheet = build_sheet(TEAM_CHAT_WITH_WORDING)
    assert any(t.startswith("Course completions for some courses were not saved") for t in sheet.texts("symptoms") + sheet.texts("harm"))
    assert "caused by an error in an update to our platform" in str(sheet.cause_plain.value)
    remedies = " ".join(sheet.texts("remedy"))
    assert "Please do not reset learner attempts" in remedies and "No learner needs to retake any course" in remedies
    report = draft(TEAM_CHAT_WITH_WORDING, "report", "general", "sev2").text
    assert "Please do not reset learner attempts" in report
    assert '"' not in report.split("## Summary", 1)[1].split("##", 1)[0]  # told as our sentences, never pasted in quote marks


QUESTIONED_WORDING = """\
Comments

Priya - 12/Aug/25 12:36 PM
Draft wording for the customer email, please check:
"On Tuesday 12 August 2025 between 07:55 and 10:40 UTC, some incoming calls to your numbers could not be connected.
Outgoing calls were not affected. This was caused by a fault during planned maintenance on our systems, not by your
phone equipment."
Karol - is it fair to say "planned maintenance"? The window was midnight to 2am.

Karol - 12/Aug/25 1:15 PM
Fair point.
"""


def test_a_phrase_a_later_message_questions_is_left_out_of_the_wording():
    """Given 'is it fair to say "planned maintenance"?' after the wording, its cause sentence is not taken."""
    sheet = build_sheet(QUESTIONED_WORDING)
    assert "planned maintenance" not in str(sheet.cause_plain.value)
    assert "Outgoing calls were not affected." in sheet.texts("unaffected")


NUMBERED_SECTIONS = """\
# Postmortem: flag evaluation outage

## 1. Summary

On Wednesday 16 April 2025 from 14:07 to 15:19 UTC, almost every request to the flag evaluation API failed and customers' apps fell back to default flag values.

## 4. Root cause

A database migration we ran took an exclusive lock on the table that stores segment rules, so the evaluation service could not read rules and its requests failed.

## 6. Action items

| # | Action | Owner |
|---|---|---|
| 1 | Migration checks fail any index build that would lock a large table | @lk |
"""


def test_numbered_markdown_headings_open_their_sections():
    """Given "## 1. Summary", "## 4. Root cause" and "## 6. Action items", the cause is read from its section and a
    database change that locked data is told as that, never as an overload."""
    sheet = build_sheet(NUMBERED_SECTIONS)
    assert sheet.cause_status.value == "confirmed"
    assert "database change we made" in str(sheet.cause_plain.value)
    assert "could not keep up" not in str(sheet.cause_plain.value)
    assert sheet.texts("actions")


RUN_IN_FOLLOW_UPS = """\
#inc-881-pdf-exports
Thu 18 Sep 2025, times UTC
18:20 maya: PDF exports coming out blank since 18:20
21:40 maya: pinned the renderer back, exports fine again since 21:40
21:55 maya: follow-ups on EXP-1442: pin the renderer version, add an alert on very small PDF files, run a test export every 10 minutes
"""

BULLETED_FOLLOW_UPS_IN_A_TICKET = """\
Jamie - 14/Aug/25 3:12 PM
PIR notes attached. Follow-ups:
 - DSOPS-2302 reload compares the entry count against the running table and aborts on a large drop
 - DSOPS-2303 synthetic test call to 5 ported numbers every 5 min
Closing.
"""


def test_a_run_in_list_of_follow_ups_is_one_change_per_item():
    """Given "follow-ups on EXP-1442: a, b, c" in a chat line, each item is a change, without the ticket id."""
    actions = build_sheet(RUN_IN_FOLLOW_UPS).texts("actions")
    assert any(a.startswith("Pin the renderer version") for a in actions)
    assert any("alert on very small PDF files" in a for a in actions)
    assert not any("EXP-1442" in a for a in actions)


def test_bullets_under_a_follow_ups_line_are_changes_once_the_list_parser_took_their_markers():
    actions = build_sheet(BULLETED_FOLLOW_UPS_IN_A_TICKET).texts("actions")
    assert any("synthetic test call" in a.lower() for a in actions)
    assert not any("DSOPS" in a for a in actions)


def test_our_own_plain_cause_sentences_pass_the_blame_check():
    """The plain sentence for each kind of cause is ours; the review's blame check must not drop it from a draft."""
    for kind in kind_rules()["cause_kinds"]:
        said = str(kind["say"]).replace("{part}", "our service").replace("{Part}", "Our service")
        found = [f for f in check(said, "sev2", "general", "report").findings if f.category == "blame"]
        assert not found, (kind["kind"], said)
