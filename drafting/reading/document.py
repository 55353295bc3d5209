"""A write-up as a document: Markdown parsed (markdown-it-py) into units that keep their character spans.

Units are headings, paragraphs' lines or sentences, list items, table rows (cells tagged with the
column's role: action, owner, ticket, due, time, event, ...), quotes and code. Each unit carries
the section it sits in ("impact", "cause", "actions", ...: data/drafting/extract.yaml), so the fact
sheet is read from what each part of the write-up is for, not from raw lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

from .lines import (
    CHAT_LINE,
    COMMENT_LEAD,
    EARLIER_MESSAGE,
    FIELD_LINE,
    QUESTION,
    VALUE_COLUMNS,
    column_role,
    participle_lead,
    pipe_header,
    plain_heading,
    plain_headings,
    question_section,
    section_of_label,
    side_by_side,
)
from .markup import bold_title, chat_section, close_of, customer_wording, mask_editorial, mask_rules, numbered_heading, numbered_heading_over_list, plain_bullets
from .rules import canon, rules
from .sentences import sentences
from .spans import Span


@dataclass
class Unit:
    """One readable piece of the write-up."""

    kind: str                 # heading | line | sentence | item | row | quote | code | field
    span: Span
    section: str = "preamble"
    level: int = 0            # heading level, list depth
    key: str = ""             # for a "Key: value" field, the key as written
    cells: dict[str, Span] = field(default_factory=dict)  # for a table row: column role -> cell
    quoted: bool = False      # inside a quoted reply (email) or a blockquote

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class Document:
    text: str
    units: list[Unit] = field(default_factory=list)
    shape: str = "narrative"

    def in_section(self, *sections: str, kinds: tuple[str, ...] = ()) -> list[Unit]:
        return [u for u in self.units if u.section in sections and u.kind != "heading" and (not kinds or u.kind in kinds)]

    def fields(self) -> dict[str, Unit]:
        """First value of each labelled field kind ("Start:", "Affected products:", "Severity:")."""
        table = rules()["fields"]
        out: dict[str, Unit] = {}
        for u in self.units:
            if u.kind == "field" and not u.quoted:
                kind = canon(u.key, table)
                if kind and kind not in out:
                    out[kind] = u
        return out


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


_SENT = re.compile(r"\S.*?(?:[.!?](?=[\s)\"”]*(?:\s+[A-Z0-9\"“(\[*`]|$))[)\"”]*|$)", re.S)
# "**Impact in numbers.** At the worst point ...", "__Background:__ When a client ...": a bold lead-in naming a part
_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)(?:\d{1,2}[.)]\s*)?(?P<label>[A-Za-z][^*_\n]{2,100}?)[.:]?(?:\*\*|__)[.:]?(?:\s+(?=\S)|\s*$)")
def _line_offsets(text: str) -> list[int]:
    offs = [0]
    for m in re.finditer(r"\n", text):
        offs.append(m.end())
    offs.append(len(text) + 1)
    return offs


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.offs = _line_offsets(text)
        self.units: list[Unit] = []
        self.section = "preamble"
        self.chat_part = ""  # the part before a chat message opened the current one ("numbers for the doc: ...")
        self.label_indent = 0  # an indented "  Follow-ups:" opens a part that ends where the indent steps back
        self.plain_headings = plain_headings(text)  # a pasted document whose parts are titled by bare lines ("Impact")
        self.first_line = next((k for k, line in enumerate(text.split("\n")) if line.strip()), 0)

    def pipe_rows(self, first: int, last: int, sep: str = "|") -> None:
        """A table pasted as plain lines split by "|" or tabs (a spreadsheet): the first line names the columns,
        each later line is a row."""
        roles = [column_role(c.text) for c in _cells(self.line_span(first), sep)]
        if "time" in roles and "event" in roles and self.section in ("preamble", "other"):
            self.section = "timeline"  # "Time (MST)<tab>Who<tab>What happened": a pasted timeline sheet
        for ln in range(first + 1, last):
            line = self.line_span(ln)
            if line.text.strip():
                _row(self, line, _cells(line, sep), roles)

    def line_span(self, line: int) -> Span:
        s = self.offs[line]
        e = max(s, self.offs[line + 1] - 1) if line + 1 < len(self.offs) else len(self.text)
        e = min(e, len(self.text))
        return Span(s, e, self.text[s:e])

    def add(self, kind: str, span: Span, **kw: Any) -> Unit:
        u = Unit(kind, span, kw.pop("section", self.section), **kw)
        self.units.append(u)
        return u

    def heading(self, span: Span, label: str, level: int) -> None:
        self.label_indent = len(span.text) - len(span.text.lstrip(" ")) if span.text.strip().endswith(":") else 0
        key = section_of_label(label)
        self.section = key or ("timeline" if re.search(r"\d{4}-\d{2}-\d{2}|timeline", label, re.I) and self.section == "timeline" else "other")
        self.add("heading", span, level=level, section=self.section)

    def _wrapped(self, ln: int, last: int, end: int) -> tuple[int, int]:
        """Where a field's value ends when its line wraps ("Decision (Commercial, 16:50): all charges for / the window
        will be refunded"): the end offset and the first line after it."""
        nxt = ln + 1
        while nxt < last and not re.search(r"[.!?:;]\W*$", self.text[:end].rstrip()) and (
                _continues(self.line_span(nxt).text) or _MID_PHRASE.search(self.text[:end].rstrip()) and self.line_span(nxt).text.strip()
                and not re.match(r"\s*(?:[-*+]|\d+[.)])\s", self.line_span(nxt).text)):
            end = self.line_span(nxt).end
            nxt += 1
        return end, nxt

    def text_lines(self, first: int, last: int, quoted: bool, kind: str = "line", level: int = 0) -> None:
        """Lines of a paragraph or list item: a field line, a chat/log line, or prose (split into sentences)."""
        prose: list[Span] = []

        def flush() -> None:
            if prose:
                s, e = prose[0].start, prose[-1].end
                for sent in sentences(self.text, s, e):
                    self.add("sentence" if kind == "line" else kind, _strip_leader(sent), quoted=quoted, level=level)
                prose.clear()

        taken = first  # lines a field has already taken as its wrapped continuation
        for ln in range(first, last):
            if ln < taken:
                continue
            sp = self.line_span(ln)
            body = sp.text.strip()
            if not body:
                flush()
                continue
            if self.label_indent and len(sp.text) - len(sp.text.lstrip(" ")) < self.label_indent:
                flush()  # "Kylie Tran added a comment - ..." after an indented "  Follow-ups:" list: that part is over
                self.section, self.label_indent = "other", 0
            core = re.sub(r"^\s*(?:>\s*)+", "", sp.text)
            stripped = re.sub(r"^[\s*_#]+|[\s*_]+$", "", core)
            if kind == "line" and COMMENT_LEAD.match(core):
                flush()  # "[a]Priya Raman: are we sure ...": a document comment's thread, never the write-up's own text
                self.section = "notes"
            if kind == "line" and ln == first and self.plain_headings and plain_heading(stripped) and ln > self.first_line:
                flush()  # "Remediation for customers" or "Comms" alone on a line, in a write-up whose parts are titled so
                self.heading(sp, stripped, 3)
                continue
            sep = "\t" if "\t" in core else "|"
            caption = len(prose) == 1 and len(prose[0].text.split()) <= 8 and not prose[0].text.rstrip().endswith(".")  # "Table 4 – Actions"
            if kind == "line" and (not prose or caption) and pipe_header(core, sep) and last - ln >= 2:
                titled = re.sub(r"^\s*(?:table|figure|fig\.)\s*\d+\s*[–—:.-]\s*", "", prose[0].text, flags=re.I) if prose else ""
                prose.clear()
                if titled and section_of_label(titled):
                    self.section = section_of_label(titled)
                self.pipe_rows(ln, last, sep)  # "Action | Owner | Ticket" and its rows, with no Markdown rule under the header
                return
            if stripped and len(stripped) < 60 and stripped.endswith(":") is False and section_of_label(stripped) and not re.search(r"[.;,!?]$", stripped) and kind == "line":
                flush()  # a known heading on a line of its own ("Impact", "**Action items**")
                self.heading(sp, stripped, 3)
                continue
            if stripped.endswith(":") and section_of_label(stripped[:-1]) and kind == "line" and len(stripped) < 60:
                flush()
                self.heading(sp, stripped[:-1], 3)
                continue
            if kind == "line" and ln == first and (label := bold_title(core)) is not None:
                flush()  # "**[8]** Remedies agreed (CS to communicate)": a bold title over its cell or part
                self.heading(sp, label, 3)
                continue
            qm = QUESTION.match(core)
            if qm and kind == "line":  # a Q&A form: the question is the heading of its answer
                flush()
                self.section = question_section(qm.group("q"))
                self.add("heading", sp, level=4, section=self.section)
                continue
            am = re.match(r"^\s*(?:\*\*)?A\s*[:.)](?:\*\*)?\s*", core)
            if am:
                off = sp.start + (len(sp.text) - len(core)) + am.end()
                prose.append(Span(off, sp.end, self.text[off:sp.end]))
                continue
            bm = _BOLD_LEAD.match(core)
            if bm and kind == "line" and (section_of_label(bm.group("label")) or bm.group(0).rstrip().endswith((".", ".**", ".__")) and ":" not in bm.group("label")):
                flush()  # "**What happened.** At 8:52 AM ...": a bold lead-in opens its part, as a heading would
                self.section = section_of_label(bm.group("label")) or "other"
                off = sp.start + (len(sp.text) - len(core)) + bm.end()
                prose.append(Span(off, sp.end, self.text[off:sp.end]))
                continue
            lm = re.match(r"^\s*(?:\*\*)?(?P<label>[A-Za-z][^:\n]{2,60}?)(?:\*\*)?:(?:\*\*)?\s+(?=\S)", core)
            if lm and kind == "line" and len(lm.group("label").split()) > 5 and section_of_label(lm.group("label")):
                flush()  # "Why we didn't see it sooner: we only alert on ..." opens its own part
                self.section = section_of_label(lm.group("label")) or self.section
                off = sp.start + (len(sp.text) - len(core)) + lm.end()
                prose.append(Span(off, sp.end, self.text[off:sp.end]))
                continue
            fm = FIELD_LINE.match(core)
            if fm and ":" in core[:fm.start("value")] and not canon(fm.group("key"), rules()["fields"]) and participle_lead().match(fm.group("value")):
                prose.append(sp)  # "Unreconciled duplicates: removed by us automatically ...": a statement, its label the subject
                continue
            if fm and not re.search(r"\d$|^(?!what|how|why|when|who|where)\w.*? (?:is|was|were|are|has|had|did) ", fm.group("key"), re.I) and len(fm.group("key").split()) <= 5:  # "X itself was never down: ..." is prose
                flush()
                key = fm.group("key").strip()
                sec = section_of_label(key)
                off = sp.start + (len(sp.text) - len(core)) + fm.start("value")
                end, taken = self._wrapped(ln, last, sp.end)
                value = Span(off, end, self.text[off: end])
                if sec and kind == "line" and len(value.text.split()) >= 8 and not canon(key, rules()["fields"]):
                    self.section = sec  # "What happened: our payment dispatcher takes ...": a part opened inline, its prose read as prose
                    prose.append(value)
                    continue
                if sec and not (kind == "item" and self.section not in ("preamble", "other")):
                    self.section = sec  # (a TL;DR's "- cause: ..." item is in that part, and the items after it are not)
                elif canon(key, rules()["fields"]) or key.lower() in ("ticket", "channel", "thread", "notes", "links", "owner", "people", "from", "to", "cc", "subject", "sent"):
                    if self.section in ("actions", "cause", "impact"):
                        self.section = "other"
                hedged = re.match(r"(?i)(?:unconfirmed|unverified|not (?:yet )?confirmed|suspected|theory|hypothesis|guess|maybe|possibly|tbc)\b", key)
                for k, v in side_by_side(key, value):  # "Page: status.fetchwell.com   Components: Prescription orders, Autoship"
                    self.add("field", v, key=k, quoted=quoted, level=level, **({"section": "hypotheses"} if hedged else {"section": sec} if sec else {}))
                continue
            ym = _RECORD_KEY.match(core) if kind == "line" else None
            if ym:  # a tool's record: 'end_local: "2025-09-19 04:30 WIB"' is a field, not someone's chat line
                flush()
                off = sp.start + (len(sp.text) - len(core)) + ym.start("value")
                self.add("field", Span(off, sp.end, self.text[off:sp.end]), key=ym.group("key").replace("_", " "), quoted=quoted, level=level)
                continue
            if CHAT_LINE.match(core):
                flush()
                if kind == "line":  # "00:50 From Ploy: Remedies agreed by ...:" opens that part for its message and its "- ..." lines
                    self.section, self.chat_part = chat_section(core, self.section, self.chat_part)
                self.add("line", _strip_leader(sp), quoted=quoted, level=level)
                continue
            prose.append(sp)
        flush()


