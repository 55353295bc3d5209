"""Stories: a remedies part titled "What we did for customers (Remedies)" with bold labels, the team's own
"plain-English version for comms" quoted under the cause, another customer's account named beside its figures,
and a follow-up already ticked done. The liaison expects the credit said as a sentence, the team's plain words
used for the cause, no other customer named, and no "We will ..." for work already done. The write-up is invented
for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

DOC = """\
# Piano lessons: "lesson has ended" on join — Tue 3 Sep 2024

_Times are SGT (UTC+8) unless marked._

## Summary

From 19:10 to 21:40 SGT, learners who pressed Join lesson in the Tempo app were told the lesson had ended.

## Impact

- 412 lessons could not start.
- Crescendo Music Centre (account 77120) had 38 group lessons in the window.

## Cause (confirmed)

The join check compared lesson times in the wrong time zone after the 6.2 release.

Plain-English version for comms (Mara, tweak as needed):
> An update we released on 3 September checked lesson times incorrectly for some learners, so lessons that were
> still running were treated as finished.

## What we did for customers (Remedies)

- **Learners:** 1 lesson credit per affected lesson, added to the wallet automatically by Fri 13 Sep.
- **Credits** valid 12 months like normal credits.

## Follow-ups

- [x] Remove the no-show marks from affected learners
- [ ] Alert when join failures pass 2% for 5 minutes
"""


def test_the_bold_labelled_credit_is_said_as_a_sentence(report_of):
    text = report_of(DOC)
    assert "we are giving 1 lesson credit per affected lesson" in text
    assert "added to the wallet automatically by Fri 13 Sep" in text


def test_the_team_s_plain_wording_is_used_for_the_cause():
    sheet = build_sheet(DOC)
    assert "checked lesson times incorrectly" in str(sheet.cause.value)


def test_another_customer_s_account_stays_out():
    for stage, audience in (("report", "technical"), ("report", "general"), ("preliminary", "general")):
        text = draft(DOC, stage, audience, "sev2", contact=CONTACT).text
        assert "Crescendo" not in text and "77120" not in text


def test_a_follow_up_already_done_is_not_promised(report_of):
    text = report_of(DOC)
    assert "We will remove the no-show marks" not in text
