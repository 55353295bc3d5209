"""Stories from round 32's and 33's editors about times and names: a window an earlier version of the doc gave, a
heading's date on the wrong year, the team's own clock beside a UTC aside, an office known only by its address, a
Norwegian "kl." range, and other customers taken for the product. The write-ups are invented for the tests."""
from __future__ import annotations

from drafting import draft
from drafting.facts import build_sheet

SUPERSEDED_IN_A_BRACKET = """\
# Postmortem: dashboards under-counted events, Tuesday 11 March 2025

All times CET.

## Impact
- Customer-visible impact: **14:05 - 21:31 CET**. (v1 of this doc said 14:05-16:47. Corrected by Mia: the rollback
  stopped new drops at 16:47 but the figures stayed wrong until the replay finished at 21:31.)
- Dashboards showed fewer pageviews and sessions than were sent.
"""


def test_a_range_an_earlier_version_of_the_doc_gave_is_never_the_window():
    """Given "(v1 of this doc said 14:05-16:47. Corrected ...)", the window ends at 21:31 CET (20:31 UTC)."""
    sheet = build_sheet(SUPERSEDED_IN_A_BRACKET)
    assert sheet.end.value.strftime("%H:%M") == "20:31"
    assert sheet.duration_minutes.value == 446


CORRECTED_BY_THE_NEXT_SENTENCE = """\
# Incident review: duplicate loan payments

All times are Pacific Standard Time (PST, UTC-8).

## Summary
On February 3, 2025, from 6:40 AM to 11:15 AM PST, borrowers making one-time payments saw errors and some were charged twice.

## Recovery
| Time (PST) | Action |
|---|---|
| 11:15 AM | Last timeout observed. Payments re-enabled 11:40 AM after checks. |
| Feb 5 | Refund file sent to the bank. |

Note: payments were switched off until 11:40 AM. The customer impact window for this review is therefore **6:40 AM - 11:40 AM PST**. An earlier draft gave 11:15 AM as the end; corrected on Feb 6.
"""


def test_a_window_the_next_sentence_marks_as_the_correction_wins_and_keeps_its_day():
    """Given "... is therefore 6:40 AM - 11:40 AM PST. An earlier draft gave 11:15 AM as the end", the window ends at
    11:40 AM PST on 3 February, not on the day of a table row ("Feb 5") above it."""
    sheet = build_sheet(CORRECTED_BY_THE_NEXT_SENTENCE)
    assert sheet.end.value.isoformat().startswith("2025-02-03T19:40")
    assert sheet.start.value.isoformat().startswith("2025-02-03T14:40")


WEEKDAY_PICKS_THE_YEAR = """\
Support › Incident briefs › Duplicate annual renewal charge, 3 July

Owner: Aoife · last updated Thu 3 July, 5:40pm

- Some annual subscribers who pay by card were charged twice for their renewal between 2:00am and 4:30am UTC on Thursday 3 July.
- One extra month free is added automatically: renewal dates move from 3 July 2026 to 3 August 2026.
"""


def test_a_date_without_a_year_takes_the_year_its_weekday_twin_gives():
    """Given "3 July" in the breadcrumb and "Thursday 3 July" in the text, beside renewal dates in 2026, the incident
    is on Thursday 3 July 2025 and the draft heads with the breadcrumb's last part."""
    sheet = build_sheet(WEEKDAY_PICKS_THE_YEAR)
    assert sheet.start.value.date().isoformat() == "2025-07-03"
    assert str(sheet.headline.value).lower() == "duplicate annual renewal charge"
    assert "3 July 2025" in draft(WEEKDAY_PICKS_THE_YEAR, "report", "general", "sev3").text


TEAM_CLOCK_BESIDE_UTC = """\
Subject: RE: video calls failing - summary

Hi all,

Calls to interpreters failed from 9.38am until 11.52am on Thursday 12 June 2025. The old certificate expired at
09:38 BST (08:38 UTC in the relay logs). A new certificate was loaded at 11.52am and calls connected again.

Ola
"""


def test_bare_times_beside_the_teams_own_zone_are_on_that_clock():
    """Given "09:38 BST (08:38 UTC in the relay logs)" and bare "9.38am ... 11.52am", the window is 08:38-10:52 UTC."""
    sheet = build_sheet(TEAM_CLOCK_BESIDE_UTC)
    assert (sheet.start.value.strftime("%H:%M"), sheet.end.value.strftime("%H:%M")) == ("08:38", "10:52")


