"""Stories from round 24's editors, who found this stop's new plain sentences saying more than the write-up: a change
of ours where nothing was deployed, a background job where a migration dropped a lock, a refund count cut at its
thousands space, a negation left on the line before, and one account's fee waiver told as everyone's."""
from __future__ import annotations

import re

from drafting.facts import build_sheet

RELAY = """## Notary video sessions dropping, Tue 15 Jul 2025 (Arizona time, UTC-7)

8:40 AM sessions start dropping for signers in every region.
Started incident channel #inc-0715-drops. Nothing we deployed today, last deploy was Friday.
Cause (confirmed): our video relay provider had an outage in its west region, and our clients were pinned to the
west relays only, a setting from the 2023 rollout that was never revisited.
10:05 AM sessions stable again.
"""


def test_nothing_deployed_that_day_means_the_cause_is_never_told_as_a_change_we_made():
    sheet = build_sheet(RELAY)
    assert "change we made" not in str(sheet.cause_plain.value)


RENEWALS = """Renewal incident, Tue 28.10.2025 (Helsinki, EET)

Cause (confirmed): Migration 0193 recreated the renewal queue without the per-domain lock, so two workers
charged the same renewals.

For customers
- **Duplicate charges:** all 2 306 refunded automatically, started 28.10.
  11:00. Usually visible on the card statement in 3-5 banking days. No
  action needed from customers.
"""


def test_a_migration_without_a_lock_is_not_a_background_job_and_a_wrapped_negation_is_kept():
    sheet = build_sheet(RENEWALS)
    assert "background job" not in str(sheet.cause_plain.value)
    remedies = sheet.texts("remedy")
    assert not any(r.startswith("Action is needed") for r in remedies)
    assert any("duplicate charges" in r and "refunded" in r for r in remedies)
    assert not any(re.search(r"(?<!2 )\b306\b", r) for r in remedies)  # "2 306" is one number


TAX_FREE = """Deal: Galata Deri - till connector
Pinned note (Murat, 9 Oct 2025)
Tax-free forms could not be created at shop tills from 11:20 to 13:05 Istanbul time (UTC+3).
    - Galata Deri: October platform fee waived. Credit note from finance by 20 Oct.
Told Murat: forms for the 12 going out tonight, October fee waived, what shoppers need to do.
Next: post in News + in-app message.
"""


def test_one_accounts_fee_waiver_and_a_note_about_telling_someone_are_not_told_as_remedies_for_all():
    sheet = build_sheet(TAX_FREE)
    assert not any("waiv" in r for r in sheet.texts("remedy"))
    assert "News" not in sheet.texts("products")


SCOPED = """Balloon rides: wrong cancellation texts, Sat 15 Mar 2025 (Arizona, MST)
4:12 AM wrong 'flight cancelled' text to 212 passengers; 5:31 AM corrected text sent.
For passengers:
- anyone who missed their flight because of our text: free rebook any date through April 30, OR full refund, their pick.
- anyone who paid the 850 service fee twice: refund to the same card within 7 working days.
"""


def test_a_refund_for_some_passengers_is_never_told_as_a_refund_for_everyone():
    remedies = build_sheet(SCOPED).texts("remedy")
    assert not any(r.startswith("We are refunding") or r.startswith("We have refunded") for r in remedies)
    assert "You do not need to do anything." not in remedies
