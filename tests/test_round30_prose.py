"""Stories from stop 23: notes a write-up lists are told as whole, grammatical sentences."""
from drafting.facts.prose import figure_note_as_sentence


def test_a_negated_note_is_told_with_its_verb_before_the_not():
    """Given the note "Branch and ATM deposits not affected.", the draft says "... were not affected.", never
    "... not was affected."."""
    said, verb = figure_note_as_sentence("Branch and ATM deposits not affected.")
    assert said == "Branch and ATM deposits were not affected."
    assert verb == "affected"
    assert figure_note_as_sentence("Other carriers not affected.")[0] == "Other carriers were not affected."
