"""Stories from round 26's editors, on write-ups in the formats engineers paste most (a Slack channel, an e-mail
thread, a Jira ticket, a Confluence page, a shift handover, an incident.io export): windows deferred or read in the
wrong zone or week, internal system names told as the product or hiding the cause, action items told as what
customers saw, and an apology for "Tagwell" rather than for what went wrong. The write-ups are invented for the tests."""
from __future__ import annotations

from datetime import datetime, timezone

from drafting import draft
from drafting.facts import build_sheet

CONTACT = "Sam Rivera <support@example.com>"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


SLACK = """#inc-payouts-0305
Wednesday, March 5th, 2025

Datadog APP  2:12 PM
[Triggered] payouts-api: payout_create error rate > 20% (5m avg)

marta.l  2:14 PM
sellers can't withdraw their balance, 6 tickets already

pablo_r  2:18 PM
bank gateway timing out. graph starts 1:40ish?

    2 replies
    ines.c  2:19 PM
    1:40 is the deploy marker. errors start 2:03 exactly, not before
    pablo_r  2:20 PM
    ok

pablo_r  2:24 PM
~40% of payout attempts failing since 2:03. balances are safe

Datadog APP  3:31 PM
[Recovered] payouts-api: payout_create error rate > 10% (5m avg)

pablo_r  3:40 PM
numbers for the standup:
- 2:03–3:27 degraded
- ~1,900 failed payout attempts
"""


def test_a_slack_threads_reply_and_the_standup_range_give_the_window_not_the_bots_alerts():
    sheet = build_sheet(SLACK)
    assert (sheet.start.value, sheet.end.value) == (utc(2025, 3, 5, 14, 3), utc(2025, 3, 5, 15, 27))  # no zone written: local


EMAIL = """From: Ops Lead <ops@shelfwise.com.au>
Sent: Thursday, 13 March 2025 4:47 PM
Subject: RE: wrong prices on shelf labels overnight

All,

1. Between 11:22 PM last night (Wed 12th) and 7:15 AM this morning, shelf labels showed last week's prices.
Tom is on the 9am Sydney call with their head office.

Timeline (all Perth time, from the push logs):
11:05 PM  cut-off for the weekly price file. File not in the inbox.
11:22 PM  first labels updated in store - wrong prices start showing
7:15 AM   last 2 stores confirmed

So the bad window on shelf is 11:22 PM - 7:15 AM.
"""


def test_a_city_declared_for_the_timeline_beats_a_meeting_in_another_city_and_the_bad_window_is_read():
    sheet = build_sheet(EMAIL)
    assert (sheet.start.value, sheet.end.value) == (utc(2025, 3, 12, 15, 22), utc(2025, 3, 12, 23, 15))  # AWST, UTC+8


CONFLUENCE = """Sport channels show "not subscribed" during Saturday match (22 Feb 2025)

On Saturday 22 Feb from 19:00 WIB, customers who have the Sport package could not watch the sport channels.

Root cause is confirmed: the nightly package refresh was failing, so the entitlements refreshed last time on
Saturday 15 Feb 19:00 expired exactly on Saturday 22 Feb 19:00.

Impact window: 19:00 – 21:10 WIB. Some boxes needed a restart after that.
"""


def test_a_restated_window_keeps_the_day_it_was_first_said_not_an_earlier_week_at_the_same_clock():
    sheet = build_sheet(CONFLUENCE)
    assert (sheet.start.value, sheet.end.value) == (utc(2025, 2, 22, 12, 0), utc(2025, 2, 22, 14, 10))


JIRA = """OPS-INC-77
[INC] Gate kiosks refusing valid truck appointments - Terminal North

Components:  Portao (gate validation), Booking Web
Created:     11/Mar/25 11:19 AM

Description
First report from the terminal: truck refused 11:05 AM at gate 3.
(log times UTC, so 13:52Z = 10:52 our time). Last applied transaction 10:51:58.
Impact window: 11/Mar 11:05 AM (first refusal) to 4:25 PM (last refusal).
"""


