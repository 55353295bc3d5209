"""Keep internal detail out of customer drafts, and turn blame in the write-up into system language.

Internal details are found by the same detection as the ``leak`` check (drafting.checks.leak.detect,
plus the company config's patterns and other customers), staff names by the write-up's one
spaCy parse (checks.leak.staff_names) plus chat handles; blame sentences by the ``blame`` check
on that same parse, each rewritten to say what the process allowed (drafting.rewrite.systemize).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from .checks import blame as blame_check
from .checks import leak
from .checks.base import Analysis
from .checks.jargon import glossary
from .config import CompanyConfig
from .context import Context
from .nlp import parse
from .reading.document import Span
from .reading.rules import product_noun_pattern
from .resources import data_dir
from .textprep import mask_markup


@lru_cache(maxsize=1)
def templates() -> dict[str, Any]:
    with open(data_dir() / "drafting" / "templates.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_HANDLE_LINE = re.compile(r"^\s*(?:[-*]\s+)?(?:\[[^\]\n]*\]\s*|\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?\s*(?:[A-Z]{2,4}\s+)?)?(?P<h>[a-z][\w.-]{1,30}):\s", re.M)
_AT_HANDLE = re.compile(r"(?<![\w.])@[a-z][\w.-]+", re.I)
_PEOPLE_LABELS = r"people|participants|attendees|responders|present|on the call|on the bridge|roles"  # a list of who took part
_FIELD_NAMES = re.compile(r"^\s*(?:\*\*)?(?:authors?|on[- ]call|ic|incident commander|reported by|owner|escalated to|written by|by|contributors|review owner|"
                          + _PEOPLE_LABELS + r")\s*(?:\*\*)?\s*:?\s*(?:\*\*)?\s*(?P<v>[^\n]+)$", re.I | re.M)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
# a roster: a label line, then one person per line, the name first and their role after a wide gap or a bracket
_ROSTER = re.compile(r"(?im)^\s*(?:\*\*)?(?:" + _PEOPLE_LABELS + r")(?:\*\*)?\s*:?\s*\n(?P<rows>(?:[ \t]*\S[^\n]*\n?){1,30})")
_ROSTER_NAME = re.compile(r"^\s*(?:[-*•]\s+)?(?P<n>[A-Z][a-z]+(?:[ '-][A-Z][a-z]+){1,2})(?=\s{2,}|\s*[(,–—]|\s+-\s|\s*$)")
# a message's header that names its writer: "── Private note · Jomar Dizon · 4:22 PM ──", "Meg Castillo - 12:31 AM PDT ...",
# "**Lee Seo-yeon** · 11:24 PM"
_HEADER_NAME = re.compile(r"(?m)(?:[·•|]\s*|^\s*(?:\*\*)?)(?P<n>[A-Z][a-z]+(?:[ -][A-Z][a-z'-]+){1,2})(?:\*\*)?\s*(?:\([^)\n]{0,40}\)\s*)?(?:[·•|—–-]\s*|\s{2,}(?=[A-Z][a-z]{2}\s+\d)|\s+(?=\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}))(?:\w{3},?\s+)?(?:\d{1,2},?\s+)?(?:\d{1,2}\s+\w{3}\s+\d{4}\s+)?\d{1,2}:\d{2}")
_DOTTED_HANDLE = re.compile(r"(?<![\w.@/])[a-z]\.[a-z]{3,}(?![\w@/]|\.[a-z])")
_BY_NAME = re.compile(r"\b(?:by|with|cc|ping|paged)\s+(?P<n>[A-Z][a-z]+\s+[A-Z][a-z]+)\b")
_NOT_NAMES = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b")
_NOUN_ENDING = re.compile(r"(?:ies|ments?|tions?|ness|ances?|ences?|ity|ships?|ings)$")


@lru_cache(maxsize=1)
def _name_words() -> dict[str, frozenset[str]]:
    """Words that look like a person's name or handle in a write-up and are not (data/glossary.yaml, ``not_people``):
    a bot's or tool's name ("alertmanager"), a header word ("Timeline"), a capitalised plain word ("Severity")."""
    lists = glossary().get("not_people", {}) or {}
    return {k: frozenset(str(w) for w in lists.get(k, [])) for k in ("bot_words", "header_words", "plain_capitalised")}


@dataclass
class Removal:
    kind: str
    value: str


@dataclass
class Redactor:
    """Built once per write-up; hands out public (customer) and blameless (internal) text for any span."""

    writeup: str
    config: CompanyConfig = field(default_factory=CompanyConfig)
    staff: list[str] = field(default_factory=list)
    blame_edits: list[tuple[int, int, str]] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    doc: Any = None  # the write-up's one spaCy parse
    code_names: list[str] = field(default_factory=list)  # "Project Tern" and "Tern"

    @classmethod
    def build(cls, writeup: str, config: CompanyConfig | None = None) -> "Redactor":
        config = config or CompanyConfig()
        doc = parse(mask_markup(writeup))
        a = Analysis(text=writeup, doc=doc, ctx=Context.of("sev2", "technical", "internal"), config=config)
        r = cls(writeup=writeup, config=config)
        r.doc = doc
        r.code_names = code_names(writeup)
        r.staff = _staff(a, writeup, config)
        for h in _owner_handles(writeup):  # "- INK-3302 (bianca): alert ..." -> "bianca" and "Bianca" are staff
            for n in (h, h.split(".")[0].capitalize()):
                if n not in r.staff and n.lower() not in {p.lower() for p in config.public_names}:
                    r.staff.append(n)
        r.blame_edits = _blame_edits(a)
        return r

    # -- text for a span of the write-up

    def blameless(self, span: Span) -> str:
        """The span with any blaming sentence replaced by system language (for the internal review)."""
        text = self.writeup
        out, pos = [], span.start
        for s, e, new in self.blame_edits:
            if e <= span.start or s >= span.end:
                continue
            out.append(text[pos:max(pos, s)])
            out.append(new + (" " if e < span.end and not new.endswith(" ") else ""))
            pos = max(pos, e)
        out.append(text[pos:span.end])
        return _tidy("".join(out))

    def internal(self, span: Span) -> str:
        """For the internal review: blameless, internal service shorthand in plain words, everything else kept."""
        text = self.blameless(span)
        out, pos = [], 0
        for pat in _service_patterns():
            for m in sorted(re.finditer(pat, text, re.I), key=lambda m: m.start()):
                if m.start() < pos:
                    continue
                out.append(text[pos:m.start()])
                out.append(service_words(m.group(0), text[:m.start()]))
                pos = m.end()
            text, out, pos = "".join(out) + text[pos:], [], 0
        return text

    def public(self, span: Span) -> str:
        """The span as a customer may read it: blameless, with every internal detail removed."""
        return self.public_text(self.blameless(span))

    def internal_details(self, text: str) -> list[str]:
        """Every internal detail in a text (the leak check's patterns, staff names and handles, internal
        service names); empty when the text may reach a customer as it is."""
        found = [text[s:e] for _, s, e in leak.detect(text, self.config)]
        for name in self.staff:
            if re.search(r"(?<![\w@.-])" + re.escape(name) + r"(?:'s)?(?![\w-])", text):
                found.append(name)
        found += [m.group(0) for m in _AT_HANDLE.finditer(text)]
        found += [m.group(0) for m in _MACHINE_NAME.finditer(text)]
        for name in self.code_names:
            if re.search(r"\b" + re.escape(name) + r"\b", text):
                found.append(name)
        return found

    def blames(self, start: int, end: int) -> bool:
        """Whether the write-up's parse found blame in this span of the write-up."""
        return any(s < end and start < e for s, e, _ in self.blame_edits)

    def public_text(self, text: str) -> str:
        """Remove internal details from any text (names, hosts, IPs, URLs, tickets, channels, secrets, other customers)."""
        edits: list[tuple[int, int, str, str]] = []
        repl = templates()["redaction"]
        for kind, s, e in leak.detect(text, self.config):
            value = text[s:e]
            new = repl.get(kind, "")
            if kind == "ticket id":
                new = "" if re.search(r"\b(change|ticket|incident|issue|case|job|bug|under|in|see|ref)\s*:?\s*$", text[max(0, s - 12):s], re.I) else "the change"
            edits.append((s, e, new, kind))
            self.removed.append(Removal(kind, value))
        for name in self.staff:
            for m in re.finditer(r"(?<![\w@.-])" + re.escape(name) + r"(?:'s)?(?![\w-])", text):
                if any(s <= m.start() < e for s, e, _, _ in edits):
                    continue
                poss = m.group(0).endswith("'s")
                edits.append((m.start(), m.end(), repl["person"] + ("'s" if poss else ""), "person"))
                self.removed.append(Removal("employee name", name))
        for m in _AT_HANDLE.finditer(text):
            if not any(s <= m.start() < e for s, e, _, _ in edits):
                edits.append((m.start(), m.end(), "", "person"))
        for pat in _service_patterns():
            for m in re.finditer(pat, text, re.I):
                if any(s < m.end() and m.start() < e for s, e, _, _ in edits):
                    continue
                edits.append((m.start(), m.end(), service_words(m.group(0), text[:m.start()]), "internal name"))
                self.removed.append(Removal("internal service name", m.group(0)))
        edits = _widen_to_parentheses(text, edits)
        out, pos = [], 0
        for s, e, new, _ in sorted(edits):
            if s < pos:
                continue
            out.append(text[pos:s])
            out.append(new)
            pos = e
        out.append(text[pos:])
        return _tidy("".join(out))


