"""leak: internal-only detail in a customer-facing stage (names, hosts, IPs, tickets, channels, secrets).

Patterns run on the original text (so a link target in HTML or Markdown is seen too);
staff names come from the parse (PERSON entities, or a capitalised name next to a staff cue
such as "on the SRE team"). In a follow-up, the greeting and the person to reply to are allowed.
Not flagged in the internal stage, where these details belong.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns
from ..catalog import Category
from ..entity_gate import CODE_LIKE
from ..findings import Finding
from ..resources import data_yaml, rules
from ..textspans import customer_visible_names, resolve_overlaps
from .base import Analysis


@lru_cache(maxsize=1)
def _compiled() -> tuple[list[tuple[str, patterns.Builtin]], list[re.Pattern]]:
    """The shipped patterns, each on a linear-time engine where it can be (drafting/patterns.py)."""
    data = rules("leak")
    pats = [(kind, patterns.builtin(p)) for kind, plist in data["patterns"].items() for p in plist]
    public = [re.compile(p, re.I) for p in data["public_codes"]]  # only ever tried at one position
    return pats, public


def detect(text: str, config=None) -> list[tuple[str, int, int]]:
    """Pattern-based internal details as (kind, start, end); shared with drafting's redaction."""
    pats, public = _compiled()
    folded = patterns.fold_ascii(text)
    hits: list[tuple[str, int, int]] = []
    for kind, pat in pats:
        for s, e in pat.spans(text, folded):
            if kind == "ticket id" and any(p.match(text, s) for p in public):
                continue
            hits.append((kind, s, e))
    hits.extend(internal_hosts(text, config))
    if config is not None:
        for kind, pat in config.compiled_leak_patterns():
            for s, e in pat.spans(text):
                hits.append((kind.rstrip("s") if kind != "other" else "internal detail", s, e))
        for name in config.other_customers:
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text, re.I):
                hits.append(("customer", m.start(), m.end()))
    return _longest(hits)