OFFICE_BY_ADDRESS = """\
Subject: inbound calls failing this morning

Inbound calls to ported numbers failed from 07:55 to 10:40 on Tuesday 12 August 2025. Outbound calls were fine.
(Karol: sorry, my Jira is on Kraków time, the reload shows 11:19 for me.)

Jamie Whitworth
Voice engineering
Unit 4, Ancoats Works, Manchester M4 6DE
"""


def test_an_office_known_only_by_its_address_sets_the_clock():
    """Given no zone but a signature address in Manchester, 07:55-10:40 are UK summer time: 06:55-09:40 UTC; a
    colleague whose tracker "is on Kraków time" does not set the write-up's clock."""
    sheet = build_sheet(OFFICE_BY_ADDRESS)
    assert (sheet.start.value.strftime("%H:%M"), sheet.end.value.strftime("%H:%M")) == ("06:55", "09:40")


KLOKKA_RANGE = """\
# Incident review: catch reports delayed, 13 May 2025

All times are norsk tid (CEST, UTC+2).

## What happened?
Tuesday 13 May, from kl. 06:12 to kl. 13:52, catch reports sent from the app were received by our server but not forwarded. Nothing was lost.

## What did we get wrong?
- We spent 07:20-08:40 waiting on the authority's support desk.
"""


def test_a_range_written_with_kl_is_the_window():
    """Given "from kl. 06:12 to kl. 13:52" (CEST), the window is 04:12-11:52 UTC, not the 07:20-08:40 aside."""
    sheet = build_sheet(KLOKKA_RANGE)
    assert (sheet.start.value.strftime("%H:%M"), sheet.end.value.strftime("%H:%M")) == ("04:12", "11:52")


OTHER_CUSTOMERS = """\
**On-call handoff - Runnerbay CI - Tue 7.10 night**

- macOS jobs queued for up to 2h20m from 22:40 to 01:15 EEST. About 1,300 jobs were delayed.
- Nordhavn Apps opened ticket (RB-4471) very angry, their release build missed review.
- Kestrel Labs also affected, they asked for a credit.
"""


def test_customers_who_opened_tickets_are_never_the_product_or_named():
    """Given "Nordhavn Apps opened ticket" and "Kestrel Labs also affected", neither is the product, and no draft
    names them."""
    sheet = build_sheet(OTHER_CUSTOMERS)
    assert not any(n in p for p in sheet.texts("products") for n in ("Nordhavn", "Kestrel"))
    text = draft(OTHER_CUSTOMERS, "report", "general", "sev3").text
    assert "Nordhavn" not in text and "Kestrel" not in text


INCIDENT_IO_FIELDS = """\
# INC-412 - Server-side SDKs evaluating default flag values

| Field | Value |
|---|---|
| Severity | Major |
| Impact started at | 14 May 2025 14:07 UTC |
| Fixed at | ~~14 May 2025 14:58 UTC~~ 14 May 2025 15:22 UTC (edited, see note) |
| Resolved at | 14 May 2025 15:40 UTC |

## Summary
Server-side SDKs in the EU region served default flag values to customers' apps.
"""


def test_an_exports_fixed_at_is_the_end_and_a_struck_through_time_is_replaced():
    """Given "Fixed at | ~~14:58~~ 15:22 (edited)" and "Resolved at | 15:40", impact ends at 15:22 UTC: the tool's
    "resolved" is when the team closed the incident."""
    sheet = build_sheet(INCIDENT_IO_FIELDS)
    assert sheet.end.value.strftime("%H:%M") == "15:22"
    assert sheet.duration_minutes.value == 75


H_STYLE_TIMES = """\
# Retrospectiva: e-mails de assinatura atrasados

Owner: Beatriz Lima · Status: final (v2)

On Thursday 11 September 2025, emails sent on behalf of our customers were delayed from 14h20 until 20h35. Signing
itself was never down. The longest queue wait was 2h20.

**Timeline** (São Paulo time)
- 14h20 sending domain suspended by the email provider
- 20h35 last delayed email delivered
"""


def test_times_written_14h20_are_read_on_the_clock_the_write_up_names_not_a_surname():
    """Given "from 14h20 until 20h35" and "(São Paulo time)" beside an owner called "Beatriz Lima", the window is
    17:20-23:35 UTC (UTC-3), never read on Lima's clock, and "2h20" stays a length."""
    sheet = build_sheet(H_STYLE_TIMES)
    assert (sheet.start.value.strftime("%H:%M"), sheet.end.value.strftime("%H:%M")) == ("17:20", "23:35")
