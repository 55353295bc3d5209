"""The past-reports library: storing a team's published reports and catching drafts that repeat them.

Fixture library (tests/fixtures/library): three reports in Markdown, text and HTML, four CSV rows and
two JSONL rows; seven of them end with the same closing paragraph. Some rows are broken on purpose.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from drafting import InputError, check
from drafting.corpus import SCHEMA_VERSION, Library
from drafting.corpus.store import MIGRATIONS

FIXTURES = Path(__file__).parent / "fixtures" / "library"
CLOSING = ("If you have any questions about this incident or how it affected your team, reply to this email or "
           "contact our support desk, and a member of the incident team will get back to you within one business day.")
CHECKOUT_IMPACT = ("Between 14:05 and 15:50 UTC on 10 January, customers could not complete purchases in the web "
                   "checkout. Card payments were declined with a generic error, and about 40% of attempted orders "
                   "failed during that window.")
CHECKOUT_CAUSE = ("The failures began when a configuration change to our payment routing sent every card request to a "
                  "processor region that was not yet accepting traffic. The change passed our automated tests because "
                  "those tests use a simulated processor rather than the live routing table.")
LOGIN_CAUSE = ("A certificate used to verify sign-in responses expired, and the renewal job that should have replaced it "
               "had been failing silently for two weeks. Alerts for that job were routed to a mailbox nobody monitors.")


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    lib = Library(tmp_path_factory.mktemp("lib") / "library.sqlite3")
    lib.add_paths([FIXTURES])
    return lib


def reuse(text: str, lib: Library, **ctx) -> list:
    result = check(text, library=lib, use_model=False, use_grammar=False, **ctx)
    return [f for f in result.findings if f.rule == "reuse"]


def draft(*paragraphs: str) -> str:
    return "# Update on this week's incident\n\n" + "\n\n".join(paragraphs) + "\n"


NEW_OPENING = ("On Tuesday the reporting dashboard showed empty charts for about fifty minutes after a storage node "
               "was replaced, and saved reports could not be opened during that time.")


def test_exact_reuse_names_the_report_its_date_and_similarity(library):
    text = draft(NEW_OPENING, CHECKOUT_CAUSE)
    found = reuse(text, library)
    assert len(found) == 1
    f = found[0]
    assert f.category == "boilerplate" and f.source == "library"
    assert text[f.start:f.end] == CHECKOUT_CAUSE
    assert '"Checkout outage on 10 January" (2024-01-10) at 100% similarity.' in f.message


def test_a_changed_word_or_two_still_matches_with_lower_similarity(library):
    edited = LOGIN_CAUSE.replace("silently", "quietly").replace("two weeks", "three weeks")
    found = reuse(draft(NEW_OPENING, edited), library)
    assert len(found) == 1
    assert "Login errors for single sign-on users" in found[0].message
    similarity = int(found[0].message.split(" at ")[1].split("%")[0])
    assert 50 <= similarity < 100


def test_reordered_sentences_still_match(library):
    first, second = CHECKOUT_CAUSE.split(". ", 1)
    reordered = second + " " + first + "."
    found = reuse(draft(NEW_OPENING, reordered), library)
    assert len(found) == 1 and "Checkout outage on 10 January" in found[0].message


def test_same_topic_in_different_words_is_not_reuse(library):
    rewritten = ("For almost two hours on Wednesday afternoon, shoppers were unable to pay by card: our system "
                 "pointed payment requests at a processor location that had not been switched on, so most orders "
                 "did not go through. Our tests missed it because they run against a stand-in processor.")
    assert reuse(draft(NEW_OPENING, rewritten), library) == []


def test_a_closing_paragraph_shared_by_many_reports_is_reported_once_with_the_count(library):
    text = draft(NEW_OPENING, CLOSING)
    found = reuse(text, library)
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == CLOSING
    # seven stored reports end this way: the most recent is named, the other six are counted
    assert '"Mobile app crashed on launch" (2024-09-27)' in found[0].message
    assert "it also appears in 6 other past reports" in found[0].message


def test_one_reused_long_sentence_inside_a_new_paragraph_is_flagged_alone(library):
    reused_sentence = CHECKOUT_CAUSE.split(". ")[0] + "."
    paragraph = ("Our engineers restored service by 16:00 and every failed order was retried automatically. "
                 + reused_sentence + " Customers do not need to do anything.")
    text = draft(NEW_OPENING, paragraph)
    found = reuse(text, library)
    assert [text[f.start:f.end] for f in found] == [reused_sentence]


def test_a_stored_report_is_not_reuse_of_itself(library):
    stored = next(r for r in library.list() if r.title == "Billing page showed wrong totals")
    assert reuse(library.get(stored.id).text, library) == []


def test_reuse_in_an_html_draft_points_at_the_paragraph_text(library):
    text = f"<html><body><p>{NEW_OPENING}</p>\n<p>{CHECKOUT_CAUSE}</p></body></html>"
    found = reuse(text, library)
    assert [text[f.start:f.end] for f in found] == [CHECKOUT_CAUSE]


def test_titles_dates_and_context_are_taken_from_files_and_rows(library):
    by_title = {r.title: r for r in library.list()}
    assert by_title["Checkout outage on 10 January"].date == "2024-01-10"      # Markdown front matter
    assert by_title["Login errors for single sign-on users"].date == "2024-03-02"  # "Date: 2 March 2024"
    assert by_title["Delayed inventory sync, May 2024"].date == "2024-05-20"    # HTML <title> and <meta>
    search = by_title["Search results missing"]                                  # CSV row overrides
    assert (search.severity, search.audience, search.stage) == ("sev3", "technical", "report")
    webhook = by_title["Webhook deliveries paused"]                              # JSONL with some columns
    assert (webhook.severity, webhook.audience, webhook.date) == (None, "technical", "2024-12-12")
    html_text = library.get(by_title["Delayed inventory sync, May 2024"].id).text
    assert "tracking" not in html_text and "stock levels" in html_text


def test_bad_rows_are_skipped_with_their_reasons(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    report = lib.add_paths([FIXTURES / "shared_closing.csv", FIXTURES / "history.jsonl"])
    assert len(report.added) == 6
    reasons = {e.source.split("/")[-1]: e.reason for e in report.errors}
    assert "unknown severity 'sev9'" in reasons["shared_closing.csv row 6"]
    assert "empty" in reasons["shared_closing.csv row 7"]
    assert "not valid JSON" in reasons["history.jsonl line 3"]
    assert "no 'text' field" in reasons["history.jsonl line 4"]
    assert "not a JSON object" in reasons["history.jsonl line 5"]


def test_unreadable_files_are_skipped_and_the_rest_are_added(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.md").write_text("# Good report\n\n" + NEW_OPENING, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "latin1.txt").write_bytes("Caf\xe9 outage report".encode("latin-1"))
    (folder / "picture.png").write_bytes(b"\x89PNG")  # ignored inside folders
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    lib = Library(tmp_path / "lib.sqlite3")
    report = lib.add_paths([folder, tmp_path / "notes.pdf", tmp_path / "missing.md"])
    assert [r.title for r in report.added] == ["Good report"]
    reasons = {Path(e.source).name: e.reason for e in report.errors}
    assert set(reasons) == {"binary.txt", "latin1.txt", "notes.pdf", "missing.md"}
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "unsupported file type" in reasons["notes.pdf"]
    assert "not found" in reasons["missing.md"]


def test_adding_the_same_report_twice_keeps_one_copy(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    first = lib.add_paths([FIXTURES / "archive"])
    again = lib.add_paths([FIXTURES / "archive"])
    assert len(first.added) == 3 and again.added == [] and len(again.duplicates) == 3
    stored = lib.get(first.added[0].id).text
    rewrapped = lib.add_text(stored.replace(". ", ".\n"), title="Same text, wrapped differently")
    assert rewrapped.duplicate and rewrapped.id == first.added[0].id
    assert lib.count() == 3


def test_remove_and_export_then_rebuild_from_the_export(tmp_path, library):
    exported = library.export("jsonl")
    records = [json.loads(line) for line in exported.splitlines()]
    assert len(records) == library.count() and all(r["text"] for r in records)
    (tmp_path / "export.jsonl").write_text(exported, encoding="utf-8")
    rebuilt = Library(tmp_path / "rebuilt.sqlite3")
    report = rebuilt.add_paths([tmp_path / "export.jsonl"])
    assert report.errors == [] and rebuilt.count() == library.count()
    assert {(r.title, r.date, r.severity) for r in rebuilt.list()} == {(r.title, r.date, r.severity) for r in library.list()}
    assert library.export("csv").splitlines()[0] == "id,title,date,severity,audience,stage,source,added_at,text"
    checkout = next(r for r in rebuilt.list() if r.title == "Checkout outage on 10 January")
    assert reuse(draft(NEW_OPENING, CHECKOUT_CAUSE), rebuilt)
    rebuilt.remove(checkout.id)
    assert rebuilt.count() == library.count() - 1
    assert reuse(draft(NEW_OPENING, CHECKOUT_CAUSE), rebuilt) == []  # the index follows the change
    with pytest.raises(InputError, match="no report with id"):
        rebuilt.remove(checkout.id)


def test_an_old_schema_is_migrated_and_keeps_its_reports(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    old = Library.__new__(Library)  # reuse the current passage code to fill the old layout
    _, _, rows = old._prepare(
        __import__("drafting.corpus.ingest", fromlist=["ReportInput"]).ReportInput(
            text=CHECKOUT_CAUSE, title="Written by version 1", source="old"))
    conn.execute("INSERT INTO reports(id, content_hash, title, date, source, text) VALUES (1, 'h', ?, '2023-05-01', 'old', ?)",
                 ("Written by version 1", CHECKOUT_CAUSE))
    conn.executemany("INSERT INTO passages(report_id, kind, text, norm_hash, minhash) VALUES (1, ?, ?, ?, ?)", rows)
    conn.commit()
    conn.close()
    lib = Library(path)
    assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [record] = lib.list()
    assert (record.title, record.date, record.severity) == ("Written by version 1", "2023-05-01", None)
    found = reuse(draft(NEW_OPENING, CHECKOUT_CAUSE), lib)
    assert len(found) == 1 and "Written by version 1" in found[0].message


def test_a_library_from_a_newer_version_or_a_non_database_file_is_refused_plainly(tmp_path):
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(InputError, match="newer incident-draft"):
        Library(newer)
    not_db = tmp_path / "notes.txt"
    not_db.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(InputError, match="not a library database"):
        Library(not_db)
    assert not_db.read_text().startswith("these are my notes")


def test_the_default_library_file_follows_INCIDENT_DRAFT_DB(tmp_path, monkeypatch):
    monkeypatch.setenv("INCIDENT_DRAFT_DB", str(tmp_path / "from-env.sqlite3"))
    lib = Library()
    assert lib.path == tmp_path / "from-env.sqlite3" and lib.path.exists()
    assert lib._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


_WRITER = textwrap.dedent("""
    import sys
    from drafting.corpus import Library
    lib = Library(sys.argv[1])
    first, last = int(sys.argv[2]), int(sys.argv[3])
    for i in range(first, last):
        lib.add_text(f"Report {i}. On day {i} the export queue stalled for {i} minutes while worker pool {i} restarted, "
                     f"and {i * 7} customers saw delayed downloads until the backlog cleared.", title=f"Report {i}")
    print("done")
