"""The email channel end to end, against a real SMTP server on 127.0.0.1 (aiosmtpd) that speaks
STARTTLS or implicit TLS with a trustme certificate, checks AUTH PLAIN/LOGIN, and refuses a
recipient or drops the connection after DATA on cue. The client trusts the test CA through
SSL_CERT_FILE, as a user's company CA would be; verification is never turned off.

Also the subscribers: the store, and the `subscriber` commands in this process and as a real
child process."""

from __future__ import annotations

import base64
import email
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import keyring.core
import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from statusdesk.channels.base import PartRecord
from statusdesk.channels.email import compose, smtp
from statusdesk.channels.email.channel import assign_seqs
from statusdesk.channels.email.compose import Recipient
from statusdesk.channels.email.settings import settings_problems
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    Channel,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Language,
    Order,
    Update,
    UpdateStatus,
)
from statusdesk.delivery import retry
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from statusdesk.store.subscribers import (
    ImportRejected,
    InvalidAddress,
    SubscriberError,
    normalize_address,
)
from tests.unit.test_cli_support import call, spawn
from tests.unit.test_webhook import MemoryKeyring

USER = "status@acme.example"
PASSWORD = "s3cret-كلمة-do-not-leak"
FROM = "Acme Status <status@acme.example>"
TITLE = BilingualText("API outage", "تعطل الواجهة البرمجية")
EN = "We found the cause: a failed database node. <script>alert('x')</script>"
AR = "وجدنا السبب: عطل في أحد خوادم قاعدة البيانات API-v2 عند 14:30 UTC."
SUBJECT_BOTH = "[Identified] API outage | [تم تحديد السبب] تعطل الواجهة البرمجية"
UNSUBSCRIBE_URL = "https://status.acme.example/unsubscribe?token={token}"

SENT, FAILED = DeliveryState.SENT, DeliveryState.FAILED


# -- a local SMTP server ----------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes
    session: int  # which connection carried it
    tls: bool

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    def body(self, subtype: str) -> str:
        part = self.message.get_body((subtype,))
        assert part is not None
        return str(part.get_content())


