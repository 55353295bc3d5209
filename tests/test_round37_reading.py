"""Stories from round 37's editors: a team's clock read from a log stamp it restates ("`...T14:41:09Z`. so started 7:41
our time"), a timeline line about editing the doc, a review's date of issue, an upstream image that is no provider,
lengths of time and stray notes told as facts, and remedies written as notes. The write-ups are invented."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet


def _window(text: str) -> tuple[str, str]:
    sheet = build_sheet(text)
    return f"{sheet.start.value:%Y-%m-%d %H:%M}", f"{sheet.end.value:%Y-%m-%d %H:%M}"


SLACK_WITH_LOGS = """\
#inc-88-quotes (Rootly)

kayla  8:02 AM
quotes failing for customers since about 8

mwhit  8:40 AM
first 500 in web logs is `2025-05-31T14:41:09Z`. so started 7:41 our time, not when kayla opened this

mwhit  9:59 AM
last 500 at `2025-05-31T16:58:02Z`. so customer impact 7:41 - 9:58 AM.
"""


def test_the_teams_clock_is_read_from_a_log_stamp_it_restates():
    """Given "`2025-05-31T14:41:09Z`. so started 7:41 our time", the chat's bare times are on UTC-7: the window is 14:41
    to 16:58 UTC, never 07:41 UTC."""
    assert _window(SLACK_WITH_LOGS) == ("2025-05-31 14:41", "2025-05-31 16:58")


TICKET_NZ = """\
LAB-2291  Certificates come out blank

Kiwa: render logs are UTC, first blank output is 2025-06-10 18:12:40Z on render-03 — i.e. 6:12am today our time.
Rollback done. Last blank one in logs 2025-06-10 23:47:12Z = 11:47am.
Clients downloaded blank certificates from 6:12 to 11:47; all of them are being regenerated.
"""


def test_a_restated_offset_of_twelve_hours_is_new_zealand_not_baker_island():
    """Given "18:12:40Z ... i.e. 6:12am today our time", the team is on UTC+12 and the window is 18:12 to 23:47 UTC."""
    assert _window(TICKET_NZ) == ("2025-06-10 18:12", "2025-06-10 23:47")


STATUS_DOC = """\
# Retirements stuck in "Pending" — internal incident doc

**Date of issue:** 24 February 2025

Between 08:52 and 11:20 UTC on Tuesday 18 February 2025, credit retirements were delayed.

## Timeline (UTC)

- 08:52 — first retirement stuck. **Impact start.**
- 11:20 — queue empty. **End of impact.**
- 13:10 — impact start corrected in this doc (see top).
- 2 h 26 min — longest single delay
"""


def test_a_line_about_editing_the_doc_and_the_date_of_issue_never_move_the_window():
    """Given "13:10 — impact start corrected in this doc (see top)." and a date of issue, the window stays 08:52 to
    11:20 UTC on 18 February."""
    assert _window(STATUS_DOC) == ("2025-02-18 08:52", "2025-02-18 11:20")


IMAGE_REBUILD = """\
# Certificates blank after nightly rebuild

Cause confirmed: the rebuilt image doesn't have the fonts package anymore (upstream base image dropped it), so the PDF
engine draws nothing instead of failing.
"""


def test_an_upstream_image_is_not_an_outside_provider():
    """Given "upstream base image dropped it", the cause is never "a problem at one of the outside providers"."""
    assert "outside providers" not in str(build_sheet(IMAGE_REBUILD).cause_plain.value)


FOLLOW_ALERTS = """\
# Follow alerts delayed for caregivers

All times UTC. From 06:48 to 09:31 UTC on Thursday 16 January 2025 alerts to followers arrived late.

## Customer remedy / comms

- **No action needed** from wearers.
- **Followers:** we're recommending everyone turn on **SMS backup for Urgent Low** (Follow → Settings → Alert backup). Email 10:30 includes the link.
- 1 month Sugarloop Plus credit for the 8,920 affected followers who are on a paid plan (finance to confirm count of paid ones, ~5,100?).

## Notes

- Told them the alerts are safe now.
- Priya's team is checking the queue.
- Rest spread over the other 9 tenants.

## Actions

- [ ] Finish Suspect A + B tests, update this doc
- [ ] Alert when follower alerts are more than 5 minutes late
"""


def test_remedies_written_as_notes_are_told_and_stray_notes_are_not():
    """Given a credit note with a bracketed aside and a labelled recommendation, both are remedies; "Email 10:30
    includes the link.", "Told them ...", "Priya's team ..." and "Rest spread over ..." never reach a draft; tests of
    suspects are no change."""
    sheet = build_sheet(FOLLOW_ALERTS)
    remedies = sheet.texts("remedy")
    assert any(r.startswith("We are giving 1 month Sugarloop Plus credit") and "finance" not in r for r in remedies)
    assert any("SMS backup for Urgent Low" in r for r in remedies)
    assert not any("tests for this kind" in c for c in sheet.texts("changes_plain"))
    text = draft(FOLLOW_ALERTS, "report", "general", "sev1").text
    for bad in ("Email 10:30", "Told them", "Priya", "Rest spread", "We will email 10:30"):
        assert bad not in text
