"""SMTP for the email channel: one connection per delivery (TLS first, AUTH only over TLS), one
mail transaction per recipient, and every failure sorted into what it means (ARCHITECTURE §4).

TLS goes through `ssl.create_default_context()`, so `SSL_CERT_FILE` is honoured and the
server's certificate and name are always verified. The password is only ever written to the
TLS socket; no message here, nor any exception raised from here, contains it.
"""

from __future__ import annotations

import base64
import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from statusdesk.channels.base import WILL_RETRY, ChannelError, Permanent, Transient
from statusdesk.channels.email import said as frames
from statusdesk.channels.email.settings import EmailSettings
from statusdesk.channels.targets import host_problem

TIMEOUT = 20.0  # seconds, for the connection and every reply


class Outcome(Enum):
    SENT = "sent"
    REFUSED = "refused"  # a 5xx for this recipient: a person must act
    DEFERRED = "deferred"  # a 4xx: the server asks to try later


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    reply: str  # the server's words, e.g. "550 5.1.1 no such user"


class ConnectionLost(Exception):
    """The connection broke during one recipient's transaction. `unsure`: after DATA was sent,
    so the message may have been taken."""

    def __init__(self, detail: str, *, unsure: bool) -> None:
        super().__init__(detail)
        self.detail = detail
        self.unsure = unsure


def reply_text(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {' '.join(text.split())}".strip()


# A plain address (as statusdesk normalizes them) goes into MAIL FROM / RCPT TO as it is;
# anything else through smtplib's own quoting (email.utils.parseaddr, some 60 µs a command).
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
)


def _command(smtp: smtplib.SMTP, verb: str, word: str, address: str) -> tuple[int, bytes]:
    """MAIL FROM or RCPT TO, as smtplib's mail() / rcpt() send them (without options)."""
    if not _PLAIN_ADDRESS.fullmatch(address):
        return smtp.mail(address) if verb == "mail" else smtp.rcpt(address)
    smtp.putcmd(verb, f"{word}:<{address}>")
    return smtp.getreply()


_LEADING_DOT = re.compile(rb"(?m)^\.")


def wire(message: bytes) -> bytes:
    """A message as DATA carries it, as smtplib's data() makes it: a line that starts with a
    dot gets another (RFC 5321 4.5.2), and CRLF . CRLF ends it."""
    stuffed = _LEADING_DOT.sub(b"..", message)
    if not stuffed.endswith(b"\r\n"):
        stuffed += b"\r\n"
    return stuffed + b".\r\n"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


