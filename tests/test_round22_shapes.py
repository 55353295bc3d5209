"""Stories from the shapes round 22's writer used and its editors caught: a team clock given only by restating a UTC
time ("09:58 UTC = 17:58 here"), times with no zone anywhere, "still no confirmed cause", staff names and departments
taken for the product, and remedies told wider than the write-up gives them."""
from __future__ import annotations

import drafting
from drafting.facts import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

CHAT = """[LINE] chat with Ferrybell on-call
saved 2025/10/06 23:10

2025/10/06 (Mon)
19:07	Ana	ferry app shows boarding pass "not valid" at the gate, Kaohsiung pier
19:09	Jun	checking
19:11	Jun	[FIRING] PassVerifyErrors StartsAt: 2025-10-06T11:08:00Z
19:13	Jun	not 19:08. rule has for:10m, errors started 10:58 UTC = 18:58 here
19:40	Jun	restarted verify-svc-2, passes valid again
19:44	Ana	gate staff confirm, boarding normal
20:02	Jun	summary: 18:58 -> 19:40, 212 passengers boarded with paper check
"""


def test_a_team_clock_given_only_by_restating_a_utc_time_is_used_for_the_bare_times():
    sheet = build_sheet(CHAT)
    assert sheet.start.value.isoformat().startswith("2025-10-06T10:58")  # 18:58 here is UTC+8
    assert sheet.end.value.isoformat().startswith("2025-10-06T11:40")
    d = drafting.draft(CHAT, "preliminary", "general", "sev2", contact=CONTACT, use_model=False)
    assert "18:58 to 19:40 UTC" not in d.text and "10:58 to 11:40 UTC" in d.text


NO_ZONE = """School fees incident, Mon 6 Jan 2025

06:09 first payment not posted to a student account
08:40 parents calling the bursar's office
11:48 new payments posting again
13:20 last delayed payment posted; impact over

Impact window: 06:09 to 13:20.
Parents saw paid fees still showing as owed in the app.
14,862 payments were delayed; none was lost.
"""


def test_times_with_no_zone_anywhere_are_told_as_local_time_never_as_utc():
    sheet = build_sheet(NO_ZONE)
    assert sheet.timezone == "local"
    d = drafting.draft(NO_ZONE, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "UTC" not in d.text
    assert "local time" in d.text
    assert any(o["item"] == "time zone" for o in d.omitted)


OPEN_CAUSE = """## Ticket 5512: gas orders not assigned to drivers

Orders stayed on "searching for a driver" from 07:17 to 10:38 CST (UTC-6) on Thu 22 May 2025.
What we don't know yet, two suspects, neither confirmed: the message broker certificate change, or the
dispatch consumer's reconnect logic.

FYI for whoever answers follow-ups: still no confirmed cause. Review meeting Tue 27 May.
"""


def test_still_no_confirmed_cause_keeps_the_cause_open():
    sheet = build_sheet(OPEN_CAUSE)
    assert sheet.cause_status.value != "confirmed"
    d = drafting.draft(OPEN_CAUSE, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "not yet confirmed" in d.text
    assert "confirmed the cause" not in d.text.replace("not yet confirmed the cause", "")


STAFF = """Monitoring event, 2025-07-14 (server UTC)
04:31  hosts calling since 07:15, double bookings on the partner channel!! escalating to Stavros
---- notes below are mine (Stavros), Athens time (EEST) ----
Impact: 04:40 -> 09:31 EEST, calendars on the partner channel stopped updating.
37 double bookings for 29 hosts.
Decided with Dimitra 09:50: we cover the partner's cancellation penalties.
Dimitra will call the loudest host herself.
"""


def test_staff_first_names_are_never_the_product():
    sheet = build_sheet(STAFF)
    assert not any(n in p for p in sheet.texts("products") for n in ("Stavros", "Dimitra"))
    d = drafting.draft(STAFF, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "Stavros" not in d.text and "Dimitra" not in d.text


INTRANET = """Alvor Connect  >  Digital & Lojas  >  News
Incident review: checkout unavailable overnight

Written by Digital Operations for Store Managers, Customer Care and Digital.

In the early hours of Sunday 26 October 2025, customers could not complete any order on Alvor Online (website
and app) for 1 hour 40 minutes, from 00:12 to 01:52 UTC. Browsing and filling the basket still worked.

What customers get:
  1. EUR 5 voucher for the 1,018 customers whose checkout failed. It is already in their app wallet, no code needed.
  2. Agents may add a further EUR 10 goodwill credit with team-leader approval.

Review meeting for Digital + Store Ops: Tuesday 28 October, 15:00.
"""


def test_the_product_is_the_intranets_root_name_not_the_department_after_it():
    sheet = build_sheet(INTRANET)
    assert sheet.texts("products")[:1] == ["Alvor Online"]
    assert not any("Digital" in p for p in sheet.texts("products"))


def test_a_goodwill_credit_agents_may_add_is_not_told_as_everyones():
    remedies = build_sheet(INTRANET).texts("remedy")
    assert not any("EUR 10" in r and "Every affected" in r for r in remedies)
    assert not any("discount code" in r for r in remedies)  # "no code needed": a voucher, as the write-up says


REFUNDS = """Ops - Deliveries (Teams)
[5/22/2025 9:10 AM] Daniela: anything placed <60 min before restart (61 orders) we pushed to distributors now, going out late.
[5/22/2025 9:11 AM] Daniela: The other 323 we cancel + refund.
[5/22/2025 9:15 AM] Itzel: card -> automatic refund, shows in 3-5 business days depending on bank
[5/22/2025 9:20 AM] Itzel: telling customers don't pay again, SMS goes out today 11.00
Impact: 07:17 to 10:38 CST (UTC-6), Thu 22 May 2025. Paid orders stuck on "searching for a driver".
"""


def test_a_refund_is_told_only_with_what_was_refunded_and_a_writers_today_is_not_told():
    sheet = build_sheet(REFUNDS)
    remedies = sheet.texts("remedy")
    assert not any("61 orders" in r for r in remedies)  # those went out late; the 323 were refunded
    assert not any("affected customers" in r and "refund" in r for r in remedies)
    d = drafting.draft(REFUNDS, "preliminary", "general", "sev2", contact=CONTACT, use_model=False)
    assert "today" not in d.text
