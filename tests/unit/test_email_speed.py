"""Email at the speed of the wire (issue #15): each copy from its variant's prepared bytes, the
ledger a batch at a time, `connections=N` SMTP sessions at once and `max_per_second` across
them — against a real SMTP server on 127.0.0.1 (aiosmtpd, STARTTLS with a trustme certificate,
AUTH checked as in test_email.py) that can take its time over each message, as real servers
do. And the ledger after a SIGKILL of a real `statusdesk` process mid-mailing: everyone the
server took is `sent` or `sending`, nobody is `sent` whom it did not take, and the retry mails
each of the others exactly once."""

from __future__ import annotations

import asyncio
import signal
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import Envelope, Session
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from statusdesk.channels.email import compose, mailing, smtp
from statusdesk.channels.email.compose import Recipient
from statusdesk.channels.email.copies import Template
from statusdesk.channels.email.settings import settings_problems
from statusdesk.core.model import BilingualText, DeliveryState, Update
from statusdesk.desk import Desk
from tests.unit.test_cli_support import REPO, child_env
from tests.unit.test_email import (
    TITLE,
    MailServer,
    add_mail,
    attempt,
    free_port,
    incident_with,
    parts,
    publish,
    retry_now,
    subscribe,
)
from tests.unit.test_webhook import MemoryKeyring

SENT = DeliveryState.SENT


@dataclass
class TimedServer(MailServer):
    """test_email's server, that also notes when each message arrived and over which session,
    takes `delay` seconds over each (without holding up its other sessions), and tells a
    waiting test as messages arrive."""

    delay: float = 0.0
    times: list[float] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    taking: int = 0  # messages whose DATA has arrived and that are not taken yet

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        with self.arrived:
            self.taking += 1
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            reply = await super().handle_DATA(server, session, envelope)
        finally:
            with self.arrived:
                self.taking -= 1
                self.arrived.notify_all()
        with self.arrived:
            self.times.append(time.monotonic())
            self.arrived.notify_all()
        return reply

    def wait_until_nothing_is_being_taken(self, timeout: float = 30) -> None:
        with self.arrived:
            assert self.arrived.wait_for(lambda: self.taking == 0, timeout), self.taking

    def wait_for(self, count: int, timeout: float = 60) -> None:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.times) >= count, timeout), len(self.times)


@pytest.fixture(scope="module")
def ca_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ssl.SSLContext]:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return ca_file, context


@pytest.fixture(autouse=True)
def trust_ca(ca_files: tuple[Path, ssl.SSLContext], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_files[0]))
    monkeypatch.setattr(smtp, "TIMEOUT", 10.0)


Start = Callable[..., TimedServer]


@pytest.fixture
def timed_server(ca_files: tuple[Path, ssl.SSLContext]) -> Iterator[Start]:
    """STARTTLS required; AUTH required unless `require_auth=False` (a relay that takes mail
    from this host without a login)."""
    controllers: list[Controller] = []

    def start(delay: float = 0.0, require_auth: bool = True) -> TimedServer:
        server = TimedServer(require_auth=require_auth, delay=delay)
        server.port = free_port()
        controller = Controller(
            server,
            hostname="127.0.0.1",
            port=server.port,
            authenticator=server.authenticator,
            tls_context=ca_files[1],
            require_starttls=True,
            auth_require_tls=True,
        )
        controller.start()
        controllers.append(controller)
        return server

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    import keyring.core

    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def mail_desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    from statusdesk.delivery import retry

    monkeypatch.setattr(retry, "BASE_SECONDS", 30.0)  # no automatic retry within a test
    with Desk(home) as desk:
        disable_site(desk)
        yield desk


def disable_site(desk: Desk) -> None:
    with desk.store.transaction():
        desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")


def people(count: int) -> list[tuple[str, str]]:
    return [(f"reader{n:04d}@example.com", ("en", "ar", "both")[n % 3]) for n in range(count)]


def copies_to(server: MailServer) -> dict[str, int]:
    counts: dict[str, int] = {}
    for received in server.received:
        for address in received.rcpt_tos:
            counts[address] = counts.get(address, 0) + 1
    return counts


