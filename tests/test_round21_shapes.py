"""Stories from the shapes round 21's writer used and its editors caught: the company's name taken from a customer's
e-mail address or a town, a zone word the write-up defines for itself, remedies said only in notes and macros, a
provider's rotated secret told as "a change we made", and team notes pasted as changes."""
from __future__ import annotations

import drafting
from drafting.config import CompanyConfig
from drafting.facts import build_sheet
from drafting.facts.gate import customer_sentence
from drafting.facts.kinds import plain_cause
from drafting.reading.document import Span, read
from drafting.redact import Redactor

CONTACT = "Sam Rivera <support@example.com>"

HELPDESK = """Pedalo  >  Helpdesk  >  Memberships  >  #7781
Annual pass renewals charged twice

Customer ........ Marta Ilves  <marta.ilves@kivimail.ee>
Assigned to ..... Joonas Tamm
Company time zone: Europe/Tallinn (EEST, UTC+3) - notes below in EEST

Joonas Tamm - Log note - 12/06/2025 18:40
  Refund batch done 18:20. All 312 double charges are refunded, 0 failed.
  Customer message + 5 EUR ride coupon sent to all 312 at 18:30. For customer: no action needed.
  Bank says 3-5 business days before it shows.

Joonas Tamm - Log note - 12/06/2025 15:05
  Found it. Renewal job v2.4 (deploy 09:10 today) retried on timeout without checking the first charge went through.
  So every renewal that timed out was charged twice. Reverted at 14:52.
  Impact window: 09:10 -> 14:52. Four riders in Tartu phoned this afternoon.

Marta Ilves - Email - 12/06/2025 11:02
  My Pedalo pass renewal was charged twice today. Please fix.

Action items:
 - Unit test: retry must check charge status first, never charge again
 - Alarm if renewals per hour > 3x normal
 - Billing code deploy only with a second reviewer

Joonas - Pedalo Support
"""


def test_the_company_is_named_from_its_own_banner_and_sign_off_never_from_the_customers_address():
    sheet = build_sheet(HELPDESK)
    assert sheet.texts("products")[:1] == ["Pedalo"]
    d = drafting.draft(HELPDESK, "report", "general", "sev2", contact=CONTACT, account="Northwind", use_model=False)
    assert "Kivimail" not in d.text and "kivimail" not in d.text
    assert "Pedalo was" in d.text or "Pedalo did" in d.text or "Pedalo " in d.text
    assert "Pedalo were" not in d.text  # a name ending in "o" or "s" is one thing


