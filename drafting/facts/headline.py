"""The headline of an incident in customer words, read from the write-up's title ("podcast apps couldn't play or
download episodes — edge dropped `Range` header (22 Apr) #4471" -> "Podcast apps couldn't play or download
episodes"), for a draft's heading.

Why: editors read "Incident report: Service disruption" and "the Duplicate card incident" as never saying what
failed. Engineers title a write-up with what customers saw, then add tickets, dates, severity and the internal
cause; the customer part is the first clause of the title that is plain, says what went wrong and names nothing
internal (word lists in data/drafting/kinds.yaml, `headline`)."""
from __future__ import annotations

import re
from typing import Callable

from ..reading.dates import DATE_RE, WEEKDAY
from ..reading.document import Document, Span
from ..redact import Redactor
from .kinds import kind_rules
from .prose import either_word, plain_words, unshouted
from .sheet import Fact

_NOISE = [
    r"\[[^\]]*\]",                      # "[VETB-INC-412]", "[INCIDENT]"
    r"\([^)]*\)",                       # "(22 Apr)", "(Brightwater Title & Escrow)", "(sev4)"
    r"(?<!\w)#\d+\b",                   # "#4471"
    r"\b[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]+)*-\d+\b",  # "INC-2291", "QST-INC-0719"
    r"(?i)\bsev(?:erity)?[\s-]*[0-4]\b|\bP[0-4]\b",
    r"(?i)\b(?:preliminary|draft(?: v\d+)?|internal|postmortem|post-mortem|incident review|incident)\b\s*:?",
    r"^\s*h\d\.\s*",                    # a Jira heading mark "h1."
    rf"(?i)\b{WEEKDAY}\.?(?:\s*[–—-]\s*{WEEKDAY}\.?)?(?=\s+[—–-]\s|\s*$|\s*[,;(])",  # "deposit delays Tue–Thu — what happened": when, not what
    r"(?i)\b(?:(?:since|from|until|as of) )?(?:this (?:morning|afternoon|evening)|today|tonight|yesterday|last night|overnight)\b",  # "outage this morning", "not loading since this morning"
]
_SPLIT = re.compile(r"\s+[—–→|·›»]\s+|\s+-{1,2}\s+|;\s+|\s{2,}|,\s+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\b|\d)|(?<=[A-Z]{2}):\s+")  # "Android IAP: gems not credited"
_WHEN = re.compile(DATE_RE.pattern + r"|\b" + WEEKDAY + r"|\b(?:am|pm)\b|\b\d{4}\b", re.I)


def headline(title: str, red: Redactor, plain: Callable[[str], bool], source: Span | None = None, body: str = "") -> Fact | None:
    """The first clause of the title a customer may read: 3 to 14 words, not shouted, naming nothing internal,
    plain for a general reader; None when no clause qualifies (the draft then heads with the product). Its first
    word is in lower case when the write-up's ``body`` uses it so ("duplicate"), so it can follow a colon."""
    text = re.sub(r"(?i)^\s*(?:subject|re|fwd?)\s*:\s*", "", title.split("\n")[0])
    slug = _SLUG.match(text.split()[0]) if text.split() else None
    if slug:  # a Slack incident channel's name, "inc-0412-receipts-stuck": its words after the number
        text = re.sub(r"[-_]", " ", slug.group("words")) + text[len(text.split()[0]) + (len(text) - len(text.lstrip())):]
    if re.match(r"(?i)\s*(?:from|to|cc|bcc|date|sent)\s*:", text):
        return None  # an e-mail header, not a title
    for pattern in _NOISE:
        text = re.sub(pattern, " ", text)
    cues = kind_rules()["headline"]
    # "inbound mail delayed, mx-c cluster": a clause after a comma that names a host or a shard drops, the first stays
    parts = [q for p in _SPLIT.split(text) for q in ([p.split(",")[0]] if re.search(r",[^,]*\b[a-z]+-[a-z0-9]{1,3}\b", p) else [p])]
    for part in parts:
        part = _as_statement(re.sub(r"\s+", " ", re.sub(r"[^\w\s\"'’:,.&%/+-]", " ", plain_words(part))).strip(" :,.-–—"))  # no emoji ("D+1" keeps its plus)
        part = unshouted(either_word(part), body)  # "shows blank / old sheets", "charged TWICE": a title's shorthand, said plainly
        words = _WHEN.sub(" ", part).split()  # "22 January 2025", "Mon AM peak": a date, not what failed
        if not (2 if slug else 3) <= len(words) <= 14 or part.upper() == part or re.search(cues["not_a_headline"], part, re.I):
            continue
        if not any(w.islower() and len(w) >= 3 for w in words):  # "Brightquill Support Ops": a name, not an event
            continue
        if not re.search(cues["failure_words"], part, re.I):  # "CareNest video consultations": what it concerns, not what went wrong
            continue
        if red.internal_details(part) or not plain(part):
            continue
        first = part.split()[0]
        common = first[1:].islower() and re.search(r"(?<![\w.])" + re.escape(first.lower()) + r"\b", body) is not None
        return Fact(first.lower() + part[len(first):] if common else part, source, 0.6, "the customer part of the write-up's title: check it")
    return None