# -- each copy from prepared bytes --------------------------------------------------------------

BODY = st.lists(
    st.sampled_from([*"abc xyz.=-\t\n", "\n\n", "é", "ع", "ب ", "😀", "<", "&", "'"]),
    min_size=1,
    max_size=200,
).map("".join)
HTTPS_LINK = r"https://status\.example\.com/u\?token=[A-Za-z0-9_%&'=-]{1,120}"
MAILTO_LINK = r"mailto:status@acme\.example\?subject=unsubscribe%20[A-Za-z0-9_-]{1,40}"
LINKS = st.one_of(
    st.none(),
    st.from_regex(HTTPS_LINK, fullmatch=True),
    st.from_regex(MAILTO_LINK, fullmatch=True),
)
ADDRESSES = st.one_of(
    st.from_regex(r"[a-z0-9_+-]{1,20}(\.[a-z0-9]{1,8})?@[a-z0-9-]{1,20}\.example", fullmatch=True),
    st.sampled_from(["o'brien@example.com", "x" * 70 + "@example.com", "ünï@exämple.com"]),
)
DOMAINS = st.sampled_from(["acme.example", "a" * 60 + ".example"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    en=BODY,
    ar=BODY,
    variant=st.sampled_from(["en", "ar", "both"]),
    address=ADDRESSES,
    link=LINKS,
    domain=DOMAINS,
    when=st.floats(0, 4e9),
)
@example(en="a\n" * 40, ar="ب\n" * 40, variant="both", address="a@b.example",
         link="https://status.example.com/u?token=a&b='c'", domain="acme.example",
         when=1.8e9)  # fmt: skip
# formatdate rounds to the microsecond before it names the second; the fast copy floored it
@example(en="a", ar="ب", variant="en", address="a@b.example", link=None, domain="acme.example",
         when=0.9999995)  # fmt: skip
def test_a_prepared_copy_is_byte_for_byte_the_built_one(
    en: str, ar: str, variant: str, address: str, link: str | None, domain: str, when: float
) -> None:
    update, incident = incident_with(TITLE)
    update = Update(**{**update.__dict__, "body": BilingualText(en, ar)})
    languages = compose.variant_languages(variant, ["en", "ar"])
    text = compose.render_message(update, incident, languages, "Acme <status@acme.example>", "latn")
    stored = compose.read_message(text)
    recipient = Recipient(address, variant, link)
    message_id = compose.message_id("sd-key", address, domain)
    built = compose.copy_for(stored, recipient, message_id=message_id, when=when)
    assert Template(stored).copy(recipient, message_id=message_id, when=when) == built


# -- settings -----------------------------------------------------------------------------------

BASE = {"host": "smtp.example.com", "from": "status@example.com"}


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ({"connections": "0"}, "connections must be a whole number from 1 to 8 (got '0')"),
        ({"connections": "9"}, "connections must be a whole number from 1 to 8 (got '9')"),
        ({"connections": "two"}, "e.g. --set connections=4"),
        ({"max_per_second": "0"}, "max_per_second must be a number of messages a second"),
        ({"max_per_second": "fast"}, "(got 'fast'), e.g. --set max_per_second=14"),
        ({"max_per_second": "nan"}, "max_per_second must be"),
        ({"max_per_second": "inf"}, "leave it out for no limit"),
    ],
)
def test_connections_and_rate_settings_name_the_fix(given: dict[str, str], says: str) -> None:
    (problem,) = settings_problems({**BASE, **given})
    assert says in problem


def test_connections_and_rate_have_defaults_and_take_good_values() -> None:
    from statusdesk.channels.email.settings import read_settings

    plain = read_settings(BASE)
    assert (plain.connections, plain.max_per_second) == (1, None)
    assert settings_problems({**BASE, "connections": "8", "max_per_second": "0.5"}) == []
    tuned = read_settings({**BASE, "connections": "8", "max_per_second": "0.5"})
    assert (tuned.connections, tuned.max_per_second) == (8, 0.5)


