"""Exit codes and the one error type the CLI turns into a message (never a traceback).

The codes are a contract with scripts (ARCHITECTURE §7) and are listed in `statusdesk --help`.
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    WORKSPACE = 1  # the workspace or the environment cannot be used (read-only, locked, damaged)
    USAGE = 2  # argparse's own code for a malformed command line
    REJECTED = 3  # input that cannot be published as it is: bad text, bad file, unknown incident
    CHANNEL_FAILED = 4  # recorded, but at least one channel did not (yet) get it
    INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT


class CliError(Exception):
    """A problem the user can fix, with the exit code it maps to."""

    def __init__(self, message: str, code: Exit = Exit.REJECTED) -> None:
        super().__init__(message)
        self.code = code
