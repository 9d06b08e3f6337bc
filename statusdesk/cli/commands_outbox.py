"""The outbox commands: `delivery retry|skip`, `channel add|secret`, `run`."""

from __future__ import annotations

import argparse
import getpass
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from statusdesk.app.context import current_user
from statusdesk.app.jsonview import channel_json
from statusdesk.cli import output
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import out, print_json
from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk
from statusdesk.secrets import SecretsUnavailable

OPEN_STATES = (
    DeliveryState.PENDING,
    DeliveryState.SENDING,
    DeliveryState.RETRY_WAIT,
    DeliveryState.UNKNOWN,
)


def _channel_name(desk: Desk, channel_id: int) -> str:
    channel = desk.views.channel(channel_id)
    return channel.name if channel else f"channel {channel_id}"


def delivery_retry(desk: Desk, args: argparse.Namespace) -> int:
    delivery = desk.deliveries.retry_delivery(args.delivery, _login(), dispatch=not args.no_wait)
    name = _channel_name(desk, delivery.channel_id)
    if args.no_wait:
        out(f"delivery {delivery.id} ({name}): back in the outbox; `statusdesk run` sends it")
        return Exit.OK
    final = desk.deliveries.wait_for_delivery(delivery.id, args.timeout)
    if final.state in OPEN_STATES:
        desk.dispatcher.shutdown(wait=True)  # let an attempt on the wire record its outcome
        final = desk.views.delivery(delivery.id) or final
    out(output.delivery_result_line(name, final, float(args.timeout)))
    return Exit.OK if final.state is DeliveryState.SENT else Exit.CHANNEL_FAILED


def delivery_skip(desk: Desk, args: argparse.Namespace) -> int:
    delivery = desk.deliveries.skip_delivery(args.delivery, args.reason, _login())
    name = _channel_name(desk, delivery.channel_id)
    out(f"delivery {delivery.id} ({name}): skipped — {delivery.decision_note}")
    return Exit.OK


def channel_add(desk: Desk, args: argparse.Namespace) -> int:
    settings = dict(args.settings)
    config = desk.channels.add_channel(args.kind, args.name, settings)
    if args.json:
        print_json(channel_json(config))
    else:
        out(str(config.id))
        out(f"added {config.kind} channel {config.name!r}: {config.language}, {config.order}")
    return Exit.OK


def _read_secret() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("secret (not shown): ")
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CliError("the secret on standard input is not UTF-8 text") from None
    return text.rstrip("\r\n")


def channel_secret(desk: Desk, args: argparse.Namespace) -> int:
    value = _read_secret()
    try:
        desk.channels.set_channel_secret(args.name, args.key, value)
    except SecretsUnavailable as exc:
        raise CliError(str(exc), Exit.WORKSPACE) from None
    out(f"{args.name}: {args.key} stored in the OS keyring")
    return Exit.OK


def channel_test(desk: Desk, args: argparse.Namespace) -> int:
    from statusdesk.channels.base import ChannelError

    try:
        out(desk.channels.test_channel(args.name))
    except ChannelError as exc:
        output.err(f"statusdesk: {exc}")
        return Exit.CHANNEL_FAILED
    except SecretsUnavailable as exc:
        raise CliError(str(exc), Exit.WORKSPACE) from None
    return Exit.OK


@contextmanager
def _stop_on_signals(stop: object) -> Iterator[None]:
    def handle(signum: int, frame: FrameType | None) -> None:
        stop()  # type: ignore[operator]

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run(desk: Desk, args: argparse.Namespace) -> int:
    from statusdesk.runner import Runner

    def say(line: str) -> None:
        out(f"statusdesk run: {line}")

    with Runner(desk, poll_seconds=args.poll, say=say) as runner, _stop_on_signals(runner.stop):
        runner.run()
    return Exit.OK


def _login() -> str:
    return current_user()  # STATUSDESK_AUTHOR, else the OS user (app/context.py)


HANDLERS = {
    "delivery retry": delivery_retry,
    "delivery skip": delivery_skip,
    "channel add": channel_add,
    "channel secret": channel_secret,
    "channel test": channel_test,
    "run": run,
}
