"""Which products and features were affected, in the names a customer knows.

In order: the company config's product names found in the write-up, an "Affected:"/"Product:"
field, names the write-up uses for what customers used (a capitalised name after "on", "in",
"through"... in a sentence about customers, used at least twice, not a person, a vendor or an
internal tool), the brand of a public address ("app.kitewire.io" -> Kitewire) with the features
listed as affected, and the thing the title says broke ("Checkout address form broken on web").
"""
from __future__ import annotations

import re

from ..checks.jargon import glossary
from ..config import CompanyConfig
from ..reading.dates import MONTHS, WEEKDAY
from ..reading.declared import city_zone
from ..reading.document import Document, Span
from ..reading.roles import roles_of
from ..reading.rules import has_cue, product_noun_pattern, rules
from ..redact import Redactor
from .brand import BRAND_NOTE, company_brand, persons_name, tool_names
from .name_words import generic_names, jargon_terms, not_names, not_product_words, platforms, vendor_names
from .sheet import Fact

_NAME_AFTER = re.compile(r"\b(?:in|on|from|through|into|of|using|to|with|for|at|via|join|joining|use|open|opening|access)\s+(?:the\s+|our\s+)?(?P<n>[A-Z][A-Za-z0-9]+(?:\s+(?:[A-Z][A-Za-z0-9]+|EU|US|UK))?(?:\s+[A-Z][a-z]+)?)(?P<kind>(?:\s+[a-z]+)?\s+(?:app|apps|portal|website|site|dashboard|api|checkout|platform|store|service)\b)?")
_VENDOR = re.compile(r"(?i)\b(?:processor|provider|vendor|partner|supplier|third[- ]party|their|they|account manager|carrier|upstream)\b")
_PUBLIC_HOST = re.compile(r"(?<![\w.@-])(?:(?:app|api|www|docs|status|dashboard|portal|console|my|developer|developers|shop|store|admin)\.)?(?P<b>[a-z][a-z0-9-]{2,})\.(?:com|io|dev|app|net|org|co|ai|cloud|co\.uk)\b")
_BROKE = re.compile(r"(?i)^(?P<np>[\w\s'&/-]{3,60}?)\s+(?:failing|failed|broken|broke|down|unavailable|outage|not loading|not delivered|not sent|not working|showing|shown|returning|missing|wrong|stuck|slow|errors?|delayed|delays|degraded|disrupted|unreachable|could not|backlog)\b")
_AFFECTED_LIST = re.compile(r"(?i)^(?P<list>[^.;:]{3,120}?)\s+(?:were\s+|was\s+)?(?:all\s+)?affected\b")


_NAMED_KIND = re.compile(r"\b(?:[A-Z][A-Za-z0-9]+\s+){1,3}(?i:(?:mobile|web|customer|online|patient|member|partner|admin)\s+)?(?i:app|apps|portal|website|dashboards?|platform|api)\b")
_TITLE_BRAND = re.compile(r"^(?P<b>[A-Z][A-Za-z0-9]+(?:\s+[A-Z][A-Za-z0-9]+){0,3})\s*(?:[–—:,]|\s-\s)\s*\S")
_CUSTOMERS = re.compile(r"(?i)\b(?:customers?|users?|clients?|shoppers?|merchants?|players?|patients?|passengers?|policyholders?|members?|crew|students?|subscribers?|recipients?|buyers?|employers?|employees?|homeowners?|households?|accounts?)\b")



