"""The subscriber commands: `subscriber add|remove|list|import` (ARCHITECTURE §7).

Input that cannot be taken (a bad address, a duplicate, a file with bad lines) exits 3 with a
message that says what and where; nothing is changed then.
"""

from __future__ import annotations

import argparse

from statusdesk.app.subscribers import SubscriberAdmin
from statusdesk.cli import output
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, out, print_json
from statusdesk.desk import Desk
from statusdesk.store.subscribers import SubscriberError


def _subscribers(desk: Desk) -> SubscriberAdmin:
    return desk.subscribers


def subscriber_add(desk: Desk, args: argparse.Namespace) -> int:
    subscribers = _subscribers(desk)
    before = subscribers.get(args.address)
    try:
        added = subscribers.add(args.address, args.language)
    except SubscriberError as exc:
        raise CliError(f"ADDR: {exc}") from None
    if args.json:
        print_json(added.to_json())
    elif before is not None:
        out(
            f"subscribed {added.email} again ({added.language.value}); "
            f"they had unsubscribed on {before.unsubscribed_at}"
        )
    else:
        out(f"subscribed {added.email} ({added.language.value})")
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
    listed = _subscribers(desk).list(active_only=not args.all)
    if args.json:
        print_json([s.to_json() for s in listed])
        return Exit.OK
    if not listed:
        out("no subscribers yet; add one with `statusdesk subscriber add ADDR`")
        return Exit.OK
    headers = ["EMAIL", "LANGUAGE", "SINCE", "UNSUBSCRIBED"]
    rows = [[s.email, s.language.value, s.created_at, s.unsubscribed_at or NONE] for s in listed]
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
    "subscriber remove": subscriber_remove,
    "subscriber list": subscriber_list,
    "subscriber import": subscriber_import,
}
