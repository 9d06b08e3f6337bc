"""The subscriber commands: `subscriber add|edit|remove|list|import` (ARCHITECTURE §7).

Input that cannot be taken (a bad address, a duplicate, a component that does not exist, a file
with bad lines) exits 3 with a message that says what and where; nothing is changed then.
"""

from __future__ import annotations

import argparse

from statusdesk.app.subscribers import SubscriberAdmin
from statusdesk.cli import output
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, out, print_json
from statusdesk.desk import Desk
from statusdesk.store.subscribers import Subscriber, SubscriberError, UnknownComponent

ALL_COMPONENTS = "all"


def _following(subscriber: Subscriber, names: dict[int, str]) -> str:
    """'all' or 'API, Trading': what a subscriber follows, as the list and messages say it."""
    if subscriber.all_components:
        return ALL_COMPONENTS
    return ", ".join(names.get(i, f"#{i}") for i in subscriber.component_ids)


def _refused(exc: SubscriberError) -> CliError:
    where = "--components" if isinstance(exc, UnknownComponent) else "ADDR"
    return CliError(f"{where}: {exc}")


def _subscribers(desk: Desk) -> SubscriberAdmin:
    return desk.subscribers


def subscriber_add(desk: Desk, args: argparse.Namespace) -> int:
    subscribers = _subscribers(desk)
    before = subscribers.get(args.address)
    try:
        added = subscribers.add(args.address, args.language, args.components)
    except SubscriberError as exc:
        raise _refused(exc) from None
    names = subscribers.component_names()
    what = added.language.value
    if not added.all_components:
        what += f"; components: {_following(added, names)}"
    if args.json:
        print_json(added.to_json(names))
    elif before is not None:
        out(
            f"subscribed {added.email} again ({what}); "
            f"they had unsubscribed on {before.unsubscribed_at}"
        )
    else:
        out(f"subscribed {added.email} ({what})")
    return Exit.OK


def subscriber_edit(desk: Desk, args: argparse.Namespace) -> int:
    if args.language is None and args.components is None and not args.all_components:
        raise CliError(
            "say what to change: --language L, --components NAMES or --all-components",
            Exit.USAGE,
        )
    subscribers = _subscribers(desk)
    try:
        edited = subscribers.edit(
            args.address,
            language=args.language,
            components=args.components,
            all_components=args.all_components,
        )
    except SubscriberError as exc:
        raise _refused(exc) from None
    names = subscribers.component_names()
    if args.json:
        print_json(edited.to_json(names))
    else:
        out(f"{edited.email}: {edited.language.value}; components: {_following(edited, names)}")
    return Exit.OK


def subscriber_remove(desk: Desk, args: argparse.Namespace) -> int:
    subscribers = _subscribers(desk)
    if "@" not in args.address:  # the token of an unsubscribe request
        before = subscribers.by_token(args.address)
        removed = subscribers.unsubscribe_token(args.address)
        if removed is None:
            raise CliError(
                f"ADDR: no subscriber holds the unsubscribe token {args.address!r}; give their "
                "email address instead (see `statusdesk subscriber list`)."
            )
    else:
        before = subscribers.get(args.address)
        try:
            removed = subscribers.remove(args.address)
        except SubscriberError as exc:
            raise CliError(f"ADDR: {exc}") from None
    if before is not None and not before.active:
        out(f"{removed.email} had already unsubscribed on {removed.unsubscribed_at}; no change")
    else:
        out(f"unsubscribed {removed.email}: no more email; kept on record as unsubscribed")
    return Exit.OK


def subscriber_list(desk: Desk, args: argparse.Namespace) -> int:
    subscribers = _subscribers(desk)
    listed = subscribers.list(active_only=not args.all)
    names = subscribers.component_names()
    if args.json:
        print_json([s.to_json(names) for s in listed])
        return Exit.OK
    if not listed:
        out("no subscribers yet; add one with `statusdesk subscriber add ADDR`")
        return Exit.OK
    headers = ["EMAIL", "LANGUAGE", "SINCE", "UNSUBSCRIBED", "COMPONENTS"]
    rows = [
        [s.email, s.language.value, s.created_at, s.unsubscribed_at or NONE, _following(s, names)]
        for s in listed
    ]
    out(output.table(headers, rows))
    return Exit.OK


def subscriber_import(desk: Desk, args: argparse.Namespace) -> int:
    try:
        result = _subscribers(desk).import_csv(args.file)
    except SubscriberError as exc:
        raise CliError(str(exc)) from None
    counts = result.counts()
    if args.json:
        print_json(
            {
                **counts,
                "skipped_lines": [
                    {"line": n.line, "email": n.text, "reason": n.reason} for n in result.skipped
                ],
            }
        )
        return Exit.OK
    out(f"{args.file}: {counts['added']} added, {counts['skipped']} skipped")
    for note in result.skipped:
        out(f"  skipped {note}")
    return Exit.OK


HANDLERS = {
    "subscriber add": subscriber_add,
    "subscriber edit": subscriber_edit,
    "subscriber remove": subscriber_remove,
    "subscriber list": subscriber_list,
    "subscriber import": subscriber_import,
}
