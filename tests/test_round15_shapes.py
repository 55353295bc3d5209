"""Stories: write-ups in the shapes round 15's editors found read wrong.

A monitoring tool's JSON export pasted whole; a group chat whose manager says when customers were hit; a
doc that declares its zone in italics and talks of "time zones ahead of UTC"; a newsletter item whose window is
in "Dubai time"; a support handover whose end is "scans good from 9:25"; a booking page written on Saturday
about "23:20 Fri"; remedies written as "Who: what they must do"; a cause that is a partner's change. These
write-ups are invented for the tests.
"""
from __future__ import annotations

import json

from drafting.facts.build import build_sheet

ANNOTATIONS = json.dumps([
    {"id": 5101, "dashboardUID": "orders-main", "login": "t.banda", "time": 1748508000000,
     "text": "DEPLOY order-router: pool size 50 -> 10. 10:40 CAT", "tags": ["deploy"]},
    {"id": 5102, "dashboardUID": "orders-main", "login": "n.phiri", "time": 1748509320000,
     "text": "IMPACT WINDOW (customer-facing): 11:02-12:37 CAT. Bakery orders stuck on 'Sending', 1,240 orders delayed.",
     "tags": ["incident", "impact"]},
    {"id": 5103, "dashboardUID": "orders-main", "login": "n.phiri", "time": 1748515020000,
     "text": "RECOVERED 12:37 CAT. Orders flowing. Delayed orders sent to bakeries in order.", "tags": ["incident"]},
])


def test_a_pasted_json_export_is_read_as_its_events(window_of):
    # 11:02-12:37 CAT (UTC+2) on 29 May 2025 is 09:02-10:37 UTC; the epoch stamps give the day.
    assert window_of(ANNOTATIONS) == ("2025-05-29 09:02", "2025-05-29 10:37")


def test_a_json_export_s_handles_stay_out_of_the_draft(report_of):
    text = report_of(ANNOTATIONS)
    assert "n.phiri" not in text and "t.banda" not in text and "dashboardUID" not in text


GROUP_CHAT = """\
Signal group "Kiosk leads". Exported Sat 3/8/25. All times Arizona (MST).

[3/8/25 7:02 AM] Dana Ruiz (Mesa): Ticket kiosk rejecting every card. first customer complained at 6:40
[7:10 AM] Omar Said (IT): on it. payment terminal firmware pushed overnight
[7:55 AM] Omar Said (IT): rolled the terminals back one by one
[9:31 AM] Omar Said (IT): all kiosks taking cards again, last decline 9:24
[9:33 AM] Jen Cole (Ops): OK. So customer-facing it was ~6:40 to 9:24 today. how many people
[9:40 AM] Omar Said (IT): 212 declined payments, 143 customers
[9:45 AM] Jen Cole (Ops): Approved: $10 credit for each of those 143 customers
[9:52 AM] Omar Said (IT): honestly that's all we actually know. don't say it was the firmware, could be the card network
"""


def test_a_group_chat_s_own_statement_of_when_customers_were_hit_is_the_window(window_of):
    # 06:40-09:24 MST on Sat 8 Mar 2025 is 13:40-16:24 UTC, not the 7:02 message or the 9:31 all-clear.
    assert window_of(GROUP_CHAT) == ("2025-03-08 13:40", "2025-03-08 16:24")


def test_that_s_all_we_know_keeps_the_cause_open(open_cause):
    assert "A change we made" not in open_cause(GROUP_CHAT)


ITALIC_ZONE = """\
# Join button said "lesson ended" — Wed 14 Aug 2024

_Times are SGT (UTC+8) unless marked. Anything after midnight is Thu 15 Aug._

Learners in time zones ahead of UTC could not join their lessons.

- **21:10** (13:10 UTC) — first failed join. **← impact start**
- **23:45** (15:45 UTC) — fix deployed
- **00:05** (16:05 UTC) — last failed join. **← impact end**
"""


def test_a_zone_declared_in_italics_beats_a_sentence_about_time_zones(window_of):
    # 21:10 SGT on Wed 14 Aug to 00:05 SGT on Thu 15 Aug 2024 is 13:10 to 16:05 UTC.
    assert window_of(ITALIC_ZONE) == ("2024-08-14 13:10", "2024-08-14 16:05")


