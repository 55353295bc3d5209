"""draft(): internal write-up (or its reviewed fact sheet) -> a customer (or internal review) draft
that passes its own check.

read the write-up as a document -> fact sheet (typed, sourced, every text value checked whole for
leaks and blame) -> compose (stage, audience) from the fact sheet only -> check at the same
stage/audience/severity -> rewrite or drop any write-up sentence that still raises a blocking finding
-> Draft. What was left out, and why, is in ``omitted``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import registry
from .compose import Inputs, compose
from .compose.document import Document, Unit
from .config import CompanyConfig
from .context import Context
from .engine import check
from .errors import InputError
from .facts import FactSheet, build_sheet
from .findings import Finding
from .rewrite import rewrite
from .textprep import validate

# A draft must never carry these (jargon only matters for general and executive readers).
MAX_ROUNDS = 4
_DROP_NOT_PATCH = ("blame", "boilerplate", "tone", "overpromise", "conjecture", "leak", "jargon")  # jargon: explained in place first (compose.audience)
MIN_WORDS = 20


@dataclass
class Draft:
    """A draft and what it rests on: the facts used, its own review, and what was left out on purpose."""

    text: str
    context: Context
    facts: FactSheet
    findings: list[Finding] = field(default_factory=list)
    omitted: list[dict[str, str]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not blocking(self.findings, self.context)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "context": self.context.to_dict(),
            "facts": self.facts.summary(),
            "fact_sheet": self.facts.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "omitted": list(self.omitted),
            "stats": dict(self.stats),
        }


def blocking(findings: list[Finding], ctx: Context) -> list[Finding]:
    """Findings a produced draft must not have at its own stage, audience and severity (each category says)."""
    return [f for f in findings if registry.blocks(f, ctx)]


def _split_contact(contact: str) -> tuple[str, str]:
    """'Dana Whitfield <dana@example.com>' -> ('Dana Whitfield', 'dana@example.com')."""
    contact = (contact or "").strip()
    m = re.fullmatch(r"(?P<name>[^<>@]+?)\s*<(?P<addr>[^<>\s]+)>", contact)
    if m:
        return m.group("name").strip(), m.group("addr")
    if re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}", contact):
        return contact, ""
    return "", contact


def draft(
    writeup: "str | FactSheet | None" = None,
    stage: Any = "report",
    audience: Any = "general",
    severity: Any = "sev2",
    company: str | None = None,
    contact: str | None = None,
    config: CompanyConfig | None = None,
    *,
    account: str = "",
    report_url: str = "",
    timezone: str = "auto",
    use_model: bool = True,
    facts: FactSheet | None = None,
) -> Draft:
    """Draft a customer update (or the internal review agenda) from an internal write-up, or from its
    fact sheet (``facts=``, or a FactSheet as the first argument) after the liaison has reviewed it."""
    ctx = Context.of(severity, audience, stage)
    if isinstance(writeup, FactSheet):
        writeup, facts = None, writeup
    if facts is None:
        if writeup is None:
            raise InputError("Give a write-up or a fact sheet to draft from.")
        writeup = validate(writeup)
        if len(re.findall(r"[A-Za-z]{2,}", writeup)) < MIN_WORDS:
            raise InputError("The write-up is too short to draft from. Paste the full internal write-up (what happened, when, impact, cause, actions).")
    config = config or CompanyConfig()
    company = (company if company is not None else config.company).strip()
    contact_name, address = _split_contact(contact if contact is not None else config.contact)
    cfg = _with_public_names(config, [n for n in (contact_name, account, company) if n])
    if facts is None:
        facts = _sheet_for(writeup, cfg, timezone)
    elif timezone and timezone.lower() != "auto":
        facts.timezone = timezone
    if not address and facts.contact.value and "@" in str(facts.contact.value):
        contact_name2, address = _split_contact(str(facts.contact.value))
        contact_name = contact_name or contact_name2
    names = [p for p in facts.texts("products") if p not in cfg.product_names]
    if names:  # the affected products are the customer's words, never jargon
        from dataclasses import replace

        cfg = replace(cfg, product_names=list(cfg.product_names) + names)
    inp = Inputs(facts=facts, ctx=ctx, config=cfg, company=company, contact=address,
                 contact_name=contact_name, account=account, report_url=report_url)
    doc = compose(inp)
    text, result = _self_check(doc, inp, use_model)
    omitted = list(facts.flags) + inp.omitted
    findings = list(result.findings)
    if ctx.stage.value == "followup" and not contact_name and not any(f.category == "structure" for f in findings):
        at = text.find("[Your name]")
        findings.append(Finding("structure", "missing_part", max(at, 0), max(at, 0) + (11 if at >= 0 else 0), "[Your name]" if at >= 0 else "",
                                "The follow-up has no named person to sign it and reply to.",
                                "Sign it with your name: pass --contact \"Name <address>\"."))
    stats = dict(result.stats)
    return Draft(text=text, context=ctx, facts=facts, findings=findings, omitted=_dedupe(omitted), stats=stats)


_SHEETS: dict[tuple[str, str, str], FactSheet] = {}


def _sheet_for(writeup: str, cfg: CompanyConfig, timezone: str) -> FactSheet:
    """The write-up's fact sheet, read once for the several stages and audiences drafted from it."""
    import copy

    key = (writeup, repr(cfg), timezone)
    if key not in _SHEETS:
        if len(_SHEETS) >= 8:
            _SHEETS.pop(next(iter(_SHEETS)))
        _SHEETS[key] = build_sheet(writeup, cfg, timezone)
    return copy.deepcopy(_SHEETS[key])


