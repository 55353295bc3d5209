"""What is changing and what customers get, read from the write-up's action list, table or chat "action items:" run:
each item without its owner, ticket and status, and only if a customer may read it whole (facts.gate)."""
from __future__ import annotations

import re

from ..reading.document import Document, Span, Unit, sentences
from ..reading.lines import participle_lead, section_of_label
from ..reading.roles import has_role
from ..reading.rules import canon, rules
from ..redact import Redactor
from .gate import customer_sentence
from .kinds import change_kind, not_a_change
from .listed import chat_items
from .sheet import Fact

_LIST_HEAD = r"(?i)\b(?:action items?|follow-?ups?|next steps|todos?|actions(?: so far)?|fixes planned)\b"  # what opens a list of changes in a chat
_INLINE_LIST = re.compile(_LIST_HEAD + r"[^:\n]{0,40}:\s*(?P<list>[^,\n]{3,120},[^\n]{3,400})$")  # a run-in list: "follow-ups: a, b, c"
_OWNER_LEAD = re.compile(r"^(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[a-z][\w.-]+|customer care|support|the \w+ team|\w+ team)\s+to\s+(?P<rest>\w.*)$", re.I)


def _action_text(raw: str) -> str:
    t = re.split(r"\s+·\s+", raw)[0]  # "Export affected bookings · Ravi Sharma · Done": the item, not its owner and status
    t = re.sub(r"\s*\([^()]*\)", "", t)  # a bracket in an action item is a note to the team (owner, ticket, aside)
    t = re.sub(r"^\s*(?:\[[ xX]?\]\s*)?(?:AI|ACTION|TODO)?[-\s]?\d*\s*[:.)]\s*", "", t)
    t = re.sub(r"^[A-Z][\w-]{2,20}:\s+(?=[a-z])", "", t)
    t = re.sub(r"^(?:[A-Z][A-Z0-9]{1,9}-\d+|#\d+)[:\s]+", "", t)  # a leading ticket id: "DOC-77 put every ..."  # "Toggler: changes above ..." -> the change itself
    return t.strip(" .;")


def _split_items(text: str, span: Span) -> list[Span]:
    """ "DOC-77 put every public domain on the monitor; DOC-78 move docs to ..." -> one span per item."""
    out = []
    for sent in sentences(text, 0, len(text)):
        pos = sent.start
        for piece in re.split(r";\s+", sent.text):
            s = text.index(piece, pos)
            pos = s + len(piece)
            out.append(Span(span.start + s, span.start + s + len(piece), piece))
    return out


def _run_in_items(u: Unit) -> list[Unit]:
    """A run-in list ("Actions so far: add X, contract tests for Y, and disable Z") as one item per change."""
    head = f"{u.key}: " if u.kind == "field" else ""
    inline = _INLINE_LIST.search(head + u.text) if u.kind != "row" else None
    if inline is None:
        return [u]
    out = []
    at = u.span.start + inline.start("list") - len(head)  # a field's span is its value's
    for piece in re.finditer(r"[^,;]+", inline.group("list")):
        item = re.sub(r"^\s*(?:and|or)\s+", "", piece.group(0)).strip(" .")
        if len(item.split()) >= 2:
            s = at + piece.start() + piece.group(0).index(item)
            out.append(Unit("item", Span(s, s + len(item), item), "actions"))
    return out or [u]


