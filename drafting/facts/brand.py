"""The company's own name, for write-ups that name no product in the usual places.

Evidence that a name is ours, strongest first: our public web addresses and team mailboxes ("support@", "ops-alerts@",
"https://status.kelvo.io"), our internal hosts ("db-2.graindesk.local"), the tool banner on the write-up's first line
("Kiralens > Helpdesk > Payments") and the name written before what customers use ("the Kelvo app"). An address on a
line about the customer ("Requestors: accounts@kowalczyk-bookkeeping.com.au", "Customer .... Deniz <deniz@posta.com.tr>")
is the customer's, never ours. The role words, customer labels and address suffixes are in data/drafting/extract.yaml
(``brand_evidence``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..checks.jargon import glossary
from ..reading.declared import city_zone
from ..reading.document import Document, Span
from ..reading.rules import product_noun_pattern, rules
from ..redact import Redactor
from .name_words import generic_names, jargon_terms, not_names, not_product_words, vendor_names

BRAND_NOTE = "the company's own name in the write-up: check the product"


def brand_only(products: list) -> bool:
    """No product named, or only the company's own name ("Tagwell", "Loop"): who we are, not what went wrong, so a
    draft names what failed instead."""
    return all(p.note == BRAND_NOTE for p in products)

_ADDRESS = re.compile(r"(?P<local>[\w.+-]+)@(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
_URL = re.compile(r"(?:https?://|(?<![\w.@/-])www\.)(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
_HOST = re.compile(r"(?<![\w.@/:-])(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,8})(?![\w-])(?P<path>/)?", re.I)
_CAP = re.compile(r"(?<![\w@./#-])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?![\w@.-]*\.(?:com|io|net|org)\b)(?![\w-])")
_NAME_RUN = re.compile(r"\b[A-Z][\w']*(?:\s*(?:&|\+|\band\b|-)\s*[A-Z][\w']*){0,2}")


@lru_cache(maxsize=1)
def _evidence() -> dict:
    return rules().get("brand_evidence", {})


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _evidence().get("address_suffixes", []))


def host_brand(host: str) -> str | None:
    """The name a host is registered under: "mail.kelvo.io" -> "kelvo", "tallyroo.com.au" -> "tallyroo"."""
    labels = host.lower().split(".")
    suffixes = _suffixes()
    while len(labels) > 1 and (labels[-1] in suffixes or len(labels[-1]) == 2):
        labels.pop()
    if len(labels) < 2 and host.count(".") == 0:
        return None
    name = labels[-1]
    return name if re.fullmatch(r"[a-z][a-z0-9-]{2,}", name) else None


@lru_cache(maxsize=1)
def _internal_suffixes() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _evidence().get("internal_suffixes", []))


@lru_cache(maxsize=1)
def _customer_label() -> re.Pattern:
    labels = [re.escape(str(w)) for w in _evidence().get("customer_labels", [])]
    return re.compile(r"(?i)\W*(?:" + ("|".join(labels) or "(?!)") + r")\b")


def tool_names(text: str) -> set[str]:
    """Names of the tools the notes were copied out of ("Slido — Q&A export", "copied from Webex desktop"): never ours."""
    cues = [re.compile(str(p)) for p in _evidence().get("tool_cues", [])]
    return {m.group("name").lower().rstrip(".") for c in cues for m in c.finditer(text) if len(m.group("name").rstrip(".")) >= 4}


def _written_outside_hosts(name: str, text: str) -> bool:
    """The host's name is also written as a word ("GrainDesk" beside "db-2.graindesk.local"), not only inside hosts
    ("acs-gw-02.sokol.local" alone names a site or a rack, not the company)."""
    return re.search(r"(?<![\w.@/-])" + re.escape(name) + r"(?![\w-]|\.[a-z0-9])", text, re.I) is not None


def _internal(host: str) -> bool:
    return host.lower().rsplit(".", 1)[-1] in _internal_suffixes()


def _public(host: str) -> bool:
    return host.lower().rsplit(".", 1)[-1] in _suffixes() or len(host.rsplit(".", 1)[-1]) == 2


def _customer_line(text: str, at: int) -> bool:
    """The line holding an address is about the customer: "Requestors:", "Customer ....", "Reported by"."""
    start = text.rfind("\n", 0, at) + 1
    return _customer_label().match(text[start: at]) is not None


def address_scores(text: str) -> dict[str, float]:
    """How strongly each address name says "this is us": a team mailbox or a public web address 3, an internal host 2,
    a person's mailbox 2, an address on the customer's line nothing."""
    roles = {str(w).lower() for w in _evidence().get("team_mailboxes", [])}
    score: dict[str, float] = {}

    def add(host: str, weight: float) -> None:
        b = host_brand(host)
        if b:
            score[b] = score.get(b, 0) + weight

    taken: list[tuple[int, int]] = []
    for m in _ADDRESS.finditer(text):
        taken.append(m.span())
        if _customer_line(text, m.start()):
            continue
        parts = set(re.split(r"[-._+]", m.group("local").lower()))
        add(m.group("host"), 3 if parts & roles else 2)
    for m in _URL.finditer(text):
        taken.append(m.span())
        if not _customer_line(text, m.start()):
            add(m.group("host"), 3)
    for m in _HOST.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or _customer_line(text, m.start()):
            continue
        host = m.group("host")
        if _internal(host):
            if (b := host_brand(host)) and _written_outside_hosts(b, text):
                add(host, 2)
        elif _public(host) and (m.group("path") or re.match(r"(?i)(?:app|status|api|my|help|support|portal|docs|shop|store)\.", host)):
            add(host, 3)  # "graindesk.ca/slots", "status.kelvo.io": a public address of ours
    return score


def _first_line(text: str) -> str:
    return next((ln for ln in text.split("\n") if ln.strip()), "")


def _banner_names(text: str, outside: set[str]) -> set[str]:
    """The first name on the write-up's first line: the root of a ticket tool's breadcrumb ("Kiralens > Helpdesk >
    Payments", "Alvor Connect > Digital & Lojas": not the department after it) or a form's title ("Brightquill Support
    Ops - Incident Intake")."""
    first = _first_line(text)
    names = [m for m in _CAP.finditer(first) if len(m.group(0)) >= 4 and m.group(0).lower() not in outside and not not_names().match(m.group(0))]
    return {names[0].group(0).lower()} if names else set()


def _opens_banner(name: str, text: str) -> bool:
    """The name opens the first line ("Kiralens  >  Helpdesk"): a breadcrumb's root, even if the parse took it for a
    person; a name later on that line ("SD-40921 - internal note - Mireille LeBlanc") is its author."""
    return re.match(r"\W*" + re.escape(name) + r"\b", _first_line(text), re.I) is not None


def written_form(low: str, text: str) -> str:
    """The brand as the write-up spells it: "DentaDiary" not "Dentadiary", "Tread & Go" for "treadandgo"."""
    said = [m for m in re.finditer(r"\b(" + re.escape(low) + r")\b", text, re.I) if m.group(1)[0].isupper()]
    m = next((m for m in said if not m.group(1).isupper()), said[0] if said else None)  # "Harbourline" over a banner's "HARBOURLINE"
    if m:
        return m.group(1)
    flat = low.replace("-", "")
    for r in _NAME_RUN.finditer(text):
        if re.sub(r"[^a-z0-9]", "", r.group(0).lower().replace("&", "and").replace("+", "and")) == flat:
            return r.group(0)
    return low.capitalize()


def persons_name(name: str, text: str) -> bool:
    """Whether the write-up uses the name as a person's: with a person's verbs ("escalated to Stavros", "Ngaio said";
    extract.yaml ``person_cues``), or mostly after a first name ("Rohit Nair") or alone as a chat message's author line
    ("[11:24 PM] Rohit Nair", "Ngaio:"). Never the company, never the product."""
    if re.search(rules()["person_cues"].replace("{NAME}", re.escape(name)), text, re.I):
        return True
    said = list(re.finditer(r"(?<![\w@./-])" + re.escape(name) + r"(?![\w@-])", text))
    person = [m for m in said if re.search(r"\b[A-Z][a-z]+[ \t]$", text[max(0, m.start() - 20): m.start()])
              or re.fullmatch(r"[^\S\n]*(?:\[[^\]\n]{1,20}\][^\S\n]*)?(?:[A-Z][a-z]+[^\S\n]+)?", text[text.rfind("\n", 0, m.start()) + 1: m.start()])
              and re.match(r"[^\S\n]*(?::|\s*$|[^\S\n]+\d{1,2}:\d{2})", text[m.end():])]
    return bool(said) and len(person) * 2 >= len(said)


def company_brand(doc: Document, red: Redactor, title: str) -> tuple[str, Span | None] | None:
    """The company's own name, which write-ups use again and again in their addresses, banners and before what
    customers use ("Tallyfield Payroll", "Kelvo app"), with the product word that most often follows it. Never a person,
    a vendor, a customer, a place or a code name."""
    text = doc.text
    g = glossary()
    outside = {str(w).lower() for w in list(g.get("public_software", [])) + list(g.get("public_platforms", []))}
    outside |= not_product_words() | {c.lower() for c in red.code_names} | {c.lower().split()[0] for c in red.code_names if c.strip()}
    staff = {s.lower() for s in red.staff}  # a name the parse took for a person is the brand only if it comes before a product word
    outside |= generic_names()
    outside |= vendor_names(text)
    people = {m.group(1).lower() for m in re.finditer(r"(?m)(?:^|[\]\-–]\s)\s*([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s*:", text)}  # chat speakers ("Arjun:")
    outside |= {str(w).lower() for w in _evidence().get("not_ours", [])} | tool_names(text)
    score = {b: s for b, s in address_scores(text).items() if b not in outside and b not in people and b not in staff}
    banner = _banner_names(text, outside)
    addressed = set(score)
    for b in banner & addressed:
        score[b] += 2  # on the first line and in our addresses: the company's own name
    counts: dict[str, int] = {}
    for m in _CAP.finditer(text):
        w = m.group(0)
        before = text[max(0, m.start() - 2): m.start()]
        if re.search(r"[.!?\n]\s*$|^\s*$", before) and not re.search(r"\b" + re.escape(w) + r"\b", text[m.end():]):
            continue
        counts[w] = counts.get(w, 0) + 1
    if red.doc is not None:  # people and places the parse recognises, unless they are in our own addresses
        people |= {w.lower() for e in red.doc.ents if e.label_ in ("PERSON", "GPE", "LOC", "NORP") for w in e.text.split()} - set(score)
    for w, n in counts.items():
        low = w.lower()
        if low in outside or not_names().match(w) or len(w) < 4 or low in jargon_terms():
            continue
        followed = len(re.findall(r"(?<=[\w,;)] )(?-i:" + re.escape(w) + r")\s+(?:(?-i:[A-Z][A-Za-z]+)\s+)?" + product_noun_pattern() + r"\b", text, re.I))
        # mid-sentence and capitalised: "the Kelvo app"; "Duplicate card charges" opening a title is not a name
        if (low in people and not (low in banner and _opens_banner(low, text)) or low in staff) and not followed:
            continue
        s = n + 2 * min(followed, 3) + (1 if re.search(r"\b" + re.escape(w) + r"\b", title or "") else 0) + (2 if low in banner - addressed else 0)
        if followed or low in score or low in banner and n >= 2:  # before what customers use, in our addresses, or a banner's name used again
            score[low] = score.get(low, 0) + s
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3:
        return None
    brand = written_form(ranked[0][0], text)
    if red.internal_details(brand) or city_zone(brand) or persons_name(brand, text):
        return None  # "Christchurch", the depot's city: a place; "Nair" of a chat's "[11:24 PM] Rohit Nair": a person
    if red.doc is not None and any(t.text == brand and t.pos_ in ("VERB", "ADJ", "ADV", "ADP", "PRON", "DET") for t in red.doc):
        return None  # "Manage" in "Manage Booking page": an everyday word, not the company's name
    phrases: dict[str, int] = {}
    for pm in re.finditer(r"\b" + re.escape(brand) + r"\s+((?:(?-i:[A-Z][A-Za-z]+)\s+)?" + product_noun_pattern() + r")\b", text, re.I):
        p = f"{brand} {pm.group(1)}"
        if not red.internal_details(p) and not any(w.lower() in outside for w in pm.group(1).split()):
            phrases[p] = phrases.get(p, 0) + 1
    name = max(phrases, key=phrases.get) if phrases else brand
    at = text.find(name)
    return name, (Span(at, at + len(name), name) if at >= 0 else None)