def _service_patterns() -> list[str]:
    """Internal shorthand: the jargon check's patterns plus the drafting list (data/drafting/templates.yaml)."""
    return list(templates().get("service_name_patterns", [])) + list(glossary().get("internal_patterns", []))


# Machine and host names ("docs-static-2", "pg-ledger-eu-1", "lb-prod-euw1"), snake_case flags, "repo#123".
_MACHINE_NAME = re.compile(r"(?<![\w.@/-])(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*-(?:[a-z]*\d+[a-z0-9]*)|[a-z][a-z0-9]*(?:_[a-z0-9]+){2,}|[a-z][\w-]*#\d+)(?![\w-])")
_CODE_NAME = re.compile(r"\b(?:[Pp]roject|[Oo]peration|[Cc]odename|code name)\s+(?P<n>[A-Z][^\W\d_]+)\b")
# "the Kererū project", the "Ganga" ledger migration: a name before a project word, or a quoted name before one
_CODE_NAME_BEFORE = re.compile(r"[\"“'‘](?P<q>[A-Z][^\W\d_]+)[\"”'’](?:\s+[a-z]+){0,2}\s+(?:project|programme|program|migration|initiative|workstream|cutover|rollout)\b"
                               r"|\b(?P<n>[A-Z][^\W\d_]+)\s+(?:project|programme|initiative|workstream)\b")


