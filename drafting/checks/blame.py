"""blame: a person, role, team or vendor singled out as the one at fault.

Uses the parse: a PERSON, a role word or a named vendor as the subject (or possessor of the
subject, or passive agent) of a fault verb is blame; "we" is collective ownership and is not.
Counterfactual hindsight aimed at a person ("X should have...", "X failed to...") is blame too.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import Finding
from ..resources import rules
from .base import Analysis, merge_overlapping, phrase_spans

_SUBJ = {"nsubj", "nsubjpass"}


def _data() -> dict:
    return rules("blame")


def _is_agent(tok: Token, a: Analysis) -> str | None:
    """Return a label if this token names a person, role, team or vendor (not 'we')."""
    data = _data()
    low = tok.lower_
    products = {p.lower() for p in a.config.product_names}
    if low in data["collective_subjects"] or tok.text.lower() in products:
        return None
    if tok.ent_type_ == "PERSON":
        return tok.text
    roles = set(data["roles"])
    if tok.lemma_.lower() in roles or low in roles:
        if tok.lemma_.lower() == "team" or low == "team":
            # "our team" is collective ownership; "the database team" singles one out.
            specific = any(c.dep_ in ("compound", "amod") for c in tok.children)
            return f"the {' '.join(c.text for c in tok.children if c.dep_ in ('compound', 'amod'))} team" if specific else None
        return tok.text
    if tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "PRODUCT", "CARDINAL", "MONEY"):
        return tok.text  # a named person or vendor (all-caps words are usually products or protocols)
    return None


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
    markers = set(_data()["markers"])
    near = [c for c in verb.children if c.dep_ in ("advmod", "dobj", "obj", "attr", "acomp")]
    words = [t for c in near for t in (c.subtree if c.dep_ in ("dobj", "obj", "attr") else [c])]
    if any(t.lower_ in markers or t.lemma_.lower() in markers for t in words):
        return True
    # a fault by omission: "restarted the job without checking whether it was still running"
    skipped = set(_data()["omission_verbs"])
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
    fault = set(data["fault_verbs"])
    marked = set(data["marked_verbs"])
    fault_nouns = set(data["fault_nouns"])
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
            if lemma == "fail" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
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
            if any(c.dep_ == "amod" and c.lower_ in set(data["markers"]) for c in head.children):
                label = _is_agent(tok, a)
                if label:
                    found.append(a.finding("blame", "agent", tok.idx, head.idx + len(head), 0.85, agent=label, object="the system"))
    return merge_overlapping(found)


def _is_staff(tok: Token) -> bool:
    """Hindsight is blame when aimed at a named person or a staff role, not at the customer's own people."""
    roles = set(_data()["staff_roles"])
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
    collective = set(_data()["collective_subjects"])
    root_subjects = [c for c in sent.root.children if c.dep_ in _SUBJ]
    if not root_subjects or any(s.lower_ not in collective for s in root_subjects):
        return False
    return not any(_is_agent(tok, a) for tok in sent)