""")


def test_two_writer_processes_lose_and_duplicate_nothing(tmp_path):
    db = tmp_path / "shared.sqlite3"
    Library(db)  # created before, as the app would have
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(db), a, b], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for a, b in (("0", "40"), ("20", "60"))]  # reports 20-39 are added by both
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    lib = Library(db)
    titles = [r.title for r in lib.list()]
    assert len(titles) == 60 and len(set(titles)) == 60
    per_report = lib._conn.execute("SELECT COUNT(*) FROM passages GROUP BY report_id").fetchall()
    assert len(per_report) == 60 and len({n for (n,) in per_report}) == 1


@pytest.mark.slow
def test_semantic_matching_catches_a_reworded_paragraph_but_not_the_same_topic(tmp_path):
    reworded = ("The errors started after a config change in our payment routing sent all card requests to a processor "
                "region that was not accepting traffic yet. Our automated tests did not catch it, since they use a "
                "simulated processor instead of the live routing table.")
    same_topic = ("For almost two hours on Wednesday afternoon, shoppers were unable to pay by card: our system "
                  "pointed payment requests at a processor location that had not been switched on, so most orders "
                  "did not go through. Our tests missed it because they run against a stand-in processor.")
    words_only = Library(tmp_path / "words.sqlite3")
    words_only.add_paths([FIXTURES / "archive"])
    assert reuse(draft(NEW_OPENING, reworded), words_only) == []   # too reworded for the word-pair index
    semantic = Library(tmp_path / "words.sqlite3", semantic=True)  # vectors are added to the same file once
    found = reuse(draft(NEW_OPENING, reworded), semantic)
    assert len(found) == 1 and "Checkout outage on 10 January" in found[0].message
    assert reuse(draft(NEW_OPENING, same_topic), semantic) == []
    stored = semantic._conn.execute("SELECT COUNT(*) FROM passages WHERE embedding IS NULL").fetchone()[0]
    assert stored == 0


def test_an_index_handed_over_by_a_batch_parent_is_rebuilt_once_the_library_changes(tmp_path):
    # a batch's parent builds the index once and its forked workers adopt it; a library changed since must not be missed
    parent = Library(tmp_path / "shared.sqlite3")
    parent.add_text(draft(CHECKOUT_IMPACT), title="Checkout outage", date="2024-01-10")
    worker = Library(tmp_path / "shared.sqlite3")
    worker.adopt_index(*parent.index_snapshot())
    assert reuse(draft(NEW_OPENING, CHECKOUT_IMPACT), worker)
    parent.add_text(draft(LOGIN_CAUSE), title="Sign-in failures", date="2024-02-02")
    found = reuse(draft(NEW_OPENING, LOGIN_CAUSE), worker)
    assert len(found) == 1 and "Sign-in failures" in found[0].message
