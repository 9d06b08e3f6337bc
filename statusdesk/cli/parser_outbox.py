"""The grammar of the outbox commands: `delivery retry|skip`, `channel add|secret` and `run`
(ARCHITECTURE §7). The rest of the grammar is in parser.py."""

from __future__ import annotations

import argparse
from typing import Any

from statusdesk.cli import inputs


def add_set_option(parser: argparse.ArgumentParser) -> None:
    """`--set KEY=VALUE`, repeated: a channel's settings, as `channel add` and `channel edit`
    take them (into `settings`, a list of (key, value))."""
    parser.add_argument(
        "--set",
        metavar="KEY=VALUE",
        type=inputs.setting,
        action="append",
        default=[],
        dest="settings",
        help="a setting; repeat for several",
    )


Handler = Any

SECRET_EPILOG = """\
The value is read from standard input (without echo on a terminal) and stored in the OS keyring
under service `statusdesk`; the workspace records only that the channel has it. Example:
  statusdesk channel secret ops-hook signing_secret < secret.txt"""

ADD_EPILOG = """\
examples:
  statusdesk channel add webhook ops-hook --set url=https://hooks.example.com/statusdesk
  statusdesk channel add webhook team-chat --set url=https://chat.example.com/hooks/abc \\
      --set format=slack --set language=en

  statusdesk channel add email mail --set host=smtp.example.com \\
      --set username=status@example.com --set from="Acme Status <status@example.com>"

Every kind takes language (ar | en | both) and order (ar-first | en-first); any other key
than the kind's own below is refused.
site: base_url (the page's name and digits are `statusdesk setting`s).
webhook: url (http:// or https://), format (statusdesk | slack); secret signing_secret.
email: host, port, security (starttls | tls | none with allow_plaintext=yes), username, from,
  recipients (a,b; default: the subscribers), unsubscribe_url (https://…{token}); secret password.
statuspage: page_id, base_url, components (Ours:theirs,...); secret api_key.
x: auth (oauth1 | oauth2), base_url; secrets consumer_key, consumer_secret, access_token,
  access_token_secret (oauth1) or client_id, refresh_token, client_secret (oauth2)."""

RUN_EPILOG = """\
Run it beside the desktop app or on a server (packaging/ has a systemd user unit). Two
runners, or a runner and the app, may share a workspace: each delivery is claimed by one of
them. SIGTERM or Ctrl+C lets the attempts in flight finish, then exits with 0."""


def _timeout_options(parser: argparse.ArgumentParser, default: float) -> None:
    parser.add_argument(
        "--timeout",
        metavar="S",
        type=inputs.seconds,
        default=default,
        help="seconds to wait for the outcome (default: %(default)g)",
    )
    parser.add_argument(
        "--no-wait",
        action="store_true",
        help="return at once; `statusdesk run` (or the app) sends it",
    )


def add_delivery_parsers(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    delivery = sub.add_parser(
        "delivery",
        help="retry or skip one delivery (ids: `statusdesk deliveries INCIDENT`)",
        description="A person's decision on a delivery that failed or whose outcome is unknown.",
        formatter_class=formatter,
    )
    verbs = delivery.add_subparsers(dest="verb", metavar="ACTION", required=True)
    retried = verbs.add_parser(
        "retry",
        help="send a delivery again (same idempotency key)",
        description="Put a failed, unknown or undecided delivery back in the outbox and send "
        "it now, with the same idempotency key as before.",
        formatter_class=formatter,
    )
    retried.add_argument(
        "delivery", metavar="DELIVERY", type=inputs.record_id("delivery"), help="the delivery's id"
    )
    _timeout_options(retried, 60.0)
    retried.set_defaults(handler=handlers["delivery retry"], json=False)

    skipped = verbs.add_parser(
        "skip",
        help="decide not to send a delivery, with a reason",
        description="Record that this channel stays silent on this update, and why. The "
        "decision is shown in the incident and in the timeline export.",
        formatter_class=formatter,
    )
    skipped.add_argument(
        "delivery", metavar="DELIVERY", type=inputs.record_id("delivery"), help="the delivery's id"
    )
    skipped.add_argument(
        "--reason", metavar="TEXT", required=True, help="why this channel stays silent"
    )
    skipped.set_defaults(handler=handlers["delivery skip"])


def add_channel_parsers(
    channel_verbs: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    added = channel_verbs.add_parser(
        "add",
        help="add a channel",
        description="Add a channel of a kind, with its settings (never secrets: see `channel "
        "secret`).",
        epilog=ADD_EPILOG,
        formatter_class=formatter,
    )
    added.add_argument("kind", metavar="KIND", help="the channel kind, e.g. webhook")
    added.add_argument("name", metavar="NAME", help="a short unique name, e.g. ops-hook")
    add_set_option(added)
    added.add_argument("--json", action="store_true", help="print the new channel as a JSON object")
    added.set_defaults(handler=handlers["channel add"])

    secret = channel_verbs.add_parser(
        "secret",
        help="store a channel's secret in the OS keyring (value from stdin)",
        description="Store a secret of a channel (a token, a password, a signing key) in the "
        "OS keyring.",
        epilog=SECRET_EPILOG,
        formatter_class=formatter,
    )
    secret.add_argument("name", metavar="NAME", help="the channel's name")
    secret.add_argument("key", metavar="KEY", help="which secret, e.g. signing_secret")
    secret.set_defaults(handler=handlers["channel secret"])

    tested = channel_verbs.add_parser(
        "test",
        help="check a channel's connection and credentials, publishing nothing",
        description="Connect to the channel and check its credentials without publishing "
        "anything. Exit 0 when it works; 4 with what to fix when it does not.",
        formatter_class=formatter,
    )
    tested.add_argument("name", metavar="NAME", help="the channel's name")
    tested.set_defaults(handler=handlers["channel test"])


def add_run_parser(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    run = sub.add_parser(
        "run",
        help="work the outbox headless until stopped",
        description="Send every due delivery of the workspace, retry what failed for a "
        "passing reason, and check what a crashed process left half-sent, until stopped.",
        epilog=RUN_EPILOG,
        formatter_class=formatter,
    )
    run.add_argument(
        "--poll",
        metavar="S",
        type=inputs.seconds,
        default=1.0,
        help="seconds between two looks at the outbox (default: %(default)g)",
    )
    run.set_defaults(handler=handlers["run"])
