"""What this statusdesk is: its version and licence, read from the installed package's metadata.

Imported lazily on purpose: importlib.metadata costs some 30 ms to load, which `--version`, the
About box and a crash report can pay, but the GUI's start-up should not.
"""

from __future__ import annotations

UNKNOWN = "0+unknown (not installed: run from a source tree)"


def version() -> str:
    # The installed package's METADATA says it on one line: read that first, as
    # importlib.metadata would find it (the first statusdesk-*.dist-info on sys.path). Loading
    # importlib.metadata (its email parser, zipfile, csv) costs 4 MB that the GUI, which logs
    # its version at every start, would keep for good (issue #16).
    found = _version_on_path()
    if found is not None:
        return found
    from importlib import metadata

    try:
        return metadata.version("statusdesk")
    except metadata.PackageNotFoundError:
        return UNKNOWN


def _version_on_path() -> str | None:
    import os
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in sorted(names):
            if not (name.startswith("statusdesk-") and name.endswith(".dist-info")):
                continue
            try:
                with open(os.path.join(entry or ".", name, "METADATA"), encoding="utf-8") as f:
                    for line in f:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # the headers are over
            except OSError:
                pass
            return None  # the first found is the one: let importlib.metadata say why not
    return None


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
