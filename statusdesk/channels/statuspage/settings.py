"""A Statuspage channel's settings: where the API is, which page, and which of their components
stands for each of ours.

    statusdesk channel add statuspage status --set page_id=kctbh9vrtdwd \\
        --set components=Trading:8kbf7d35c070,Funding:vtf5tj6z9t4k
    statusdesk channel secret status api_key
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

DEFAULT_BASE_URL = "https://api.statuspage.io"
# Statuspage ids are short lowercase alphanumerics ("kctbh9vrtdwd"); anything that could not
# sit in a URL path segment is surely a typo.
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
COMPONENTS_EXAMPLE = "--set components=Trading:8kbf7d35c070,Funding:vtf5tj6z9t4k"


class ComponentsSyntaxError(ValueError):
    pass


def base_url(settings: Mapping[str, object]) -> str:
    return str(settings.get("base_url") or DEFAULT_BASE_URL).rstrip("/")


def page_id(settings: Mapping[str, object]) -> str:
    return str(settings.get("page_id") or "").strip()


def parse_components(value: object) -> dict[str, str]:
    """Our component name (English) → their component id.

    The CLI gives `Name:id,Name:id`; a mapping (as a GUI might store it) is taken as it is.
    A name may hold a colon (the id after the last one is theirs); names are compared without
    regard to case, as the workspace does."""
    if value is None or value == "":
        return {}
    if isinstance(value, Mapping):
        pairs = [(str(k), str(v)) for k, v in value.items()]
    elif isinstance(value, str):
        pairs = []
        for entry in value.split(","):
            if not entry.strip():
                continue
            name, colon, theirs = entry.rpartition(":")
            if not colon:
                raise ComponentsSyntaxError(
                    f"components entry {entry.strip()!r} has no ':'; write OurName:their-id"
                )
            pairs.append((name, theirs))
    else:
        raise ComponentsSyntaxError(
            f"components must be OurName:their-id pairs (got a {type(value).__name__})"
        )
    mapping: dict[str, str] = {}
    seen: set[str] = set()
    for raw_name, raw_id in pairs:
        name, theirs = raw_name.strip(), raw_id.strip()
        if not name:
            raise ComponentsSyntaxError(f"components entry ':{theirs}' names none of ours")
        if not _ID.match(theirs):
            raise ComponentsSyntaxError(
                f"{theirs!r} (for {name!r}) is not a Statuspage component id; copy it from the "
                "component's page in Statuspage (e.g. 8kbf7d35c070)"
            )
        if name.casefold() in seen:
            raise ComponentsSyntaxError(f"components names {name!r} twice")
        seen.add(name.casefold())
        mapping[name] = theirs
    return mapping


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    """What is wrong with a Statuspage channel's settings, in words a user can act on."""
    problems = []
    url = str(settings.get("base_url") or DEFAULT_BASE_URL)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(
            f"base_url must be an http:// or https:// address (got {url!r}); leave it out for "
            f"{DEFAULT_BASE_URL}"
        )
    page = page_id(settings)
    if not page:
        problems.append(
            "page_id is missing; copy it from Statuspage (Your page → API info), e.g. "
            "--set page_id=kctbh9vrtdwd"
        )
    elif not _ID.match(page):
        problems.append(f"page_id {page!r} is not a Statuspage page id (e.g. kctbh9vrtdwd)")
    try:
        parse_components(settings.get("components"))
    except ComponentsSyntaxError as exc:
        problems.append(f"{exc}; e.g. {COMPONENTS_EXAMPLE}")
    return problems
