"""Lines that list, item by item, what customers got, must do or were hit by, said as a customer reads them: a chat
message's figures after a label ("numbers for the doc: 41,200 tickets sold; ~9,000 kicked at 22:06"), a remedies
part's "Who: what they get" and "Who: what they must do" lines, and a chat message's list of follow-ups."""
from __future__ import annotations

import re

from ..reading.document import Unit
from ..reading.markup import CHAT_LEAD
from ..reading.rules import has_cue, rules
from ..reading.spans import Span
from ..redact import Redactor
from .gate import customer_sentence
from .prose import prose_rules
from .remedy_note import remedy_note_as_sentence


def tally_spans(text: str, start: int, end: int) -> list[Span]:
    """A chat message that lists the figures after a label ("numbers for the doc: 41,200 tickets sold; ~17,900
    accounts hit the error"): each figure as its own span, or [] when the message is not such a list."""
    label = re.match(r"[^:\n]{2,60}:\s+", text[start:end])
    if label is None or text.count(";", start, end) < 2:
        return []
    out, pos = [], start + label.end()
    for piece in re.finditer(r"[^;]+", text[pos:end]):
        s, e = pos + piece.start(), pos + piece.end()
        s += len(text[s:e]) - len(text[s:e].lstrip())
        if re.search(r"\d", text[s:e]):
            out.append(Span(s, e, text[s:e]))
    return out

REMEDY_RETOLD = "a remedy note, said as a sentence"  # a fact's note: its words are ours, so it reads alone whatever its source


def remedy_said(sp: Span, red: Redactor) -> str | None:
    """A line of a remedies part as a customer may read it: what a group must do, a sentence, or a "Who: what" note."""
    sp = Span(sp.start, sp.end, re.sub(r"\*\*|__", "", sp.text))  # "**Learners:** 1 lesson credit ...": the label as plain text
    told = who_must(sp.text) or remedy_note_as_sentence(sp.text)  # "Learners: 1 lesson credit ..., added by Thu 22 Aug"
    if told is not None and (said := customer_sentence(Span(sp.start, sp.end, told), red, sentence=False)):
        return said
    said = customer_sentence(sp, red) or remedy_line(sp, red)
    label = re.match(r"\s*[^:.;\n]{2,40}(?<!\d):(?!\d)\s*", sp.text) if said is None else None
    if label and len(sp.text[label.end():].split()) >= 4:  # "Followers: we're recommending everyone turn on SMS backup": the sentence
        said = customer_sentence(Span(sp.start + label.end(), sp.end, sp.text[label.end():]), red)
    return said


def remedy_line(sp: Span, red: Redactor) -> str | None:
    """A remedy list's "Who: what they get" line ("All 6,412 affected orgs: one month's subscription credit, applied on
    the next invoice"), kept as the write-up lists it: the credit or refund a customer must not miss."""
    if not re.match(r"\s*[A-Z][^:.;]{2,50}:\s+\S", sp.text) or not has_cue(sp.text, rules().get("remedy_words", [])):
        return None
    return customer_sentence(sp, red, sentence=False)