def test_a_note_about_the_logs_clock_does_not_make_the_tickets_own_times_utc():
    sheet = build_sheet(JIRA)
    assert (sheet.start.value, sheet.end.value) == (utc(2025, 3, 11, 14, 5), utc(2025, 3, 11, 19, 25))  # UTC-3, from "13:52Z = 10:52"
    assert sheet.headline.value.lower() == "gate kiosks refusing valid truck appointments"  # the line under the ticket id
    assert "gate validation" in sheet.texts("products") and "Portao" not in " ".join(sheet.texts("products"))


HANDOVER = """=== NOC HANDOVER — swing -> overnight — Mon 7/21/2025 — kmorales -> Dev ===
(all times AZ / MST)

1) SEV4 — inbound mail delayed, mx-c cluster. SR-55102. RESOLVED-ish
   - 2:10 PM queue on mx-c-01..04 starts climbing, inbound delays for ~2,600 domains. outbound fine
   - peak delay ~42 min, nothing bounced
   - 3:55 PM queue back to normal, delays gone. status page updated 4:05
"""


def test_a_terse_handover_gives_its_window_in_arizona_time_and_its_headline_from_the_incident_line():
    sheet = build_sheet(HANDOVER)
    assert (sheet.start.value, sheet.end.value) == (utc(2025, 7, 21, 21, 10), utc(2025, 7, 21, 22, 55))
    assert sheet.headline.value == "inbound mail delayed"


PRICES = """From: Grant <grant@tagwell.com.au>
Sent: Thursday, 20 February 2025 4:47 PM
Subject: wrong prices on shelf labels overnight

1. What happened. Between 11:32 PM last night (Wed 19th Feb 2025) and 7:40 AM this morning, shelf labels in the
   retailer's stores showed last week's prices.
2. Cause (confirmed, see Shreya's note below). Their weekly price file didn't arrive by our 11:15 PM cut-off.
   Kingfisher then re-sent the previous week's prices instead of holding the push.
3. Numbers: 36 stores, 1,412 products.
   Add a sanity check before any push: if more than 5% of prices change, hold and page on-call.

Timeline (all Perth time, from Kingfisher logs):
11:15 PM  cut-off. Kingfisher logs WARN "no new file" and carries on (a leftover of the Kingfisher migration).

So the bad window on shelf is 11:32 PM - 7:40 AM.
"""


def test_an_internal_systems_name_is_withheld_but_the_cause_it_carries_is_told():
    sheet = build_sheet(PRICES)
    assert "Our system re-sent the previous week's prices" in sheet.cause.value
    assert not any(n.startswith("Add a sanity check") for n in sheet.texts("numbers"))
    d = draft(PRICES, "report", "general", "sev2", contact=CONTACT)
    assert "Kingfisher" not in d.text
    assert "We are sorry for the wrong prices on shelf labels" in d.text  # not "We are sorry that Tagwell did not work"


EXCHANGE = """# Withdrawals stuck in "Processing" (sev1)

**Affected:** Withdrawals – ETH

From 06:14 to 10:47 UTC on Saturday 24 May 2025, withdrawals were accepted but not sent.

Cause (confirmed): on Friday we lowered the maximum network fee the Tollgate withdrawal orchestrator may pay, from
60 to 12 gwei. Saturday morning network fees spiked above 12 gwei. Tollgate kept signing, but nothing could confirm.
The Tollgate pending limit stopped all new sends.

## Action items
- Fee refunds for 6,217 withdrawals
- Support macro and status page template for "withdrawals delayed, funds safe"
- Alert when a withdrawal is pending for more than 10 minutes

Internal: entitlement data comes from our billing platform (Merpati); the Merpati API password rotates every 90 days.
"""


def test_code_names_stay_out_and_a_refund_item_is_a_remedy_not_a_change():
    sheet = build_sheet(EXCHANGE)
    assert sheet.texts("products") == ["ETH withdrawals"]
    assert sheet.cause.value.startswith("On Friday we lowered the maximum network fee our withdrawal orchestrator may pay")
    assert any("6,217 withdrawals" in r for r in sheet.texts("remedy"))
    assert not any("refund" in a.lower() or "macro" in a.lower() for a in sheet.texts("actions"))
    d = draft(EXCHANGE, "report", "technical", "sev1", contact=CONTACT)
    assert "Tollgate" not in d.text and "Merpati" not in d.text