def read_actions(doc: Document, red: Redactor) -> tuple[list[Fact], list[Fact], list[tuple[str, Span]]]:
    """The changes and remedies a customer may read, and every action item's whole line (for its kind)."""
    actions: list[Fact] = []
    remedies: list[Fact] = []
    items: list[tuple[str, Span]] = []
    units = [v for u in doc.in_section("actions") if not u.quoted for v in chat_items(u)]
    owed_items: set[int] = set()  # items of a list opened for customers ("Customer follow-up, agreed with CS:"): remedies
    if not units:  # a pasted chat: "[10:25] mei: action items:" then "[10:25] mei: - add ..."
        opened = for_customers = False
        for u in doc.units:
            body = re.sub(r"^\s*(?:\[[^\]]*\]|\d{1,2}:\d{2}\S*)\s*(?:[\w.@-]+:\s*)?", "", u.text)
            if re.search(_LIST_HEAD + r"[^:\n]{0,60}:\s*$", body):  # "action items:", "Follow-ups (I'll put them in X-12):"
                opened, for_customers = True, re.search(r"(?i)\bcustomers?\b[^:\n]{0,12}" + _LIST_HEAD[4:], body) is not None
                continue
            if not u.quoted and _INLINE_LIST.search(body):
                units.append(u)  # "follow-ups on EXP-1442: pin base image digests, add a ... alert, synthetic export every 10 min"
                continue
            bm = re.match(r"\s*[-*•]\s+(.+)$", body) if opened else None
            if bm is None and opened and u.kind == "item":
                bm = re.match(r"\s*([^\n]+)", body)  # the list parser already took the bullet off (and may run on to "Closing.")
            if bm is None:
                opened = False
                continue
            s = u.span.start + (len(u.text) - len(body)) + bm.start(1)
            units.append(Unit("item", Span(s, s + len(bm.group(1)), bm.group(1)), "actions"))
            if for_customers:
                owed_items.add(s)
    units = [v for u in units for v in _run_in_items(u)]
    for u in units:
        if u.kind == "row":
            cell = u.cells.get("action") or next((c for k, c in u.cells.items() if k not in ("owner", "ticket", "due", "type", "status", "#") and not re.fullmatch(r"\W*\d*\W*", c.text)), None)
            if cell is None:
                continue
            raw, span = cell.text, cell
        elif u.kind == "field" and canon(u.key, rules()["sections"]) == "actions":
            for part in _split_items(u.text, u.span):
                units.append(Unit("item", part, "actions"))
            continue
        else:
            raw, span = (f"{u.key}: {u.text}" if u.kind == "field" else u.text), u.span
        text = _action_text(raw)
        marker = doc.text[doc.text.rfind("\n", 0, span.start) + 1: span.start]
        items.append(((marker if re.fullmatch(r"\s*(?:[-*+•]|\d+[.)])?\s*(?:\[[ xX]?\])?\s*", marker) else "") + raw, span))  # "- [x] ": done
        m = _OWNER_LEAD.match(text)
        if m and re.sub(r"(?i)^the\s+", "", m.group("who")).lower().rstrip("s") in {str(n).lower().rstrip("s") for n in rules()["customer_nouns"]}:
            text, m = f"{m.group('who')} will {m.group('rest')}", None  # "Drivers to see a clear message": a change for them, not an owner
        customer_facing = bool(re.search(r"(?i)\b(?:customers?|users?|merchants?|shoppers?|accounts?|patients?|members?)\b", text))
        if m:
            if customer_facing and re.search(r"(?i)\b(email|contact|call|notify|refund|credit|offer|priority)\b", m.group("rest")):
                text = m.group("rest")
            else:
                continue  # "Kevin to redo the training": about a person, not a change customers need to hear about
        if not_a_change(text) or section_of_label(text.strip(" .:*")) or participle_lead().match(text[:1].lower() + text[1:]):
            continue  # "**What we're changing:**" over its own list is a label, not a change; "Applied automatically on ..." leans on the line before
        if re.match(r"[\w' -]{3,40}:\s", text) and re.search(r"\d{1,2}(?::\d{2})\s*(?:[ap]\.?m\.?|[A-Z]{2,5})?\s*[-–]", text):
            continue  # "Customer impact window: 7:42 AM - 10:18 AM AEST" is a field, not a change
        if re.match(r"(?i)(?:we(?:'re| are) )?(?:sorry|apologi[sz]e|thanks?|happy to|regards|cheers)\b", text):
            continue  # the sign-off after the list, not a change
        clean = customer_sentence(Span(span.start, span.end, text), red, min_words=3, max_words=40, sentence=False)
        if clean is None or re.match(r"\s*(?:[-*+]\s*)?\[[xX]\]", marker) and change_kind(raw) is None:
            continue  # "- [x] Remove no-show strikes": done already, never "We will remove ..." (its kind, if any, says it is done)
        fact = Fact(clean, span, 0.8 if u.kind == "row" or u.kind == "item" else 0.6)
        advice = re.match(r"(?i)(?:we (?:recommend|advise|suggest|ask)|(?:customers|users|you) (?:should|can|may|must|need)|please)\b", clean)
        owed = re.search(r"(?i)\b(?:refund|reimburs|credit(?:s|ed)? (?:to|for|of|on)|waive|compensat|goodwill|voucher)", clean)  # "Fee refunds for 6,217 withdrawals"
        if customer_facing and has_role(clean, "remedy") or advice or owed or span.start in owed_items:  # "We recommend updating to 6.2": advice, not a change
            remedies.append(fact)
        else:
            actions.append(fact)
    return actions[:8], remedies, items


def one_per_change(actions: list[Fact]) -> list[Fact]:
    """ "Key-format changes need Payments sign-off." and "... sign-off (CODEOWNERS).", read twice: one change."""
    said = [re.sub(r"\W+", " ", re.sub(r"\s*\([^()]*\)", "", str(a.value))).strip().lower() for a in actions]
    return [a for i, a in enumerate(actions) if said[i] not in said[:i]]
