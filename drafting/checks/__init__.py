"""The sentence and document checks, one module per category, all with the signature run(Analysis)."""
from . import blame, boilerplate, conjecture, jargon, leak, overpromise, structure, tone

RULE_CHECKS = {
    "blame": blame.run,
    "conjecture": conjecture.run,
    "boilerplate": boilerplate.run,
    "tone": tone.run,
    "jargon": jargon.run,
    "leak": leak.run,
    "overpromise": overpromise.run,
    "structure": structure.run,
}