@dataclass
class MailServer:
    """What the server saw, and what it should do next (set from the test's thread)."""

    port: int = 0
    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str, bool]] = field(default_factory=list)  # mechanism, user, ok
    sessions: list[int] = field(default_factory=list)  # connections that sent MAIL
    refuse: set[str] = field(default_factory=set)  # RCPT TO answered 550
    defer: set[str] = field(default_factory=set)  # RCPT TO answered 450
    drop_after_data: set[str] = field(default_factory=set)  # once each: hang up, no reply
    # RCPT TO answered 550 with the session's login echoed: user, password and AUTH PLAIN blob
    echo_credentials: set[str] = field(default_factory=set)
    credentials: dict[int, tuple[str, str]] = field(default_factory=dict)  # session → login
    require_auth: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]

    # aiosmtpd handler hooks

    async def handle_MAIL(
        self,
        server: SMTPServer,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if self.require_auth and not session.authenticated:
            return "530 5.7.0 Authentication required"
        with self.lock:
            if id(session) not in self.sessions:
                self.sessions.append(id(session))
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTPServer,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address in self.defer:
            return "450 4.2.1 Mailbox busy, try again later"
        if address in self.echo_credentials:
            user, password = self.credentials.get(id(session), ("", ""))
            blob = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
            return (
                f"550 5.7.1 <{address}>: relaying denied for {user} {password} "
                f"(you sent AUTH PLAIN {blob})"
            )
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        transport = server.transport
        assert transport is not None and isinstance(envelope.content, bytes)
        with self.lock:
            self.received.append(
                Received(
                    str(envelope.mail_from),
                    tuple(envelope.rcpt_tos),
                    envelope.content,
                    id(session),
                    transport.get_extra_info("ssl_object") is not None,
                )
            )
            drop = [r for r in envelope.rcpt_tos if r in self.drop_after_data]
            self.drop_after_data.difference_update(drop)
        if drop:  # the message is in; the client never hears so
            transport.close()
        return "250 2.0.0 Ok: queued"

    def authenticator(
        self,
        server: SMTPServer,
        session: Session,
        envelope: Envelope,
        mechanism: str,
        auth_data: Any,
    ) -> AuthResult:
        ok = False
        user = ""
        if isinstance(auth_data, LoginPassword):
            login, password = auth_data.login, auth_data.password
            user = login.decode("utf-8") if isinstance(login, bytes) else str(login)
            given = password if isinstance(password, bytes) else str(password).encode()
            ok = user == USER and given == PASSWORD.encode("utf-8")
        with self.lock:
            self.logins.append((mechanism, user, ok))
            if ok:
                self.credentials[id(session)] = (user, PASSWORD)
        if ok:
            return AuthResult(success=True)
        # handled=False: aiosmtpd answers 535 itself (handled=True without a reply hangs).
        return AuthResult(success=False, handled=False)


def free_port() -> int:
    # aiosmtpd's Controller cannot take port 0: find one ourselves.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class LocalCA:
    ca_file: Path
    server_context: ssl.SSLContext


@pytest.fixture(scope="module")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> LocalCA:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return LocalCA(ca_file, context)


@pytest.fixture(autouse=True)
def trust_test_ca(test_ca: LocalCA, monkeypatch: pytest.MonkeyPatch) -> None:
    """ssl.create_default_context() reads SSL_CERT_FILE: the client trusts our CA only."""
    monkeypatch.setenv("SSL_CERT_FILE", str(test_ca.ca_file))
    monkeypatch.setattr(smtp, "TIMEOUT", 5.0)


Servers = Callable[..., MailServer]


@pytest.fixture
def mail_server(test_ca: LocalCA) -> Iterator[Servers]:
    """Start servers: mode starttls (the default; STARTTLS required before AUTH and MAIL),
    tls (implicit TLS from the first byte) or plain (no TLS at all, no AUTH)."""
    controllers: list[Controller] = []

    def start(mode: str = "starttls", **options: Any) -> MailServer:
        server = MailServer(require_auth=mode != "plain")
        server.port = free_port()
        kwargs: dict[str, Any] = {
            "hostname": "127.0.0.1",
            "port": server.port,
            "authenticator": server.authenticator,
            **options,
        }
        if mode == "starttls":
            kwargs.update(
                tls_context=test_ca.server_context, require_starttls=True, auth_require_tls=True
            )
        elif mode == "tls":
            # The connection is TLS from the start; aiosmtpd's auth_require_tls only knows
            # STARTTLS, so it is off here (AUTH is still checked, over TLS).
            kwargs.update(ssl_context=test_ca.server_context, auth_require_tls=False)
        else:
            kwargs.update(auth_require_tls=False)
        controller = Controller(server, **kwargs)
        controller.start()
        controllers.append(controller)
        return server

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


@pytest.fixture
def mail_desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    monkeypatch.setattr(retry, "BASE_SECONDS", 30.0)  # no automatic retry within a test
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        yield desk


def add_mail(
    desk: Desk,
    server: MailServer | int,
    name: str = "mail",
    password: str | None = PASSWORD,
    **settings: str,
) -> None:
    port = server if isinstance(server, int) else server.port
    values = {
        "host": "127.0.0.1",
        "port": str(port),
        "security": "starttls",
        "username": USER,
        "from": FROM,
        "unsubscribe_url": UNSUBSCRIBE_URL,
        **settings,
    }
    desk.channels.add_channel("email", name, {k: v for k, v in values.items() if v != ""})
    if password is not None:
        desk.channels.set_channel_secret(name, "password", password)


def subscribe(desk: Desk, *people: tuple[str, str]) -> None:
    subscribers = desk.store.subscribers
    for address, language in people:
        subscribers.add(address, language, desk.now())


def publish(desk: Desk, name: str = "mail", en: str = EN, ar: str = AR) -> Published:
    draft = Draft(BilingualText(en, ar), IncidentState.IDENTIFIED, author="amal")
    return desk.publishing.open_incident(
        title=TITLE, draft=draft, channel_names=[name], dispatch=False
    )


def attempt(desk: Desk, published: Published) -> Delivery:
    """One attempt, in this thread: deterministic, no waiting on a pool."""
    (delivery_id,) = published.delivery_ids
    desk.dispatcher.attempt(delivery_id)
    delivery = desk.store.deliveries.delivery(delivery_id)
    assert delivery is not None
    return delivery


def retry_now(desk: Desk, delivery: Delivery) -> Delivery:
    desk.deliveries.retry_delivery(delivery.id, "amal", dispatch=False)
    desk.dispatcher.attempt(delivery.id)
    found = desk.store.deliveries.delivery(delivery.id)
    assert found is not None
    return found


def parts(desk: Desk, delivery: Delivery) -> dict[str, str]:
    return parts_of(desk, delivery.id)


def parts_of(desk: Desk, delivery_id: int) -> dict[str, str]:
    return {row["target"]: row["state"] for row in desk.store.ledger.delivery_parts(delivery_id)}


def attempt_outcome(desk: Desk, delivery_id: int, kind: str) -> str:
    """The error the delivery's last `kind` event recorded (its state may have moved on)."""
    events = [
        e
        for e in desk.store.audit.events()
        if e["kind"] == kind and e["delivery_id"] == delivery_id
    ]
    assert events, f"no {kind} event for delivery {delivery_id}"
    error = json.loads(events[-1]["data"])["error"]
    assert isinstance(error, str)
    return error


def assert_no_password_in(*texts: str) -> None:
    for text in texts:
        assert PASSWORD not in text


def recorded_text(desk: Desk) -> str:
    """Everything the workspace holds, as text: events, deliveries, parts, channels."""
    rows = [
        *desk.store.audit.events(),
        *desk.store._database.rows("SELECT * FROM delivery"),
        *desk.store._database.rows("SELECT * FROM delivery_part"),
        *desk.store._database.rows("SELECT * FROM channel"),
    ]
    return json.dumps(rows, ensure_ascii=False)


def raw_header(content: bytes, name: str) -> str:
    """A header's bytes as they travelled, unfolded but not decoded."""
    lines = content.split(b"\r\n\r\n", 1)[0].decode("ascii").split("\r\n")
    (index,) = [i for i, line in enumerate(lines) if line.lower().startswith(name.lower() + ":")]
    value = lines[index].split(":", 1)[1]
    for line in lines[index + 1 :]:
        if not line[:1].isspace():
            break
        value += line
    return value.strip()


# -- one message, end to end ------------------------------------------------------------------


def test_a_bilingual_update_reaches_a_subscriber_over_starttls(
    mail_desk: Desk,
    mail_server: Servers,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG")
    server = mail_server()
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("amal@example.com", "both"))
    published = publish(mail_desk)
    delivery = attempt(mail_desk, published)
    assert delivery.state is SENT, delivery.last_error
    assert delivery.remote_id == f"1 recipient via 127.0.0.1:{server.port}"
    assert server.logins == [("PLAIN", USER, True)]

    (received,) = server.received
    assert received.tls and received.mail_from == "status@acme.example"
    assert received.rcpt_tos == ("amal@example.com",)
    assert all(byte < 128 for byte in received.content)  # 7-bit clean, headers and bodies
    raw_subject = next(
        line for line in received.content.split(b"\r\n") if line.startswith(b"Subject:")
    )
    assert b"=?utf-8?" in raw_subject  # RFC 2047
    message = received.message
    assert message["Subject"] == SUBJECT_BOTH
    assert message["From"] == FROM and message["To"] == "amal@example.com"
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in message.iter_parts())

    text, html = received.body("plain"), received.body("html")
    assert AR in text and EN in text  # plain text is not markup: taken literally
    assert text.index("[Identified] API outage") < text.index("[تم تحديد السبب]")
    assert '<div lang="en" dir="ltr"' in html and '<div lang="ar" dir="rtl"' in html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<bdi>API-v2</bdi>" in html and "<bdi>14:30 UTC</bdi>" in html
    assert "وجدنا السبب: عطل في أحد خوادم قاعدة البيانات" in html

    (subscriber,) = mail_desk.store.subscribers.list()
    link = f"https://status.acme.example/unsubscribe?token={subscriber.token}"
    assert message["List-Unsubscribe"] == f"<{link}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert raw_header(received.content, "List-Unsubscribe") == f"<{link}>"
    assert raw_header(received.content, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert link in text and f'href="{link}"' in html
    assert message["Message-ID"] == compose.message_id(
        delivery.idempotency_key, "amal@example.com", "acme.example"
    )
    assert message["Auto-Submitted"] == "auto-generated"
    assert parts(mail_desk, delivery) == {"amal@example.com": "sent"}

    assert_no_password_in(recorded_text(mail_desk), caplog.text)
    assert subscriber.token not in json.dumps(mail_desk.store.audit.events())


def test_each_subscriber_gets_their_language_over_one_connection(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    add_mail(mail_desk, server, order="ar-first")
    people = [("ar@example.com", "ar"), ("en@example.com", "en"), ("both@example.com", "both")]
    subscribe(mail_desk, *people)
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is SENT, delivery.last_error
    assert len(server.sessions) == 1  # one connection for every recipient
    assert [r.rcpt_tos for r in server.received] == [(a,) for a, _ in people]

    (arabic,) = server.to("ar@example.com")
    assert arabic.message["Subject"] == "[تم تحديد السبب] تعطل الواجهة البرمجية"
    assert arabic.message["Content-Language"] == "ar"
    html = arabic.body("html")
    assert '<html lang="ar" dir="rtl">' in html and 'lang="en"' not in html
    assert EN not in arabic.body("plain") and AR in arabic.body("plain")

    (english,) = server.to("en@example.com")
    assert english.message["Subject"] == "[Identified] API outage"
    assert 'dir="rtl"' not in english.body("html") and AR not in english.body("plain")

    (both,) = server.to("both@example.com")  # `both` follows the channel's order: ar first
    assert both.message["Subject"] == (
        "[تم تحديد السبب] تعطل الواجهة البرمجية | [Identified] API outage"
    )
    assert both.body("plain").index(AR) < both.body("plain").index(EN)

    rendered = mail_desk.store.ledger.rendered_of(delivery.id)
    assert rendered is not None
    kept = json.loads(rendered)["parts"]
    assert [(p["language"], p["content_type"]) for p in kept] == [
        ("ar", "message/rfc822"),
        ("en", "message/rfc822"),
        ("both", "message/rfc822"),
        ("both", "application/json"),
    ]


def test_a_fixed_recipient_list_replaces_the_subscribers(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    add_mail(mail_desk, server, recipients="ops@example.com, noc@example.net", unsubscribe_url="")
    subscribe(mail_desk, ("reader@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is SENT, delivery.last_error
    assert [r.rcpt_tos for r in server.received] == [("ops@example.com",), ("noc@example.net",)]
    for received in server.received:
        assert received.message["Subject"] == SUBJECT_BOTH
        assert received.message["List-Unsubscribe"] is None
        assert "Unsubscribe" not in received.body("plain")


def test_a_mailto_unsubscribe_without_an_unsubscribe_url(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    add_mail(mail_desk, server, unsubscribe_url="")
    subscribe(mail_desk, ("amal@example.com", "en"))
    assert attempt(mail_desk, publish(mail_desk)).state is SENT
    (received,) = server.received
    (subscriber,) = mail_desk.store.subscribers.list()
    expected = f"<mailto:status@acme.example?subject=unsubscribe%20{subscriber.token}>"
    assert received.message["List-Unsubscribe"] == expected
    # On the wire as it is: mail clients never decode an RFC 2047 word in this header.
    assert raw_header(received.content, "List-Unsubscribe") == expected
    # RFC 8058: one-click is a POST to an https link; a mailto cannot take it.
    assert received.message["List-Unsubscribe-Post"] is None


# -- per-recipient failures, retries ----------------------------------------------------------


def test_a_refused_recipient_does_not_stop_the_others_and_a_retry_skips_who_got_it(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    server.refuse.add("gone@example.com")
    add_mail(mail_desk, server)
    subscribe(
        mail_desk, ("a@example.com", "en"), ("gone@example.com", "ar"), ("c@example.com", "both")
    )
    published = publish(mail_desk)
    delivery = attempt(mail_desk, published)
    assert delivery.state is FAILED
    assert delivery.last_error == (
        "mail: 1 of 3 recipient(s) were refused: gone@example.com (550 5.1.1 "
        "<gone@example.com>: Recipient address rejected: User unknown). The other 2 got it "
        "and are not mailed again on a retry. Fix or remove these addresses (`statusdesk "
        "subscriber remove ADDR`, or the recipients setting), then retry or skip this delivery."
    )
    assert [r.rcpt_tos for r in server.received] == [("a@example.com",), ("c@example.com",)]
    assert len(server.sessions) == 1
    assert parts(mail_desk, delivery) == {
        "a@example.com": "sent",
        "gone@example.com": "failed",
        "c@example.com": "sent",
    }
    first_ids = {r.rcpt_tos[0]: r.message["Message-ID"] for r in server.received}

    server.refuse.clear()  # the mailbox is back
    again = retry_now(mail_desk, delivery)
    assert again.state is SENT, again.last_error
    assert again.attempts == 2
    assert [r.rcpt_tos for r in server.received[2:]] == [("gone@example.com",)]
    assert set(parts(mail_desk, again).values()) == {"sent"}
    late = server.to("gone@example.com")[0].message
    assert late["Message-ID"] == compose.message_id(
        delivery.idempotency_key, "gone@example.com", "acme.example"
    )
    assert late["Message-ID"] not in first_ids.values()


def test_a_drop_after_data_leaves_that_recipient_for_a_person_and_the_retry_mails_only_them(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    server.drop_after_data.add("b@example.com")
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("a@example.com", "en"), ("b@example.com", "ar"), ("c@example.com", "en"))
    published = publish(mail_desk)
    (delivery_id,) = published.delivery_ids
    # The attempt leaves it `unknown` and queues its reconciliation on the pool at once, which
    # may already have handed it to a person by the time it is read: the attempt's own outcome
    # is the event it recorded.
    assert mail_desk.dispatcher.attempt(delivery_id) is DeliveryState.UNKNOWN
    outcome = attempt_outcome(mail_desk, delivery_id, "delivery.unknown")
    assert "the connection to 127.0.0.1:" in outcome
    assert "broke after the message to b@example.com was handed over" in outcome
    # The others still got it: c after a new connection.
    assert [r.rcpt_tos[0] for r in server.received] == [
        "a@example.com",
        "b@example.com",
        "c@example.com",
    ]
    assert len(server.sessions) == 2
    assert parts_of(mail_desk, delivery_id) == {
        "a@example.com": "sent",
        "b@example.com": "sending",
        "c@example.com": "sent",
    }

    # SMTP cannot look it up: the reconciliation hands it to a person, naming who.
    decided = mail_desk.deliveries.wait_for_delivery(delivery_id, timeout=10)
    assert decided.state is DeliveryState.NEEDS_DECISION
    assert decided.last_error is not None
    assert decided.last_error.startswith(
        "mail: it is not known whether 1 recipient(s) got the update: b@example.com"
    )
    assert "A retry mails only these again, with the same Message-ID" in decided.last_error

    again = retry_now(mail_desk, decided)
    assert again.state is SENT, again.last_error
    assert [r.rcpt_tos[0] for r in server.received[3:]] == ["b@example.com"]
    before, after = server.to("b@example.com")
    assert before.message["Message-ID"] == after.message["Message-ID"]
    assert before.content.split(b"\r\nDate:")[0] == after.content.split(b"\r\nDate:")[0]
    assert set(parts(mail_desk, again).values()) == {"sent"}


def test_a_busy_mailbox_is_retried_alone(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    server.defer.add("busy@example.com")
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("busy@example.com", "en"), ("a@example.com", "en"))
    first = attempt(mail_desk, publish(mail_desk))
    assert first.state is DeliveryState.RETRY_WAIT
    assert first.last_error == (
        "mail: 1 of 2 recipient(s) could not be mailed yet: busy@example.com (450 4.2.1 "
        "Mailbox busy, try again later); 1 of 2 recipient(s) got it and are not mailed again. "
        "Will retry only those."
    )
    assert [r.rcpt_tos for r in server.received] == [("a@example.com",)]
    server.defer.clear()
    again = retry_now(mail_desk, first)
    assert again.state is SENT, again.last_error
    assert [r.rcpt_tos for r in server.received[1:]] == [("busy@example.com",)]


def test_who_unsubscribed_meanwhile_is_not_mailed_by_the_retry(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    server.drop_after_data.add("b@example.com")
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("a@example.com", "en"), ("b@example.com", "en"))
    (delivery_id,) = publish(mail_desk).delivery_ids
    # The state the attempt left, as it returns it: its reconcile runs on the pool at once and
    # may already have moved it on by the time the store is read.
    assert mail_desk.dispatcher.attempt(delivery_id) is DeliveryState.UNKNOWN
    decided = mail_desk.deliveries.wait_for_delivery(delivery_id, timeout=10)
    assert decided.state is DeliveryState.NEEDS_DECISION
    mail_desk.store.subscribers.remove("b@example.com", mail_desk.now())
    again = retry_now(mail_desk, decided)
    assert again.state is SENT, again.last_error
    assert len(server.received) == 2  # nobody mailed again
    assert parts(mail_desk, again) == {"a@example.com": "sent", "b@example.com": "failed"}


def test_a_server_that_wants_a_login_when_none_is_set(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    add_mail(mail_desk, server, username="", password=None)
    subscribe(mail_desk, ("amal@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is FAILED
    assert delivery.last_error == (
        f"mail: 127.0.0.1:{server.port} requires a login to send (530 5.7.0 Authentication "
        "required). Set --set username=… and `statusdesk channel secret mail password`, then "
        "retry this delivery."
    )
    assert server.received == []


def test_a_wrong_password_fails_with_the_fix_and_is_never_recorded(
    home: Path,
    mail_desk: Desk,
    mail_server: Servers,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG")
    server = mail_server()
    wrong = "wrong-" + PASSWORD
    add_mail(mail_desk, server, password=wrong)
    subscribe(mail_desk, ("amal@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert delivery.last_error.startswith(
        "mail: the SMTP server refused the username/password (535 5.7.8 Authentication "
        "credentials invalid) — set it with `statusdesk channel secret mail password`"
    )
    assert server.logins == [("PLAIN", USER, False)] and server.received == []
    assert parts(mail_desk, delivery) == {}
    for text in (recorded_text(mail_desk), caplog.text):
        assert wrong not in text and PASSWORD not in text
    for path in home.rglob("*"):  # the database, its WAL, the site, the logs
        if path.is_file():
            assert PASSWORD.encode("utf-8") not in path.read_bytes(), path


ECHOED = "echo@example.com"
PLAIN_BLOB = base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode()
LEAKS = {"the password": PASSWORD, "its AUTH PLAIN form": PLAIN_BLOB}


def leaked(*texts: str | bytes) -> list[str]:
    """Which forms of the password appear (named, never shown: a failure must not print it)."""
    return [
        name
        for name, value in LEAKS.items()
        if any((value.encode() if isinstance(t, bytes) else value) in t for t in texts)
    ]


def workspace_bytes(home: Path) -> bytes:
    """Every file of the workspace: the database, its WAL and shared memory, logs, site."""
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def test_a_server_that_echoes_the_password_never_gets_it_into_the_record_or_the_output(
    home: Path,
    tmp_path: Path,
    mail_desk: Desk,
    mail_server: Servers,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Our loggers only: the fake server's own (aiosmtpd's mail.log) quotes what it answered.
    caplog.set_level("DEBUG", logger="statusdesk")
    server = mail_server()
    server.echo_credentials.add(ECHOED)
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("amal@example.com", "en"), (ECHOED, "en"))
    published = publish(mail_desk)
    delivery = attempt(mail_desk, published)
    assert delivery.state is FAILED
    errors = [row["last_error"] or "" for row in mail_desk.store.ledger.delivery_parts(delivery.id)]
    assert any("relaying denied for" in e for e in errors)  # the server's words are kept …
    assert leaked(*errors, delivery.last_error or "", recorded_text(mail_desk)) == []
    assert leaked(workspace_bytes(home), caplog.text) == []  # … not the password in them
    base = ("--home", str(home))
    incident = str(published.incident_id)
    printed = [
        call(capsys, *base, "deliveries", incident, "--json"),
        call(capsys, *base, "deliveries", incident),
        call(capsys, *base, "incident", "show", incident, "--json"),
    ]
    for result in printed:
        assert result.code == 0, result.stderr
        assert leaked(result.stdout, result.stderr) == []
    assert "relaying denied for" in printed[0].stdout
    for fmt in ("md", "html", "csv", "json"):
        target = tmp_path / f"timeline.{fmt}"
        done = call(capsys, *base, "export", incident, "--format", fmt, "-o", str(target))
        assert done.code == 0, done.stderr
        assert leaked(target.read_bytes()) == [], fmt


def test_statusdesk_run_prints_and_records_the_echoed_password_redacted(
    home: Path, tmp_path: Path, mail_server: Servers
) -> None:
    """`statusdesk run` in a real process, the password in a real keyring (gnome-keyring on a
    private D-Bus session): what it prints, logs and records carries no form of it."""
    import signal
    import subprocess
    import sys
    import time

    from tests.keyring_session import secret_service
    from tests.unit.test_cli_support import REPO, child_env

    server = mail_server()
    server.echo_credentials.add(ECHOED)
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        add_mail(desk, server, password=None)
        subscribe(desk, (ECHOED, "en"))
    with secret_service(tmp_path / "keyring") as keyring_env:
        env = child_env(**keyring_env)
        base = ("--home", str(home))
        stored = spawn(*base, "channel", "secret", "mail", "password",
                       stdin=f"{PASSWORD}\n".encode(), env=env)  # fmt: skip
        assert stored.code == 0, stored.stderr
        opened = spawn(*base, "incident", "open", "--title-en", TITLE.en, "--title-ar",
                       TITLE.ar, "--en", EN, "--ar", AR, "--anyway", "--no-wait",
                       env=env)  # fmt: skip
        assert opened.code == 0, opened.stderr  # left for `statusdesk run`
        with Desk(home) as desk:
            (delivery_id,) = [d.id for d in desk.store.deliveries.deliveries_for_update(1)]
        runner = subprocess.Popen(
            [sys.executable, "-m", "statusdesk", "--home", str(home), "run", "--poll", "0.05"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while True:
                with Desk(home) as desk:
                    delivery = desk.store.deliveries.delivery(delivery_id)
                assert delivery is not None
                if delivery.state is FAILED or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
        finally:
            runner.send_signal(signal.SIGTERM)
            stdout, stderr = runner.communicate(timeout=30)
    assert delivery.state is FAILED, delivery.state
    said = stdout.decode("utf-8") + stderr.decode("utf-8", "replace")
    assert f"delivery {delivery_id} (mail): failed" in said
    assert leaked(said, workspace_bytes(home)) == []


def test_a_server_that_is_down_is_retried(mail_desk: Desk, memory_keyring: MemoryKeyring) -> None:
    port = free_port()  # nobody listens
    add_mail(mail_desk, port)
    subscribe(mail_desk, ("amal@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is DeliveryState.RETRY_WAIT
    assert delivery.last_error == (
        f"mail: cannot connect to 127.0.0.1:{port} (is the server up and the port right?). "
        "Will retry."
    )
    assert parts(mail_desk, delivery) == {}


def test_an_untrusted_certificate_is_refused_not_ignored(
    mail_desk: Desk,
    mail_server: Servers,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    server = mail_server()
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("SSL_CERT_FILE", str(other))
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("amal@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert delivery.last_error.startswith(
        f"mail: the TLS certificate of 127.0.0.1:{server.port} is not trusted"
    )
    assert "SSL_CERT_FILE" in delivery.last_error
    assert server.logins == [] and server.received == []


def test_starttls_missing_means_nothing_is_sent_least_of_all_the_password(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server("plain")
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("amal@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is FAILED
    assert delivery.last_error is not None
    assert f"127.0.0.1:{server.port} does not offer STARTTLS" in delivery.last_error
    assert server.logins == [] and server.received == []


# -- implicit TLS, LOGIN, plaintext -----------------------------------------------------------


def test_implicit_tls_with_auth_login(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server("tls", auth_exclude_mechanism=["PLAIN"])
    add_mail(mail_desk, server, security="tls")
    subscribe(mail_desk, ("amal@example.com", "ar"))
    delivery = attempt(mail_desk, publish(mail_desk))
    assert delivery.state is SENT, delivery.last_error
    assert server.logins == [("LOGIN", USER, True)]  # a UTF-8 password, over LOGIN
    (received,) = server.received
    assert received.tls
    assert received.message["Subject"] == "[تم تحديد السبب] تعطل الواجهة البرمجية"


def test_plaintext_only_when_allowed_and_never_with_a_password(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server("plain")
    base = {"host": "127.0.0.1", "port": str(server.port), "from": FROM, "security": "none"}
    with pytest.raises(Rejected) as refused:
        mail_desk.channels.add_channel("email", "relay", base)
    (problem,) = refused.value.problems
    assert problem.field == "settings"
    assert "security=none sends every email unencrypted" in problem.message
    assert "--set allow_plaintext=yes" in problem.message

    with pytest.raises(Rejected) as refused:
        mail_desk.channels.add_channel(
            "email", "relay", {**base, "allow_plaintext": "yes", "username": "u"}
        )
    (problem,) = refused.value.problems
    assert "statusdesk never sends a password unencrypted" in problem.message

    mail_desk.channels.add_channel("email", "relay", {**base, "allow_plaintext": "yes"})
    subscribe(mail_desk, ("amal@example.com", "en"))
    delivery = attempt(mail_desk, publish(mail_desk, "relay"))
    assert delivery.state is SENT, delivery.last_error
    (received,) = server.received
    assert not received.tls and server.logins == []


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({}, "host must be the SMTP server's name"),
        ({"host": "smtp.example.com"}, "from is missing; e.g. --set from=status@example.com"),
        ({"host": "h.example", "from": "x@y.example", "port": "x"}, "port must be a number"),
        ({"host": "h.example", "from": "x@y.example", "security": "ssl"}, "security must be"),
        ({"host": "h.example", "from": "x@y.example", "port": "465"}, "use --set security=tls"),
        (
            {"host": "h.example", "from": "x@y.example", "security": "tls", "port": "587"},
            "use --set security=starttls",
        ),
        ({"host": "h.example", "from": "not an address"}, "from: "),
        (
            {"host": "h.example", "from": "x@y.example", "recipients": "a@b.example, nope@"},
            "recipients: 'nope@' is not an email address",
        ),
        (
            {"host": "h.example", "from": "x@y.example", "unsubscribe_url": "http://x.example"},
            "unsubscribe_url must be an https:// address",
        ),
        (
            {
                "host": "h.example",
                "from": "x@y.example",
                "unsubscribe_url": "https://x.example/a b",
            },
            "unsubscribe_url must be an https:// address",
        ),
        (
            {"host": "h.example", "from": "x@y.example", "security": "none"},
            "--set allow_plaintext=yes",
        ),
    ],
)
def test_settings_problems_name_the_fix(settings: dict[str, str], says: str) -> None:
    problems = settings_problems(settings)
    assert any(says in p for p in problems), problems


def test_good_settings_have_no_problems() -> None:
    assert settings_problems({"host": "smtp.example.com", "from": FROM}) == []
    assert settings_problems({"host": "smtp.example.com", "from": FROM, "security": "tls"}) == []


# -- checks before publishing -----------------------------------------------------------------


def test_checks_before_publishing_say_what_is_missing(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring
) -> None:
    server = mail_server()
    add_mail(mail_desk, server, password=None)
    with pytest.raises(Rejected) as rejected:
        publish(mail_desk)
    messages = [p.message for p in rejected.value.problems]
    assert messages == [
        f"mail: its password (for {USER}) is missing from the keyring. Set it with "
        "`statusdesk channel secret mail password`.",
        "mail: nobody to mail: there are no subscribers and no recipients setting. Add some "
        "with `statusdesk subscriber add ADDR`, or give a fixed list with "
        "`--set recipients=a@example.com,b@example.com`.",
    ]
    assert mail_desk.store.incidents.incidents() == []
    mail_desk.channels.set_channel_secret("mail", "password", PASSWORD)
    subscribe(mail_desk, ("amal@example.com", "en"))
    assert attempt(mail_desk, publish(mail_desk)).state is SENT


def test_channel_test_connects_and_sends_nothing(
    home: Path,
    mail_server: Servers,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = mail_server()
    with Desk(home) as desk:
        add_mail(desk, server)
        add_mail(desk, server, name="bad", password="nope")
        assert desk.channels.test_channel("mail") == (
            f"mail: connected to 127.0.0.1:{server.port} with STARTTLS as {USER}; nothing was sent"
        )
    result = call(capsys, "--home", str(home), "channel", "test", "mail")
    assert result.code == 0, result.stderr
    assert result.lines == [
        f"mail: connected to 127.0.0.1:{server.port} with STARTTLS as {USER}; nothing was sent"
    ]
    failed = call(capsys, "--home", str(home), "channel", "test", "bad")
    assert failed.code == 4
    assert "bad: the SMTP server refused the username/password" in failed.stderr
    assert server.received == [] and server.sessions == []
    logs = [p.read_text(encoding="utf-8") for p in (home / "logs").glob("*")]
    assert_no_password_in(result.stdout, result.stderr, failed.stdout, failed.stderr, *logs)


# -- rendering --------------------------------------------------------------------------------


def test_render_is_deterministic_and_message_ids_are_per_recipient(
    mail_desk: Desk, memory_keyring: MemoryKeyring
) -> None:
    add_mail(mail_desk, 2525)
    subscribe(mail_desk, ("amal@example.com", "ar"), ("sam@example.com", "en"))
    published = publish(mail_desk)
    update = mail_desk.store.incidents.update(published.update_id)
    incident = mail_desk.store.incidents.incident(published.incident_id)
    assert update is not None and incident is not None
    config = mail_desk.store.channels.channel_by_name("mail")
    assert config is not None
    channel = mail_desk.channel(config)
    assert channel.render(update, incident) == channel.render(update, incident)
    one = compose.message_id("sd-key", "Amal@Example.com", "acme.example")
    assert one == compose.message_id("sd-key", "amal@example.com", "acme.example")
    assert one != compose.message_id("sd-key", "sam@example.com", "acme.example")
    assert one != compose.message_id("sd-other", "amal@example.com", "acme.example")


# -- subjects and headers that round-trip (issue #12 §3) ---------------------------------------

PAYMENTS = BilingualText(
    "Payments API returning errors for some customers", "أخطاء في واجهة المدفوعات لبعض العملاء"
)
SETTINGS = [
    (Language.EN, Order.EN_FIRST),
    (Language.AR, Order.EN_FIRST),
    (Language.BOTH, Order.EN_FIRST),
    (Language.BOTH, Order.AR_FIRST),
]


@pytest.mark.parametrize(("language", "order"), SETTINGS)
def test_a_bilingual_subject_arrives_exactly_as_written(
    mail_desk: Desk,
    mail_server: Servers,
    memory_keyring: MemoryKeyring,
    language: Language,
    order: Order,
) -> None:
    """Through a real SMTP server, decoded by the stdlib parser as a mail client would: every
    space of both titles is still there, for every language setting and order."""
    server = mail_server()
    add_mail(mail_desk, server, language=language.value, order=order.value, unsubscribe_url="")
    people = [("ar@example.com", "ar"), ("en@example.com", "en"), ("both@example.com", "both")]
    subscribe(mail_desk, *people)
    draft = Draft(BilingualText(EN, AR), IncidentState.INVESTIGATING, author="amal")
    published = mail_desk.publishing.open_incident(
        title=PAYMENTS, draft=draft, channel_names=["mail"], dispatch=False
    )
    assert attempt(mail_desk, published).state is SENT
    en = f"[Investigating] {PAYMENTS.en}"
    ar = f"[قيد التحقيق] {PAYMENTS.ar}"
    both = f"{en} | {ar}" if order is Order.EN_FIRST else f"{ar} | {en}"
    sent = {"en": en, "ar": ar, "both": both}
    for address, preference in people:
        (received,) = server.to(address)
        variant = compose.variant_for(Language(preference), sent_languages(language, order))
        assert received.message["Subject"] == sent[variant], (address, variant)
        assert all(byte < 128 for byte in received.content)


def sent_languages(language: Language, order: Order) -> list[str]:
    ordered = ["ar", "en"] if order is Order.AR_FIRST else ["en", "ar"]
    return [lang for lang in ordered if language.includes(lang)]


ARABIC_WORDS = st.sampled_from(
    ["أخطاء", "في", "واجهة", "المدفوعات", "لبعض", "العملاء", "التداول", "٣٠", "١٤:٣٠", "،", "؟"]
)
LATIN_WORDS = st.text(
    alphabet=st.sampled_from("abcXYZ0123456789-_.:;,!?()[]|/&'\"=<>@+%~"), min_size=1, max_size=12
) | st.sampled_from(["API", "v2", "14:30", "UTC+03:00", "=?", "?=", "Payments", "é"])
WORDS = st.lists(ARABIC_WORDS | LATIN_WORDS | st.text(min_size=1, max_size=3), min_size=1)
SPACES = st.sampled_from([" ", " ", " ", "  ", "\t"])


@st.composite
def titles(draw: st.DrawFn) -> str:
    words = draw(WORDS.map(lambda ws: ws[:40]))
    title = words[0]
    for word in words[1:]:
        title += draw(SPACES) + word
    return title


def incident_with(title: BilingualText) -> tuple[Update, Incident]:
    stamp = "2026-03-10T09:00:00Z"
    incident = Incident(
        1, title, IncidentKind.INCIDENT, IncidentState.IDENTIFIED, Impact.MAJOR, stamp, stamp, stamp
    )
    update = Update(
        7,
        1,
        IncidentState.IDENTIFIED,
        BilingualText(EN, AR),
        "amal",
        stamp,
        UpdateStatus.PUBLISHED,
        published_at=stamp,
    )
    return update, incident


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(en=titles(), ar=titles())
@example(en=PAYMENTS.en, ar=PAYMENTS.ar)
@example(en="x" * 70 + " " + "y" * 70, ar=" ".join(["المدفوعات"] * 22))  # 200 characters
def test_subjects_decode_to_the_text_written_whatever_the_title(en: str, ar: str) -> None:
    """Mixed Arabic/Latin titles, long ones (folded many times), spaces wherever a fold may
    fall, digits, punctuation and text that looks like an encoded word: the subject a mail
    client decodes (stdlib parser, policy.default) is the subject written, after the stored
    message is read back and each recipient's copy is made from it — for every channel
    language and order."""
    update, incident = incident_with(BilingualText(en, ar))
    for language, order in SETTINGS:
        config = Channel(1, "email", "mail", True, language, order)
        languages = compose.channel_languages(config, update)
        for variant in sorted({compose.variant_for(pref, languages) for pref in Language}):
            in_variant = compose.variant_languages(variant, languages)
            written = compose.subject_for(update, incident, in_variant)
            stored = compose.read_message(
                compose.render_message(update, incident, in_variant, FROM, "latn")
            )
            assert stored.subject == written
            link = compose.unsubscribe_link("", "status@acme.example", "tok-" + "z" * 60)
            copy = compose.copy_for(
                stored, Recipient("a@example.com", variant, link), message_id="<m@x>", when=0
            )
            assert copy.isascii()
            assert all(len(line) <= 998 for line in copy.split(b"\r\n"))
            parsed = email.message_from_bytes(copy, policy=policy.default)
            assert parsed["Subject"] == written
            assert raw_header(copy, "List-Unsubscribe") == f"<{link}>"
            for lang in in_variant:
                assert " ".join(incident.title.get(lang).split()) in written


def test_seqs_stay_with_their_address_when_the_list_changes() -> None:
    a, b, c, d = (Recipient(f"{n}@example.com", "en") for n in "abcd")
    assert [seq for seq, _ in assign_seqs([a, b, c], {})] == [0, 1, 2]
    before = {
        0: PartRecord(0, "a@example.com", "sent"),
        1: PartRecord(1, "B@example.com", "failed"),
    }
    plan = assign_seqs([d, b, c], before)
    assert [(seq, r.address) for seq, r in plan] == [
        (2, "d@example.com"),
        (1, "b@example.com"),
        (3, "c@example.com"),
    ]


# -- subscribers: the store -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Amal@Example.COM", "Amal@example.com"),
        ("  sam@example.com ", "sam@example.com"),
        ("x@bücher.example", "x@xn--bcher-kva.example"),
    ],
)
def test_addresses_are_normalized(given: str, expected: str) -> None:
    assert normalize_address(given) == expected


@pytest.mark.parametrize(
    "given",
    ["", "bob", "bob@", "@example.com", "a b@example.com", "Amal <a@example.com>", "a@localhost",
     "a@-bad-.example", "عمل@example.com", "a@example..com"],
)  # fmt: skip
def test_bad_addresses_are_refused(given: str) -> None:
    with pytest.raises(InvalidAddress):
        normalize_address(given)


def test_subscribers_add_remove_and_token(mail_desk: Desk) -> None:
    subscribers = mail_desk.store.subscribers
    added = subscribers.add("amal@example.com", "ar", "2026-03-01T10:00:00Z")
    assert added.language is Language.AR and added.active and len(added.token) >= 32
    with pytest.raises(SubscriberError, match="already subscribed"):
        subscribers.add("AMAL@example.com", "en", "2026-03-01T10:01:00Z")
    with pytest.raises(SubscriberError, match="not a language"):
        subscribers.add("sam@example.com", "fr", "2026-03-01T10:01:00Z")
    assert subscribers.unsubscribe_token("no-such-token", "2026-03-01T11:00:00Z") is None
    left = subscribers.unsubscribe_token(added.token, "2026-03-01T11:00:00Z")
    assert left is not None and left.unsubscribed_at == "2026-03-01T11:00:00Z"
    assert subscribers.list() == [] and len(subscribers.list(active_only=False)) == 1
    back = subscribers.add("amal@example.com", "both", "2026-03-02T09:00:00Z")
    assert back.active and back.token != added.token and back.language is Language.BOTH
    kinds = [
        e["kind"] for e in mail_desk.store.audit.events() if e["kind"].startswith("subscriber")
    ]
    assert kinds == ["subscriber.added", "subscriber.unsubscribed", "subscriber.resubscribed"]
    events = json.dumps(mail_desk.store.audit.events())
    assert added.token not in events and back.token not in events


def test_an_import_with_a_bad_line_imports_nothing(mail_desk: Desk, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a@example.com,ar\nnot-an-address,en\nb@example.com,fr\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        mail_desk.store.subscribers.import_csv(bad, mail_desk.now())
    assert [n.line for n in rejected.value.result.invalid] == [2, 3]
    assert mail_desk.store.subscribers.list(active_only=False) == []


# -- subscribers: the CLI ---------------------------------------------------------------------


def test_subscriber_commands(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*argv: str) -> Any:
        return call(capsys, "--home", str(home), "subscriber", *argv)

    added = run("add", "Amal@Example.COM", "--language", "ar")
    assert (added.code, added.lines) == (0, ["subscribed Amal@example.com (ar)"])
    assert run("add", "sam@example.com").code == 0
    duplicate = run("add", "amal@example.com", "--language", "en")
    assert duplicate.code == 3
    assert "statusdesk: ADDR: Amal@example.com is already subscribed" in duplicate.stderr
    invalid = run("add", "bob@")
    assert invalid.code == 3
    assert invalid.stderr.startswith("statusdesk: ADDR: 'bob@' is not an email address")
    assert run("add", "x@example.com", "--language", "fr").code == 2  # usage

    listed = run("list", "--json")
    assert listed.code == 0
    assert [(s["email"], s["language"], s["active"]) for s in listed.json()] == [
        ("Amal@example.com", "ar", True),
        ("sam@example.com", "both", True),
    ]
    assert all("token" not in json.dumps(s) for s in listed.json())
    table = run("list")
    assert table.lines[0].split() == ["EMAIL", "LANGUAGE", "SINCE", "UNSUBSCRIBED", "COMPONENTS"]
    assert table.lines[1].split()[:2] == ["Amal@example.com", "ar"]

    removed = run("remove", "AMAL@example.com")
    assert removed.code == 0 and removed.lines[0].startswith("unsubscribed Amal@example.com")
    assert (
        run("remove", "amal@example.com")
        .lines[0]
        .startswith("Amal@example.com had already unsubscribed on ")
    )
    unknown = run("remove", "nobody@example.com")
    assert unknown.code == 3 and "'nobody@example.com' is not a subscriber" in unknown.stderr
    assert [s["email"] for s in run("list", "--json").json()] == ["sam@example.com"]
    with Desk(home) as desk:
        (sam,) = desk.store.subscribers.list()
    by_token = run("remove", sam.token)
    assert by_token.code == 0 and by_token.lines[0].startswith("unsubscribed sam@example.com")
    assert run("remove", "no-such-token").code == 3
    everyone = run("list", "--all", "--json").json()
    assert [(s["email"], s["active"]) for s in everyone] == [
        ("Amal@example.com", False),
        ("sam@example.com", False),
    ]
    assert everyone[0]["unsubscribed_at"] is not None


def test_subscriber_import(home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def run(*argv: str) -> Any:
        return call(capsys, "--home", str(home), "subscriber", *argv)

    assert run("add", "left@example.com").code == 0
    assert run("remove", "left@example.com").code == 0
    good = tmp_path / "قائمة.csv"
    good.write_bytes(
        "\ufeffemail,language\r\n"
        "amal@example.com,ar\r\n"
        "\r\n"
        "sam@example.com,EN\r\n"
        "SAM@example.com,both\r\n"
        "left@example.com,en\r\n"
        "noor@example.com,\r\n".encode()
    )
    imported = run("import", str(good))
    assert imported.code == 0, imported.stderr
    assert imported.lines[0] == f"{good}: 3 added, 2 skipped"
    assert imported.lines[1] == "  skipped line 5: SAM@example.com repeats line 4"
    assert imported.lines[2].startswith("  skipped line 6: left@example.com: unsubscribed on ")
    listed = {s["email"]: s["language"] for s in run("list", "--json").json()}
    assert listed == {"amal@example.com": "ar", "sam@example.com": "en", "noor@example.com": "both"}

    again = run("import", str(good), "--json")
    assert again.code == 0
    assert {k: again.json()[k] for k in ("added", "skipped", "invalid")} == {
        "added": 0,
        "skipped": 5,
        "invalid": 0,
    }

    bad = tmp_path / "bad.csv"
    bad.write_text("email,language\nz@example.com\nbob@\n\nq@example.com,xx\n", encoding="utf-8")
    rejected = run("import", str(bad))
    assert rejected.code == 3
    assert f"statusdesk: {bad}: 2 line(s) cannot be imported, so nothing was: line 3: " in (
        rejected.stderr
    )
    assert "line 5: 'xx' is not a language; use ar, en or both" in rejected.stderr
    assert "z@example.com" not in {s["email"] for s in run("list", "--json").json()}

    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("café@example.com\n".encode("latin-1"))
    not_utf8 = run("import", str(latin1))
    assert not_utf8.code == 3
    assert "is not UTF-8 text (byte 0xe9 on line 1 cannot be read)" in not_utf8.stderr
    missing = run("import", str(tmp_path / "nope.csv"))
    assert missing.code == 3 and "cannot read it" in missing.stderr


def test_subscriber_list_in_a_real_process(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert call(capsys, "--home", str(home), "subscriber", "add", "amal@example.com").code == 0
    result = spawn("--home", str(home), "subscriber", "list", "--json")
    assert result.code == 0, result.stderr
    assert [s["email"] for s in result.json()] == ["amal@example.com"]
    help_text = spawn("subscriber", "import", "--help")
    assert help_text.code == 0
    assert "All or nothing" in help_text.stdout


# -- the incident page's URL (issue #14) ------------------------------------------------------


@pytest.mark.parametrize("base", ["", "https://status.example.com"])
def test_each_language_links_the_incident_page_when_the_site_has_a_base_url(
    mail_desk: Desk, mail_server: Servers, memory_keyring: MemoryKeyring, base: str
) -> None:
    server = mail_server()
    add_mail(mail_desk, server)
    subscribe(mail_desk, ("amal@example.com", "both"))
    if base:
        mail_desk.channels.edit_channel("site", {"base_url": base})
    published = publish(mail_desk)
    assert attempt(mail_desk, published).state is SENT
    (received,) = server.received
    text, html = received.body("plain"), received.body("html")
    page = f"https://status.example.com/incidents/{published.incident_id}.html"
    page_ar = f"https://status.example.com/ar/incidents/{published.incident_id}.html"
    if not base:
        assert "status.example.com/" not in text and "Follow this incident" not in html
        return
    assert f"Follow this incident: {page}" in text
    assert f"تابع هذا العطل: {page_ar}" in text
    assert text.index(page) < text.index("[تم تحديد السبب]") < text.index(page_ar)
    assert f'<a href="{page}" style="color:#0969da;">Follow this incident</a>' in html
    assert f'<a href="{page_ar}" style="color:#0969da;">تابع هذا العطل</a>' in html


def test_no_unsubscribe_token_starts_with_a_dash_which_the_cli_would_take_for_an_option(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`subscriber remove TOKEN` failed with a usage error for one token in 64 (found by
    test_subscriber_commands in a full run)."""
    from statusdesk.store.subscribers import _new_token

    assert not [t for t in (_new_token() for _ in range(2000)) if t.startswith("-")]
    # One made before this rule still goes, after `--`.
    assert call(capsys, "--home", str(home), "subscriber", "add", "old@example.com").code == 0
    with Desk(home) as desk, desk.store.transaction():
        desk.store.conn.execute("UPDATE subscriber SET unsubscribe_token = '-old-token-1'")
    removed = call(capsys, "--home", str(home), "subscriber", "remove", "--", "-old-token-1")
    assert removed.code == 0, removed.stderr
    assert removed.lines[0].startswith("unsubscribed old@example.com")
