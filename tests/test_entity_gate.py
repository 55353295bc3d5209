"""The entity recogniser runs only on sentences with a name, code or capital in them.

What the checks read must not change: a person's name still comes back as PERSON, a ticket or
host still gets looked at, and on whole reports the labels of every word a check can ask about
agree with a full run of the recogniser.
"""
from __future__ import annotations

from pathlib import Path

import spacy

from drafting.entity_gate import candidate_runs
from drafting.nlp import MODEL_PACKAGE, get_nlp, parse

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def test_a_named_engineer_is_still_a_person():
    doc = parse("We have added an alert on queue length. Yesterday Priya Raman restarted the primary database.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("Priya Raman", "PERSON")]


def test_sentences_without_names_or_codes_are_not_recognised_but_are_marked_as_holding_none():
    doc = parse("We have added an alert on queue length.\n\nDeploy 4f9c2a1 to db-eu-3 failed at 09:12 UTC.")
    plain, coded = list(doc.sents)
    assert candidate_runs(doc) == [(coded.start, coded.end)]
    assert all(t.ent_iob_ == "O" for t in plain)
    assert doc.has_annotation("ENT_IOB")


def test_mixed_case_and_inner_capitals_count_as_candidates():
    doc = parse("IoT ops rotated the certificate. The fix shipped to customers in Canada.")
    assert len(candidate_runs(doc)) == 1 and candidate_runs(doc)[0][0] == 0
    assert candidate_runs(doc)[0][1] == len(doc)


def test_candidate_labels_agree_with_a_full_run_on_real_reports():
    full = spacy.load(MODEL_PACKAGE)
    full.add_pipe("line_breaks_end_sentences", before="parser")
    agree = total = 0
    for path in sorted(SAMPLES.glob("*")):
        if path.suffix not in (".md", ".txt"):
            continue
        text = path.read_text(encoding="utf-8")
        gated, reference = get_nlp()(text), full(text)
        for start, end in candidate_runs(gated):
            for tok in gated[start:end]:
                total += 1
                agree += tok.ent_type_ == reference[tok.i].ent_type_
    assert total > 500
    assert agree / total >= 0.98