# -- several sessions, one rate -----------------------------------------------------------------


def test_three_connections_mail_each_recipient_exactly_once(
    mail_desk: Desk,
    timed_server: Start,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mailing, "BATCH", 4)
    server = timed_server(delay=0.005)
    add_mail(mail_desk, server, connections="3")
    everyone = people(60)
    subscribe(mail_desk, *everyone)
    progress: list[tuple[int, int]] = []
    mail_desk.dispatcher.listen_progress(lambda _, done, total, __: progress.append((done, total)))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is SENT, delivery.last_error
    assert delivery.remote_id == f"60 recipients via 127.0.0.1:{server.port}"
    assert copies_to(server) == {address: 1 for address, _ in everyone}
    assert len(server.logins) == 3 and all(ok for _, _, ok in server.logins)
    assert len(server.sessions) == 3  # each of the three carried mail
    assert all(r.tls for r in server.received)
    assert set(parts(mail_desk, delivery).values()) == {"sent"}
    assert progress[-1] == (60, 60) and [d for d, _ in progress] == sorted(d for d, _ in progress)
    # The same message in each recipient's language, whichever session carried it.
    for received in server.received:
        (address,) = received.rcpt_tos
        assert received.message["To"] == address
        assert received.message["Message-ID"] == compose.message_id(
            delivery.idempotency_key, address, "acme.example"
        )


def test_a_refusal_and_a_drop_on_one_of_several_connections_behave_as_on_one(
    mail_desk: Desk,
    timed_server: Start,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mailing, "BATCH", 3)
    server = timed_server()
    everyone = people(20)
    gone, dropped, busy = everyone[4][0], everyone[11][0], everyone[15][0]
    server.refuse.add(gone)
    server.drop_after_data.add(dropped)
    server.defer.add(busy)
    add_mail(mail_desk, server, connections="2")
    subscribe(mail_desk, *everyone)
    (delivery_id,) = publish(mail_desk).delivery_ids
    # The state the attempt left, as it returns it: its reconcile runs on the pool at once.
    assert mail_desk.dispatcher.attempt(delivery_id) is DeliveryState.UNKNOWN
    first = mail_desk.store.deliveries.delivery(delivery_id)
    assert first is not None
    states = parts(mail_desk, first)
    assert states[gone] == "failed" and states[busy] == "failed"
    assert states[dropped] == "sending"  # handed over, then the line went: a person decides
    assert {a for a, s in states.items() if s == "sent"} == {
        a for a, _ in everyone if a not in (gone, dropped, busy)
    }
    decided = mail_desk.deliveries.wait_for_delivery(first.id, timeout=10)
    assert decided.state is DeliveryState.NEEDS_DECISION
    server.refuse.clear()
    server.defer.clear()
    again = retry_now(mail_desk, decided)
    assert again.state is SENT, again.last_error
    counts = copies_to(server)
    assert counts[dropped] == 2  # it had arrived: the person chose to send it again
    assert {a: n for a, n in counts.items() if a != dropped} == {
        a: 1 for a, _ in everyone if a != dropped
    }


def test_max_per_second_paces_every_connection_together(
    mail_desk: Desk, timed_server: Start, memory_keyring: MemoryKeyring
) -> None:
    server = timed_server()
    rate, count = 40.0, 30
    add_mail(mail_desk, server, connections="3", max_per_second=f"{rate:g}")
    subscribe(mail_desk, *people(count))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is SENT, delivery.last_error
    assert len(server.times) == count
    # Each message takes the next slot, 1/rate after the one before, whichever session sends
    # it: the first and the last are at least (count - 1) slots apart. A lower bound only.
    elapsed = server.times[-1] - server.times[0]
    assert elapsed >= (count - 1) / rate - 0.01, elapsed


# -- a SIGKILL at any point ---------------------------------------------------------------------


