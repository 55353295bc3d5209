"""Batch scoring: a lead scores a folder of past reports to see where the team's writing goes wrong."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from drafting.batch import score_reports
from drafting.batch_report import to_html
from drafting.cli import main
from drafting.corpus import Library

FIXTURES = Path(__file__).parent / "fixtures" / "library"
CLOSING_START = "If you have any questions about this incident"


@pytest.fixture(scope="module")
def archive_result():
    """The whole fixture folder, scored rules-only without a library (fast)."""
    return score_reports([FIXTURES], "sev2", "general", "report", use_model=False, use_grammar=False)


def test_every_readable_report_gets_a_row_and_bad_rows_are_listed_with_reasons(archive_result):
    titles = [r.title for r in archive_result]
    assert len(titles) == 9 and "Checkout outage on 10 January" in titles
    reasons = [f"{Path(s.source).name}: {s.reason}" for s in archive_result.skipped]
    assert len(reasons) == 5
    assert any("shared_closing.csv row 6: unknown severity 'sev9'" in r for r in reasons)
    assert any("history.jsonl line 3: is not valid JSON" in r for r in reasons)


def test_per_row_context_overrides_the_defaults(archive_result):
    rows = {r.title: r for r in archive_result}
    assert (rows["Search results missing"].severity, rows["Search results missing"].audience) == ("sev3", "technical")
    assert rows["Exports failed for large workspaces"].stage == "followup"
    assert (rows["Checkout outage on 10 January"].severity, rows["Checkout outage on 10 January"].stage) == ("sev2", "report")


def test_a_closing_paragraph_pasted_into_seven_reports_is_the_most_reused_passage(archive_result):
    top = archive_result.reused_passages[0]
    assert top["text"].startswith(CLOSING_START) and top["count"] == 7
    rows = {r.title: r for r in archive_result}
    shared = rows["Checkout outage on 10 January"].batch_reuse
    assert len(shared) == 1 and len(shared[0]["reports"]) == 6
    assert rows["Billing page showed wrong totals"].batch_reuse == []


def test_the_score_and_counts_follow_the_findings(tmp_path):
    (tmp_path / "blame.md").write_text(
        "# Outage\n\nOn 4 April our login page was down for two hours. An engineer mistakenly deleted the "
        "production table. We guarantee this will never happen again.\n", encoding="utf-8")
    (tmp_path / "calm.md").write_text(
        "# Outage\n\nOn 4 April our login page was down for two hours. A configuration change removed a table "
        "the login service needs, and a check now stops such changes before they reach production.\n", encoding="utf-8")
    rows = {Path(r.source).name: r for r in score_reports([tmp_path], use_model=False, use_grammar=False)}
    bad, calm = rows["blame.md"], rows["calm.md"]
    assert bad.counts["blame"] >= 1 and bad.counts["overpromise"] >= 1
    assert calm.counts["blame"] == 0 and calm.score > bad.score
    assert "mistakenly deleted" in bad.worst[0]["text"] or "never happen again" in bad.worst[0]["text"]
    assert {"blame", "overpromise"} & set(bad.worst[0]["categories"])


def test_same_topic_in_different_words_is_not_batch_reuse(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Checkout failures\n\nBetween 14:05 and 15:50 UTC customers could not complete purchases in the web checkout "
        "because card payments were declined with a generic error.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Card payments down\n\nFor almost two hours on Wednesday afternoon, shoppers were unable to pay by card, and "
        "most orders did not go through until the processor setting was corrected.\n", encoding="utf-8")
    result = score_reports([tmp_path], use_model=False, use_grammar=False)
    assert [r.batch_reuse for r in result] == [[], []] and result.reused_passages == []


def test_two_jobs_give_the_same_rows_as_one_and_use_the_library(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    lib.add_paths([FIXTURES / "archive"])
    one = score_reports([FIXTURES], library=lib, jobs=1, use_model=False, use_grammar=False)
    two = score_reports([FIXTURES], library=lib, jobs=2, use_model=False, use_grammar=False)
    assert [(r.title, r.score, r.counts) for r in one] == [(r.title, r.score, r.counts) for r in two]
    rows = {r.title: r for r in two}
    # the CSV rows repeat the archive's closing paragraph; the archive reports are not matched against themselves
    assert rows["Search results missing"].library_reuse[0]["text"].startswith(CLOSING_START)
    assert "it also appears in 2 other past reports" in rows["Search results missing"].library_reuse[0]["message"]
    assert rows["Billing page showed wrong totals"].library_reuse == []


def test_html_report_is_one_self_contained_file(archive_result):
    page = to_html(archive_result)
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "<link" not in page.lower() and "@import" not in page and "<script src" not in page.lower()
    assert 'class="sortable"' in page and page.count("<svg") == 2      # categories, and over time (dates exist)
    assert page.count("<tr>") == 1 + 9                                  # header + one row per report
    assert "Checkout outage on 10 January" in page and "unknown severity" in page


def run_cli(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_code_3_when_inputs_were_skipped_and_csv_has_a_row_per_report(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENT_DRAFT_DB", str(tmp_path / "none.sqlite3"))
    code, out, err = run_cli(["score", str(FIXTURES), "--no-model", "--format", "csv"], capsys)
    assert code == 3
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 9 and {"score", "blame", "boilerplate", "worst_sentence"} <= set(rows[0])
    assert "skipped" in err and "unknown severity 'sev9'" in err and "Scored 9 reports" in err


def test_cli_exit_code_0_when_everything_was_scored_and_2_when_nothing_could_be(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENT_DRAFT_DB", str(tmp_path / "none.sqlite3"))
    code, out, _ = run_cli(["score", str(FIXTURES / "archive"), "--no-model", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["summary"]["reports"] == 3 and data["skipped"] == [] and "weight" in data["score_formula"]
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli(["score", str(tmp_path / "empty"), "--no-model"], capsys)
    assert code == 2 and "Nothing to score" in err and "Traceback" not in err


def test_cli_writes_html_to_a_file(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENT_DRAFT_DB", str(tmp_path / "none.sqlite3"))
    folder = tmp_path / "reports"
    shutil.copytree(FIXTURES / "archive", folder)
    out_file = tmp_path / "scores.html"
    code, out, err = run_cli(["score", str(folder), "--no-model", "--format", "html", "--out", str(out_file)], capsys)
    assert code == 0 and out == "" and f"Written to {out_file}" in err
    assert out_file.read_text(encoding="utf-8").count("<tr>") == 1 + 3


def test_library_cli_add_list_export_remove(capsys, tmp_path):
    db = str(tmp_path / "lib.sqlite3")
    code, out, err = run_cli(["library", "add", str(FIXTURES), "--db", db], capsys)
    assert code == 3 and out.count("added ") == 9 and "9 added, 0 already stored, 5 skipped" in err
    code, out, err = run_cli(["library", "add", str(FIXTURES / "archive"), "--db", db], capsys)
    assert code == 0 and "0 added, 3 already stored" in err
    code, out, _ = run_cli(["library", "list", "--format", "json", "--db", db], capsys)
    listed = json.loads(out)
    assert code == 0 and len(listed) == 9
    code, out, _ = run_cli(["library", "export", "--format", "csv", "--db", db], capsys)
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 9
    code, out, _ = run_cli(["library", "remove", str(listed[0]["id"]), "--db", db], capsys)
    assert code == 0 and listed[0]["title"] in out
    code, _, err = run_cli(["library", "remove", str(listed[0]["id"]), "--db", db], capsys)
    assert code == 2 and "no report with id" in err


def test_two_app_sessions_scoring_at_once_keep_their_own_company_settings():
    """Streamlit sessions are threads of one process: one lead's banned phrases must not leak into another's run."""
    import threading

    from drafting import CompanyConfig
    from drafting.corpus.ingest import ReportInput

    text = ("Between 09:00 and 10:00 UTC, exports failed for some customers. Our synergy engine was the cause, "
            "and we have added a check before each release.")
    reports = [ReportInput(text=text, title=f"Export failure {i}", source=f"#{i}") for i in range(12)]
    strict = CompanyConfig(banned_phrases=["synergy engine"])
    results: dict[str, object] = {}

    def run(name: str, cfg: CompanyConfig | None) -> None:
        results[name] = score_reports(reports, "sev3", "general", "report", config=cfg, jobs=1,
                                      use_model=False, use_grammar=False)

    threads = [threading.Thread(target=run, args=("strict", strict)), threading.Thread(target=run, args=("plain", None))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.counts.get("boilerplate", 0) >= 1 for r in results["strict"])
    assert all(r.counts.get("boilerplate", 0) == 0 for r in results["plain"])
