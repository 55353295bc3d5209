"""What one line of a pasted write-up is: a "Key: value" field, a chat or log line, a table's column names, a bare
line that titles a part ("Impact" in a pasted Google Doc), a Q&A form's question, a document comment's thread.
The document reader (document.py) asks these questions of every line; the answers depend only on the line
and the section names in data/drafting/extract.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import canon, rules
from .spans import Span

FIELD_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\d{1,2}(?:\.\d{1,2})+\s+(?=[^\n]*?\.{4,}))?(?:\*\*|__)?(?P<key>[A-Za-z][A-Za-z0-9 ()/.'&-]{0,40}?)(?::(?:\*\*|__)|(?:\*\*|__)?:|\s[—–]\s|\s-\s|\s*\.{4,}|\s\.{2,3}(?=\s+[A-Z0-9]))\s*(?P<value>\S.*)$")  # "Window ...... 17:30-18:58", "Customer impact window ... Mon 07 Apr" too
CHAT_LINE = re.compile(r"^\s*(?:[-*]\s+)?(?:\[?\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d|\[[^\]]{1,30}\]|[a-z][\w.-]{1,20}:\s|\d{1,2}(?::\d{2})?\s*[ap]m)", re.I)
TABLE_ROLES = {
    "action": ["action", "action item", "item", "what", "task", "change", "follow-up", "follow up", "description", "remediation", "fix"],
    "owner": ["owner", "owners", "assignee", "assigned to", "who", "dri", "responsible", "lead", "author", "authors"],
    "ticket": ["ticket", "bug", "issue", "jira", "tracking", "id", "link", "ref", "reference", "pr"],
    "due": ["due", "due date", "by", "eta", "target", "deadline", "when"],
    "type": ["type", "kind", "category", "priority", "#"],
    "status": ["status", "state", "done"],
    "time": ["time", "timestamp", "time (utc)", "at", "date/time"],
    "event": ["event", "what happened", "entry", "note", "notes", "details"],
}


VALUE_COLUMNS = ("value", "values", "detail", "details", "count", "number", "figure", "figures", "amount", "result")


def column_role(header: str) -> str:
    low = re.sub(r"[*_`]", "", header).strip().lower()
    low = re.sub(r"\s*\(.*\)$", "", low)
    for role, names in TABLE_ROLES.items():
        if low in names:
            return role
    return low


QUESTION = re.compile(r"^\s*(?:\*\*|__)?(?:Q\s*\d*\s*[:.)]\s*|\d+[.)]\s+)?(?P<q>(?:What|When|Who|Why|How|Was|Were|Did|Do|Does|Is|Are|Has|Have|Which|Where|Anything)\b[^\n]{3,160}?\?)[^\n]{0,80}?(?:\*\*|__)?\s*$")
_QUESTION_SECTIONS = (
    ("detection", r"\btake so long\b|\bslow to\b|\bnotice|\bdetect|\bfind out\b"),  # "Why did it take so long?" is no cause
    ("remedy", r"\bcompensat|\bcredit|\brefund|\b(?:customers?|users?|you) (?:do|need to do)\b|\bdo anything\b"),  # "Must customers do anything?"
    ("cause", r"\bwhy\b|\bcause\b|\broot\b"),
    ("actions", r"\bchang|\bprevent|\bnext\b|\bfollow|\bactions?\b|\bfix(?:ing)? it\b"),
    ("notes", r"\binternal\b|\bnotes?\b|\banything else\b"),
    ("impact", r"\bwho\b|\baffected\b|\bhow many\b|\bimpact\b|\blose\b|\blost\b|\bcustomers?\b|\bneed to do\b"),
    ("summary", r"\bwhat happened\b|\bwhen\b|\bstart\b|\bend\b|\bsummary\b"),
    ("detection", r"\bnotice|\bdetect|\bfind out\b"),
)


def question_section(question: str) -> str:
    """The section a Q&A form's question opens ("Do we know why it happened?" -> "cause")."""
    low = question.lower()
    for section, pat in _QUESTION_SECTIONS:
        if re.search(pat, low):
            return section
    return "other"


