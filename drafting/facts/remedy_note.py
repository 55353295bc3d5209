"""A remedy written as a note, said as a sentence.

Write-ups list what customers get as notes ("PHP 50 bonus credit to each of the 21,774 players, credited
24 Feb, expires 31 Mar.", "Full refund for the 38 who cancelled, processed 12 May"). Editors reading our
drafts missed these remedies more than any other fact, because a note has no verb and the sheet keeps
only lines that read as sentences. A note whose head is a remedy noun (data/drafting/prose.yaml,
``remedy_heads``) becomes "We are giving ...", its participle tail "; it was credited on 24 Feb and
expires on 31 Mar". Anything else is left as it was: a wrong guess here would reach the customer.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..reading.dates import DATE_RE
from ..reading.lines import section_of_label
from .prose import prose_rules

_AMOUNT = r"(?:\d{1,3}\s+[a-z]{3,12}(?<!s)(?=\s+(?:credit|voucher|pass|token|coupon)s?\b)|(?:[A-Z]{3}\s?|[£$€¥₩₹₱฿₫₺₦₽₪]\s?)\d[\d,.]*(?:\s?[A-Z]{3})?|\d[\d,.]*\s?%|\d[\d,.]*\s+(?:free\s+)?(?:days?|weeks?|months?|nights?|points|miles|rides|passes|tickets)(?:'|’)?|one (?:month|week|year)(?:'s|’s)?|(?:a|one|two|three) (?:free )?(?:days?|weeks?|months?)(?:'|’)?(?:s)?)"
# "one free court hour", "2 free car washes", "a free month of Premium": what is given free, whatever its noun
_FREE_THING = r"(?:a|an|one|two|three|four|five|\d{1,3})\s+free\s+(?:[a-z-]+\s+){0,2}[a-z-]+(?:\s+of\s+[A-Za-z-]+)?(?=\s*(?:[,;.]|$|\s+(?:valid|expires|expiring|credited|applied|added|issued|already)\b))"
_QUALIFIER = r"(?:full|partial|automatic|one-off|one-time|goodwill|bonus|service|account|wallet|store|travel|extra|free|additional|pro-rata|prorated|courtesy|complimentary|cash|fee)"
_FINITE = re.compile(r"(?i)\b(?:went|came|got|gets|goes|gone|was|were|is|are|has|have|had|will|would|can|could|did|does|shows?|showed|arrived|reached|landed|posted|hit)\b")
_TAIL_VERB = re.compile(r"(?i)^(?:already\s+)?(?:credited|applied|paid|refunded|issued|sent|processed|added|loaded|posted|reversed|waived|emailed|returned)\b")


@lru_cache(maxsize=1)
def _note_re() -> re.Pattern:
    heads = sorted((str(h) for h in prose_rules().get("remedy_heads", [])), key=len, reverse=True)
    head = "(?:" + "|".join(re.escape(h) for h in heads) + ")"
    return re.compile(
        r"^(?:(?P<label>[A-Z][^:;.]{2,50}):\s+)?(?P<np>" + _FREE_THING + r"|(?:(?:a|an)\s+)?(?:" + _AMOUNT + r"\s+)?(?:(?-i:[A-Z][\w-]*)\s+){0,2}(?:" + _QUALIFIER + r"[\s-]+){0,3}(?:" + _AMOUNT
        + r"\s+)?" + head + r"s?\b(?![-'’])(?:\s+\((?:[£$€¥₩₹₱฿₫₺₦₽₪]|[A-Z]{3}\s?)\d[\d,.]*\))?(?:\s+(?:of|for|to|on|worth|per|covering|equal to|towards?|against)\b(?:[^,;]|,(?=\d{3}))*)?)(?P<tail>(?:(?:[,;]\s*|\s+(?=(?:valid|expires|expiring|credited|applied|paid|refunded|issued|already)\b))(?:[^,;]|,(?=\d{3}))+)*)\s*\.?\s*$",
        re.I)


def remedy_note_as_sentence(text: str) -> str | None:
    """The note as a sentence said by us, or None when it is not a remedy note this can say safely."""
    text = re.sub(r"\s+", " ", text.strip().strip("-*• ")).rstrip()
    text = re.sub(r"\s*\((?![^()]*[£$€¥₩₹]\s?\d)[^()]*[a-z]{3}[^()]*\)", "", text)  # "(finance to confirm count ...)": a note to the team
    if not text or re.search(r"\b(?:we|you|they|is|are|was|were|will|has|have|had|get|gets|got|receive|receives)\b", text.split(",")[0], re.I):
        return None  # already a sentence, or one this does not know how to read
    m = _note_re().match(text)
    if m is None:
        return None  # "Storage fees waived for the week" is prose.figure_note_as_sentence's shape
    tail = _tail_clause(m.group("tail") or "")
    if tail is None:
        return None
    if _FINITE.search(re.sub(r"(?i)\b(?:who|that|which|whose)\b[^,;]*", " ", m.group("np"))):  # "... who could not pay" is a noun's clause
        return None  # "Refunds for every duplicate went out this morning": a sentence already
    np = _with_article(m.group("np").strip().rstrip(". "))
    head = re.split(r"\s+(?:of|for|to|per|on|worth)\s+", np)[0].split()
    if head and head[-1].lower().endswith("s") and not re.match(r"(?i)(?:a|an|one)\b", np):
        for one, many in (("; it is ", "; they are "), ("; it was ", "; they were "), ("; it will be ", "; they will be "),
                          ("; it expires ", "; they expire "), ("; it needs ", "; they need ")):
            tail = tail.replace(one, many)  # "Credits valid 12 months": they are valid
    label = m.group("label")
    if label and (section_of_label(label) or label.strip().lower() in {str(w) for w in prose_rules().get("note_labels", [])}):
        label = None  # "Remedies agreed: 10% credit ...", "Decision: ...": the name of a part, not who it is for
    lead = f"For {_the(label)}, we are giving" if label else "We are giving"
    return f"{lead} {np}{tail}."


def _with_article(np: str) -> str:
    """"PHP 50 bonus credit" -> "a PHP 50 bonus credit", "Full refund" -> "a full refund"; "2 free weeks", "one
    month's credit" and "Refunds for ..." need none."""
    low = np if re.match(r"[A-Z]{2}", np) else np[:1].lower() + np[1:]
    if re.match(r"(?i)(?:a|an|the|one|two|three)\b", np) or re.match(r"\d[\d,.]*\s+(?!%)", np) and not re.match(r"\d[\d,.]*\s?%", np):
        return low
    if re.match(r"(?i)[A-Z]{3}\s?\d|[£$€¥₩₹₱]|\d[\d,.]*\s?%", np):
        return ("an " if re.match(r"(?i)(?:8|11|18|80)\b|[AEFHILMNORSX][A-Z]{2}\s", np) else "a ") + np
    if re.match(r"(?i)\S+s\b", np.split(" of ")[0].split(" for ")[0].split()[-1]):
        return low  # "Refunds for the 38 who cancelled"
    acronym = re.match(r"[AEFHILMNORSX][A-Z]{1,4}\b", np)  # "an SLA credit"
    return ("an " if acronym or re.match(r"(?i)[aeiou]", np) and not re.match(r"[A-Z]{2}", np) else "a ") + low