def find_products(doc: Document, red: Redactor, cfg: CompanyConfig, title: str) -> list[Fact]:
    out: list[Fact] = []

    def add(name: str, span: Span | None, conf: float) -> None:
        name = re.sub(r"\s+", " ", name).strip(" .,;:*_`")
        if (label := re.fullmatch(r"([A-Z][a-z]+s)\s+[–—-]\s+([A-Z0-9][\w-]*(?: [A-Z0-9][\w-]*)?)", name)):
            name = f"{label.group(2)} {label.group(1).lower()}"  # a component label "Withdrawals – ETH": "ETH withdrawals"
        if not name or len(name) > 60 or len(name) < 3 or red.internal_details(name) or re.match(r"[A-Z]{1,2}\d{1,3}\b", name) \
                or any(name.lower() == c.lower().split()[0] for c in red.code_names if c.strip()):  # "Coraline" of a withheld "Coraline Cloud"
            return  # "D3 App": a decision or item number before a word, not a product
        if re.fullmatch(r"(?i:the\s+)?[a-z0-9]+(?:[-_][a-z0-9]+)+", name) or re.search(r"(?i)\bstatus\s?page\b", name):
            return  # "epro-mobile" is an internal service's name; the status page tells about the product, it is not it
        words = name.lower().split()
        if words[0] in not_product_words() or words[-1] in not_product_words() or len(words) == 1 and (_place(name, red) or city_zone(name)):
            return  # "From" (an e-mail header), "Incident service" (a bot), "Support Ops" (a team), "Singapore", "Christchurch" (a place)
        low = name.lower()
        for f in out:
            if low in f.value.lower():
                return
        out[:] = [f for f in out if f.value.lower() not in low]
        out.append(Fact(name, span, conf))

    text = doc.text
    for p in cfg.product_names:
        m = re.search(r"\b" + re.escape(p) + r"\b", text, re.I)
        if m:
            add(p, Span(m.start(), m.end(), m.group(0)), 1.0)
    u = doc.fields().get("products")
    if u is not None:  # a tracker's "Components: Cancela (gate validation), VBS Booking": the plain words in brackets over the internal name
        for part in re.split(r",|;|\band\b|/", re.sub(r"\([^)]*\)", "", re.sub(r"\b[A-Z][\w-]*\s*\(([a-z][a-z -]{3,40})\)", r"\1", u.text) if u.key.strip().lower() == "components" else u.text)):
            if part.strip() and not re.search(r"[a-z0-9]+-[a-z0-9]+-|\.internal|\d{2,}|→|->|^\W*\d|\b[A-Z]{3}\s?\d", part) and re.search(r"[A-Za-z]{3}", part):
                add(part, u.span, 0.9)
    staff = {s.lower() for s in red.staff}
    vendors = vendor_names(doc.text)
    jargon = jargon_terms()
    counts: dict[str, list[Span]] = {}
    customer_hits: set[str] = set()
    summary_names: set[str] = set()
    for unit in doc.units:
        if unit.kind == "code":
            continue
        roles = roles_of(unit.text)
        about_customers = unit.section == "impact" or bool(roles & {"symptom", "harm"}) or (
            unit.section == "summary" and "`" not in unit.text and re.search(r"(?i)\b(?:customers?|users?|shoppers?|merchants?|players?|patients?|passengers?|policyholders?)\b", unit.text) is not None)
        for m in _NAME_AFTER.finditer(unit.text):
            n = m.group("n") + (m.group("kind") or "")
            if not_names().match(n) or n.lower() in staff or n.split()[0].lower() in staff or n.lower() in jargon or n.split()[0].lower() in generic_names() \
                    or n.split()[0].lower() in vendors:
                continue
            if " " not in n and _person_like(n, text):
                continue  # "escalating to Stavros", "Decided with Dimitra": a person, not what customers use
            if n.replace(" ", "").isupper():
                continue  # "EXPIRED", "SLA": a status value or an abbreviation, not what customers use
            before = unit.text[: m.start()]
            if before.count("(") > before.count(")"):
                continue  # "(from the Looker dashboard ...)", "(deployed via X)": where a figure came from, not what customers used
            near = unit.text[max(0, m.start() - 45): m.end() + 30]
            if _VENDOR.search(near) or re.search(r"(?i)\bnot affected\b|\bunaffected\b", unit.text):
                counts.setdefault(n, []).append(Span(0, 0, "vendor"))
                continue
            s = unit.span.start + m.start("n")
            counts.setdefault(n, []).append(Span(s, s + len(n), n))
            if about_customers:
                customer_hits.add(n)
            if unit.section == "summary" and len(n.split()) >= 2 and not re.search(r"(?i)\bnot affected\b|\bunaffected\b", unit.text) \
                    and re.search(r"(?i)\b(?:join|joining|use|using|open|opening|access|accessing)\s+(?:the\s+|our\s+)?$", unit.text[:m.start("n")]):
                summary_names.add(n)  # "attempts to join Tandem Meet meetings" in the summary: named once, but where it counts
    for n, spans in counts.items():
        real = [s for s in spans if s.text != "vendor"]
        total = len(re.findall(r"\b" + re.escape(n.split()[0]) + r"\b", text))
        tool = re.search(r"(?m)^\s*(?:[-*]\s*)?" + re.escape(n.split()[0]) + r"\s*:", text) or re.search(r"`[^`]+`\s+\w+\s+(?:in|on)\s+" + re.escape(n), text)
        if real and len(real) == len(spans) and (n in customer_hits or n in summary_names) and not tool and (total >= 2 or len(n.split()) >= 2 and n.split()[-1].islower() or n in summary_names):
            add(n, real[0], 0.75)
    if not out:  # "Crew Portal and the RosterWing mobile app kept loading", "paid on the MyWater portal"
        for unit in doc.units:
            if unit.kind in ("code", "heading") or unit.quoted:
                continue
            if not (unit.section == "impact" or roles_of(unit.text) & {"symptom", "harm", "impact"} or _CUSTOMERS.search(unit.text)
                    or has_cue(unit.text, rules()["symptom_cues"])):
                continue
            for m in _NAMED_KIND.finditer(unit.text):
                rest = re.split(r"[.;]\s", unit.text[m.end():])[0]  # "The portal dashboard and email alerts were not affected"
                if re.search(r"(?i)\b(?:not|unaffected|kept working|worked normally)\b", " ".join(rest.split()[:4])) or re.search(r"(?i)\b(?:were|was) not (?:affected|impacted)\b", rest):
                    continue  # "the iOS and Android apps were not on the new form": what was not affected
                n = re.sub(r"^(?:The|Our|A|An)\s+", "", m.group(0))
                first = n.split()[0]
                if not_names().match(n) or first.lower() in staff | vendors | platforms() or red.internal_details(n) or n.lower() in jargon or len(n.split()) > 5:
                    continue
                s0 = unit.span.start + m.start()
                add(n, Span(s0, s0 + len(m.group(0)), m.group(0)), 0.7)
    if not out and (named := title_name(text, title, red, staff | vendors)):
        add(named[0], named[1], 0.7)  # "... imported via Bank Feeds" and "Ledgerwick Bank Feeds imported ...": the name both use
    tb = _TITLE_BRAND.match(re.sub(r"^\[[^\]]*\]\s*", "", title or ""))
    if tb and not out and not tb.group("b").isupper() and not not_names().match(tb.group("b")) and not red.internal_details(tb.group("b")) \
            and len(re.findall(r"\b" + re.escape(tb.group("b")) + r"\b", text)) >= 2:  # named again in the body, not a newsletter's masthead
        add(tb.group("b"), None, 0.6)  # "RosterWing – roster publish stall": the product the title names
    brands = []
    g = glossary()
    tools = [str(w).lower() for w in list(g.get("public_software", [])) + list(g.get("public_platforms", [])) if len(str(w)) >= 4]
    for m in _PUBLIC_HOST.finditer(text):
        if any(m.group("b").lower().startswith(t) for t in tools):
            continue  # "app.datadoghq.com" in a pasted monitor link: the team's tool, never the product
        if not red.internal_details(m.group(0)):
            b = m.group("b")
            brands.append((b[:1].upper() + b[1:], m))
    features: list[tuple[str, Span]] = []
    for unit in doc.units:
        if unit.section in ("impact", "preamble", "summary") and unit.kind in ("item", "line", "sentence", "field"):
            m = _AFFECTED_LIST.match(unit.text)
            if m and not re.search(r"(?i)\bnot\b|\d|\bthe$", m.group("list")):
                for part in re.split(r",|\band\b", m.group("list")):
                    part = part.strip().replace(" + ", " and ")
                    if 2 <= len(part) <= 40 and not red.internal_details(part) and not not_names().match(part[:1].upper() + part[1:]) \
                            and part.lower() not in not_product_words():
                        features.append((part, Span(unit.span.start, unit.span.end, unit.text)))
    title_np = re.sub(r"^(?:\[[^\]]*\]\s*|draft\s+(?:postmortem|pir|review)\s*[:—–-]\s*|[\w.-]+\.\w+\s+)+", "", title or "", flags=re.I)
    tm = _BROKE.match(title_np)
    if tm and not features:
        np = re.sub(r"(?i)^(?:the|our)\s+", "", tm.group("np")).strip()
        if np and not red.internal_details(np):
            features.append((np, None))
    if brands and not out:
        brand, m = brands[0]
        if features:
            for i, (f, sp) in enumerate(features[:3]):
                add(f"{brand} {f}" if i == 0 and brand.lower() not in f.lower() else f, sp, 0.7)
        else:
            host_feature = {"docs": "documentation site", "developer": "developer site", "developers": "developer site", "api": "API",
                            "status": "status page", "app": "app", "www": "website"}.get(m.group(0).split(".")[0], "service")
            add(f"{brand} {host_feature}", Span(m.start(), m.end(), m.group(0)), 0.6)
    elif features and not out:
        for f, sp in features[:3]:
            if not any(f.lower() in o.value.lower() for o in out) and not re.search(r"(?i)\s(?:at|in|on|of|for|to|by|with|from|into|per)$", f):  # "Riders at"
                first = f.split()[0] if f.split() else f
                common = re.search(r"(?<![\w.])" + re.escape(first.lower()) + r"\b", text) is not None  # "Checkout" is "checkout" elsewhere
                out.append(Fact(f[:1].lower() + f[1:] if common and not re.match(r"[A-Z]{2}", f) else f, sp, 0.55))
    out = [f for f in out if f.confidence >= 0.75 or _plausible(f.value, text)]
    out = [f for f in out if f.confidence >= 0.8 or not re.search(r"(?i)\b(?:never|not|only|no|none)\b", f.value)  # "web never", "only scheduled
           and not set(f.value.lower().split()) <= platforms() | {"web", "mobile", "desktop"} and f.value.lower() not in platforms()]  # reminders", and "iOS" or "Google Play" alone: a platform
    brand: tuple[str, Span | None] | None | bool = False  # the company's name, read once and only when needed
    if any(f.confidence < 0.8 for f in out):  # a name read by guess must carry the company's own brand: unseen write-ups
        brand = company_brand(doc, red, title)  # gave venues, places, carriers and internal portals this way ("Kunsthal Verwey")
        mark = brand[0].split()[0].lower() if brand else ""
        out = [f for f in out if f.confidence >= 0.8 or not mark and not _TOOL_LIKE.search(f.value) or mark and mark in f.value.lower()
               or f.value[:1].islower() and not _TOOL_LIKE.search(f.value) or _common_feature(f.value, text)]
    if not out and (named := _incident_of(text, red)):
        out.append(Fact(named[0], named[1], 0.5, "what the write-up calls 'the ... incident': check the product"))
    if not out:
        brand = company_brand(doc, red, title) if brand is False else brand
        if brand and _plausible(brand[0], text):
            out.append(Fact(brand[0], brand[1], 0.5, BRAND_NOTE))
    tools = tool_names(text)  # "Webex" of "copied from Webex desktop": where the notes came from, never what customers use
    out = _one_per_product(out)
    return [f for f in out if (f.confidence >= 0.7 or not any(_SUSPECT.search(line) for line in text.split("\n") if f.value in line))
            and f.value.split()[0].lower() not in tools and not (f.confidence < 0.8 and f.note != BRAND_NOTE and _place(f.value, red))][:4]