def code_names(text: str) -> list[str]:
    """Internal code names: "Project Tern" and, once introduced, "Tern" alone."""
    out: list[str] = []
    for m in _CODE_NAME.finditer(text):
        out += [m.group(0), m.group("n")]
    for m in _CODE_NAME_BEFORE.finditer(text):
        name = m.group("q") or m.group("n")
        if name and (m.group("q") or not _starts_sentence(text, m.start("n"))):
            out.append(name)
    return sorted(set(out), key=len, reverse=True)


def _starts_sentence(text: str, at: int) -> bool:
    """Whether a word opens a sentence, a paragraph or a list item (a wrapped line's first word does not)."""
    return re.search(r"(?:^|[.!?:]\s+|\n\s*\n\s*|\n\s*(?:[-*+]|\d+[.)])\s+)$", text[:at]) is not None


def service_names(text: str) -> list[re.Match]:
    """Internal service shorthand in a text ("pay-gw", "payment-auth-svc"), as matches."""
    out: list[re.Match] = []
    for pat in _service_patterns():
        out += [m for m in re.finditer(pat, text, re.I) if not any(o.start() < m.end() and m.start() < o.end() for o in out)]
    return sorted(out, key=lambda m: m.start())


def service_words(name: str, before: str) -> str:
    """'payment-auth-svc' -> 'the payment auth service' (plain words, no internal shorthand)."""
    suffixes = templates()["service_suffixes"]
    core = re.sub(r"^the\s+", "", name, flags=re.I)
    parts = [p for p in re.split(r"[-_]", core) if p and (p.lower() in suffixes or not re.fullmatch(r"\d+|v\d+|prod|stg|eu|us|[a-z]{1,2}\d*", p))]
    if not parts:
        return "one of our services"
    last = parts[-1].lower()
    if last in suffixes:
        parts[-1] = suffixes[last]
    words = " ".join(parts)
    article = "" if re.search(r"\b(the|a|an|our|its|their)\s*$", before, re.I) else "the "
    return article + words


