"""Stories from the twentieth unseen round's shapes (a GitLab incident issue, a Teams meeting recap)."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

DOCKS = """\
## Summary
Between 18:31 and 21:12 Taipei time on Sat 17 May 2025 (10:31-13:12 UTC) bikes could not be returned at 41 stations.
- Riders at affected stations also could not see correct free-dock counts (showed stale numbers)
- Riders who could not end a ride were charged at most NT$10 for it.
"""

RECAP = """\
Meeting recap, Saturday 23 August 2025 (times SAST)
From 18:12 to 19:58 SAST on Friday 22 August 2025, retailer terminals could not sell tickets.
Suspects: the session store failover, or our mobile network partner Ridgeline Mobile. Not confirmed.
Decision: we say "under investigation", we do the replay Monday, and nobody points at Ridgeline Mobile in public.
"""


def test_a_phrase_that_ends_in_a_preposition_is_never_the_product():
    assert not any(p.value.lower().endswith(" at") for p in build_sheet(DOCKS).products)
    d = draft(DOCKS, "report", "general", "sev2", contact=CONTACT)
    assert "riders at did" not in d.text.lower() and "riders at," not in d.text.lower()


def test_a_partner_nobody_may_point_at_in_public_is_neither_named_nor_the_product():
    assert not any("Ridgeline" in p.value for p in build_sheet(RECAP).products)
    for stage, audience in (("preliminary", "general"), ("report", "technical")):
        assert "Ridgeline" not in draft(RECAP, stage, audience, "sev2", contact=CONTACT).text


def test_a_follow_up_never_promises_the_report_explains_changes_the_write_up_does_not_list():
    d = draft(RECAP, "followup", "executive", "sev2", contact=CONTACT, account="Northwind")
    assert "specific changes" not in d.text
    assert "The full incident report is attached to this email. It explains what happened." in d.text


DECK = """\
Postmortem: Spring enrolment opening - Sat March 8
SEV-2 · ENR-118 · Review: Wed 3/12, 2:00, Mesquite room
Speaker notes: all times are MST. The review is Wednesday, that is not when anything happened.

Customer impact
9:01 - 10:47 MST (106 min): families could not complete registration; checkout showed an error.
"""


def test_the_review_meeting_s_day_is_never_the_incident_s(window_of):
    start, end = window_of(DECK)
    assert start.endswith("16:01") and end.endswith("17:47")
    assert start[5:10] == "03-08" and end[5:10] == "03-08"


def test_a_sentence_whose_subject_is_we_is_never_made_passive():
    writeup = """Incident review, Tuesday 11 March 2025 (times UTC)

From 14:07 to 15:31 UTC, 18% of card payments at checkout failed and shoppers saw "Payment could not be processed".
Our primary card processor slowed down and our retries used up every connection.
We recovered by routing card traffic to our secondary processor.
"""
    d = draft(writeup, "report", "general", "sev2", contact=CONTACT)
    assert "We was" not in d.text
