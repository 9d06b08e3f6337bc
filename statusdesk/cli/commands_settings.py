"""`channel edit | remove | enable | disable` and `setting list | get | set` (issue #12 §7)."""

from __future__ import annotations

import argparse

from statusdesk.app.jsonview import channel_json
from statusdesk.cli.errors import Exit
from statusdesk.cli.output import out, print_json
from statusdesk.desk import Desk
from statusdesk.secrets import SecretsUnavailable


def channel_edit(desk: Desk, args: argparse.Namespace) -> int:
    config = desk.channels.edit_channel(args.name, dict(args.settings), args.unset)
    if args.json:
        print_json(channel_json(config))
    else:
        shown = ", ".join(
            f"{k}={v}" for k, v in sorted(config.settings.items()) if k != "secret_keys"
        )
        out(
            f"{config.name} ({config.kind}): {config.language.value}, {config.order.value}"
            + (f"; {shown}" if shown else "")
        )
    return Exit.OK


def channel_remove(desk: Desk, args: argparse.Namespace) -> int:
    from statusdesk.cli.errors import CliError

    try:
        removed = desk.channels.remove_channel(args.name)
    except SecretsUnavailable as exc:
        raise CliError(
            f"{args.name} was not removed: its secrets could not be deleted from the keyring. "
            f"{exc}",
            Exit.WORKSPACE,
        ) from None
    lines = [f"removed {removed.channel.kind} channel {removed.channel.name}"]
    if removed.skipped:
        lines.append(
            f"  {len(removed.skipped)} delivery(ies) it had not sent were skipped: "
            + ", ".join(str(d) for d in removed.skipped)
        )
    if removed.scheduled:
        lines.append(
            "  scheduled updates no longer going to it: "
            + ", ".join(str(u) for u in removed.scheduled)
        )
    if removed.secrets:
        lines.append(f"  deleted from the keyring: {', '.join(removed.secrets)}")
    lines.append("  its past deliveries stay in the record under its name")
    out("\n".join(lines))
    return Exit.OK


def _toggle(desk: Desk, args: argparse.Namespace, enabled: bool) -> int:
    config, changed = desk.channels.enable_channel(args.name, enabled)
    state = "enabled" if enabled else "disabled"
    what = (
        "new updates go to it unless they leave it out"
        if enabled
        else "new updates go to it only if they name it (--channels)"
    )
    out(f"{config.name}: {state}{'' if changed else ' already'}; {what}")
    return Exit.OK


def channel_enable(desk: Desk, args: argparse.Namespace) -> int:
    return _toggle(desk, args, True)


def channel_disable(desk: Desk, args: argparse.Namespace) -> int:
    return _toggle(desk, args, False)


def setting_list(desk: Desk, args: argparse.Namespace) -> int:
    rows = desk.settings.workspace_settings()
    if args.json:
        print_json(rows)
        return Exit.OK
    blocks = []
    for r in rows:
        chosen = "the default" if r["is_default"] else f"default {r['default']}"
        blocks.append(
            f"{r['key']} = {r['value']}  ({chosen})\n"
            f"    {r['meaning']}\n"
            f"    allowed: {r['allowed']}"
        )
    out("\n\n".join(blocks))
    return Exit.OK


def setting_get(desk: Desk, args: argparse.Namespace) -> int:
    out(desk.settings.workspace_setting(args.key))
    return Exit.OK


def setting_set(desk: Desk, args: argparse.Namespace) -> int:
    from statusdesk.channels.base import ChannelError
    from statusdesk.cli.errors import CliError

    try:
        change = desk.settings.set_workspace_setting(args.key, args.value)
    except (ChannelError, OSError) as exc:  # the setting is kept; the page could not be built
        raise CliError(
            f"{args.key} is set, but the status page could not be rebuilt: {exc}. "
            "`statusdesk site build` tries again.",
            Exit.WORKSPACE,
        ) from None
    out(f"{change.key} = {change.value}" + ("" if change.changed else " (unchanged)"))
    if change.site is not None:
        out(f"status page rebuilt: {change.site}")
    if change.site_note and change.changed:
        out(change.site_note)
    return Exit.OK


HANDLERS = {
    "channel edit": channel_edit,
    "channel remove": channel_remove,
    "channel enable": channel_enable,
    "channel disable": channel_disable,
    "setting list": setting_list,
    "setting get": setting_get,
    "setting set": setting_set,
}