def section_of_label(label: str) -> str | None:
    label = re.sub(r"^[\s*_#]*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|[A-H][.)])\s+(?=[A-Za-z])", "", label)  # "## 4. Root cause", "II. Impact"
    key = canon(label, rules()["sections"])
    if key is None:  # "Confirmed cause (reproduced in staging)", "Why we didn't see it sooner" (data/drafting/extract.yaml)
        low = re.sub(r"[*_`#]+", "", label).strip()
        for sec, pats in rules().get("section_patterns", {}).items():
            if any(re.search(p, low, re.I) for p in pats):
                return sec
    if key is None and re.match(r"(?i)\W*why\b(?!.*\?\s*$)", label.strip()):
        return "cause"  # "Why the storage stalled", "Why it happened"
    if key is None and label.strip(" *_#").endswith("?") and not re.match(r"(?i)\W*why\b", label.strip(" *_#")) \
            and (asked := question_section(label)) != "other":
        return asked  # a Q&A form's headings: "What was the cause?", "Must customers do anything?", "What do we change?"
    if key is None and " / " in label:  # "What happened / what did practices and patients see": the first part names it
        return section_of_label(label.split(" / ")[0])
    return key


def side_by_side(key: str, value: Span) -> list[tuple[str, Span]]:
    """Fields written side by side on one line, split by wide gaps or pipes ("Page: x   Components: a, b"): each its own."""
    out: list[tuple[str, Span]] = []
    pos = 0
    for m in re.finditer(r"(?:\s{3,}|\s+\|\s+)(?P<k>[A-Z][A-Za-z ()/-]{1,30}):\s+(?=\S)", value.text):
        if canon(m.group("k"), rules()["fields"]) is None:
            continue
        out.append((key, Span(value.start + pos, value.start + m.start(), value.text[pos: m.start()])))
        key, pos = m.group("k").strip(), m.end()
    out.append((key, Span(value.start + pos, value.end, value.text[pos:])))
    return out


COMMENT_LEAD = re.compile(r"^\s*(?:\[(?![xX]\]\s)[a-z]{1,2}\]\s*[A-Z@]|[💬🗨]\ufe0f?\s*\S)")  # "[a]Priya: ...", "💬 **Theo:** ..."; not a ticked "[x] Void 96 notices"


def plain_heading(line: str) -> bool:
    """A bare line that titles a part: short, capitalised, no closing punctuation, not a field, list, time or chat line."""
    words = line.split()
    return (0 < len(words) <= 6 and len(line) <= 48 and line[:1].isupper() and not re.search(r"[.,;:!?)\]|]$|\d{1,2}:\d{2}|\|", line)
            and not FIELD_LINE.match(line) and not CHAT_LINE.match(line) and not re.match(r"[-*+•]\s|\d+[.)]\s", line))


def plain_headings(text: str) -> bool:
    """Whether the write-up titles its parts with bare lines: two or more lines alone that name a known part
    ("Summary", "Root cause", "Action items"), each opening a block of text (a pasted Google Doc or Word file)."""
    lines = text.split("\n")
    known = 0
    for k, line in enumerate(lines):
        t = line.strip()
        if t and not t.startswith("#") and (k == 0 or not lines[k - 1].strip()) and plain_heading(t) and section_of_label(t):
            known += 1
    return known >= 2


def pipe_header(line: str, sep: str = "|") -> bool:
    """A plain line of column names split by "|" (or tabs, from a spreadsheet) where at least two are known roles
    ("Action | Owner | Ticket", "Time (MST)<tab>Who<tab>What happened")."""
    if line.count(sep) < 1:
        return False
    names = [c.strip() for c in line.strip().strip(sep).split(sep)]
    return len(names) >= 2 and sum(1 for c in names if column_role(c) in TABLE_ROLES) >= 2


# Where an e-mail's earlier message begins when the client does not mark it with ">": Outlook's separator, its
# underscore rule before a "From:" block, or "On <date>, <name> wrote:".
EARLIER_MESSAGE = re.compile(r"(?m)^\s*-{3,}\s*Original Message\s*-{3,}\s*$|^_{10,}\s*\n\s*From:|^On [^\n]{5,120}\bwrote:\s*$")


@lru_cache(maxsize=1)
def participle_lead() -> re.Pattern:
    """A value that opens with what was done to its label ("removed by us automatically", "refunded on 19 July"):
    the label is then the subject of one statement (words in data/drafting/extract.yaml, `label_participles`)."""
    words = "|".join(re.escape(str(w)) for w in rules().get("label_participles", [])) or "(?!)"
    return re.compile(r"(?:" + words + r")\b")


def said_part(body: str) -> str | None:
    """The part a chat message opens with a label ("RCA for the record, confirmed: ...", "Remedies agreed by ...:"),
    also after its first words ("thanks all. follow-ups into the ticket: alert on ..."), else None."""
    for m in re.finditer(r"(?:^|[.!?]\s+)(?P<label>[A-Za-z][^:.!?\n]{1,60}?):(?:\s|$)", body):
        if len(m.group("label").split()) <= 8 and (section := section_of_label(m.group("label"))):
            return section
    return None