class Connection:
    """One SMTP session for one channel's delivery (or its `channel test`)."""

    def __init__(self, name: str, settings: EmailSettings, password: str | None) -> None:
        self.name = name
        self.settings = settings
        self._password = password
        self._smtp: smtplib.SMTP | None = None

    # -- opening ------------------------------------------------------------------------------

    def open(self) -> None:
        """Connect, secure, authenticate; raises Transient or Permanent saying what to do."""
        s = self.settings
        try:
            forbidden = host_problem("host", s.host)  # now, too: a name may have moved
            if forbidden:
                raise Permanent(frames.FORBIDDEN.format(channel=self.name, problem=forbidden))
            if s.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=TIMEOUT, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
            self._smtp = smtp
            smtp.ehlo()
            if s.security == "starttls":
                self._starttls(smtp)
            if s.username:
                self._login(smtp)
        except ChannelError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise self._opening_error(exc) from None

    def _starttls(self, smtp: smtplib.SMTP) -> None:
        if not smtp.has_extn("starttls"):
            raise Permanent(
                frames.NO_STARTTLS.format(channel=self.name, server=self.settings.where)
            )
        code, reply = smtp.starttls(context=ssl.create_default_context())
        if code != 220:
            raise self._refused_step("STARTTLS", code, reply)
        smtp.ehlo()

    def _login(self, smtp: smtplib.SMTP) -> None:
        """AUTH PLAIN or LOGIN with UTF-8 credentials (smtplib's own login takes ASCII only)."""
        s = self.settings
        if self._password is None:
            raise Permanent(frames.NO_PASSWORD.format(channel=self.name))
        if not smtp.has_extn("auth"):
            raise Permanent(
                frames.NO_AUTH.format(channel=self.name, server=s.where, security=s.security_label)
            )
        offered = smtp.esmtp_features.get("auth", "").upper().split()
        if "PLAIN" in offered:
            code, reply = smtp.docmd("AUTH", "PLAIN " + _b64(f"\0{s.username}\0{self._password}"))
        elif "LOGIN" in offered:
            code, reply = smtp.docmd("AUTH", "LOGIN " + _b64(s.username))
            if code == 334:
                code, reply = smtp.docmd(_b64(self._password))
        else:
            raise Permanent(
                frames.AUTH_METHODS.format(
                    channel=self.name, server=s.where, methods=", ".join(offered) or "no"
                )
            )
        if code in (235, 503):  # 503: this session is already authenticated
            return
        if 400 <= code < 500:
            raise Transient(
                frames.LOGIN_LATER.format(
                    channel=self.name, server=s.where, said=reply_text(code, reply)
                ),
                then=WILL_RETRY,
            )
        raise Permanent(
            frames.LOGIN_REFUSED.format(channel=self.name, said=reply_text(code, reply))
        )

    def _refused_step(self, step: str, code: int, reply: bytes | str) -> ChannelError:
        said = reply_text(code, reply)
        where = self.settings.where
        if 400 <= code < 500:
            return Transient(
                frames.STEP_LATER.format(channel=self.name, server=where, step=step, said=said)
            )
        return Permanent(
            frames.STEP_REFUSED.format(channel=self.name, server=where, step=step, said=said)
        )

    def _opening_error(self, exc: Exception) -> ChannelError:
        where = self.settings.where
        if isinstance(exc, ssl.SSLCertVerificationError):
            error = str(exc.verify_message or exc)
            return Permanent(frames.UNTRUSTED.format(channel=self.name, server=where, error=error))
        if isinstance(exc, ssl.SSLError):
            error = str(exc.reason or exc)
            return Permanent(frames.HANDSHAKE.format(channel=self.name, server=where, error=error))
        if isinstance(exc, smtplib.SMTPConnectError):
            return self._refused_step(frames.THE_CONNECTION, exc.smtp_code, exc.smtp_error)
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return Permanent(
                frames.UNSUPPORTED.format(channel=self.name, server=where, error=str(exc))
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            return self._refused_step(frames.THE_GREETING, exc.smtp_code, exc.smtp_error)
        if isinstance(exc, socket.gaierror):
            said = frames.UNRESOLVED.format(channel=self.name, host=self.settings.host)
            return Transient(said, then=WILL_RETRY)
        if isinstance(exc, ConnectionRefusedError):
            return Transient(
                frames.REFUSED.format(channel=self.name, server=where), then=WILL_RETRY
            )
        if isinstance(exc, TimeoutError):
            said = frames.NO_ANSWER.format(channel=self.name, server=where, seconds=f"{TIMEOUT:g}")
            return Transient(said, then=WILL_RETRY)
        if isinstance(exc, smtplib.SMTPServerDisconnected | OSError):
            error = str(exc) or type(exc).__name__
            said = frames.CLOSED.format(channel=self.name, server=where, error=error)
            return Transient(said, then=WILL_RETRY)
        said = frames.NOT_CONNECTED.format(channel=self.name, server=where, error=str(exc))
        return Transient(said, then=WILL_RETRY)

    # -- using it -----------------------------------------------------------------------------

    def noop(self) -> None:
        assert self._smtp is not None
        try:
            code, reply = self._smtp.noop()
        except (smtplib.SMTPException, OSError) as exc:
            raise self._opening_error(exc) from None
        if code != 250:
            raise self._refused_step("NOOP", code, reply)

    def send(
        self,
        sender: str,
        to: str,
        data: bytes,
        meanwhile: Callable[[], None] | None = None,
    ) -> Result:
        """One recipient's transaction (MAIL, RCPT, DATA); `data` as `wire` made it. Returns
        how the server answered; raises ConnectionLost when the connection broke, Permanent
        when the server refuses the sender (which no recipient can fix). `meanwhile` runs
        while the server takes the message (the next copy is made then, off the critical
        path); it must not raise."""
        smtp = self._smtp
        if smtp is None:
            raise ConnectionLost("not connected", unsure=False)
        stage = "MAIL FROM"
        try:
            code, reply = _command(smtp, "mail", "FROM", sender)
            if code != 250:
                return self._refusal("MAIL FROM", code, reply, sender=sender)
            stage = "RCPT TO"
            code, reply = _command(smtp, "rcpt", "TO", to)
            if code not in (250, 251):
                return self._refusal("RCPT TO", code, reply)
            stage = "DATA"
            code, reply = smtp.docmd("data")
            if code != 354:  # DATA itself refused: the message never went
                return self._refusal("DATA", code, reply)
            smtp.send(data)
            if meanwhile is not None:
                meanwhile()
            code, reply = smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.close()
            detail = f"the connection broke at {stage} ({str(exc) or type(exc).__name__})"
            raise ConnectionLost(detail, unsure=stage == "DATA") from None
        if code != 250:
            return self._refusal(frames.THE_MESSAGE, code, reply)
        return Result(Outcome.SENT, reply_text(code, reply))

    def _refusal(
        self, step: str, code: int, reply: bytes | str, sender: str | None = None
    ) -> Result:
        said = reply_text(code, reply)
        self._reset()
        if code == 421:  # the server is closing this session
            self.close()
            raise ConnectionLost(f"the server closed the session at {step} ({said})", unsure=False)
        if sender is not None and code >= 500:
            if code == 530:
                raise Permanent(
                    frames.LOGIN_NEEDED.format(
                        channel=self.name, server=self.settings.where, said=said
                    )
                )
            raise Permanent(
                frames.SENDER_REFUSED.format(
                    channel=self.name, server=self.settings.where, sender=sender, said=said
                )
            )
        outcome = Outcome.DEFERRED if 400 <= code < 500 else Outcome.REFUSED
        return Result(outcome, said)

    def _reset(self) -> None:
        if self._smtp is None:
            return
        try:
            self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    @property
    def is_open(self) -> bool:
        return self._smtp is not None