@pytest.mark.parametrize("kill_after", [1, 37, 140])
def test_after_a_sigkill_the_ledger_is_exact_and_the_retry_mails_each_once(
    home: Path, timed_server: Start, ca_files: tuple[Path, ssl.SSLContext], kill_after: int
) -> None:
    """`statusdesk incident open` mails 180 subscribers over two connections in a real
    process, killed (SIGKILL: no clean-up of any kind) once the server has taken `kill_after`
    messages."""
    server = timed_server(delay=0.002, require_auth=False)  # a relay: STARTTLS, no login
    everyone = people(180)
    with Desk(home) as desk:
        disable_site(desk)
        add_mail(desk, server, password=None, username="", connections="2")
        subscribe(desk, *everyone)
    command = [sys.executable, "-m", "statusdesk", "--home", str(home), "incident", "open",
               "--title-en", TITLE.en, "--title-ar", TITLE.ar, "--en", "Down.", "--ar", "معطل.",
               "--anyway", "--timeout", "120"]  # fmt: skip
    env = child_env(SSL_CERT_FILE=str(ca_files[0]))
    child = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        server.wait_for(kill_after)
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    with server.lock:
        taken = set(copies_to(server))
    with Desk(home) as desk:
        (delivery,) = desk.store.deliveries.deliveries_for_update(1)
        ledger = parts(desk, delivery)
        # Whom the server took is `sent` or `sending`; nobody it did not take is `sent`.
        assert {a: ledger.get(a) for a in taken if ledger.get(a) not in ("sent", "sending")} == {}
        assert {a for a, s in ledger.items() if s == "sent"} <= taken
        unsure = {a for a, s in ledger.items() if s == "sending"}

        desk.deliveries.recover()  # the holder is gone: reconcile, then a person or a resend
        found = desk.deliveries.wait_for_delivery(delivery.id, timeout=60)
        if unsure:
            assert found.state is DeliveryState.NEEDS_DECISION, found.last_error
            # A copy whose DATA the killed process had already written may be taken after the
            # kill: who the server took is known once it is taking nothing more.
            server.wait_until_nothing_is_being_taken()
            with server.lock:
                taken = set(copies_to(server))
            found = retry_now(desk, found)  # the person decides: send to those again
        found = desk.deliveries.wait_for_delivery(delivery.id, timeout=60)
        assert found.state is SENT, found.last_error
        assert set(parts(desk, found).values()) == {"sent"}
    counts = copies_to(server)
    assert set(counts) == {a for a, _ in everyone}
    twice = {a for a, n in counts.items() if n != 1}
    assert twice <= unsure and all(counts[a] == 2 for a in twice)
    assert twice == unsure & taken  # sent again only to who the ledger could not vouch for


def test_lines_that_start_with_a_dot_arrive_as_written(
    mail_desk: Desk, timed_server: Start, memory_keyring: MemoryKeyring
) -> None:
    """DATA is written by hand (to make the next copy while the server answers): a line that
    starts with a dot is doubled on the wire and comes out single, as smtplib's data() does."""
    server = timed_server()
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("amal@example.com", "en"))
    body = "First line.\n.\n..two dots\n.hidden file"
    assert attempt(mail_desk, publish(mail_desk, en=body)).state is SENT
    (received,) = server.received
    text = received.body("plain")
    assert "\n.\n..two dots\n.hidden file" in text.replace("\r\n", "\n")


def test_a_slow_mailing_keeps_telling_the_ledger_it_is_alive(
    mail_desk: Desk,
    timed_server: Start,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At a provider's low rate one batch can take longer than a claim's lease: the attempt
    says how far it is (which renews the lease) while it waits, not only per batch."""
    monkeypatch.setattr(mailing, "STILL_HERE_SECONDS", 0.05)
    server = timed_server()
    add_mail(mail_desk, server, max_per_second="5")
    subscribe(mail_desk, *people(4))  # one batch, at least 0.6 s
    progress: list[tuple[int, int]] = []
    mail_desk.dispatcher.listen_progress(lambda _, done, total, __: progress.append((done, total)))
    assert attempt(mail_desk, publish(mail_desk)).state is SENT
    assert progress.count((0, 4)) >= 3 and progress[-1] == (4, 4)
