"""The apology: it names the duration or the day, so it is never stock wording."""
from __future__ import annotations

import re

from ..context import Audience
from ..facts.brand import brand_only
from ..facts.kinds import kind_rules
from ..redact import templates
from .document import Unit
from .phrasing import Inputs


def apology(inp: Inputs) -> Unit:
    """The apology, naming the duration or the day. With neither, it can only be stock wording the review flags:
    then the self-check may drop it, and the liaison is told to write one that names what failed."""
    t = templates()["apology"]
    v = inp.values
    key = "with_duration" if "duration" in v and "day" in v else "with_day" if "day" in v else "bare"
    if key != "bare" and v.get("what_failed") and brand_only(inp.facts.products) and _a_thing(v["what_failed"]):  # "Tagwell": who we are
        key += "_headline"
        v = {**v, "failed_the": re.sub(r"(?i)^(?:an?|the|our)\s+", "", v["what_failed"])}
        head = v["failed_the"].split(" ", 1)[0]
        v["failed_the"] = "the " + (head.lower() + v["failed_the"][len(head):] if head[1:].islower() else v["failed_the"])  # "Duplicate class reminders"
    tone = "low" if inp.ctx.audience is Audience.EXECUTIVE else inp.tone()  # leadership reads the short form
    if key == "bare":
        inp.omit("apology", "No day or duration was read, so the apology can only be general; if the self-check drops it, write one that names what failed.")
    return Unit(t[key][tone].format(**v), required=key != "bare")


def _a_thing(what_failed: str) -> bool:
    """Whether "We are sorry for the ..." can take it: a noun phrase that ends in what went wrong ("duplicate class
    reminders sent to members", "forward geocoding errors"), not in a state or a manner ("receipts stuck", "clients
    getting charged the deposit twice"), which is said with the product instead."""
    last = what_failed.split()[-1].lower().strip(".,")
    return bool(re.search(r"[^s]s$", last) or re.search(kind_rules()["headline"].get("countable_heads", "(?!)"), last))
