"""Story: a liaison pastes an engineers' write-up in whatever shape it came in and checks the fact sheet
before any draft is written. Each fact must be right, sourced and sure enough, or flagged with why;
nothing the write-up says can crash the reading."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from drafting import draft
from drafting.errors import InputError
from drafting.facts import Fact, FactSheet, build_sheet
from drafting.reading.document import read
from drafting.reading.times import read_times
from drafting.ui.facts import corrections_block, editable_facts, with_corrections

SHAPES = Path(__file__).resolve().parent.parent / "data" / "samples" / "shapes"
INDEX = json.loads((SHAPES / "index.json").read_text(encoding="utf-8"))

CHAT = """outage notes, pasted from the channel. the bare times are Berlin time (CET, UTC+1); alert lines are UTC (Z).
- 09:58 oli.k: deploying the new router config
- 2025-03-04T09:01Z [alerts] FIRING checkout errors 40%
- 10:02 maya: customers can't pay at checkout, seeing "Payment failed"
- 1:20am PT ruth.s: on it, I'm IC
- 2025-03-04T09:46Z [alerts] RESOLVED checkout errors
- 10:50 ruth.s: customer impact window = 09:01Z-09:46Z. about 3,100 customers saw a failed payment
"""


def test_a_chat_paste_with_three_time_zones_gives_one_window_in_utc_with_the_zone_each_time_was_read_in():
    sheet = build_sheet(CHAT)
    assert sheet.shape == "chat"
    assert sheet.start.value == datetime(2025, 3, 4, 9, 1, tzinfo=timezone.utc)
    assert sheet.end.value == datetime(2025, 3, 4, 9, 46, tzinfo=timezone.utc)
    assert sheet.duration_minutes.value == 45
    assert "09:01Z" in sheet.start.note and sheet.start.source is not None and "impact window" in sheet.start.source.text
    # the bare chat times are read as the declared CET, the PT one as Pacific: all land on the same morning in UTC
    points = {p.raw: p.when for p in read_times(CHAT).points}
    assert points["10:02"] == datetime(2025, 3, 4, 9, 2, tzinfo=timezone.utc)
    assert points["1:20am PT"] == datetime(2025, 3, 4, 9, 20, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, why", [
    ("Impact from 2025-13-45 10:00 UTC until 11:00.", "not a real date"),
    ("Started 2025-02-30T09:00Z, customers could not log in.", "no day 30"),
    ("On 2025-03-01 the outage began at 25:99 UTC.", "not a real time"),
    ("On 2025-03-01 errors began at 10:00 UTC+25 for customers.", "not a real time zone"),
    ("Date: 0001-01-01. Impact 0001-01-01T00:30+05:00 to 01:00.", "cannot be the year"),
    ("Date: 9999-12-31. Impact 9999-12-31T23:59-05:00 for customers.", "cannot be the year"),
])
def test_dates_and_times_that_cannot_exist_are_set_aside_with_a_reason_never_raised(text, why):
    sheet = build_sheet(text + " Customers saw errors on checkout for a while, and the team fixed the configuration.")
    assert sheet.start.value is None or sheet.start.value.year not in (1, 9999)
    assert any(why in f["reason"] for f in sheet.flags), sheet.flags


def test_a_window_that_ends_before_it_starts_or_lasts_over_a_week_is_flagged_not_stated():
    backwards = build_sheet("Date: 2025-04-02\nImpact window: 2025-04-02 15:00 UTC to 2025-04-02 14:00 UTC. Customers could not log in.")
    assert backwards.end.value is None and backwards.duration_minutes.value is None
    assert any(f["item"] == "end of impact" for f in backwards.flags)
    long = build_sheet("Date: 2025-04-02\nImpact window: 2025-04-02 15:00 UTC to 2025-04-19 14:00 UTC. Customers could not log in.")
    assert long.end.value is None and any("more than a week" in f["reason"] for f in long.flags)


def test_a_time_without_a_date_takes_the_write_ups_date_never_today():
    sheet = build_sheet("Checkout notes, 12 March 2024. All times UTC.\n\nFrom 14:05 to 15:10, customers could not pay at checkout. "
                        "About 800 orders failed.")
    assert sheet.start.value == datetime(2024, 3, 12, 14, 5, tzinfo=timezone.utc)
    assert sheet.duration_minutes.value == 65
    undated = build_sheet("From 14:05 to 15:10 UTC customers could not pay at checkout and about 800 orders failed, we think.")
    assert undated.start.value is None and any(f["item"] == "date" for f in undated.flags)


def test_a_day_and_month_with_a_weekday_and_no_year_takes_the_year_that_weekday_fits():
    sheet = build_sheet("Login outage (Thu 12 June). Times: UK time (BST, UTC+1).\n\n"
                        "From 16:20 to 17:05 BST, customers could not log in to the app and saw an error page.")
    assert sheet.start.value == datetime(2025, 6, 12, 15, 20, tzinfo=timezone.utc)
    assert "BST" in sheet.start.note


def test_an_action_table_gives_plain_actions_and_never_its_owner_or_ticket_columns():
    doc = read("## Action items\n\n| Action | Owner | Ticket |\n|---|---|---|\n| Alert on slow card payments | jdoe | PAY-12 |\n")
    row = [u for u in doc.units if u.kind == "row"][0]
    assert set(row.cells) == {"action", "owner", "ticket"} and row.cells["owner"].text == "jdoe"
    sheet = build_sheet("Checkout incident 2025-03-04, all times UTC. From 10:00 to 11:00 customers could not pay at checkout.\n\n"
                        "## Action items\n\n| Action | Owner | Ticket |\n|---|---|---|\n| Alert on slow card payments | jdoe | PAY-12 |\n")
    assert sheet.texts("actions") == ["Alert on slow card payments."]


@pytest.mark.parametrize("ans", INDEX, ids=lambda a: a["id"])
def test_each_new_shape_reads_into_the_answer_sheets_window_and_cause_status(ans):
    sheet = build_sheet((SHAPES / ans["file"]).read_text(encoding="utf-8"))
    f = ans["facts"]
    assert sheet.start.value.isoformat().replace("+00:00", "Z") == f["start"]
    assert sheet.end.value.isoformat().replace("+00:00", "Z") == f["end"]
    assert sheet.duration_minutes.value == f["duration_minutes"]
    assert (sheet.cause_status.value == "confirmed") == (ans["confirmed_cause"] is not None)
    said = json.dumps(sheet.summary())
    for secret in ans["must_not_leak"]:
        for name in ("symptoms", "numbers", "harm", "remedy", "actions", "cause", "products", "unaffected", "figures"):
            assert secret not in json.dumps(sheet.summary()[name]), (secret, name)
    assert said


def test_an_email_chain_reads_the_latest_message_not_the_quoted_reply_or_the_signature():
    sheet = build_sheet((SHAPES / "s02_email_chain.md").read_text(encoding="utf-8"))
    assert sheet.shape == "email"
    everything = json.dumps(sheet.summary())
    assert "Jonah" not in json.dumps(sheet.summary()["cause"]) and "617 555" not in everything
    assert any("14 days" in r for r in sheet.texts("remedy") + sheet.texts("numbers") + sheet.texts("actions"))


@pytest.fixture(scope="module")
def qa_drafts():
    text = (SHAPES / "s04_qa_form.md").read_text(encoding="utf-8")
    return {(stage, aud): draft(text, stage, aud, "sev2", contact="Alex Morgan <help@norrlake.example>", use_model=False)
            for stage in ("preliminary", "report") for aud in ("general", "executive")}


def test_a_suspected_cause_is_withheld_with_an_honest_not_yet_confirmed_and_the_remedy_comes_first(qa_drafts):
    for (stage, aud), d in qa_drafts.items():
        assert "queue" not in d.text.lower() and "dropped messages" not in d.text, (stage, aud)
        assert "not yet confirmed" in d.text
        assert "Norrlake Bank app" in d.text
        assert "Farah" not in d.text and "CARD-3391" not in d.text
    prelim = qa_drafts[("preliminary", "general")].text
    assert prelim.index("refund all 37 payments") < prelim.index("not yet confirmed")


def test_the_fact_sheet_round_trips_and_a_draft_uses_the_liaisons_corrections_only():
    sheet = build_sheet((SHAPES / "s01_pagerduty_export.txt").read_text(encoding="utf-8"))
    again = FactSheet.loads(sheet.dumps("json"))
    assert again.start.value == sheet.start.value and again.texts("actions") == sheet.texts("actions")
    assert FactSheet.loads(sheet.dumps("yaml")).cause.value == sheet.cause.value
    form = editable_facts(sheet)
    edited = dict(form, end="2025-08-19 13:40 UTC", products="Voltaro app\nvoltaro.com")
    corrected = with_corrections("ignored write-up", corrections_block(form, edited))
    assert isinstance(corrected, FactSheet) and corrected.duration_minutes.value == 130
    d = draft(corrected, "preliminary", "general", "sev2", use_model=False)
    assert "13:40 UTC" in d.text and "2 hours 10 minutes" in d.text and "voltaro.com" in d.text
    assert corrections_block(form, dict(form)) == ""


def test_a_broken_fact_sheet_gets_a_plain_error_naming_what_to_fix():
    with pytest.raises(InputError, match="cause_status"):
        FactSheet.from_dict({"cause_status": {"value": "probably"}})
    with pytest.raises(InputError, match="not after its start"):
        FactSheet.from_dict({"start": "2025-01-01T10:00Z", "end": "2025-01-01T09:00Z"})
    with pytest.raises(InputError, match="Unknown fact sheet field"):
        FactSheet.from_dict({"sev": "1"})
    bad = corrections_block(editable_facts(FactSheet()), dict(editable_facts(FactSheet()), start="yesterday-ish"))
    assert "not applied" in bad


def test_the_command_line_prints_the_fact_sheet_and_drafts_from_an_edited_one(tmp_path):
    exe = [sys.executable, "-m", "drafting.cli"]
    out = subprocess.run(exe + ["facts", str(SHAPES / "s03_shift_log.md"), "--format", "json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["start"]["value"] == "2025-11-21T22:45:00Z" and "CET" in data["start"]["note"]
    data["cause_status"]["value"] = "suspected"
    sheet = tmp_path / "sheet.json"
    sheet.write_text(json.dumps(data), encoding="utf-8")
    run = subprocess.run(exe + ["draft", "--facts", str(sheet), "--stage", "report", "--no-model"], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    assert "not yet confirmed" in run.stdout and "Marta" not in run.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("start: {value: 2025-13-45}\n", encoding="utf-8")
    run = subprocess.run(exe + ["draft", "--facts", str(bad), "--no-model"], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "cannot exist" in run.stderr


def test_a_fact_keeps_its_source_and_confidence():
    f = Fact("x", None, 0.4, "a note")
    assert Fact.from_dict(f.to_dict()).confidence == 0.4
