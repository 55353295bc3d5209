"""Stories: a name the write-up asks to keep out never reaches a customer draft, and a monitoring tool's web
address is never taken for the product.

Editors found another customer's name and figures in drafts although the write-up said "don't share" them, and a
product called "the Datadoghq app" taken from a pasted alert link. These write-ups are invented for the tests.
"""
from __future__ import annotations

from drafting import draft
from drafting.facts.build import build_sheet

CONTACT = "Sam Rivera <support@example.com>"

HOTEL = """\
# Multi-night stays priced as one night on the Lanai booking engine (sev2)

Wednesday 20 August 2025, times HST.

From 09:12 to 13:47 HST the Lanai booking engine priced multi-night stays as a single night. 412 bookings at 38
properties were taken at the wrong price. Marlow Bay Suites alone had 61 bookings worth $38,900.

Please don't share Marlow Bay Suites' numbers or name them in anything external, they asked us not to.

Remedy: every affected property gets a credit for the difference on its September invoice.

Monitor: https://app.datadoghq.com/monitors/551203 fired at 13:02 HST.

## Root cause (confirmed)
A pricing release at 09:05 HST read the stay length as one night. We rolled it back at 13:40.

## Actions
- Alert when the average booked nights per stay drops by half.
"""


def test_a_customer_the_write_up_asks_to_withhold_is_never_named():
    for stage, audience in (("preliminary", "general"), ("report", "technical"), ("followup", "executive")):
        d = draft(HOTEL, stage, audience, "sev2", contact=CONTACT, account="Northwind")
        assert "Marlow" not in d.text, (stage, audience)
    assert "412 bookings" in draft(HOTEL, "report", "general", "sev2", contact=CONTACT).text


def test_a_pasted_monitor_link_is_not_the_product():
    products = build_sheet(HOTEL).texts("products")
    assert not any("datadog" in p.lower() for p in products), products


def test_a_code_name_the_write_up_keeps_inside_engineering_is_never_the_product():
    text = HOTEL.replace("Please don't share", "Internal note: don't use 'Kestrel' outside eng, it is the pricing rewrite. Please don't share") \
                .replace("A pricing release at 09:05 HST", "The Kestrel pricing release at 09:05 HST")
    for audience in ("general", "technical"):
        d = draft(text, "report", audience, "sev2", contact=CONTACT)
        assert "Kestrel" not in d.text, audience


def test_an_action_item_with_its_owner_and_status_after_dots_keeps_only_the_change():
    text = HOTEL.replace("- Alert when the average booked nights per stay drops by half.",
                         "- Alert when the average booked nights per stay drops by half · Noelani Kahale · In progress")
    d = draft(text, "report", "technical", "sev2", contact=CONTACT)
    assert "Noelani" not in d.text and "In progress" not in d.text
