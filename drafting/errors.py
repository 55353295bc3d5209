"""User-facing errors: one plain line that says what went wrong and what to do."""


class DraftingError(Exception):
    """Base for every error a user may see; its message is shown as-is, never a traceback."""


class InputError(DraftingError):
    """The text or file given cannot be checked (empty, binary, too large...)."""


class ConfigError(DraftingError):
    """The company configuration file is missing, unreadable or invalid."""


class ContextError(DraftingError):
    """An unknown severity, audience or stage was asked for."""