def _widen_to_parentheses(text: str, edits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A redaction inside "( ... )" removes the whole bracket: "(OPS-4415, owner: Priya)" says nothing to customers."""
    out = []
    for s, e, new, kind in edits:
        open_ = text.rfind("(", 0, s)
        close = text.find(")", e)
        if open_ >= 0 and close >= 0 and ")" not in text[open_:s] and "(" not in text[e:close] and "\n" not in text[open_:close] and close - open_ < 160:
            start = open_
            while start > 0 and text[start - 1] == " ":
                start -= 1
            out.append((start, close + 1, "", kind))
        else:
            out.append((s, e, new, kind))
    return out


def _tidy(text: str) -> str:
    """Clean up after removals: empty brackets, doubled spaces, dangling words before punctuation."""
    t = re.sub(r"\(\s*[,;:]*\s*\)", "", text)
    t = re.sub(r"\b(our team)(?:,? and our team)+", r"\1", t)
    t = re.sub(r"\banother customer(?:(?:,| and|, and) another customer)+", "other customers", t)
    t = re.sub(r"\b(?:at|on|in|via|see|to|from|under|for|through|logs at|grafana|kibana|dashboard)\s*(?=[.;,:)]|$)", "", t, flags=re.I)
    t = re.sub(r"[ \t]{2,}", " ", t)
    t = re.sub(r"\s+([.,;:!?)])", r"\1", t)
    t = re.sub(r"([,;:])\s*(?=[,;:.])", "", t)
    t = re.sub(r"\(\s+", "(", t)
    t = re.sub(r"^[\s,;:—–-]+", "", t)
    t = re.sub(r"[\s,;:—–-]+$", "", t) if not t.rstrip().endswith((".", "!", "?", '"', ")")) else t.rstrip()
    return t.strip()


_OWNER_IN_ITEM = re.compile(r"(?m)^\s*(?:[-*•]|\d+[.)])\s[^\n]*?\((?:owner:?\s*)?@?(?P<h>[a-z]{3,15}(?:\.[a-z]{1,15})?)\)(?=[ \t]*(?:[:,;.—–-]|$))")  # never "186 fartøy (vessels) sent ..."


def _owner_handles(text: str) -> list[str]:
    """Lower-case handles that own a list item ("- INK-3302 (bianca): ..."); a handle is a person."""
    return list(dict.fromkeys(m.group("h") for m in _OWNER_IN_ITEM.finditer(text) if m.group("h") not in _NOT_HANDLES))


_NOT_HANDLES = {"done", "planned", "optional", "owner", "wip", "todo", "tbd", "blocked", "critical", "high", "low", "medium", "draft", "internal", "external"}


_OWN_DOMAIN = re.compile(r"@([a-z][a-z0-9-]{2,})\.(?:com|io|dev|app|net|org|co|ai|cloud|health|co\.uk)\b")


def brand_words(text: str) -> set[str]:
    """Names the write-up uses as the company's or a product's ("Candora ATS", "Kelvo app", "@stubline.com"):
    never a person, whatever the parse says."""
    before = re.compile(r"\b([A-Z][a-z]{2,}[A-Za-z]*) (?:[A-Z][A-Za-z]+ )?" + product_noun_pattern() + r"\b")  # one space: a roster's gap is not a name
    out = {m.group(1).lower() for m in before.finditer(text)}
    domains = [m.group(1).lower() for m in _OWN_DOMAIN.finditer(text)]
    out |= {d for d in domains if domains.count(d) >= 2 and d not in ("example", "gmail", "outlook", "yahoo", "hotmail")}
    return out


def _staff(a: Analysis, text: str, config: CompanyConfig) -> list[str]:
    """Employee names and handles in the write-up: from the parse, chat speakers and "On call:" style fields."""
    public = {n.lower() for n in config.public_names} | {config.company.lower()} | {p.lower() for p in config.product_names}
    names: set[str] = set()
    for s, e in leak.staff_names(a):
        names.add(text[s:e])
    for ent in a.doc.ents:
        if ent.label_ == "PERSON" and _acts_as_person(ent, text):
            names.add(ent.text.strip())
    for tok in a.doc:  # a name the parse does not know as a person, doing what people do: "when Sione restarted the servers"
        if tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _HUMAN_VERBS and re.fullmatch(r"[A-Z][^\W\d_]{2,}", tok.text) \
                and tok.ent_type_ not in ("ORG", "PRODUCT", "GPE", "LOC", "FAC") and not _common_word(tok.text, text):
            names.add(tok.text)
    for m in _HANDLE_LINE.finditer(text):
        names.add(m.group("h"))
    for m in _HEADER_NAME.finditer(text):
        if not _NOT_NAMES.match(m.group("n")) and not {w.lower() for w in m.group("n").split()} & (_name_words()["header_words"] | _name_words()["bot_words"]):
            names.add(m.group("n"))
    for m in _DOTTED_HANDLE.finditer(text):
        names.add(m.group(0))
    for m in _BY_NAME.finditer(text):
        if not _NOT_NAMES.match(m.group("n")):
            names.add(m.group("n"))
    for m in _FIELD_NAMES.finditer(text):
        for part in re.split(r",|;|\band\b", re.sub(r"\([^)]*\)", "", m.group("v"))):
            if re.search(r"(?i)\b(?:manager|engineer(?:ing)?|lead|team|director|head|sre|ops|support|finance|eng|department)\b", part):
                continue  # "Checkout Engineering Manager" is a role, not a name
            nm = _NAME.match(part.strip())
            if nm:
                names.add(nm.group(0))
    for m in _ROSTER.finditer(text):  # "Attendees" over "  Kwame Asante     Platform Engineering, on-call"
        for line in m.group("rows").split("\n"):
            nm = _ROSTER_NAME.match(line)
            if nm:
                names.add(nm.group("n"))
    brands = brand_words(text)
    names = {n for n in names if not any(w.lower() in brands for w in re.findall(r"[A-Za-z]+", n))}  # "Candora ATS", "Hollin Connect"
    cleaned: set[str] = set()
    for n in list(names):  # "Dashboard" from "Merchant Dashboard", "people"/"browser" from chat-like lines are not people
        if " " not in n and (len(re.findall(r"\b[A-Z][a-z]+\s+" + re.escape(n) + r"\b", text)) >= 2 or n.islower() and n in _name_words()["header_words"]):
            names.discard(n)
    for n in names:
        n = re.sub(r"'s$", "", n.strip(" .,:;()"))
        if not n or n.lower() in public or n in _name_words()["plain_capitalised"] or len(n) < 3 or _NOUN_ENDING.search(n) and " " not in n:
            continue  # "Remedies agreed", "Payments stalled": a plural or abstract noun the parse took for a person
        if any(n.lower() in p or p in n.lower() for p in public if p):
            continue
        cleaned.add(n)
        for part in n.split():  # "Priya Natarajan" is also "Priya" later on
            if len(part) > 2 and part[0].isupper() and part not in _name_words()["plain_capitalised"]:
                cleaned.add(part)
        if "." in n:  # chat handle "ana.r" is also "ana"
            cleaned.add(n.split(".")[0])
    return sorted(cleaned, key=len, reverse=True)


_HUMAN_VERBS = {
    "say", "tell", "think", "flip", "run", "page", "notice", "declare", "put", "find", "relay", "roll", "spot", "raise",
    "advance", "look", "ask", "write", "merge", "approve", "revert", "call", "decide", "forget", "skip", "miss", "push",
    "deploy", "ship", "fix", "restart", "post", "see", "check", "join", "acknowledge", "escalate", "handle", "sign", "test",
    "ignore", "click", "apply", "submit", "mention", "report", "suggest", "believe", "reply", "agree", "own", "lead", "ping",
}
_ROLE_AFTER = re.compile(r"\s*\((?:[^)]*\b(?:eng(?:ineer(?:ing)?)?|commander|ic|manager|lead|support|sre|on-?call|ops|finance|approver|reliability|team|api|dev|pm)\b)[^)]*\)", re.I)


def _acts_as_person(ent, text: str) -> bool:
    """A PERSON the small model found is a person only with some evidence: it acts like one ("Mateo told us",
    "Kevin flipped"), carries a role ("Dana Okonkwo (incident commander)"), owns something ("Kevin's"), or is
    addressed ("pinging Oskar"). Product names the model mistakes for people ("Parcelo Checkout") have none."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _HUMAN_VERBS:
        return True
    if _ROLE_AFTER.match(text, ent.end_char):
        return True
    if text[ent.end_char: ent.end_char + 2] in ("'s", "’s") and root.head.pos_ in ("NOUN",) and root.head.lemma_.lower() in {"team", "message", "call", "shift", "change", "laptop", "fault", "mistake", "pr", "review", "msg", "msgs"}:
        return True
    before = text[max(0, ent.start_char - 12): ent.start_char].lower()
    if re.search(r"\b(?:ping(?:ing|ed)?|paged?|cc|thanks|thank you|hi|hey|asked|told|with)\s*$", before):
        return True
    if re.fullmatch(r"[A-Z][a-z]+", ent.text) and root.dep_ in ("nsubj",) and root.head.pos_ == "VERB" and not _common_word(ent.text, text):
        return True  # a lone first name as the subject of a verb
    return False


def _common_word(word: str, text: str) -> bool:
    """ "Config changes ... go to 5% first" beside "the new config format": a word the write-up also uses in lower
    case inside a sentence is an everyday word at the start of a line, not someone's name."""
    return re.search(r"\b[a-z]{2,} " + re.escape(word.lower()) + r"\b", text) is not None


def _blame_edits(a: Analysis) -> list[tuple[int, int, str]]:
    """Sentences of the write-up that blame someone, each with its system-language rewrite."""
    from .checks.blame import systemize

    edits: dict[tuple[int, int], str] = {}
    for f in blame_check.run(a):
        span = a.doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        key = (sent.start_char, sent.end_char)
        if key in edits:
            continue
        edits[key] = systemize(sent, f)
    return sorted((s, e, new) for (s, e), new in edits.items())
