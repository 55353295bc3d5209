"""Company configuration: a YAML file a support lead edits (glossary, banned phrases, products, leak patterns, contact)."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import catalog
from .errors import ConfigError

_LIST_KEYS = ("banned_phrases", "product_names", "public_names", "other_customers", "public_domains", "public_hosts", "disabled")
_PATTERN_KEYS = ("hostnames", "tickets", "urls", "secrets", "other")
_KNOWN = {"company", "contact", "glossary", "leak_patterns", "languagetool_url", "library", *_LIST_KEYS}

EXAMPLE = """\
# Company configuration for incident-draft. Every key is optional.
company: Example Pay
contact: support@example.com
glossary:            # term: plain words for general and executive readers
  ledger sync: the process that updates your account balances
banned_phrases:      # flagged as boilerplate wherever they appear
  - world-class service
product_names:       # your own product names: never jargon
  - Example Pay Checkout
public_names:        # people who may be named to customers (spokespeople, account managers)
  - Dana Whitfield
other_customers:     # customer names that must never appear in another customer's note
  - Globex
public_domains:      # your own domains: a host under them is internal unless customers see it
  - example.com
public_hosts:        # hosts under those domains that customers do see (www, status, api... are built in)
  - pay.example.com
leak_patterns:       # regular expressions for internal details
  hostnames: ['\\b[a-z]+-(prod|stg)-\\d+\\b']
  tickets: ['\\bPAY-\\d+\\b']
languagetool_url:    # e.g. http://localhost:8081 ; or set LANGUAGETOOL_URL
library:             # path to the past-reports database (SQLite)
disabled:            # categories or category/rule ids to turn off, e.g. grammar or tone/flippant
"""


@dataclass
class CompanyConfig:
    """A validated company configuration; the empty default changes nothing."""

    company: str = ""
    contact: str = ""
    glossary: dict[str, str] = field(default_factory=dict)
    banned_phrases: list[str] = field(default_factory=list)
    product_names: list[str] = field(default_factory=list)
    public_names: list[str] = field(default_factory=list)
    other_customers: list[str] = field(default_factory=list)
    public_domains: list[str] = field(default_factory=list)
    public_hosts: list[str] = field(default_factory=list)
    leak_patterns: dict[str, list[str]] = field(default_factory=dict)
    languagetool_url: str = ""
    library: str = ""
    disabled: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Stable hash, so caches built from this config are rebuilt when it changes."""
        return hashlib.sha1(repr(sorted(self.__dict__.items())).encode()).hexdigest()[:12]

    def compiled_leak_patterns(self) -> list[tuple[str, re.Pattern]]:
        return [(kind, re.compile(p)) for kind, pats in self.leak_patterns.items() for p in pats]

    def is_disabled(self, category: str, rule: str = "") -> bool:
        """Turned off by name: the whole category ("tone") or one rule ("tone/flippant")."""
        return bool(self.disabled) and (category in self.disabled or f"{category}/{rule}" in self.disabled)

    def grammar_server(self) -> str:
        return (self.languagetool_url or os.environ.get("LANGUAGETOOL_URL", "")).strip()


def _fail(source: str, message: str) -> ConfigError:
    return ConfigError(f"{source}: {message}")


def from_dict(data: Any, source: str = "config") -> CompanyConfig:
    """Validate a parsed YAML mapping; every error names the key and says what is expected."""
    if data is None:
        return CompanyConfig()
    if not isinstance(data, dict):
        raise _fail(source, "the file must be a YAML mapping of keys (company:, glossary:, ...), not a list or text.")
    unknown = sorted(set(map(str, data)) - _KNOWN)
    if unknown:
        raise _fail(source, f"unknown key(s) {', '.join(unknown)}. Allowed: {', '.join(sorted(_KNOWN))}.")
    cfg = CompanyConfig()
    for key in ("company", "contact", "languagetool_url", "library"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, (str, int, float)):
            raise _fail(source, f"'{key}' must be a single text value.")
        setattr(cfg, key, str(value).strip())
    glossary = data.get("glossary") or {}
    if not isinstance(glossary, dict):
        raise _fail(source, "'glossary' must map each term to its plain words, e.g.  ledger sync: balance update.")
    for term, plain in glossary.items():
        if not isinstance(plain, (str, int, float)) or not str(term).strip():
            raise _fail(source, f"glossary entry '{term}' must map to plain words (text).")
        cfg.glossary[str(term).strip()] = str(plain).strip()
    for key in _LIST_KEYS:
        value = data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise _fail(source, f"'{key}' must be a list of text values, one per line starting with '- '.")
        setattr(cfg, key, [str(v).strip() for v in value if str(v).strip()])
    _check_disabled(cfg.disabled, source)
    patterns = data.get("leak_patterns") or {}
    if isinstance(patterns, list):
        patterns = {"other": patterns}
    if not isinstance(patterns, dict):
        raise _fail(source, f"'leak_patterns' must map a kind ({', '.join(_PATTERN_KEYS)}) to a list of regular expressions.")
    for kind, pats in patterns.items():
        if kind not in _PATTERN_KEYS:
            raise _fail(source, f"leak_patterns kind '{kind}' is unknown. Use one of: {', '.join(_PATTERN_KEYS)}.")
        if isinstance(pats, str):
            pats = [pats]
        if not isinstance(pats, list):
            raise _fail(source, f"leak_patterns.{kind} must be a list of regular expressions.")
        for pat in pats:
            try:
                re.compile(str(pat))
            except re.error as exc:
                raise _fail(source, f"leak_patterns.{kind}: '{pat}' is not a valid regular expression ({exc}).") from None
        cfg.leak_patterns[kind] = [str(p) for p in pats]
    return cfg


def _check_disabled(disabled: list[str], source: str) -> None:
    """Each entry names a category, or a category and one of its rule ids ("tone/flippant")."""
    known = catalog.all_meta()
    for entry in disabled:
        category, _, rule = entry.partition("/")
        if category not in known:
            raise _fail(source, f"disabled: '{entry}' names no category. Categories: {', '.join(known)}.")
        if rule and rule not in known[category].messages and rule != "model":
            rules_ = ", ".join(f"{category}/{r}" for r in known[category].messages if r != "default")
            raise _fail(source, f"disabled: '{entry}' is not a rule of {category}. Its rules: {rules_ or category}.")


def from_yaml(text: str, source: str = "config") -> CompanyConfig:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise _fail(source, f"is not valid YAML{where}. Check indentation and quotes.") from None
    return from_dict(data, source)


def load(path: str | os.PathLike | None) -> CompanyConfig:
    """Load a config file; None gives the empty default."""
    if not path:
        return CompanyConfig()
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"Config file '{p}' was not found. Create it (see `incident-draft config-example`) or fix the path.")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Config file '{p}' could not be read as UTF-8 text ({exc.__class__.__name__}).") from None
    return from_yaml(text, str(p))