_RECORD_KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[a-z][a-z0-9]*(?:_[a-z0-9]+)+):\s+(?P<value>[\"'\d\[{].*)$")
_MID_PHRASE = re.compile(r"\b(?:for|to|of|and|or|the|a|an|at|from|between|by|in|on|with|than|is|are|was|were|be|will)\W*$", re.I)


def _continues(line: str) -> bool:
    """A wrapped line of the text above it: it opens in lower case or mid-phrase, and is not a field, chat or list line."""
    t = line.strip()
    return bool(t) and bool(re.match(r"[a-z0-9(\"“'’*]", t)) and not re.match(r"\d+[.)]\s|[*_]{1,2}[A-Z]", t) and not ((fm := FIELD_LINE.match(t)) and not re.search(r"\d$", fm.group("key"))) and not CHAT_LINE.match(t) and not re.match(r"[-*+]\s", t)


def _strip_leader(sp: Span) -> Span:
    m = re.match(r"^\s*(?:>\s*)*(?:[-*+•]\s+|\d+[.)]\s+)?(?:\[[ xX]?\]\s+)?", sp.text)
    off = m.end() if m else 0
    return Span(sp.start + off, sp.end, sp.text[off:])


def read(text: str) -> Document:
    """Parse the write-up into units with sections; never raises on odd Markdown."""
    text = plain_bullets(mask_rules(mask_editorial(text)))
    b = _Builder(text)
    try:
        tokens = _md().parse(text)
    except Exception:  # noqa: BLE001 - a parser hiccup must not stop drafting: read it as plain lines
        tokens = []
    if not tokens:
        b.text_lines(0, len(b.offs) - 1, False)
        return _finish(Document(text, b.units))
    depth_quote = 0
    quote_marks: list[bool] = []
    list_depth = 0
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "blockquote_open":
            boxed = t.map is not None and (re.search(r"<<\s*(?:\[[^\]\n]*\]\s*)?$", b.line_span(t.map[0]).text) is not None
                                           or customer_wording(text, b.offs[t.map[0]]))  # "Plain-English version for comms:" then "> ..."
            depth_quote += 0 if boxed else 1  # ">> WINDOW: Thu 23:30 -> Fri 09:15 <<": a line set off on a board, not a quoted reply
            quote_marks.append(not boxed)
        elif t.type == "blockquote_close":
            depth_quote -= 1 if quote_marks and quote_marks.pop() else 0
        elif t.type == "hr" and depth_quote == 0 and list_depth == 0:
            b.section = "other"  # "---" then "**rsuleiman** commented on ...": the part above it has ended
        elif t.type == "ordered_list_open" and list_depth == 0 and (label := numbered_heading(tokens, i)) is not None:
            b.heading(b.line_span(t.map[0]), label, 2)  # "3. What was exposed" alone on its line: a numbered section heading
            i = close_of(tokens, i) + 1
            continue
        elif t.type == "ordered_list_open" and list_depth == 0 and (lead := numbered_heading_over_list(tokens, i)) is not None:
            b.heading(b.line_span(t.map[0]), lead[0], 2)  # "7. WHAT WE ARE CHANGING" over "1. ... 2. ...": a heading, then its list
            list_depth += 1
            i = lead[1]
            continue
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t.type == "heading_open" and t.map:
            inline = tokens[i + 1]
            sp = b.line_span(t.map[0])
            b.heading(sp, inline.content, int(t.tag[1]))
            i += 3
            continue
        elif t.type in ("fence", "code_block") and t.map:
            s, e = b.offs[t.map[0]], min(len(text), b.offs[t.map[1]] - 1)
            b.add("code", Span(s, e, text[s:e]), quoted=depth_quote > 0)
        elif t.type == "table_open" and t.map:
            i = _table(b, tokens, i)
            continue
        elif t.type == "paragraph_open" and t.map:
            kind = "item" if list_depth else "line"
            b.text_lines(t.map[0], t.map[1], depth_quote > 0, kind=kind, level=list_depth)
        i += 1
    return _finish(Document(text, b.units))


def _table(b: _Builder, tokens: list, i: int) -> int:
    roles: list[str] = []
    row: list[Span] = []
    header = False
    j = i + 1
    while j < len(tokens) and tokens[j].type != "table_close":
        t = tokens[j]
        if t.type == "thead_open":
            header = True
        elif t.type == "tbody_open":
            header = False
        elif t.type == "tr_open":
            row = []
            line = b.line_span(t.map[0]) if t.map else None
            cells = _cells(line) if line else []
        elif t.type in ("th_open", "td_open"):
            row.append(cells[len(row)] if len(row) < len(cells) else Span(0, 0, ""))
        elif t.type == "tr_close":
            if header:
                roles = [column_role(c.text) for c in row]
            elif line is not None:
                _row(b, line, row, roles)
        j += 1
    return j + 1


def _cells(line: Span, sep: str = "|") -> list[Span]:
    out, text = [], line.text
    parts = [m for m in re.finditer(r"(?<!\\)\|" if sep == "|" else re.escape(sep), text)]
    bounds = [p.start() for p in parts]
    if not bounds or bounds[0] != len(text) - len(text.lstrip()):
        bounds = [-1] + bounds
    if bounds[-1] < len(text.rstrip()) - 1:
        bounds.append(len(text))
    for a, z in zip(bounds, bounds[1:]):
        seg = text[a + 1: z]
        lead = len(seg) - len(seg.lstrip())
        core = seg.strip()
        s = line.start + a + 1 + lead
        out.append(Span(s, s + len(core), core))
    return out


def _row(b: _Builder, line: Span, row: list[Span], roles: list[str]) -> None:
    named = {roles[k] if k < len(roles) and roles[k] else f"col{k}": c for k, c in enumerate(row)}
    clean = [c for c in row if c.text]
    kv = len(roles) == 2 and roles[1] in VALUE_COLUMNS  # "| Metric | Value |", "| Property | Value |"
    if roles and (all(not r for r in roles) or kv) and len(clean) == 2:  # a key/value table: "| **Date** | 2025-02-11 |"
        key = re.sub(r"[*_`]", "", clean[0].text).strip()
        sec = section_of_label(key)
        if sec:
            b.section = sec
        b.add("field", clean[1], key=key)
        return
    b.add("row", line, cells=named)


def _finish(doc: Document) -> Document:
    from .shapes import shape_of

    earlier = EARLIER_MESSAGE.search(doc.text)
    for u in doc.units if earlier else []:
        if u.span.start >= earlier.start():
            u.quoted = True  # below "-----Original Message-----": the message this one answers, not its facts
    doc.shape = shape_of(doc)
    return doc
