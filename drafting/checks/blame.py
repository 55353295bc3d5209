"""blame: a person, role, team or vendor singled out as the one at fault.

Uses the parse: a PERSON, a role word or a named vendor as the subject (or possessor of the
subject, or passive agent) of a fault verb is blame; "we" is collective ownership and is not.
Counterfactual hindsight aimed at a person ("X should have...", "X failed to...") is blame too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from ..catalog import Category
from ..config import CompanyConfig
from ..context import Context
from ..findings import Finding
from ..nlp import parse
from ..resources import data_yaml, rules
from ..textspans import templates
from . import evidence
from .base import Analysis, merge_overlapping, phrase_spans

_SUBJ = {"nsubj", "nsubjpass"}


def _data() -> dict:
    return rules("blame")


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    """A word list of blame.yaml as a set, built once (the checks ask per token)."""
    return frozenset(_data()[key])


@lru_cache(maxsize=1)
def _public_software() -> frozenset[str]:
    return frozenset(str(x).lower() for x in data_yaml("glossary.yaml").get("public_software", []))


def _is_agent(tok: Token, a: Analysis) -> str | None:
    """Return a label if this token names a person, role, team or vendor (not 'we')."""
    data = _data()
    low = tok.lower_
    products = {p.lower() for p in a.config.product_names}
    if low in data["collective_subjects"] or tok.text.lower() in products or low in _public_software():
        return None  # "a connection spike caused by Django": software is not a party to blame
    if tok.ent_type_ == "PERSON":
        return tok.text
    roles = _words("roles")
    if tok.lemma_.lower() in roles or low in roles:
        if tok.lemma_.lower() == "team" or low == "team":
            # "our team" is collective ownership; "the database team" singles one out.
            specific = any(c.dep_ in ("compound", "amod") for c in tok.children)
            return f"the {' '.join(c.text for c in tok.children if c.dep_ in ('compound', 'amod'))} team" if specific else None
        return tok.text
    if tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "PRODUCT", "CARDINAL", "MONEY"):
        return tok.text  # a named person or vendor (all-caps words are usually products or protocols)
    return None


def blamed_party(sent, a: Analysis) -> Token | None:
    """The person, role, team or vendor a sentence singles out ("Priya", "Chen's", "whoever"), if any.

    Where a model blame verdict has no fault word to point at, its highlight goes on who is blamed.
    """
    for tok in sent:
        if tok.lower_ in ("whoever", "whomever") or (tok.dep_ in (_SUBJ | {"poss"}) and _is_agent(tok, a)):
            return tok
    return next((tok for tok in sent if tok.ent_type_ == "PERSON"), None)


def _agent_of(verb: Token, a: Analysis) -> tuple[Token, str] | None:
    for child in verb.children:
        if child.dep_ in _SUBJ:
            label = _is_agent(child, a)
            if label:
                return child, label
            for poss in child.children:
                if poss.dep_ == "poss":
                    label = _is_agent(poss, a)
                    if label:
                        return poss, label
        if child.dep_ == "agent":
            for pobj in child.children:
                label = _is_agent(pobj, a)
                if label:
                    return pobj, label
    has_own_subject = any(c.dep_ in _SUBJ for c in verb.children)
    # "X failed to run", "X forgot to check": subject sits on the head verb
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and not has_own_subject:
        return _agent_of(verb.head, a)
    # conjoined verbs share the subject: "Sam pushed and skipped the canary" (unless they have their own)
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not has_own_subject:
        return _agent_of(verb.head, a)
    return None


def _marked(verb: Token) -> bool:
    """A fault marker on the verb ("mistakenly deleted"), on its object ("pushed a bad config"), or an omission ("without testing")."""
    markers = _words("markers")
    near = [c for c in verb.children if c.dep_ in ("advmod", "dobj", "obj", "attr", "acomp")]
    words = [t for c in near for t in (c.subtree if c.dep_ in ("dobj", "obj", "attr") else [c])]
    if any(t.lower_ in markers or t.lemma_.lower() in markers for t in words):
        return True
    # a fault by omission: "restarted the job without checking whether it was still running"
    skipped = _words("omission_verbs")
    return any(c.dep_ == "prep" and c.lower_ == "without" and any(g.lemma_.lower() in skipped for g in c.children)
               for c in verb.children)


def _object_text(verb: Token) -> str:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr"):
            return " ".join(t.text for t in child.subtree)
    return "the system"


def run(a: Analysis) -> list[Finding]:
    data = _data()
    found: list[Finding] = []
    covered: set[int] = set()
    for span, _phrase in phrase_spans(a.doc, "blame.fault", data["fault_phrases"]):
        # "we messed up" is ownership, not blame
        subj = [t for t in span.root.head.children if t.dep_ in _SUBJ] if span.root.head else []
        if subj and subj[0].lower_ in data["collective_subjects"]:
            continue
        found.append(a.finding("blame", "fault_phrase", span.start_char, span.end_char, 0.9))
        covered.add(span.sent.start)
    found.extend(_third_party_grievances(a, data))
    fault = _words("fault_verbs")
    marked = _words("marked_verbs")
    fault_nouns = _words("fault_nouns")
    for tok in a.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and (lemma in fault or lemma in marked):
            hit = _agent_of(tok, a)
            if not hit:
                continue
            agent_tok, label = hit
            counterfactual = _is_counterfactual(tok)
            negated = any(c.dep_ == "neg" for c in tok.children)
            if lemma in marked and not (_marked(tok) or counterfactual or negated):
                continue
            if (counterfactual or negated or lemma == "fail") and not _is_staff(agent_tok):
                continue
            if lemma == "fail" and (any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children) or (
                    tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("over", "back"))):
                continue  # "the primary failed over" is a switch to a backup, not a fault
            start = min(agent_tok.left_edge.idx, tok.idx)  # "An engineer", not "engineer"
            end = max(t.idx + len(t) for t in (tok, *[c for c in tok.children if c.dep_ in ("dobj", "xcomp", "prt", "acomp")]))
            rule = "counterfactual" if counterfactual else "agent"
            found.append(a.finding("blame", rule, start, end, 0.85, agent=label, object=_object_text(tok)))
            covered.add(tok.sent.start)  # tok.sent walks the sentence: only on a hit, never per token
        elif tok.pos_ in ("VERB", "AUX") and _is_counterfactual(tok):
            hit = _agent_of(tok, a)
            if hit and _is_staff(hit[0]):
                agent_tok, label = hit
                start = min(agent_tok.idx, tok.idx)
                found.append(a.finding("blame", "counterfactual", start, tok.idx + len(tok), 0.8, agent=label))
        elif tok.pos_ == "NOUN" and lemma in fault_nouns:
            # "John's mistake", "a junior developer's careless change"
            for child in tok.children:
                if child.dep_ == "poss":
                    label = _is_agent(child, a)
                    if label:
                        found.append(a.finding("blame", "agent", child.idx, tok.idx + len(tok), 0.85, agent=label, object="the system"))
        elif tok.dep_ == "poss" and tok.head.pos_ == "NOUN":
            # "a junior developer's careless change": a possessor plus a fault adjective
            head = tok.head
            if any(c.dep_ == "amod" and c.lower_ in _words("markers") for c in head.children):
                label = _is_agent(tok, a)
                if label:
                    found.append(a.finding("blame", "agent", tok.idx, head.idx + len(head), 0.85, agent=label, object="the system"))
    return merge_overlapping(found)


@lru_cache(maxsize=1)
def _third_parties() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _data()["third_parties"]) + r")\b", re.I)


def _third_party_grievances(a: Analysis, data: dict) -> list[Finding]:
    """'No notice was given to us by the third party', 'had they informed us...': a vendor held at fault.

    A plain fact about a dependency ("our DNS provider had an outage") has no grievance and passes.
    """
    parties = _third_parties()
    out: list[Finding] = []
    for span, phrase in phrase_spans(a.doc, "blame.grievance", data["grievances"]):
        if " they" in f" {phrase}" or parties.search(span.sent.text):
            out.append(a.finding("blame", "third_party", span.start_char, span.end_char, 0.8))
    return out


def _is_staff(tok: Token) -> bool:
    """Hindsight is blame when aimed at a named person or a staff role, not at the customer's own people."""
    roles = _words("staff_roles")
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.is_title) or tok.lemma_.lower() in roles or tok.lower_ in roles


