"""Story: a liaison pastes an engineers' write-up; the tool must read its facts right, or say what it could not."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafting import config as config_mod
from drafting.extract import extract

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
WRITEUPS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".md", ".txt"))


def _expected(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))


def test_there_are_at_least_ten_varied_samples_each_with_expected_facts():
    assert len(WRITEUPS) >= 10
    for p in WRITEUPS:
        words = len(p.read_text(encoding="utf-8").split())
        assert 150 <= words <= 1000, (p.name, words)
        assert p.with_suffix(".expected.yaml").exists(), p.name
    severities = {extract(p.read_text(encoding="utf-8")).severity_hint for p in WRITEUPS}
    assert {"sev1", "sev2", "sev3", "sev4"} <= severities


@pytest.mark.parametrize("path", WRITEUPS, ids=lambda p: p.name)
def test_sample_facts_match_the_expected_sidecar(path):
    exp = _expected(path)
    facts = extract(path.read_text(encoding="utf-8"), config_mod.from_dict(exp.get("config")))
    d = facts.to_dict()
    assert d["timezone"] == exp["timezone"]
    assert d["start"] == exp["start"]
    assert d["end"] == exp["end"]
    assert d["duration_minutes"] == exp["duration_minutes"]
    assert d["cause_status"] == exp["cause_status"]
    for product in exp["products"]:
        assert any(product.lower() in p.lower() for p in d["products"]), (product, d["products"])
    for number in exp["numbers"]:
        assert any(number.lower() in n.lower() for n in d["numbers"]), (number, d["numbers"])
    symptoms = " ".join(d["symptoms"]).lower()
    for word in exp["symptom_words"]:
        assert word.lower() in symptoms
    assert len(d["actions"]) >= exp["actions_min"]
    for item in exp.get("omitted", []):
        assert item in [o["item"] for o in d["omitted"]]


def test_mixed_time_formats_are_normalised_to_utc():
    writeup = (
        "Incident notes\nWritten: 2025-06-11\n\n"
        "Impact began yesterday 9am PT when uploads failed for customers; uploads worked again at 2:15pm PT.\n"
        "Timeline\n- 2025-06-10T16:00Z: customers report failed uploads\n- 21:15: uploads working again, impact ended\n"
        "Cause: confirmed, a full disk on the upload store.\n"
    )
    facts = extract(writeup)
    assert facts.to_dict()["start"] == "2025-06-10T16:00:00+00:00"  # 9am PDT is 16:00 UTC
    assert facts.duration_minutes == 315


def test_a_bare_time_with_no_zone_anywhere_is_flagged_not_silently_trusted():
    writeup = (
        "Checkout outage notes\nDate: 2025-03-04\n\nFrom 14:02 to 15:10, customers could not complete checkout and saw errors. "
        "About 900 orders failed. Cause: confirmed, an expired certificate on the payment gateway.\n"
        "Action items\n- Add an alert 14 days before a certificate expires.\n"
    )
    facts = extract(writeup)
    assert facts.start is not None and facts.start.hour == 14
    assert "time zone" in [o["item"] for o in facts.omitted]


def test_an_end_time_that_is_not_in_the_writeup_is_left_out_never_invented():
    facts = extract((SAMPLES / "fintech_data_delay.md").read_text(encoding="utf-8"))
    assert facts.end is None and facts.duration_minutes is None
    reasons = {o["item"]: o["reason"] for o in facts.omitted}
    assert "end of impact" in reasons and "no time" in reasons["end of impact"]


def test_a_suspected_cause_is_marked_suspected_and_listed_as_omitted():
    facts = extract((SAMPLES / "health_unconfirmed_cause.md").read_text(encoding="utf-8"))
    assert facts.cause_status == "suspected" and not facts.cause_confirmed
    assert any(o["item"] == "cause" for o in facts.omitted)


def test_a_timeline_that_crosses_midnight_rolls_to_the_next_day():
    facts = extract((SAMPLES / "telecom_sev1_outage.md").read_text(encoding="utf-8"))
    times = [e.when for e in facts.timeline]
    assert times == sorted(times)
    assert facts.local(times[-1]).day == 18
