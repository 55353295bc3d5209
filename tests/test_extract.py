"""Story: a liaison pastes an engineers' write-up; the fact sheet must read its facts right, or say what it could not."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafting import config as config_mod
from drafting import draft
from drafting.facts import build_sheet

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
WRITEUPS = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".md", ".txt"))


def _expected(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))


def _iso(sheet_value) -> str | None:
    return sheet_value.isoformat() if sheet_value is not None else None


def test_there_are_at_least_ten_varied_samples_each_with_expected_facts():
    assert len(WRITEUPS) >= 10
    for p in WRITEUPS:
        words = len(p.read_text(encoding="utf-8").split())
        assert 150 <= words <= 1000, (p.name, words)
        assert p.with_suffix(".expected.yaml").exists(), p.name
    severities = {build_sheet(p.read_text(encoding="utf-8")).severity.value for p in WRITEUPS}
    assert {"sev1", "sev2", "sev3", "sev4"} <= severities


@pytest.mark.parametrize("path", WRITEUPS, ids=lambda p: p.name)
def test_sample_facts_match_the_expected_sidecar(path):
    exp = _expected(path)
    sheet = build_sheet(path.read_text(encoding="utf-8"), config_mod.from_dict(exp.get("config")))
    d = sheet.summary()
    assert sheet.timezone == exp["timezone"]
    assert _iso(sheet.start.value) == exp["start"]
    assert _iso(sheet.end.value) == exp["end"]
    assert d["duration_minutes"] == exp["duration_minutes"]
    assert d["cause_status"] == exp["cause_status"]
    for product in exp["products"]:
        assert any(product.lower() in p.lower() for p in d["products"]), (product, d["products"])
    said = " ".join(d["numbers"] + d["symptoms"] + d["harm"] + d["unaffected"] + d["figures"]).lower()
    for number in exp["numbers"]:
        assert number.lower() in said, (number, said)
    for word in exp["symptom_words"]:
        assert word.lower() in " ".join(d["symptoms"] + d["numbers"] + d["harm"]).lower()
    assert len(d["actions"]) + len(d["remedy"]) >= exp["actions_min"]
    for item in exp.get("omitted", []):
        assert item in [o["item"] for o in d["flags"]]
    text = " ".join(str(v) for k, v in d.items() if k in ("symptoms", "numbers", "harm", "remedy", "unaffected", "actions", "cause", "products"))
    leaked = [x for x in exp["internal"] if x.lower() in text.lower()]
    assert not leaked, leaked


def test_mixed_time_formats_are_normalised_to_utc():
    writeup = (
        "Incident notes\nWritten: 2025-06-11\n\n"
        "Impact began yesterday 9am PT when uploads failed for customers; uploads worked again at 2:15pm PT.\n"
        "Timeline\n- 2025-06-10T16:00Z: customers report failed uploads\n- 21:15: uploads working again, impact ended\n"
        "Cause: confirmed, a full disk on the upload store.\n"
    )
    sheet = build_sheet(writeup)
    assert _iso(sheet.start.value) == "2025-06-10T16:00:00+00:00"  # 9am PDT is 16:00 UTC
    assert sheet.duration_minutes.value == 315


def test_a_bare_time_with_no_zone_anywhere_is_flagged_not_silently_trusted():
    writeup = (
        "Checkout outage notes\nDate: 2025-03-04\n\nFrom 14:02 to 15:10, customers could not complete checkout and saw errors. "
        "About 900 orders failed. Cause: confirmed, an expired certificate on the payment gateway.\n"
        "Action items\n- Add an alert 14 days before a certificate expires.\n"
    )
    sheet = build_sheet(writeup)
    assert sheet.start.value is not None and sheet.start.value.hour == 14
    assert "no zone written" in sheet.start.note
    assert "time zone" in [o["item"] for o in sheet.flags]
    d = draft(writeup, "report", "general", "sev2")  # told on the write-up's own clock, never as UTC
    assert "from 14:02 to 15:10 local time" in d.text and "14:02 UTC" not in d.text


def test_an_end_time_that_is_not_in_the_writeup_is_left_out_never_invented():
    sheet = build_sheet((SAMPLES / "fintech_data_delay.md").read_text(encoding="utf-8"))
    assert sheet.end.value is None and sheet.duration_minutes.value is None
    reasons = {o["item"]: o["reason"] for o in sheet.flags}
    assert "end of impact" in reasons and "no time" in reasons["end of impact"]


def test_a_suspected_cause_is_marked_suspected_and_flagged():
    sheet = build_sheet((SAMPLES / "health_unconfirmed_cause.md").read_text(encoding="utf-8"))
    assert sheet.cause_status.value == "suspected" and not sheet.cause_confirmed
    assert any(o["item"] == "cause" for o in sheet.flags)


def test_a_timeline_that_crosses_midnight_rolls_to_the_next_day():
    sheet = build_sheet((SAMPLES / "telecom_sev1_outage.md").read_text(encoding="utf-8"))
    times = [e.value["time"] for e in sheet.timeline]
    assert times == sorted(times)
    assert times[-1][8:10] == "18"