def _is_counterfactual(verb: Token) -> bool:
    """'should have checked', 'could have caught', 'failed to', 'didn't follow'."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "have" in aux and any(m in aux for m in ("should", "could", "ought")):
        return verb.tag_ == "VBN"
    if verb.lemma_.lower() == "fail" and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if any(c.dep_ == "neg" for c in verb.children) and verb.lemma_.lower() in (
        "follow", "check", "notice", "escalate", "respond", "test", "read", "verify", "page", "run", "review", "catch", "update", "tell", "inform",
    ):
        return True
    return False


def clears_someone(sent) -> bool:
    """'Our payments partner, Stripe, was not involved': naming someone to clear them is not blame."""
    low = sent.text.lower()
    return any(p in low for p in _data().get("exonerating_phrases", []))


def is_collective_ownership(sent, a: Analysis) -> bool:
    """'We made the wrong call, and we own that': the company owns the fault and no one else is named.

    Accountability, not blame (LABELS.md); used to veto a model-only blame verdict.
    """
    collective = _words("collective_subjects")
    root_subjects = [c for c in sent.root.children if c.dep_ in _SUBJ]
    if not root_subjects or any(s.lower_ not in collective for s in root_subjects):
        return False
    if any(t.lower_ in ("they", "them") and t.dep_ in _SUBJ for t in sent):
        return False  # "Had they warned us, we would have...": someone else is held at fault
    return not any(_is_agent(tok, a) for tok in sent)


def point(a: Analysis, sent, finding: Finding) -> tuple[int, int] | None:
    """A model blame verdict is shown on its fault words (evidence.yaml), else on who is blamed."""
    allowed = frozenset(p.lower() for p in a.config.product_names)
    rel = evidence.point("blame", sent.text, a.ctx.severity, allowed, finding.confidence)
    if rel is not None:
        return sent.start_char + rel[0], sent.start_char + rel[1]
    who = blamed_party(sent, a)
    return (who.idx, who.idx + len(who.text)) if who is not None else None


def veto(a: Analysis, sent, finding: Finding) -> bool:
    """A model-only blame verdict is wrong where the company owns the fault, the sentence clears someone,
    or a process or system is what failed ("Our release process did not catch it")."""
    return is_collective_ownership(sent, a) or clears_someone(sent) or is_system_fault(sent, a)


def is_system_fault(sent, a: Analysis) -> bool:
    """The subject is a process or system and no person, role, team or vendor is named: what LABELS.md asks for."""
    systems = _words("system_subjects")
    subjects = [t for t in sent if t.dep_ in _SUBJ]
    if not subjects or not all(t.lemma_.lower() in systems or t.lower_ in systems for t in subjects):
        return False
    return not any(_is_agent(tok, a) for tok in sent)


# ---------------------------------------------------------------- suggestion: what the system allowed


def _pp(lemma: str) -> str:
    table = templates()["past_participles"]
    if lemma in table:
        return table[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _phrase(tokens: list, drop_people: bool = True) -> str:
    keep = []
    for t in tokens:
        if drop_people and (t.ent_type_ == "PERSON" or (t.dep_ == "poss" and t.pos_ == "PROPN")):
            continue
        if t.dep_ == "case" and keep == []:
            continue
        keep.append(t.text_with_ws)
    return "".join(keep).strip()


def systemize(sent: Span, finding: Finding, a: Analysis | None = None) -> str:
    """A blaming sentence (parsed) as what the system or process allowed."""
    words = templates()["rewrite"]
    verbs = _words("fault_verbs") | _words("marked_verbs")
    lo, hi = finding.start, finding.end
    verb = None
    for tok in sent:
        if lo <= tok.idx < hi and tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in verbs or _is_counterfactual(tok)):
            verb = tok
            break
    if verb is None:
        return words["blame_process"][0]
    a_hit = _agent_of(verb, a or Analysis(text=sent.doc.text, doc=sent.doc, ctx=Context.of()))
    if a_hit and (a_hit[0].lemma_.lower() in ("vendor", "provider", "supplier", "partner") or a_hit[0].ent_type_ == "ORG"):
        return words["blame_vendor"]
    if _is_counterfactual(verb) and verb.lemma_.lower() not in ("forget", "neglect", "fail", "skip", "omit"):
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        obj_text = _phrase(list(obj.subtree)) if obj is not None else "this"
        return words["blame_counterfactual"].format(verb=verb.lemma_.lower(), object=obj_text)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    target = xcomp if xcomp is not None and verb.lemma_.lower() in ("forget", "neglect", "fail", "omit") else verb
    obj = next((c for c in target.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ == "PRON":
        return words["blame_process"][0]
    obj_tokens = list(obj.subtree)
    obj_text = _phrase(obj_tokens)
    obj_text = re.sub(r"^(?:his|her|their|my)\s+", "the ", obj_text, flags=re.I)
    plural = obj.tag_ in ("NNS", "NNPS")
    after = sent.doc[obj_tokens[-1].i + 1: sent.end]
    rest = _phrase(list(after), drop_people=False).rstrip(" .;:")
    rest = re.sub(r"^[,;:]\s*", ", ", rest) if rest else ""
    if rest and not rest.startswith(","):
        rest = " " + rest
    subject = obj_text[0].upper() + obj_text[1:] if obj_text[:1].islower() and obj_text.split()[0].lower() in ("the", "a", "an", "this", "that", "some", "all") else obj_text
    subject = subject[0].upper() + subject[1:] if subject[:1].islower() and not re.match(r"[a-z]+[-.]", subject) else subject
    particle = "".join(" " + c.text for c in target.children if c.dep_ == "prt")
    if target is not verb:
        main = f"{subject} {'were' if plural else 'was'} not {_pp(target.lemma_.lower())}{particle}{rest}."
        return main + " Our process did not check for it."
    main = f"{subject} {'were' if plural else 'was'} {_pp(verb.lemma_.lower())}{particle}{rest}."
    markers = _words("markers") - {"error", "mistake"}
    faulty = verb.lemma_.lower() in _words("fault_verbs") or any(
        t.lower_ in markers for t in [*obj_tokens, *[c for c in verb.children if c.dep_ == "advmod"]])
    return main + (" Our process did not catch it in time." if faulty else "")


def suggest(f: Finding, sentence: str, text: str, ctx: Context, config: CompanyConfig, ops) -> list[str]:
    doc = parse(sentence)
    a = Analysis(text=sentence, doc=doc, ctx=ctx, config=config)
    found = run(a) or [f]
    out = [systemize(doc[:], found[0])]
    main = out[0].split(". ")[0]
    if main != out[0]:
        out.append(main + ".")  # the plain statement alone, without the process sentence
    out.extend(templates()["rewrite"]["blame_process"])
    return out


CATEGORY = Category("blame", run=run, veto=veto, point=point, suggest=suggest, sarif_level="error",
                    rules=("fault_phrase", "agent", "counterfactual", "third_party"))