def headline_of(doc: Document, title: Fact, red: Redactor, plain: Callable[[str], bool], body: str = "") -> Fact | None:
    """The headline from the write-up's title or, when that is a tool's banner ("FRONT · Shared inbox ..."), from the
    first title-like field, heading or shouted banner line near the top ("Card: ... · Double bookings on pitch
    inventory", "DONOR REMINDERS + BOOKING PAGE — TIMES SHOWING 30 MIN EARLY")."""
    found = headline(str(title.value), red, plain, title.source, body)
    if found is None and title.source is not None and not re.search(r"[a-z]{3,}", str(title.value)):  # "PLK-INC-482" above its summary line
        nxt = next((u for u in doc.units if u.span.start >= title.source.end and u.text.strip()), None)
        found = headline(nxt.text, red, plain, nxt.span, body) if nxt is not None else None
    if found is None and (bot := _DECLARED.search(doc.text[:3000])):  # an incident bot's 'Incident declared ... "Sellers can't create shipping labels"'
        found = headline(bot.group("name"), red, plain, Span(bot.start("name"), bot.end("name"), bot.group("name")), body)
    if found is not None:
        return found
    keys = kind_rules()["headline"].get("title_keys", "^$")
    near = [u for u in doc.units[:60] if u.span.start < 4000]
    parts_begun = False
    for u in near:
        if u.kind == "heading" and (parts_begun or re.match(r"(?i)\W*(?:why\s*\d*\b|\d+[.)]\s*why\b)", u.text.strip("#*_ "))):
            continue  # "## Recovering the lost window" after "## Summary", "**Why 4 — Why did ...**": a part, never the title
        parts_begun = parts_begun or u.kind == "heading" and u.section != "other"
        if u.kind == "field" and re.match(keys, re.sub(r"[*_]+", "", u.key).strip(), re.I) or u.kind == "heading":
            text = u.text
        elif u.kind in ("line", "sentence") and _shouted(u.text):
            text = _sentence_case(u.text.strip())
        elif u.kind in ("item", "line", "sentence") and _SEVERITY_LEAD.match(u.text):
            text = u.text  # a handover's "1) SEV4 — inbound mail delayed, mx-c cluster.": the incident's own title
        elif u.kind in ("line", "sentence") and len(crumbs := re.split(r"\s+[›»]\s+", u.text.strip())) >= 3:
            text = crumbs[-1]  # a wiki's breadcrumb, "Guide › Agent-only › Incident briefs › Duplicate annual renewal charge"
        else:
            continue
        got = headline(re.split(r"(?<=[a-z])\.\s+", text)[0], red, plain, u.span, body)  # "driver bag-scan outage this morning. FIXED."
        if got is not None:
            return got
    return None


_WHY = re.compile(r"(?i)^(?:five whys\W+)?why\s+(?P<aux>did|do|does|was|were|is|are|has|have)\s+(?P<rest>.+?)\??$")
_NOT_AFTER = re.compile(r"^(?P<s>.+?)\s+(?P<neg>not|n't)\s+(?P<p>.+)$")


def _as_statement(part: str) -> str:
    """A five-whys title as the statement it asks about: "Why did customers not get SMS or voice alarms" -> "Customers
    did not get SMS or voice alarms"; a question it cannot turn stays as written (and is rarely plain enough)."""
    m = _WHY.match(part.strip())
    n = _NOT_AFTER.match(m.group("rest")) if m else None
    if n is None:
        return part
    said = f"{n.group('s')} {m.group('aux').lower()} not {n.group('p')}"
    return said[:1].upper() + said[1:]


_SLUG = re.compile(r"(?i)^#?inc(?:ident)?[-_](?:\d+[-_])+(?P<words>[a-z]+(?:[-_][a-z]+)+)$")
_DECLARED = re.compile(r"(?i)\bincident (?:declared|opened|created|started)\b[^\"“\n]{0,80}[\"“](?P<name>[^\"”\n]{8,90})[\"”]")
_SEVERITY_LEAD = re.compile(r"(?i)^\W*(?:\d+[.)]\s*)?(?:sev(?:erity)?|p)\s*-?[0-4]\s*[—–:-]\s*\w")


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.9 and len(text.split()) >= 4


def _sentence_case(text: str) -> str:
    """"TIMES SHOWING 30 MIN EARLY" -> "Times showing 30 min early"; a short word that is not an English word stays
    as written ("SMS", "QR")."""
    common = kind_rules()["headline"].get("short_words", [])
    words = [w if len(w) <= 4 and w.isalpha() and w.lower() not in common else w.lower() for w in text.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]