def _one_per_product(found: list[Fact]) -> list[Fact]:
    """Components listed under one product ("Dripwise Cloud – Device Connectivity", "Dripwise Cloud – Remote Control
    API") as that product once: a draft says "Dripwise Cloud", not a status page's component list."""
    heads = [m.group(1) if (m := re.match(r"(.+?)\s+[–—-]\s+\S", f.value)) else None for f in found]
    out: list[Fact] = []
    for f, head in zip(found, heads):
        if head and heads.count(head) > 1:
            if not any(o.value == head for o in out):
                out.append(Fact(head, f.source, f.confidence, f.note))
        else:
            out.append(f)
    return out


def _place(name: str, red: Redactor) -> bool:
    """The parse reads the name only as a place ("Radios on the Katherine East and West sectors", "Pine Creek"): a town or
    a region, never what customers use."""
    if red.doc is None:
        return False
    labels = {e.label_ for e in red.doc.ents if re.sub(r"^the\s+", "", e.text.strip(), flags=re.I) == name}
    return bool(labels) and labels <= {"GPE", "LOC"}


# a partner named by guess only where it was suspected ("Kakao Pay sending duplicate callbacks — first suspicion ... Not
# a PG problem"): never the product
_SUSPECT = re.compile(r"(?i)\bruled out\b|\bsuspicion\b|\bsuspected\b|\bnot an? [\w ]{0,20}(?:problem|issue|outage|fault)\b|\bcleared\b")