def _with_public_names(config: CompanyConfig, names: list[str]) -> CompanyConfig:
    """The contact, the account and our company may be named in the draft; other people may not."""
    if all(n in config.public_names for n in names):
        return config
    from dataclasses import replace

    return replace(config, public_names=list(config.public_names) + [n for n in names if n not in config.public_names])


def _dedupe(items: list[dict[str, str]]) -> list[dict[str, str]]:
    seen, out = set(), []
    for o in items:
        key = (o["item"], o["reason"])
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out


def _self_check(doc: Document, inp: Inputs, use_model: bool):
    """Check the draft as the liaison would; rewrite or drop write-up sentences until nothing blocks.

    Repair rounds use the rule checks (fast); the trained classifier, when asked for, then runs on
    the repaired draft: what it flags is reworded once, and what still blocks after that is left
    out (if the write-up supplied it), before a last full check.
    """
    text, result = _repair_rounds(doc, inp, MAX_ROUNDS, with_model=False)
    if use_model:
        text, result = _repair_rounds(doc, inp, 2, with_model=True)
    return text, result


def _said_nothing_seen(findings: list[Finding], ctx, doc: Document) -> bool:
    """If the check misses the symptoms part, switch units that have a stand-in (``Unit.alt``) to it; True if any did."""
    if not any(f.category == "structure" and f.end == f.start and "symptom" in f.message for f in blocking(findings, ctx)):
        return False
    switched = False
    for block in doc.blocks:
        for u in block.units:
            if u.alt:
                u.text, u.alt = u.alt, ""
                switched = True
    return switched


def _repair_rounds(doc: Document, inp: Inputs, rounds: int, with_model: bool):
    ctx = inp.ctx
    for round_no in range(rounds + 1):
        text, where = doc.render()
        result = check(text, ctx.severity, ctx.audience, ctx.stage, config=inp.config, use_model=with_model, use_grammar=False)
        # a prompt the composer left where a fact is missing is the liaison's to fill, never reworded away
        bad = [f for f in blocking(result.findings, ctx)
               if (f.category != "structure" or f.end > f.start) and f.category != "placeholder"]
        if _said_nothing_seen(result.findings, ctx, doc) and round_no < rounds:
            continue  # the sentences saying what customers saw were dropped: the window sentence now says it
        if not bad or round_no == rounds:
            return text, result
        by_unit: dict[int, tuple[Unit, int, list[Finding]]] = {}
        for f in bad:
            hit = next(((u, s) for u, s, e in where if s <= f.start < e and not u.fixed), None)
            if hit is None:  # a model finding that starts in a heading belongs to the sentence after it
                hit = next(((u, s) for u, s, e in where if s < f.end <= e and not u.fixed), None)
            if hit is not None:
                by_unit.setdefault(id(hit[0]), (hit[0], hit[1], []))[2].append(f)
        for u, s, fs in by_unit.values():
            _repair(u, s, fs, text, inp, last=round_no == rounds - 1, use_model=with_model)
    return text, result


def _repair(unit: Unit, offset: int, findings: list[Finding], text: str, inp: Inputs, last: bool, use_model: bool = True) -> None:
    """Rewrite one sentence for its first finding; drop it if it came from the write-up and cannot be fixed."""
    if unit.fixed:
        return
    f = findings[0]
    rel = Finding(f.category, f.rule, f.start - offset, f.end - offset, f.text, f.message, f.suggestion)
    before = unit.text
    if unit.source == "writeup" and not unit.required and f.category in _DROP_NOT_PATCH and inp.ctx.stage.is_external:
        unit.text = ""  # a write-up sentence is used whole or not at all: no stock line in its place
        inp.omit(_short(before), f"{f.category}: left out ({f.message.split('.')[0]})")
        return
    options = [] if last else rewrite(rel, unit.text, inp.ctx, inp.config, use_model) if _single_sentence(unit.text, rel) else []
    if not options and not last:
        options = _rewrite_inside(unit.text, rel, inp, use_model)
    options = [o for o in options if not re.search(r"\[[^\]]{3,}\]", o)]  # never trade a sentence for a placeholder
    if options:
        unit.text = options[0]
        inp.omit(f.text or f.category, f"{f.category}: reworded (\"{_short(before)}\" became \"{_short(unit.text)}\")")
        return
    if not unit.required:
        unit.text = ""
        inp.omit(_short(before), f"{f.category}: left out ({f.message.split('.')[0]})")


def _single_sentence(text: str, f: Finding) -> bool:
    return len(re.findall(r"[.!?](?:\s|$)", text.strip())) <= 1


def _rewrite_inside(text: str, f: Finding, inp: Inputs, use_model: bool = True) -> list[str]:
    """A unit with several sentences: rewrite the one sentence that holds the finding."""
    from .rewrite import sentence_bounds

    s, e = sentence_bounds(text, max(0, f.start))
    options = rewrite(f, text, inp.ctx, inp.config, use_model)
    if not options:
        rest = (text[:s] + text[e:]).strip()
        return [rest] if rest and rest != text.strip() else []
    return [(text[:s] + options[0] + text[e:]).strip()]


def _short(s: str, n: int = 90) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"
