"""Markup of a pasted write-up that is not content: an editor's bracketed notes, and numbered lines that are
section headings ("3. What was exposed"), which Markdown would otherwise read as one-item lists."""
from __future__ import annotations

import re

from .chat_export import SPEAKER
from .lines import said_part, section_of_label
from .rules import rules

# A chat or log line's lead, read off before its words: "[3/4/2025 7:48 AM] Kim Tran: ", "2025-07-08 16:24 UTC jhale: ",
# "09:14 UTC dsilva: ", "10:02 " (the speaker is optional), a meeting chat's "20:26:48 From Linh Tran To Everyone: "
CHAT_LEAD = re.compile(r"^\s*(?:\[[^\]]{1,40}\]\s*|\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?Z?(?:\s*UTC)?\s*|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?\s*(?:[A-Z]{2,4}\s+)?)"
                       r"(?:[-–]\s*)?(?:@?[A-Za-z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*:\s+|@?[a-z][\w.-]{1,24}\s+[—–]\s+|" + SPEAKER + r"\s+)?")  # "12:44 mcolombo — ..."


def mask_editorial(text: str) -> str:
    """The write-up with its editors' bracketed notes ("[Legal: OK to keep 1:52?]", "[TK: confirm the
    count]", "[Remove customer name before publishing.]") blanked out, offsets kept: they are
    comments on the document, never facts for a customer (cues in data/drafting/extract.yaml). Text struck
    through ("~~No customers were charged~~") is withdrawn, so it is blanked too, and so is a pasted document
    comment's anchor ("...boxes 1, 4, 6 and 7)[b]")."""
    cues = rules().get("editorial_note_cues", [])
    if not cues:
        return text
    lead = re.compile(r"(?i)^\s*(?:" + "|".join(cues) + r")\b")

    def blank(m: re.Match) -> str:
        inner = m.group(1)
        if lead.match(inner) and len(inner.split()) >= 2:
            return " " * len(m.group(0))
        return m.group(0)

    text = re.sub(r"\[([^\[\]\n]{3,300})\](?![(:])", blank, text)
    text = re.sub(r"(?<=[\w.,;:)\]\"”'’%])\[[a-z]{1,2}\](?=[\s.,;:)]|$)", lambda m: " " * len(m.group(0)), text, flags=re.M)  # a doc comment's anchor "[b]"
    return re.sub(r"~~[^~\n]{1,400}~~", lambda m: " " * len(m.group(0)), text)  # struck through: withdrawn by its editor


def close_of(tokens: list, i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].type == tokens[i].type:
            depth += 1
        elif tokens[j].type == tokens[i].type.replace("_open", "_close"):
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def numbered_heading(tokens: list, i: int) -> str | None:
    """The label of a one-item numbered list that is a short line with no closing punctuation ("5. Actions taken"), else None."""
    j = close_of(tokens, i)
    inner = tokens[i + 1: j]
    if sum(1 for t in inner if t.type == "list_item_open") != 1 or sum(1 for t in inner if t.type == "paragraph_open") != 1:
        return None
    text = next((t.content for t in inner if t.type == "inline"), "").strip()
    long_known = len(text.split()) <= 12 and section_of_label(text) is not None  # "1) What happened / what did patients see"
    if "\n" in text or not text or len(text.split()) > 7 and not long_known or re.search(r"[.!?;,:]$", text) or not text[:1].isupper():
        return None
    return text


def numbered_heading_over_list(tokens: list, i: int) -> tuple[str, int] | None:
    """ "7. WHAT WE ARE CHANGING" followed by items numbered from 1 again: the first item is the section's heading and
    the rest its list. Returns the label and the index of the token after the first item, else None."""
    items = [k for k in range(i + 1, close_of(tokens, i)) if tokens[k].type == "list_item_open" and tokens[k].level == tokens[i].level + 1]
    if len(items) < 2 or not (tokens[items[0]].info.isdigit() and tokens[items[1]].info.isdigit()):
        return None
    if int(tokens[items[1]].info) >= int(tokens[items[0]].info):
        return None
    end = close_of(tokens, items[0])
    inner = tokens[items[0] + 1: end]
    text = next((t.content for t in inner if t.type == "inline"), "").strip()
    if "\n" in text or not text or len(text.split()) > 7 or re.search(r"[.!?;,:]$", text) or not text[:1].isupper():
        return None
    return text, end + 1


