"""What this statusdesk is: its version and licence, read from the installed package's metadata.

Imported lazily on purpose: importlib.metadata costs some 30 ms to load, which `--version`, the
About box and a crash report can pay, but the GUI's start-up should not.
"""

from __future__ import annotations

UNKNOWN = "0+unknown (not installed: run from a source tree)"


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("statusdesk")
    except metadata.PackageNotFoundError:
        return UNKNOWN


def license_name() -> str | None:
    """The licence pyproject declares (SPDX expression or free text), if any."""
    from importlib import metadata

    try:
        fields = metadata.metadata("statusdesk")
    except metadata.PackageNotFoundError:
        return None
    for field in ("License-Expression", "License"):
        for value in fields.get_all(field) or []:
            text = str(value).strip()
            if text and text.upper() != "UNKNOWN":
                return text
    return None


def project_urls() -> list[str]:
    """`label: url` for each Project-URL (and Home-page) pyproject declares."""
    from importlib import metadata

    try:
        fields = metadata.metadata("statusdesk")
    except metadata.PackageNotFoundError:
        return []
    urls = [str(u).replace(", ", ": ", 1) for u in fields.get_all("Project-URL") or []]
    return [f"Home page: {home}" for home in fields.get_all("Home-page") or []] + urls
