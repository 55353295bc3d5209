"""Remedies told in plain sentences of our own: what customers get or must do, read from wherever the write-up says
it (a chat line, a support macro, a note) and said with only the slots read for sure ("We have sent every affected
customer a 250 TL discount code."). Write-ups rarely say a remedy in a sentence a customer may read as it is, so a
copied line is a leak or a seam; a kind's own sentence is neither. Kinds, cues and wording: data/drafting/remedies.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from ..reading.document import Document, Span, sentences
from ..reading.roles import has_role
from ..redact import Redactor
from ..resources import data_dir
from .sheet import Fact

NOTE = "a plain sentence for a remedy of the kind '{kind}'"


@lru_cache(maxsize=1)
def remedy_rules() -> dict[str, Any]:
    with open(data_dir() / "drafting" / "remedies.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def _group_words() -> str:
    """Words that say a line is for a group of customers ("all", "every", "affected", the write-up's who-words)."""
    return r"(?i:\b(?:all|every\w*|each|affected|customers?|users?|" + "|".join(map(re.escape, remedy_rules()["who_words"])) + r")\b)"


def _who(text: str) -> str:
    """The write-up's own word for its customers ("parents", "farmers"): the most used of ``who_words``."""
    counts = {w: len(re.findall(r"(?i)\b" + re.escape(w) + r"\b", text)) for w in remedy_rules()["who_words"]}
    best = max(counts, key=lambda w: counts[w]) if counts else "customers"
    return best if counts.get(best, 0) >= 2 else "customers"


def _singular(word: str) -> str:
    return re.sub(r"ies$", "y", word) if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _passages(doc: Document) -> list[str]:
    """Every sentence or line the write-up says, code blocks and comment lines included line by line: a remedy is
    said wherever the team wrote it ("#   - missed Thursday? rebook any day, R150 no-show fee waived")."""
    out = []
    for u in doc.units:
        if u.kind in ("code", "heading"):
            out += [re.sub(r"^\s*(?:#+|//|--|[-*•>])?\s*(?:[-*•]\s+)?", "", ln) for ln in u.text.split("\n") if ln.strip()]
        elif u.kind in ("line", "item", "field", "row"):
            said = f"{u.key}: {u.text}" if u.kind == "field" and u.key else u.text  # "Galata Deri: fee waived" keeps who it is for
            out.append(re.sub(r"\s*\n\s*", " ", said))  # an item's wrapped lines are one passage
        else:
            out += [s.text for s in sentences(doc.text, u.span.start, u.span.end)]
    return [re.sub(r"\*\*|__", "", p) for p in out]


def _usable(text: str, red: Redactor) -> bool:
    """A sentence a remedy may be read from: not a question, a refusal, a hypothetical, and naming no one outside a
    bracketed aside ("send the order numbers to Sofia, they get the credit" is one group's case, not everyone's)."""
    r = remedy_rules()
    if any(re.search(p, text, re.I) for p in r["not_a_remedy"]) or has_role(text, "unconfirmed"):
        return False  # "Somebody on the call said the promo code field was broken": a guess, and no remedy
    label = re.match(r"^\W*((?:[A-Z][\w'&.-]*\s+){0,3}[A-Z][\w'&.-]*)\s*:", text)
    if label and not re.search(_group_words(), label.group(1)) and not label.group(1).lower().startswith("for "):
        return False  # "Galata Deri: October platform fee waived": one account's deal
    return not red.internal_details(re.sub(r"\([^()]*\)", " ", text))


def plain_remedies(doc: Document, red: Redactor) -> list[Fact]:
    """One plain sentence per kind of remedy the write-up says, in the order of ``kinds``."""
    r = remedy_rules()
    text = doc.text
    who = _who(text)
    passages = [p for p in _passages(doc) if _usable(p, red)]
    out: list[Fact] = []
    fee = r["kinds"]["fee_refund"]["cue"]
    for kind, k in r["kinds"].items():
        for p in passages:
            if kind == "refund" and re.search(fee, p, re.I):
                continue  # "The card fee is refunded": the fee only
            if k.get("skip_scoped") and re.search(r["scoped"], p, re.I):
                continue  # "Anyone who paid the fee twice: refund ...": for some customers, which this sentence cannot say
            said = next((t for m in re.finditer(k["cue"], p, re.I) if (t := _say(kind, k, p, m, who, text))), "")
            if said:
                at = text.find(p)
                out.append(Fact(said, None if at < 0 else _span(at, p), 0.7, NOTE.format(kind=kind)))
                break
    return out


def _span(at: int, p: str) -> Span:
    return Span(at, at + len(p), p)


def _say(kind: str, k: dict, p: str, m: re.Match, who: str, text: str) -> str:
    done = bool(re.search(k.get("done", "(?!)"), p, re.I))
    slots = {"who": who, "singular": _singular(who)}
    if kind == "refund":
        if re.search(k["by_others"], p, re.I):
            return ""
        clause_start = max(p.rfind(c, 0, m.start()) for c in ".;!?") + 1
        clause_end = min([i for c in ".;!?" if (i := p.find(c, m.end())) >= 0] or [len(p)])
        before = list(re.finditer(k["what"], p[clause_start: m.start()], re.I))  # "All 312 double charges are refunded"
        w = before[-1] if before else re.search(k["what"], p[m.end(): clause_end], re.I)  # "we refund the duplicate charges"
        if w is None or re.match(r"(?i)(?:the\s+)?(?:fees?)$", w.group("what")):
            return ""  # no thing named as refunded: never "we are refunding the affected customers"
        what = w.group("what").lower()
        every = re.match(r"(?:every|each)\b", what) is not None
        if not re.match(r"(?:all|every|each)\b", what) and what.endswith("s") and re.search(r"(?i)\ball\b", p[clause_start: m.start()]):
            what = "all " + re.sub(r"^the\s+", "", what)  # "Duplicate charges: all 2 306 refunded"
        if not (every or re.match(r"all\b", what) and what.endswith("s")):
            return ""  # "the booking", "the 25 session fee": a refund for some, or of what is not clear; only "all ... charges", "every ..."
        said = (k["say_done"] if done else k["say_plan"]).format(what=what)
        days = re.search(remedy_rules()["refund_days"], text, re.I)
        return said + (" " + k["timing"].format(days=f"{days.group('a')} to {days.group('b')}") if days else "")
    if kind == "fee_refund":
        fee = re.sub(r"^(?:(?:all|the|a|any|every|each|no|our|their|your)\s+)+", "", (m.group("fee") or m.group("fee2") or "").lower())
        if not fee or fee in ("the", "a", "all", "any", "no", "every"):
            return ""
        said = (k["say_waived"] if re.search(r"(?i)waiv", m.group(0)) else k["say"]).format(fee=fee)
        nxt = re.search(r"(?i)\bon (?:the|your|their|its|a) next (\w+)", p)  # "the fee is waived on your next transfer"
        return said[:-1] + f" on the next {nxt.group(1).lower()}." if nxt else said
    if kind == "credit":
        amount = re.sub(r"(?i)^(?:a|1)[- ]month(?:'?s)?$", "one-month", m.group("amount").strip())
        amount = re.sub(r"(?i)^(one|two|three|\d)[- ]months?(?:'?s)?$", r"\1-month", amount)
        w = re.search(k["where"], p, re.I)
        where = f" on the {re.sub(r'(?i)^next', 'next', w.group('x'))}" if w else ""
        return k["say"].format(amount=amount, where=where, **slots)
    if kind == "discount_code":
        if not re.search(k["given"], p, re.I):
            return ""
        amount = (m.groupdict().get("amount") or "").strip()
        noun = re.search(k["noun"], p, re.I)
        word = re.sub(r"s$", "", noun.group("noun").lower()) if noun else "discount code"
        return (k["say_done"] if done else k["say_plan"]).format(amount=f"{amount} " if amount else "", noun=word, **slots)
    if kind == "extension":
        if not re.search(k["until_is"], m.group("until")):
            return ""
        return k["say"].format(what=m.group("what").lower(), until=m.group("until").strip())
    if k.get("unless_anywhere") and re.search(k["unless_anywhere"], text, re.I):
        return ""  # "You do not need to do anything" is wrong for the customers the write-up asks to act
    if "say_done" in k:
        return k["say_done"] if done else k["say_plan"]
    return k["say"].format(**slots)


def merged(existing: list[Fact], plain: list[Fact]) -> list[Fact]:
    """The remedies a draft tells: a kind the write-up already says in a sentence a customer may read keeps that
    sentence; a kind it says only in notes ("All 312 double charges are refunded, 0 failed.") gets its plain
    sentence, first; the notes themselves are never told."""
    r = remedy_rules()
    for_group = r"^\W*[^:]*(?:\d|" + _group_words() + r")[^:]*:"  # "40 walk-up passengers: we refund ...": a group's line
    notes = [e for e in existing if any(re.search(p, str(e.value), re.I) for p in r["note_like"])
             and not (re.search(for_group, str(e.value)) and not re.search(r",\s*\d+\s+(?:failed|errors?)\b", str(e.value)))]
    said = [e for e in existing if e not in notes]  # a note ("Told Murat: ... fee waived") is never told as it is
    lead: list[Fact] = []
    for f in plain:
        kind = re.search(r"'(\w+)'", f.note or "")
        cue = r["kinds"][kind.group(1)]["cue"] if kind else "(?!)"
        if not any(re.search(cue, str(e.value), re.I) for e in said):
            lead.append(f)
    return lead + said