def _the(label: str) -> str:
    """The group a remedy is for: "Learners" -> "the learners"; a plan's name ("Enterprise", "Growth plans") -> the
    customers on it, never "the Enterprise"."""
    if re.fullmatch(r"[A-Z][\w-]*(?:\s*/\s*[A-Z][\w-]*)*", label) and not label.endswith("s"):
        return f"{label} customers"
    if (plan := re.fullmatch(r"(?i)(?P<name>.+?)\s+(?:plans?|tiers?)", label)):
        return f"customers on the {plan.group('name')} {'plans' if '/' in label or ' and ' in label or label.endswith('s') else 'plan'}"
    low = label[:1].lower() + label[1:] if not re.match(r"[A-Z]{2}", label) else label
    return low if re.match(r"(?i)(?:the|all|every|each|any|those|\d)", low) else "the " + low


def _tail_clause(tail: str) -> str | None:
    """", credited 24 Feb, expires 31 Mar" -> "; it was credited on 24 Feb and expires on 31 Mar"; None when a
    piece of the tail is not one of the few shapes said safely."""
    pieces = [p.strip().rstrip(".") for p in re.split(r"[,;](?!\d{3})|\s+(?=(?:valid|expires|expiring)\b)", tail) if p.strip()]
    said = []
    for p in pieces:
        d = DATE_RE.search(p)
        at = (d.start() - len(wd.group(0)) if (wd := re.search(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+$", p[:d.start()])) else d.start()) if d else 0
        if d and not re.search(r"(?i)\b(?:on|by|from|until|before|after)\s+$", p[:at]):
            p = p[:at] + "on " + p[at:]  # "credited 24 Feb" -> "credited on 24 Feb"
        if _TAIL_VERB.match(p):
            ahead = re.search(r"(?i)\bby\s+$", p[:at]) if d else None  # "added to wallet by Thu 22 Aug": still to come
            said.append(("will be " if ahead else "was " if DATE_RE.search(p) or p.lower().startswith("already") else "is ") + p)
        elif re.match(r"(?i)(?:expires?|expiring|ends?)\b", p):
            said.append("expires " + re.sub(r"(?i)^(?:expires?|expiring|ends?)\s*", "", p))
        elif re.match(r"(?i)valid\b", p):
            said.append("is valid " + re.sub(r"(?i)^valid\s*(?:for\s+)?", "for " if re.match(r"(?i)valid\s+(?:for\s+)?\d", p) else "", p))
        elif re.match(r"(?i)(?:no action|nothing to do|automatic(?:ally)?)\b", p):
            said.append("needs nothing from you" if not p.lower().startswith("automatic") else "is automatic")
        else:
            return None
    if not said:
        return ""
    return "; it " + (", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else said[0])