_FUNCTION_WORDS = re.compile(r"(?i)\b(?:their|our|we|they|you|your|asked|for|of|a|an|list|were|was|is|are|has|had|to|if|when)\b")


def _plausible(name: str, text: str) -> bool:
    """A product read from a weak signal must look like a name: no pronoun or verb in it ("their benefits team asked
    for a list of"), and one capitalised word alone must not be a common word the write-up also writes in lower case
    ("Class", "Manage"); a feature the write-up names in lower case ("search") stays."""
    words = name.split()
    if _FUNCTION_WORDS.search(name) and len(words) > 2:
        return False
    if len(words) == 1 and name[:1].isupper() and re.search(r"(?<![\w.@/-])" + re.escape(name.lower()) + r"(?![\w-]|\.[a-z])", text):
        return False
    return True


_CAPITAL_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3}\b")


def title_name(text: str, title: str, red: Redactor, outside: set[str]) -> tuple[str, Span] | None:
    """A capitalised name of two or more words that the title uses and the write-up's sentences use again mid-sentence
    ("Duplicate bank transactions imported via Bank Feeds" and "..., Ledgerwick Bank Feeds imported the same ..."),
    with the capitalised word the write-up puts before it. A title in Title Case throughout names nothing this way."""
    words = re.findall(r"[A-Za-z]+", title or "")
    if re.match(r"(?i)\s*(?:from|to|cc|subject|sent|date)\s*:", title or ""):
        return None  # an e-mail header is not a title
    people = {w.lower() for e in (red.doc.ents if red.doc is not None else []) if e.label_ == "PERSON" for w in e.text.split()}
    if not words or sum(1 for w in words if w[:1].isupper()) > 0.6 * len(words):
        return None
    body = text.replace(title, " " * len(title), 1) if title else text
    generic, jargon = generic_names(), jargon_terms()
    for m in _CAPITAL_RUN.finditer(title):
        name = m.group(0)
        parts = name.lower().split()
        if any(w in outside or w in jargon or w in people for w in parts) or all(w in generic for w in parts) or red.internal_details(name) or not_names().match(name):
            continue
        inside = [b for b in re.finditer(r"(?:\b(?P<pre>[A-Z][a-z]+)\s+)?" + re.escape(name) + r"\b", body)
                  if re.search(r"[a-z,;)]\s+(?:[A-Z][a-z]+\s+)?$", body[max(0, b.start() - 30): b.start("pre") if b.group("pre") else b.start()] + " ")]
        if not inside:
            continue
        pre = [b.group("pre") for b in inside if b.group("pre") and b.group("pre").lower() not in outside | people and b.group("pre") != name.split()[0] and not not_names().match(b.group("pre"))
               and b.group("pre").lower() not in generic and not red.internal_details(b.group("pre"))]
        hit = next((b for b in inside if pre and b.group("pre") == pre[0]), inside[0])
        full = f"{pre[0]} {name}" if pre else name
        start = hit.start("pre") if pre else hit.start()
        return full, Span(start, start + len(full), full)
    return None