# A dotted name: labels of letters, digits and hyphens, then a TLD. Each label ends at its dot,
# so the pattern cannot backtrack more than a label's length.
_DOTTED = re.compile(r"(?<![\w.@/-])(?:[a-z0-9][a-z0-9-]{0,62}\.){2,8}[a-z]{2,24}(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _host_rules() -> dict:
    h = rules("leak")["hostnames"]
    return {
        "tlds": frozenset(str(t).lower() for t in h["tlds"]),
        "numbered": re.compile(h["numbered_label"]),
        "not_machine": frozenset(str(t).lower() for t in h["not_machine"]),
        "region": re.compile(h["region_label"]),
        "cluster_words": frozenset(str(t).lower() for t in h["cluster_words"]),
        "cluster": re.compile(h["cluster_label"]),
        "clouds": tuple(str(t).lower() for t in h["public_clouds"]),
        "public_sub": frozenset(str(t).lower() for t in h["public_subdomains"]),
        "internal_parts": frozenset(str(t).lower() for t in h["internal_suffixes"]),
    }


def _machine_label(label: str, r: dict) -> bool:
    if label in r["not_machine"] or r["region"].match(label):
        return False
    return bool(label in r["cluster_words"] or r["cluster"].fullmatch(label) or r["numbered"].fullmatch(label))


def internal_hosts(text: str, config=None) -> list[tuple[str, int, int]]:
    """Dotted hostnames that name a machine ('db1.cluster.example.com'), not a public site.

    Under the company's own domains (config.public_domains) a host is internal unless its first
    label is one customers see (www, status, api...) or it is listed in config.public_hosts.
    """
    r = _host_rules()
    own = tuple(d.lower().lstrip(".") for d in getattr(config, "public_domains", []) or [])
    public_hosts = {h.lower() for h in getattr(config, "public_hosts", []) or []}
    out: list[tuple[str, int, int]] = []
    for m in _DOTTED.finditer(text):
        host = m.group(0).lower()
        labels = host.split(".")
        if labels[-1] not in r["tlds"] or any(lab.endswith("-") for lab in labels):
            continue
        if host in public_hosts or any(host == c or host.endswith("." + c) for c in r["clouds"]):
            continue
        under_own = next((d for d in own if host.endswith("." + d)), None)
        if under_own is not None:
            below = host[: -len(under_own) - 1].split(".")
            if below[0] not in r["public_sub"] or any(_machine_label(lab, r) for lab in below):
                out.append(("internal hostname", m.start(), m.end()))
            continue
        if any(_machine_label(lab, r) for lab in labels[:-2]) or any(
                part in r["internal_parts"] for lab in labels[:-1] for part in lab.split("-")[1:]):
            out.append(("internal hostname", m.start(), m.end()))  # "pgmon.acme-ops.net": an operations domain
    return out


def _longest(hits: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    return resolve_overlaps(hits, lambda h: (h[1], h[2]))


def staff_names(a: Analysis) -> list[tuple[int, int]]:
    """Character spans of employee names found by the parse."""
    data = rules("leak")
    cues = data["staff_cues"]
    public = customer_visible_names(a.config)
    spans: list[tuple[int, int]] = []
    # the small English model often tags products and places as PERSON, so every name needs a staff cue
    for tok in a.doc:
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "ORG", "PRODUCT"):
            continue
        if tok.text.lower() in public:
            continue
        after = a.text[tok.idx + len(tok): tok.idx + len(tok) + 40].lower()
        before = a.text[max(0, tok.idx - 30): tok.idx].lower()
        # whole words: "Codespaces in these regions" is not "... in the team"
        cue_after = any(re.match(re.escape(c) + r"\b", after.lstrip(" ,(")) for c in cues) and not (
            tok.i + 1 < len(a.doc) and a.doc[tok.i + 1].pos_ == "PROPN" and a.doc[tok.i + 1].is_title)
        cue_before = re.search(r"\b(engineer|developer|sre|admin|operator|on-call|oncall|colleague|teammate|manager|lead)\s*,?\s*$", before)
        if (cue_after or cue_before) and not is_allowed_contact(a, tok.sent, tok.idx):
            start = tok.idx
            # take the whole name: "Kenji Watanabe on our team"
            if tok.i > 0 and a.doc[tok.i - 1].pos_ == "PROPN" and a.doc[tok.i - 1].is_title:
                start = a.doc[tok.i - 1].idx
            spans.append((start, tok.idx + len(tok)))
    return spans


def is_allowed_contact(a: Analysis, sent, char: int) -> bool:
    """In a follow-up: the greeting line, a short sign-off line, or a sentence telling the reader whom to contact."""
    if a.ctx.stage.value != "followup":
        return False
    data = rules("leak")
    line_start = a.text.rfind("\n", 0, char) + 1
    line_end = a.text.find("\n", char)
    line = a.text[line_start: line_end if line_end >= 0 else len(a.text)].strip()
    if re.match(r"(hi|hello|dear|hey|good (morning|afternoon|evening))\b", line, re.I) and len(line.split()) <= 6:
        return True
    signoffs = "|".join(re.escape(w) for w in data["signoff_words"])
    if re.match(rf"({signoffs})\b", line, re.I):
        return True
    name = a.doc.char_span(char, char + 1, alignment_mode="expand")
    if name is not None and re.search(r"\b(i'm|i am|my name is|this is)\s+" + re.escape(name.text), sent.text, re.I):
        return True  # the sender introducing themself
    lines = [ln for ln in a.text.strip().splitlines() if ln.strip()]
    if len(lines) >= 3 and line in [ln.strip() for ln in lines[-3:]] and len(line.split()) <= 8:
        return True
    low = sent.text.lower()
    cues = "|".join(re.escape(c) for c in data["contact_cues"])
    return bool(re.search(rf"\b({cues})\b", low)) and not any(c in low for c in data["staff_cues"][:4])


def _is_customer_reference(a: Analysis, char: int) -> bool:
    """"Your case reference is CV-40218": a code the customer quotes is theirs, not an internal ticket.

    So is a public advisory number the reader can look up ("in the admin center under MO502273")."""
    span = a.doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    low = span.sent.text.lower()
    return any(c in low for c in rules("leak")["customer_reference_cues"])


def run(a: Analysis) -> list[Finding]:
    if not a.ctx.stage.is_external:
        return []
    found: list[Finding] = []
    for kind, s, e in detect(a.text, a.config):
        if kind == "ticket id" and _is_customer_reference(a, s):
            continue
        rule = "secret" if kind == "secret" else "customer" if kind == "customer" else "default"
        found.append(a.finding("leak", rule, s, e, 0.9, kind=kind))
    taken = [(f.start, f.end) for f in found]
    for s, e in staff_names(a):
        if not any(ts <= s < te for ts, te in taken):
            found.append(a.finding("leak", "person", s, e, 0.75, kind="employee name"))
    return sorted(found, key=lambda f: f.start)


# not GPE/LOC: the small English model tags many people's and companies' names as places
_PUBLIC_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


@lru_cache(maxsize=1)
def _common_acronyms() -> frozenset[str]:
    return frozenset(str(x).upper() for x in data_yaml("glossary.yaml").get("common_acronyms", []))


def internal_token(a: Analysis, sent):
    """The first internal-looking token in a sentence: a name outside the greeting and sign-off, a
    code, a channel, a key; None when there is none."""
    common = _common_acronyms()
    public = customer_visible_names(a.config)
    if any(c in sent.text.lower() for c in rules("leak")["customer_reference_cues"]):
        # "your case reference is CV-40218", "in the admin center under MO502273": the reader's own
        # codes; hosts, IPs and secrets in such a sentence are still caught by the rules (detect)
        return None
    for tok in sent:
        if tok.like_url or tok.like_email:
            continue
        if tok.text.upper() in common or tok.ent_type_ in _PUBLIC_ENTITIES:
            continue  # "09:16 UTC", "on Tuesday", "GDPR" are not internal details
        if tok.pos_ == "PROPN" or (tok.is_title and tok.i > sent.start):
            if not is_allowed_contact(a, sent, tok.idx) and tok.text.lower() not in public:
                return tok
        if CODE_LIKE.search(tok.text):
            return tok
    return None


def veto(a: Analysis, sent, finding: Finding) -> bool:
    """A model-only leak verdict needs something internal-looking in the sentence."""
    return internal_token(a, sent) is None


def point(a: Analysis, sent, finding: Finding) -> tuple[int, int] | None:
    """A model leak verdict is shown on the internal-looking token itself."""
    tok = internal_token(a, sent)
    return (tok.idx, tok.idx + len(tok.text)) if tok is not None else None


def suggest(f: Finding, sentence: str, text: str, ctx, config, ops) -> list[str]:
    """The sentence with the internal detail removed (drafting's redaction, handed in as ``ops``)."""
    return [ops.redact(sentence, staff=[sentence[f.start:f.end]] if f.rule == "person" else None)]


CATEGORY = Category("leak", run=run, veto=veto, point=point, suggest=suggest, sarif_level="error",
                    rules=("default", "person", "customer", "secret"))
