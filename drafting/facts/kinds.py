"""A confirmed cause and the changes, said in plain sentences chosen by their kind (data/drafting/kinds.yaml).

Why: a write-up states its cause and its action items in engineers' words, which a general or executive
reader cannot be given and which cannot be rewritten safely offline. The kind of cause (a change we made,
an expiry, a provider's outage, overload) and the kind of change (monitoring, tests, staged roll-outs) can
be read reliably, and each kind has one true plain sentence, so a draft can say what happened and what is
changing instead of "our engineers can walk you through it"."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from ..reading.document import Document, Span, sentences
from ..reading.lines import COMMENT_LEAD
from ..reading.roles import has_role
from ..resources import data_dir
from .cause import cause_passages, side_remark
from .sheet import Fact


@lru_cache(maxsize=1)
def kind_rules() -> dict[str, Any]:
    with open(data_dir() / "drafting" / "kinds.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _search(pattern: str, text: str) -> re.Match | None:
    return re.search(pattern, text, re.I)


def _affirmed(pattern: str, text: str) -> bool:
    """Whether the cue is said, not denied: "So it is NOT overload." and "overload (ruled out)" tell no kind. A
    sentence an e-mail wrapped over lines is read as one line."""
    text = re.sub(r"[^\S\n]*\n[^\S\n]*(?=\S)", " ", text)
    m = _search(pattern, text)
    if m is None:
        return False
    before, after = text[max(0, m.start() - 30): m.start()], text[m.end(): m.end() + 30]
    return not (re.search(r"(?i)\b(?:not|no|never|without|ruled out|rule out)\b[^.,;:]{0,14}$|n['’]t\b[^.,;:]{0,14}$", before)
                or re.search(r"(?i)^\W{0,3}(?:\(?\s*ruled out|(?:was|is)(?:n['’]t| not)\b)", after))


def part_of(texts: list[str]) -> str | None:
    """The one part of the system these sentences name, in customer words ("VCL" -> "the network that delivers
    our content"); None when they name none, or two (the reading cannot tell which one failed)."""
    named = {str(p["say"]) for p in kind_rules()["parts"] for t in texts if _search(p["cue"], t)}
    return named.pop() if len(named) == 1 else None


def _cause_sentences(doc: Document, also: list[Span]) -> list[Span]:
    """The write-up's own statements of the cause: its cause section and the sentences after a cause opener."""
    out: list[Span] = []
    for u in doc.in_section("cause"):
        if u.quoted or u.kind == "code":
            continue
        out += [u.span] if u.kind in ("line", "item", "field", "row") else sentences(doc.text, u.span.start, u.span.end)
    out += cause_passages(doc)
    out += [s for s in also if not any(o.start <= s.start < o.end for o in out)]
    out += [u.span for u in doc.units if u.kind != "heading" and not u.quoted and u.section not in ("cause", "went_well", "remedy", "actions")
            and not COMMENT_LEAD.match(u.text)  # "[e]Tom: ... since their latency was the trigger": a comment on the doc
            and (has_role(u.text, "cause") or u.kind == "field" and re.search(r"(?i)\bcause\b", u.key or ""))]  # "Root cause confirmed: CHG-5512 went out"
    deny = kind_rules()["not_the_cause_cues"]
    return [s for s in out if not has_role(s.text, "unconfirmed") and not side_remark(s.text) and not s.text.rstrip().endswith("?")
            and not _search(deny, _with_label(doc.text, s))]  # "Checked and NOT the cause: ... v3.4.1 released"


def _with_label(text: str, s: Span) -> str:
    """A sentence with the label its line opens with ("Checked and NOT the cause: ..."), never with the sentences
    of the paragraph before it ("Signing could be opened ... The delay happened because ...")."""
    lead = text[text.rfind("\n", 0, s.start) + 1: s.start]
    return (lead if re.fullmatch(r"[^.!?\n]{0,80}:\s*", lead) else "") + s.text


def _opening(doc: Document, s: Span) -> str:
    """A cause sentence with the one before it in its paragraph: "4.18.0 went out at 16:05. It moved the check ..."
    tells a change by the sentence that names the release."""
    para = doc.text.rfind("\n\n", 0, s.start)
    prev = [p for p in sentences(doc.text, max(0, para), s.start) if p.end <= s.start and p.text.strip()]
    return (prev[-1].text + " " if prev else "") + s.text


def plain_cause(doc: Document, also: list[Span] | None = None) -> Fact | None:
    """The plain sentence for the kind of a confirmed cause, with the part of the system it names; None when no
    kind applies (the liaison then writes it). ``also``: sentences the role model is sure tell the cause."""
    k = kind_rules()
    said = _cause_sentences(doc, also or [])
    before = {id(s): (said[i - 1].text + " " if i else "") + s.text for i, s in enumerate(said)}  # "a partner lab upgraded ... After the upgrade it ..."
    found = ((kind, s) for s in said for kind in k["cause_kinds"]  # the kind of the first sentence that tells one, not of a later aside
             if _affirmed(kind["cue"], _opening(doc, s) if kind.get("with_opening") else s.text)
             and not (kind.get("not_ours") and _search(kind["not_ours"], before[id(s)]))
             and not (kind.get("fixed") and _search(k["no_change_cues"], doc.text)))  # "nothing was deployed that day": no change of ours
    for kind, hit in found:
        part = part_of([hit.text]) or str(k["part_unknown"])  # the part its own sentence names, never one from an aside
        text = str(kind["say"]).replace("{part}", part).replace("{Part}", part[:1].upper() + part[1:])
        body = "\n".join([hit.text] + [u.text for u in doc.units if not u.quoted and u.section in ("resolution", "summary", "timeline")])
        failed = _search(k["failed_fix_cues"], doc.text)  # "the rollback failed; a new certificate fixed it"
        if kind.get("fixed") and kind.get("fix") and _search(kind["fix"], body) and not failed:
            text += " " + str(kind["fixed"])
        return Fact(text, hit, 0.6, f"a plain sentence for a cause of the kind '{kind['kind']}': check it")
    told = "\n".join(u.text for u in doc.units if not u.quoted and u.section in ("resolution", "timeline", "summary", "cause", "impact", "preamble"))
    for kind in k["cause_kinds"]:  # no statement of the cause found: a change and its rollback, told where the story is
        if kind.get("fallback_all") and all(_search(p, told) for p in kind["fallback_all"]) and not _search(k["no_change_cues"], told) \
                and not _search(k["failed_fix_cues"], doc.text):
            stated = "\n".join(ln for ln in told.split("\n") if not ln.rstrip().endswith("?"))  # "roll back the key?" asks
            undone = _search(kind.get("fix_done") or kind.get("fix") or "(?!)", stated)
            text = str(kind["say"]).replace("{part}", str(k["part_unknown"])) + (" " + str(kind.get("fixed", "")) if undone else "")
            return Fact(text.strip(), None, 0.4, f"a plain sentence for a cause of the kind '{kind['kind']}', from the story as a whole: check it")
    return None


def denies_cause(text: str) -> bool:
    """ "That guess was wrong; the deploy had nothing to do with it.": a sentence that rules a cause out or only
    weighs one, never the statement of the cause (``not_the_cause_cues`` in data/drafting/kinds.yaml)."""
    return _search(kind_rules()["not_the_cause_cues"], text) is not None


def not_a_change(text: str) -> bool:
    """Paperwork or a meeting about this incident ("Follow-up call Thursday re the damage claims"), not a change."""
    return bool(_search(kind_rules()["not_a_change_cues"], text))


def without_owner(text: str) -> str:
    """ "Failover must refuse to promote an incomplete replica (Deepak)." -> without the owner's bracket."""
    return re.sub(kind_rules()["owner_bracket"], "", text)


def is_cleanup(text: str) -> bool:
    """Clean-up of this incident ("Purge bad partial objects", "Revert #4468"), not a change for the future."""
    return bool(_search(kind_rules()["cleanup_cues"], text))


def change_kind(text: str) -> str | None:
    """The kind of an action item ("Alert on a drop in 206 share" -> "monitoring"), or of one of the plain
    sentences said for a kind; None for clean-up or no kind."""
    k = kind_rules()
    said = next((c["kind"] for c in k["change_kinds"] if text.strip() in (c["say"], c["done"])), None)
    item = re.sub(r"\s*\([^()]*\)", "", text)  # a bracket is a note to the team: "(fix is written, tested)"
    if said or is_cleanup(item) or _search(k["tentative_cues"], re.sub(r"^\W*(?:\[[ xX]?\]\W*)?(?:[A-Z][A-Z0-9]{1,9}-\d+\W*)?", "", item)):
        return said
    return next((str(c["kind"]) for c in k["change_kinds"] if _search(c["cue"], item)), None)


def plain_changes(items: list[tuple[str, Span]]) -> list[Fact]:
    """One plain sentence per kind of change among the write-up's action items (each item's whole line, with its
    list marker, and its span), in the order the write-up lists them; an item marked done says it is done."""
    out: list[Fact] = []
    seen: set[str] = set()
    for raw, span in items:
        name = change_kind(raw) if not not_a_change(raw) else None
        if name is None or name in seen:
            continue
        seen.add(name)
        kind = next(c for c in kind_rules()["change_kinds"] if c["kind"] == name)
        done = bool(_search(kind_rules()["done_cues"], raw))
        out.append(Fact(str(kind["done"] if done else kind["say"]), span, 0.6, f"a plain sentence for changes of the kind '{kind['kind']}'"))
    return out


def change_statements(doc: Document) -> list[tuple[str, Span]]:
    """Changes told in prose when the write-up has no action list ("Eng is adding an end-to-end test with real
    expiry times", "how we'll stop this happening again: the expiry test, a canary ..., and an alert ..."): each
    clause of a unit with a change statement cue, or of a sentence with the action role outside the timeline."""
    cue = kind_rules()["change_statement_cues"]
    out: list[tuple[str, Span]] = []
    for u in doc.units:
        if u.quoted or u.kind in ("heading", "code") or u.section in ("timeline", "hypotheses"):
            continue
        if _search(cue, u.text) or (u.section not in ("cause", "contributing") and has_role(u.text, "action")):
            for m in re.finditer(r"[^,;:]+", u.text):
                if len(m.group(0).split()) >= 2:
                    out.append((m.group(0), Span(u.span.start + m.start(), u.span.start + m.end(), m.group(0))))
    return out
