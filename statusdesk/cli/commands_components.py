"""The component commands: `component add|edit|list|remove` (ARCHITECTURE §7, issue #14).

Input that cannot be taken (an empty, duplicate or bidi-broken name, an unknown component, a
component incidents name) exits 3 with every problem; nothing is changed then.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from statusdesk.app.components import ComponentChange, component_json
from statusdesk.cli import output
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, out, print_json
from statusdesk.core.model import BilingualText
from statusdesk.desk import Desk


def _group(args: argparse.Namespace) -> BilingualText | None:
    if args.group is None:
        if args.group_ar is not None:
            raise CliError("--group-ar: give the group's English name with --group too.")
        return None
    return BilingualText(args.group, args.group_ar or "")


def _done(desk: Desk, change: ComponentChange, verb: str, as_json: bool) -> int:
    component = change.component
    assert component is not None
    if as_json:
        groups = {g.id: g for g in desk.components.groups()}
        if change.group is not None:
            groups[change.group.id] = change.group
        print_json(component_json(component, groups))
        return Exit.OK
    arabic = f" / {component.name.ar}" if component.name.ar else ""
    where = f" in group {change.group.name.en}" if change.group is not None else ""
    out(f"{verb} component {component.name.en}{arabic}{where}")
    if change.site is not None:
        out(f"status page rebuilt: {change.site}")
    if change.site_note:
        out(change.site_note)
    return Exit.OK


def _rebuilding(desk: Desk, call: Callable[[], ComponentChange]) -> ComponentChange:
    from statusdesk.channels.base import ChannelError

    try:
        return call()
    except (ChannelError, OSError) as exc:  # kept; the page could not be built
        raise CliError(
            f"the component is saved, but the status page could not be rebuilt: {exc}. "
            "`statusdesk site build` tries again.",
            Exit.WORKSPACE,
        ) from None


def component_add(desk: Desk, args: argparse.Namespace) -> int:
    change = _rebuilding(
        desk,
        lambda: desk.components.add(
            BilingualText(args.name, args.name_ar or ""),
            description=BilingualText(args.description_en or "", args.description_ar or ""),
            group=_group(args),
        ),
    )
    return _done(desk, change, "added", args.json)


def component_edit(desk: Desk, args: argparse.Namespace) -> int:
    change = _rebuilding(
        desk,
        lambda: desk.components.edit(
            args.name,
            name_en=args.name_en,
            name_ar=args.name_ar,
            description_en=args.description_en,
            description_ar=args.description_ar,
            group=_group(args),
        ),
    )
    return _done(desk, change, "changed", args.json)


def component_list(desk: Desk, args: argparse.Namespace) -> int:
    listed = desk.components.listing()
    if args.json:
        print_json(listed)
        return Exit.OK
    if not listed:
        out("no components yet; add one with `statusdesk component add NAME --name-ar TEXT`")
        return Exit.OK
    headers = ["NAME", "ARABIC NAME", "GROUP", "STATUS"]
    rows = [
        [c["name_en"], c["name_ar"] or NONE, c["group_en"] or NONE, c["status"]] for c in listed
    ]
    out(output.table(headers, rows))
    return Exit.OK


def component_remove(desk: Desk, args: argparse.Namespace) -> int:
    change = _rebuilding(desk, lambda: desk.components.remove(args.name))
    assert change.component is not None
    out(f"removed component {change.component.name.en}")
    if change.site is not None:
        out(f"status page rebuilt: {change.site}")
    if change.site_note:
        out(change.site_note)
    return Exit.OK


HANDLERS = {
    "component add": component_add,
    "component edit": component_edit,
    "component list": component_list,
    "component remove": component_remove,
}
