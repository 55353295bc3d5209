"""The category registry: every finding category, as declared once in its check module.

The engine, the model combiner, drafting, rewrite, SARIF, the batch report and the app read
the categories from here instead of keeping their own lists::

    from drafting import registry

    registry.names()                     # ('blame', 'conjecture', ..., 'grammar'), in data order
    registry.categories()                # the Category declarations, in the same order
    registry.get("leak").sarif_level     # 'error'
    registry.get("leak").meta.label      # 'Internal detail' (from data/rules/leak.yaml)
    registry.blocking()                  # names of the categories a produced draft must not carry
    registry.blocks(finding, ctx)        # whether this finding blocks a draft at this context
    registry.checks()                    # [(name, run)] for every category with a rule check

A check module ``drafting/checks/<name>.py`` that defines ``CATEGORY`` is found by its name; its
metadata (label, colours, weight, messages) is the ``category:`` block of data/rules/<name>.yaml.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from . import catalog
from . import checks as check_package
from .catalog import Category, Meta
from .context import Context


@lru_cache(maxsize=1)
def _declared() -> dict[str, Category]:
    found: dict[str, Category] = {}
    for info in pkgutil.iter_modules(check_package.__path__):
        module = importlib.import_module(f"{check_package.__name__}.{info.name}")
        category = getattr(module, "CATEGORY", None)
        if isinstance(category, Category):
            found[category.name] = category
    for name in catalog.names():
        found.setdefault(name, Category(name))  # metadata only: findings come from elsewhere
    order = {name: i for i, name in enumerate(catalog.names())}
    unknown = sorted(set(found) - set(order))
    if unknown:
        raise LookupError(f"categories with no category: block in data/rules/: {', '.join(unknown)}")
    return dict(sorted(found.items(), key=lambda kv: order[kv[0]]))


def categories() -> list[Category]:
    return list(_declared().values())


def names() -> tuple[str, ...]:
    return catalog.names()  # _declared() holds exactly these, in this order


def get(name: str) -> Category:
    catalog.meta(name)  # an unknown name fails here, saying which rules file to add
    return _declared()[name]


def meta(name: str) -> Meta:
    return catalog.meta(name)


def checks() -> list[tuple[str, Callable[..., list]]]:
    """The rule checks, in category order: (name, run(Analysis) -> list[Finding])."""
    return [(c.name, c.run) for c in categories() if c.run is not None]


def blocking() -> tuple[str, ...]:
    """Names of the categories a produced draft must not carry (some only for some audiences: see blocks())."""
    return tuple(c.name for c in categories() if c.blocks)


def blocks(finding: Any, ctx: Context) -> bool:
    """Whether this finding stops a produced draft at its own context."""
    category = _declared().get(finding.category)
    return category is not None and category.blocks_finding(finding, ctx)


def vetoes(finding: Any, a: Any, sentence: Any) -> bool:
    """Whether the parse shows that a model-only finding in this sentence is fine (see Category.veto)."""
    category = _declared().get(finding.category)
    return bool(category and category.veto and category.veto(a, sentence, finding))


def pointer(name: str) -> Callable[..., tuple[int, int] | None] | None:
    """The category's own way to find the words that carry a model verdict (see Category.point)."""
    category = _declared().get(name)
    return category.point if category else None


def suggester(name: str) -> Callable[..., list[str]] | None:
    category = _declared().get(name)
    return category.suggest if category else None


def sarif_level(name: str) -> str:
    category = _declared().get(name)
    return category.sarif_level if category else "warning"
