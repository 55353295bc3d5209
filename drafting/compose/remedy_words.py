"""A remedy said to the customers it is for: "they" becomes "you", a "Who: what they get" note becomes a sentence,
and a bare remedy ("One month subscription credit for all 58 sites, ...") says who gives it ("We are giving ...")."""
from __future__ import annotations

import re

from ..reading.rules import rules

_WHO = r"^(?P<k>(?:\d[\d,]*|all|every|each)\b[^:;.]{2,50})"  # "214 walk-up customers", "All affected members"
_THEY = re.compile(r"\b(?:they(?:'re|’re)?|them|their|theirs|themselves)\b", re.I)
_TO_YOU = {"they": "you", "they're": "you're", "they’re": "you’re", "them": "you", "their": "your", "theirs": "yours", "themselves": "yourselves"}


_GIVEN_NP = re.compile(r"(?i)(?:a|an|one|two|full|free|partial|automatic|goodwill|\d[\d,.]*%?|[$€£₹]\s?\d[\d,.]*)\s+(?:[\w'’-]+\s+){0,3}?"
                       r"(?:refund|credit|voucher|discount|waiver|reimbursement)s?\b")  # "One month's membership credit for ..."


def remedy_to_reader(text: str) -> str:
    """A remedy the write-up tells about the affected customers, said to them: "If they had other costs, they can send
    receipts" -> "If you had other costs, you can send receipts"; "214 walk-up customers: we refund ..." -> "For the
    214 walk-up customers, we refund ...". A "they" that follows a plural noun of its own (customer_nouns) is kept."""
    label = re.match(_WHO + r":\s+(?P<v>we\b.*)$", text, re.I)
    given = re.match(_WHO + r":\s+(?P<a>a |an |one )?(?P<v>(?:full |partial |automatic )?(?:refund|credit|voucher|discount|waiver|reimbursement)\b.*)$", text, re.I)
    if label:
        text = f"For the {label.group('k')[:1].lower() + label.group('k')[1:]}, {label.group('v')}"
    elif given:  # "38 who left without a car: full refund of any prepayment" -> "For the 38 who left ..., we are giving a full refund ..."
        text = f"For the {given.group('k')[:1].lower() + given.group('k')[1:]}, we are giving {given.group('a') or 'a '}{given.group('v')}"
    elif _GIVEN_NP.match(text) and not re.search(r"(?i)\b(?:was|were|is|are|will|has|have|gets?|got|receives?|received)\b", text):  # "One month
        article = "a " if re.match(r"(?i)[a-z]+ ", text) and not re.match(r"(?i)(?:a|an|one|two)\b", text) else ""  # credit ..."
        text = f"We are giving {article}{text[:1].lower() + text[1:]}"
    first = _THEY.search(text)
    if first is None:
        return text
    nouns = {str(n).lower() for n in rules().get("customer_nouns", [])} | {"customers", "users", "members", "people", "accounts"}
    if any(w.lower().strip(",.") in nouns for w in text[: first.start()].split()):
        return text

    def you(m: re.Match) -> str:
        word = _TO_YOU[m.group(0).lower()]
        return word[:1].upper() + word[1:] if m.group(0)[:1].isupper() else word

    return _THEY.sub(you, text)