def test_remedies_said_only_in_log_notes_are_told_in_plain_sentences_of_our_own():
    d = drafting.draft(HELPDESK, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "We have refunded all 312 double charges." in d.text  # what was refunded, never "the affected customers"
    assert "3 to 5 business days" in d.text
    assert "5 EUR ride coupon" in d.text or "5 EUR coupon" in d.text
    assert "Refund batch done" not in d.text and "0 failed" not in d.text  # the note itself stays out


def test_team_notes_in_an_action_list_are_not_pasted_as_changes():
    d = drafting.draft(HELPDESK, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "Unit test:" not in d.text
    assert "3x normal" not in d.text
    assert "what changes" not in d.text.lower() or "We are" in d.text  # the kinds' plain sentences say what is changing


LESSONS = """Lesson booking incident, Sat 1 Nov 2025 (times ET)

From 09:00 to 13:30 ET, recurring lessons showed one hour late in the app after the clock change.
Four families turned up at 2 this afternoon and the teacher had gone home.
Students missed 37 lessons in total across 12 schools.
Cause: the app calculated future lessons with summer time offsets. Fixed at 13:30.
"""


def test_a_sentence_about_the_writers_afternoon_is_not_told_as_the_readers():
    sheet = build_sheet(LESSONS)
    told = sheet.texts("harm") + sheet.texts("symptoms") + sheet.texts("numbers")
    assert not any("this afternoon" in t for t in told)
    assert any("37 lessons" in t for t in told)  # the figures around it still are


IRISH = """WORK ORDER  WO-2025-0912        Site: Dublin car parks (all 6)
Times : IST = Irish Standard Time (UTC+1 in summer). Not India.

Fri 11/07/2025
10:05  first complaints at exit pay stations: card declined, barrier stays down
10:40  vendor says their gateway is fine
12:50  we restart the pay-station service on all sites, cards work again

Customer impact: 10:05 - 12:50 IST, card payment at exit failed at all 6 car parks.
Cause: a certificate on the pay stations expired overnight and was not renewed.
Customers charged twice: refunded automatically, no action needed.
"""


def test_a_zone_word_the_write_up_defines_is_read_as_it_says_not_from_the_zone_table():
    sheet = build_sheet(IRISH)
    assert sheet.start.value.isoformat().startswith("2025-07-11T09:05")  # IST = UTC+1 here, not India's UTC+5:30
    assert sheet.end.value.isoformat().startswith("2025-07-11T11:50")
    d = drafting.draft(IRISH, "preliminary", "general", "sev2", contact=CONTACT, use_model=False)
    assert "10:05 to 12:50 IST" in d.text
    assert "09:05 to 11:50 UTC" in d.text


BRT_PAD = """Pad: inc-checkout-sem12
horários: hora de São Paulo (BRT) unless it says Z. depois da meia-noite = quinta

ter 18/03/2025
22:10  first 502s on checkout  [LB log says 01:10:04Z = 22:10 nosso]
22:31  alert fired (late)
00:25  last 502, impact end

- impact window 22:10 -> 00:25, customers could not check out
- 1.240 orders that never went through
"""


def test_a_declared_local_zone_holds_even_after_a_time_written_in_utc():
    sheet = build_sheet(BRT_PAD)
    assert sheet.start.value.isoformat().startswith("2025-03-19T01:10")  # 22:10 BRT on the 18th
    assert sheet.end.value.isoformat().startswith("2025-03-19T03:25")
    assert sheet.timezone == "BRT"


def test_a_count_written_with_dots_for_thousands_is_told_with_commas():
    text = "Checkout failed for 1.240 orders that night, and 3.812.400 TL was refunded to customers by Friday."
    said = customer_sentence(Span(0, len(text), text), Redactor.build(text, CompanyConfig()))
    assert said is not None and "1,240 orders" in said and "3,812,400 TL" in said


ROTATED = """commit 8c1e2f0a91d4b7e65c3f20a8d9e1b4c7f6a2d3e0
Author: Ines Duarte <ines.duarte@lunchline.dev>
Date:   Tue Sep 9 14:02:11 2025 +0100

    fix(webhooks): accept the provider's current and next signing secret

    Root cause: Paymint rotated our webhook signing secret this morning as announced; the notice went to an old inbox.
    We only had the old secret, so every payment event was rejected and balances were not topped up.
    Deployed 13:09. Replayed every rejected event 13:25-13:40; all 1,204 top-ups credited.

    Impact: 07:02 to 13:40 UTC, Tue 9 Sep 2025. Parents saw top-ups as pending.
    Nothing for parents to do. The card fee is refunded on every top-up made that day.
"""


def test_a_providers_rotated_secret_is_told_as_a_replaced_key_never_as_a_change_we_made():
    cause = plain_cause(read(ROTATED))
    assert cause is not None and "change we made" not in str(cause.value)
    assert "key" in str(cause.value)


def test_a_fee_refunded_is_told_as_the_fee_not_as_a_full_refund_and_nothing_to_do_is_said():
    remedies = build_sheet(ROTATED).texts("remedy")
    assert "We are refunding the card fee." in remedies
    assert not any("in full" in r for r in remedies)
    assert "You do not need to do anything." in remedies


EVENT_NOTES = """Monitoring > Problems > Event details          mon-01 (server time: UTC)
  Problem time    2025-10-02 09:12:40
  Recovery time   2025-10-02 11:58:03

NOTES for the review (Ana, 2 Oct)
what riders saw:
  - Ferrolink app: tickets bought this morning not showing in My Tickets
  - boarding gates refused those tickets at the turnstile

numbers:
  - 640 tickets not visible in the app during the window. none lost,
    all showed up once the copy caught up

impact window: 09:12 -> 11:58 UTC
cause: the disk holding the database copy filled up, so it stopped updating.

action items:
  - disk alert on the database copy at 80% instead of 95%
  - yes, cleared there too 10:40Z
"""


def test_a_reply_in_an_action_list_and_a_sentence_that_leans_on_the_one_before_are_not_told():
    d = drafting.draft(EVENT_NOTES, "report", "general", "sev2", contact=CONTACT, use_model=False)
    assert "cleared there too" not in d.text and "10:40Z" not in d.text
    assert "none lost" not in d.text.lower() and "None was lost" not in d.text
