"""`python -m statusdesk` and the `statusdesk` console script (pyproject's entry point).

The entry point decides, because it is the one place above both the CLI and the GUI
(ARCHITECTURE §1): `statusdesk` and `statusdesk --home DIR` open the desktop app, without
loading the command grammar, the store or the channels first (they cost a quarter of the app's
start-up, and the GUI loads what it needs itself); anything else is the command line, which
never imports the GUI. The GUI is imported only when it is asked for, so the CLI runs on a server
without a display or without PySide6 at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from statusdesk import cli

EXIT_WORKSPACE = 1  # Exit.WORKSPACE, without importing the command modules for it
EXIT_USAGE = 2  # Exit.USAGE
UI_LANGUAGES = ("ar", "en", "system")  # settings.UI_LANGUAGE's choices
AUTHOR_ENV = "STATUSDESK_AUTHOR"  # app/context.py's: who this desk is
MAX_AUTHOR = 80  # settings.MAX_AUTHOR


def _a_name(text: str) -> bool:
    """A name for `--author` (as settings.py's desk.author takes it, without loading it): not
    too long, and no control character or direction control to turn the others' lines."""
    from statusdesk.core.text.sanitize import BIDI_CONTROLS, is_forbidden

    return len(text) <= MAX_AUTHOR and not any(
        ch in BIDI_CONTROLS or is_forbidden(ch) or ch in "\t\n\r" for ch in text
    )


def open_app(home: str | None, ui_language: str | None = None, db: str | None = None) -> int:
    """The desktop app on `home` (in `ui_language`: ar, en or system; None: the workspace's
    ui.language; `db`: `--db`, a PostgreSQL URL for a team desk's records, or `local`; None: the
    folder's `store.url` setting says), or a message saying why it cannot start here."""
    # First, before Qt loads: the integrity check runs inside SQLite on the other core while
    # Qt loads on this one (early_check.py). Only sqlite3 and the workspace's paths are loaded.
    # A team desk's records are the server's to check.
    from statusdesk.gui.runtime.early_check import EarlyCheck
    from statusdesk.workspace import WorkspacePaths, records_url, resolve_home

    folder = resolve_home(home)
    db = records_url(folder, db)
    early = EarlyCheck(WorkspacePaths(folder).db) if db is None else None
    try:
        # Before the desk's hundreds of modules load (gui/runtime/pyside_imports.py says why).
        from statusdesk.gui.runtime.pyside_imports import read_sources_lightly

        read_sources_lightly()
        from statusdesk.gui.launch.app import run
    except ImportError as exc:
        from statusdesk.cli import output

        output.err(
            f"statusdesk: the desktop app cannot start here ({exc}). Install it with "
            "`pip install PySide6-Essentials` (and Qt's system libraries, e.g. Debian's libegl1 "
            "libxkbcommon-x11-0), or use the command line: `statusdesk --help`."
        )
        return EXIT_WORKSPACE
    return run(home, ui_language=ui_language, early=early, db=db)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    app_only, home = cli.asks_for_the_app(arguments)
    if app_only:
        language = cli.ui_language(arguments)
        if language is not None and language not in UI_LANGUAGES:
            from statusdesk.cli import output

            output.err(
                f"statusdesk: --ui-language takes {', '.join(UI_LANGUAGES)} "
                f"(not {language!r}); `system` follows the system's language."
            )
            return EXIT_USAGE
        author = cli.desk_author(arguments)
        if author is not None and not _a_name(author):
            from statusdesk.cli import output

            output.err(
                f"statusdesk: --author takes a name of up to {MAX_AUTHOR} characters on one line, "
                "without control or direction characters; nothing was started."
            )
            return EXIT_USAGE
        if author is not None and author.strip():
            # For this run, as STATUSDESK_AUTHOR would say it (app/context.current_user), so
            # every part of the desk that records a name records this one.
            os.environ[AUTHOR_ENV] = author.strip()
        db = cli.team_db(arguments)
        if db is not None:
            return open_app(home, language, db)
        return open_app(home) if language is None else open_app(home, language)
    # The CLI is given the app's opener rather than importing it: a spelling only the full
    # grammar recognises (an abbreviated `--ho DIR`) still means "no command, open the app".
    return cli.main(arguments, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