def _person_like(name: str, text: str) -> bool:
    """A one-word name the write-up uses as a person (brand.persons_name) and never puts before a product word."""
    if re.search(r"\b" + re.escape(name) + r"\s+" + product_noun_pattern() + r"\b", text, re.I):
        return False
    return persons_name(name, text)


def _common_feature(name: str, text: str) -> bool:
    """ "Kiosk app", "Technician app": everyday words before a product word, each written in lower case elsewhere in
    the write-up ("check in at the kiosk"): a part of our product, not a venue's or a partner's name."""
    words = name.split()
    if len(words) < 2 or not re.fullmatch(r"(?i)apps?|portal|website|site|dashboard|api|platform|store|widget|kiosks?", words[-1]):
        return False
    return all(re.search(r"(?<![\w.@/-])" + re.escape(w.lower()) + r"(?![\w-])", text) for w in words[:-1])


_TOOL_LIKE = re.compile(r"/|\b[a-z]+ed$")  # "panels/inverters generated": a fragment of a note, not what customers used
_INCIDENT_OF = re.compile(r"(?i)\bthe\s+(?:" + WEEKDAY + r"\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + MONTHS + r"\.?\s+|" + MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\s+)?"
                          r"(?P<np>(?-i:[a-z][a-z-]+)(?:\s+(?-i:[a-z][a-z-]+)){0,2})\s+(?:incident|outage|disruption|failure)\b")


def _incident_of(text: str, red: Redactor) -> tuple[str, Span] | None:
    """ "the Sat 22 Feb live scoring incident", "the checkout outage": the feature the write-up names its incident
    after, when nothing else names the product. Words that grade or count it ("major", "second") or name a
    technical part ("database", "DNS") are not a feature (data/drafting/extract.yaml, ``incident_not_features``)."""
    stop = {str(w).lower() for w in rules().get("incident_not_features", [])} | jargon_terms()
    eng = tuple(rules().get("engineering_words", []))
    for m in _INCIDENT_OF.finditer(text[:3000]):
        np = m.group("np")
        words = np.lower().split()
        if any(w in stop for w in words) or np.lower() in stop or has_cue(np, eng) or red.internal_details(np):
            continue
        return np, Span(m.start("np"), m.end("np"), np)
    return None