def plain_bullets(text: str) -> str:
    """Bullets typed as "•" or "·" at the start of a line (a chat or a pasted document) as Markdown's "-", offsets kept,
    so each is its own list item and not one run-on line."""
    return re.sub(r"(?m)^([ \t>]*)[•·◦▪](?=[ \t])", r"\1-", text)


def mask_rules(text: str) -> str:
    """The write-up with banner rules ("=====" under a block of lines) blanked, offsets kept. Markdown would make the
    whole block above one heading (a setext heading), and its "Product:" and "Times:" lines would be lost."""
    lines = text.split("\n")
    rule = re.compile(r"\s*(?:={3,}|-{3,})\s*")
    is_rule = [bool(rule.fullmatch(line)) for line in lines]
    for i, line in enumerate(lines):
        if is_rule[i] and i >= 2 and all(lines[k].strip() and not is_rule[k] for k in (i - 1, i - 2)):
            lines[i] = " " * len(line)  # the block above has two or more lines of text: a banner, not a heading
    return "\n".join(lines)


_ENUMERATOR = re.compile(r"^\s*(?:\*\*|__)?\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|§\s*\d{1,3}(?:\.\d+)*|#\d{1,3}|(?:cell|step|part|section)\s+\d{1,3}\s*[:.]?)\s*(?:\*\*|__)?\s*", re.I)


def bold_title(core: str) -> str | None:
    """The label of a line that is only a bold title, maybe numbered ("**[8]** Remedies agreed", "**Follow-ups**"),
    or None. A bold sentence ("**We are stable now.**") or a field ("**Impact:** 3 h") is not a title."""
    line = core.strip()
    if not re.match(r"^(?:\*\*|__)", line):
        return None
    rest = _ENUMERATOR.sub("", line, count=1) if _ENUMERATOR.match(line) else line
    label = re.sub(r"^[\s*_]+|[\s*_]+$", "", rest)
    label = re.sub(r"^[^\w(]+", "", re.sub(r"[\s*_]+", " ", re.sub(r"\*\*|__", " ", label))).strip()  # "⚠️ CORRECTION ..."
    if not label or ":" in label or re.search(r"[.!;,]$", label) or len(label.split()) > 10 or not re.match(r"[^\W\d_]", label):
        return None
    if _ENUMERATOR.match(line) is None and not re.fullmatch(r"(?:\*\*|__)[^*_]+(?:\*\*|__)", line):
        return None  # "**Update** we are still looking": bold lead-in of a sentence, not a title
    return label


def chat_section(line: str, section: str, before: str) -> tuple[str, str]:
    """The part a chat line is in, and the part to return to: a message that opens a part with a label keeps it for
    itself and the "- ..." lines after it; the next other message returns to the part before."""
    lead = CHAT_LEAD.match(line)
    body = line[lead.end():] if lead else line
    said = said_part(body)
    if said is not None:
        return said, before or section
    if before and not re.match(r"\s*(?:[-*•]|\d+[.)])\s", body):
        return before, ""
    return section, before


def customer_wording(text: str, at: int) -> bool:
    """Whether the quote starting at ``at`` is the write-up's own wording for customers ("Plain-English version for
    comms (Farah, tweak as needed):" on the line before): the team's words for the reader, not a quoted message
    (cues in data/drafting/extract.yaml, ``customer_wording_cues``)."""
    before = text[:at].rstrip()
    lead = before[before.rfind("\n") + 1:]
    return any(re.search(p, lead, re.I) for p in rules().get("customer_wording_cues", []))