def who_must(text: str) -> str | None:
    """ "Anyone still seeing the error: log out and log back in" -> "Anyone still seeing the error should log out and
    log back in."; "The 112 with duplicate enquiries: nothing to do; ..." -> "... do not need to do anything; ...".
    None when the line is not a group of customers and what they must do (verbs in data/drafting/prose.yaml,
    ``customer_must_verbs``)."""
    text = re.sub(r"^\s*(?:[-*•]\s+)?\(\d{1,2}\)\s*", "", text)  # "(2) tell operators to ...", a decision's number
    tell = re.match(r"(?i)\s*tell\s+(?P<who>(?:all\s+|the\s+|affected\s+)*[a-z]+s)\s+to\s+(?P<rest>\S.*)$", text, re.S)
    if tell:  # "tell operators to regenerate restock routes ...": what they must do
        return f"{tell.group('who')[:1].upper() + tell.group('who')[1:]} should {tell.group('rest')}"
    m = re.match(r"\s*(?:[-*•]\s+)?(?:\*\*)?(?P<who>[A-Za-z][^:;.\n]{2,70}?)(?:\*\*)?:(?:\*\*)?\s+(?P<rest>\S.*)$", text, re.S)
    if m is None or not _group_of_customers(m.group("who")):
        return None
    who = re.sub(r"^\(\d{1,2}\)\s*", "", m.group("who").strip())
    who = who[:1].upper() + who[1:]
    rest = m.group("rest").strip()
    verbs = "|".join(re.escape(str(v)) for v in prose_rules().get("customer_must_verbs", [])) or "(?!)"
    if re.match(r"(?i)(?:nothing to do|no action(?: needed| required)?)\b", rest):
        tail = re.sub(r"(?i)^(?:nothing to do|no action(?: needed| required)?)\s*[.;,]?\s*", "", rest)
        one = re.match(r"(?i)(?:anyone|everyone|each|every)\b", who)  # "Anyone who paid: nothing to do" -> "Anyone who paid does not ..."
        return f"{who} {'does' if one else 'do'} not need to do anything" + (f"; {tail}" if tail else ".")
    if re.match(r"(?i)(?:must|should|need to|needs to|have to|has to)\s+\w", rest):
        return f"{who} {rest[:1].lower() + rest[1:]}"  # "Accounts without auto-retry: must resubmit failed jobs"
    if re.match(rf"(?i)(?:{verbs})\b", rest):
        return f"{who} should {rest[:1].lower() + rest[1:]}"
    return None


def _group_of_customers(who: str) -> bool:
    """Whether a line's label names a group of customers ("The 57 customers with a 30-day letter", "Anyone still seeing
    the error", "The 112 with duplicate enquiries"): a customer noun (``customer_nouns`` in data/drafting/extract.yaml),
    a count, or anyone/everyone/those."""
    nouns = "|".join(re.escape(str(n)) for n in rules().get("customer_nouns", []))
    return re.search(rf"(?i)\b(?:{nouns}|anyone|everyone|those|people|holders|owners|operators|applicants|\d[\d,]*)\b", who) is not None


def chat_items(u: Unit) -> list[Unit]:
    """A chat message in an actions part as the items it lists: "[10:25] mei: - add an expiry check" is one item,
    "00:52 Nattapong: thanks all. follow-ups: alert on memory > 75%; no resize during a live event" two, and the
    message that only opens the list ("action items:") none. Any other unit is itself."""
    lead = CHAT_LEAD.match(u.text) if u.kind == "line" else None
    if lead is None or not lead.group(0).strip():
        return [u]
    body_at = u.span.start + lead.end()
    body = u.text[lead.end():]
    bullet = re.match(r"\s*(?:[-*•]|\d+[.)])\s+", body)
    if bullet:
        return [Unit("item", Span(body_at + bullet.end(), u.span.end, body[bullet.end():]), "actions")]
    label = list(re.finditer(r"(?:^|[.!?]\s+)[A-Za-z][^:.!?\n]{1,60}?:\s*", body))
    rest_at = label[-1].end() if label else 0
    out = []
    for piece in re.finditer(r"[^;]+", body[rest_at:]):
        text = piece.group(0).strip().rstrip(".")
        if len(text.split()) >= 3:
            start = body_at + rest_at + piece.start() + (len(piece.group(0)) - len(piece.group(0).lstrip()))
            out.append(Unit("item", Span(start, start + len(text), text), "actions"))
    return out


def remedy_row(u: Unit) -> Span | None:
    """A remedies table's row ("| All affected members | One free court hour, added ... | yes |") as the "Who: what"
    note its cells make, when the "Who" cell names a group of customers, never one account; None otherwise."""
    if u.kind != "row" or u.section != "remedy":
        return None
    who, what = u.cells.get("owner"), u.cells.get("action")
    if what is None or not what.text.strip():
        return None
    group = who is not None and (has_cue(who.text, rules()["customer_nouns"]) or re.match(r"(?i)\s*(?:all|every|each|any)\b", who.text))
    if who is not None and who.text.strip() and not group:
        return None  # "| Harbourside Tennis Club | ... |": one account's arrangement
    return Span(what.start, what.end, f"{who.text.strip()}: {what.text.strip()}" if group else what.text.strip())