CITY_CLOCK = """\
### 1. Card top-ups stuck "Pending" (Sev 2)

**When:** Tue 5 Nov 2024, **10:15–15:40 Dubai time**. 5 h 25 min of customer impact.

624 top-ups sat on "Pending" in the app.
"""


def test_a_window_in_a_city_s_time_is_read_in_that_city_s_zone(window_of):
    # Dubai is UTC+4: 06:15-11:40 UTC.
    assert window_of(CITY_CLOCK) == ("2024-11-05 06:15", "2024-11-05 11:40")


HANDOVER = """\
SUPPORT HANDOVER  AM -> PM   Tue 4 Mar 2025   (all times HST)

- 7:05 first courier call: every parcel scan says "Label unreadable"
- scheduled flag flipped the new label reader on at 7:00, Ana turned it off 10:20, scans good from 10:25
- 96 deliveries marked failed, $5 redelivery fee charged to 80 customers, all refunded 11:40
- PM TODO: customer email. use 7:05-10:25am in it, NOT 7:00 (7:00 is when the flag flipped)
"""


def test_a_handover_s_end_and_its_range_to_use_are_read(window_of):
    # 07:05-10:25 HST (UTC-10) is 17:05-20:25 UTC.
    assert window_of(HANDOVER) == ("2025-03-04 17:05", "2025-03-04 20:25")


SATURDAY_PAGE = """\
Incidents › INC-118 · Double-booked courts

Opened: Sat 25 Jan 2025 00:02 NST · Resolved: 01:05 NST · Last edited by Ann Brophy, Mon 27 Jan 09:48

Team works in NST (UTC−3:30).

Members booking between 23:20 Fri and 01:05 Sat NST were charged twice.

- 41 courts were booked by two members for the same slot (all between Sat 25 Jan and Fri 31 Jan)
"""


def test_a_friday_on_a_saturday_page_is_the_day_before_not_a_later_friday(window_of):
    # 23:20 NST on Fri 24 Jan is 02:50 UTC on the 25th; "UTC−3:30" is an offset, not a time; the edit date is not the day.
    assert window_of(SATURDAY_PAGE) == ("2025-01-25 02:50", "2025-01-25 04:35")
    sheet = build_sheet(SATURDAY_PAGE)
    assert not any("Check the day" in f["reason"] for f in sheet.flags)


NEED_TO_KNOW = """\
# Pre-approval letters with the wrong expiry

**When:** 5 Nov 2024, 10:15-15:40 UTC.

57 pre-approval letters went out showing 30 days instead of 60. The letter template was fixed the same evening.

## What customers need to know / do

- The 57 customers with a 30-day letter: download the reissued letter from Documents in the app.
- The 112 with duplicate enquiries: nothing to do; the duplicate will be removed from their credit report within 10 working days.

## Root cause

Confirmed. On 4 November one of our partner bureaus upgraded its scoring service. After the upgrade it began returning
dates in a format our letter template did not expect.
"""


def test_what_customers_must_do_is_said_as_a_sentence_in_the_report(report_of):
    text = report_of(NEED_TO_KNOW)
    assert "The 57 customers with a 30-day letter should download the reissued letter" in text
    assert "do not need to do anything" in text


def test_a_partner_s_change_is_not_told_as_a_change_we_made():
    sheet = build_sheet(NEED_TO_KNOW)
    plain = sheet.cause_plain.value if sheet.cause_plain else ""
    assert "A change we made" not in plain  # and no partner's change told as the cause either: it may only be the trigger
    assert "partner" not in plain


NEWSLETTER = """\
**Platform Weekly — Week 45**
_Internal SRE newsletter · sent Thu 7 Nov 2024_

### 1. Card top-ups stuck "Pending"

**When:** Tue 5 Nov 2024, 06:15–11:40 UTC.

624 top-ups in the app sat on "Pending" instead of completing.
"""


def test_a_newsletter_s_masthead_is_not_the_product(report_of):
    sheet = build_sheet(NEWSLETTER)
    assert not any("Platform Weekly" in str(p.value) for p in sheet.products)
    assert "Platform Weekly" not in report_of(NEWSLETTER)
