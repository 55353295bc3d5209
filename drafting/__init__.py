"""drafting: review and draft customer-facing incident communications, offline.

    >>> import drafting
    >>> result = drafting.check("We think a bad deploy caused it.", severity="sev2", audience="general", stage="preliminary")
    >>> [f.category for f in result.findings]
"""
from . import offline  # noqa: F401  (before transformers/torch are imported anywhere)
from .config import CompanyConfig
from .context import Audience, Context, Severity, Stage
from .draft import draft  # noqa: E402  (binds the function over the submodule of the same name)
from .engine import check, check_many
from .errors import ConfigError, ContextError, DraftingError, InputError
from .findings import CATEGORIES, CheckResult, Finding

__all__ = [
    "check", "check_many", "draft", "CheckResult", "Finding", "CATEGORIES", "Context", "Severity", "Audience", "Stage",
    "CompanyConfig", "DraftingError", "InputError", "ConfigError", "ContextError",
]
