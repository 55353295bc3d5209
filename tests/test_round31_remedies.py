"""Stories from round 31's editors: sentences of our own that said more than the write-up. A credit for some
customers told as for everyone, "You do not need to do anything" where some customers must act, and "We have since
undone that change" where the team only weighed a rollback. The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet
from drafting.facts.kinds import plain_cause
from drafting.reading.document import read

SCOPED_CREDIT = """\
# Dashboards missing events - Tuesday 11 March 2025

All times UTC. From 13:05 to 20:30 UTC events sent by the web SDK were dropped, so dashboards showed gaps.

## Remedies
- Enterprise accounts that missed the 99.9% data promise: 10% credit on the April invoice, applied automatically, no need to ask.
- Accounts with manual file exports for 11 March must re-run them.
"""


def test_a_credit_for_some_workspaces_is_never_told_as_for_every_customer():
    sheet = build_sheet(SCOPED_CREDIT)
    assert not any("Every affected" in r for r in sheet.texts("remedy"))
    report = draft(SCOPED_CREDIT, "report", "general", "sev2").text
    assert "Every affected customer will get a 10% credit" not in report


def test_nothing_to_do_is_never_said_when_the_write_up_asks_some_customers_to_act():
    """Given "Customers with manual file exports ... must re-run them", no draft says "You do not need to do anything"."""
    for stage, audience in (("preliminary", "general"), ("report", "general"), ("followup", "executive")):
        text = draft(SCOPED_CREDIT, stage, audience, "sev2", contact="Sam Rivera <support@example.com>", account="Northwind").text
        assert "You do not need to do anything" not in text, (stage, audience)


WEIGHED_ROLLBACK = """\
#inc-0402-uploads-403
Thu 12 June 2025, times UTC
16:40 Ana: the 5.4 release went out at 16:30
16:52 Ana: resume uploads failing with 403 since the signing key rotation this afternoon
17:40 Ben: 4 upload servers still have the old key. do we restart them or roll back the key?
17:44 Ana: rollback of the key also breaks the good servers. restart is safer.
18:38 Ben: restart finished, uploads working again since 18:36
"""


def test_a_rollback_the_team_only_weighed_is_never_told_as_undone():
    """Given a release and "roll back the key?" then "rollback of the key also breaks the good servers. restart is
    safer.", the change told from the story as a whole is never said to be undone."""
    told = plain_cause(read(WEIGHED_ROLLBACK))
    assert told is not None and "A change we made" in str(told.value)
    assert "undone" not in str(told.value)


SUPPORT_BRIEF = """\
# Support brief: booking confirmations delayed - Saturday 16 August 2025

All times UTC. From 14:05 to 17:40 UTC booking confirmations were delayed by up to three hours.

## What to tell customers
- Confirmations are arriving normally again. Delayed ones were sent automatically.
- Members who lost a class because of this: offer one month's membership credit. Apply it yourself in Backstage, no approval needed.
- Do not promise compensation for missed personal-training fees.
- Don't say "nothing to do" to someone whose booking was cancelled: they need to book again.
"""


def test_a_support_briefs_words_to_its_agents_never_reach_the_customer():
    """Given a brief that tells agents to "offer" a credit, to "apply it yourself in Backstage" and what not to
    promise, no draft says any of it to customers."""
    sheet = build_sheet(SUPPORT_BRIEF)
    said = " ".join(sheet.texts("remedy") + sheet.texts("symptoms") + sheet.texts("numbers"))
    assert "offer one month" not in said and "Apply it yourself" not in said and "Backstage" not in said
    assert "Do not promise" not in said and "Don't say" not in said
    for stage, audience in (("preliminary", "general"), ("report", "general")):
        text = draft(SUPPORT_BRIEF, stage, audience, "sev3").text
        assert "Backstage" not in text and "Do not promise" not in text and "Apply it yourself" not in text


def test_a_remedy_notes_label_that_names_a_part_is_never_told_as_who_it_is_for():
    """Given "remedies agreed: 10% credit ..." and "Decision: one month's credit ...", the draft says "We are giving
    ...", never "For the remedies agreed, ..." or "For the decision, ..."; "Affected members:" still says who."""
    from drafting.facts.remedy_note import remedy_note_as_sentence

    assert remedy_note_as_sentence("Remedies agreed: 10% credit on the March invoice for all affected workspaces") \
        == "We are giving a 10% credit on the March invoice for all affected workspaces."
    assert remedy_note_as_sentence("Decision: one month's credit for all affected shops").startswith("We are giving one month's credit")
    assert remedy_note_as_sentence("Affected members: one free month") == "For the affected members, we are giving one free month."
