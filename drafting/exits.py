"""The exit statuses every incident-draft command returns (one enum, as proselint's ExitStatus)."""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0            # done; for check: no findings
    FINDINGS = 1      # check (or draft) found something to fix
    USAGE = 2         # bad usage or unreadable input; one line on stderr says what to do
    SKIPPED = 3       # done, but some inputs could not be read (they are listed)
    INTERRUPTED = 130  # Ctrl-C
