"""Each recipient's copy, cheaply: a variant's message is prepared once (`Template`), and a copy
is those bytes with only what is the recipient's own put in — To, Date, Message-ID,
List-Unsubscribe and the unsubscribe footer — instead of an `email.message` built, folded and
encoded again for every recipient (about 2 ms each, more than the SMTP exchange itself).

The bytes are exactly those `compose.copy_for` makes (tests/unit/test_email_speed.py holds
the two equal, byte for byte, over generated bodies, addresses and links): the same headers
folded the same way, the same MIME boundary (a digest of the copy's text), the same transfer
encodings. That works because both encodings the stdlib uses here are line by line: base64 of
the CRLF-joined lines in 57-byte pieces, quoted-printable one line at a time. So the lines
before the footer are encoded once per variant, and a copy encodes only its footer's lines and
what follows (plus, for base64, the few bytes before them that do not fill a 57-byte piece).
Anything outside the simple cases (an address that needs quoting, a long header) goes the slow,
general way for that header alone.
"""

from __future__ import annotations

import binascii
import functools
import hashlib
import re
from datetime import UTC, datetime
from email import quoprimime
from email.message import EmailMessage, MIMEPart
from email.utils import formatdate

from markupsafe import escape

from statusdesk.channels.email.compose import (
    FOOTER_MARK,
    SMTP,
    Recipient,
    Stored,
    build,
    copy_for,
    footer,
)

CRLF = b"\r\n"
MAX_LINE: int = SMTP.max_line_length or 78  # 78 (policy.SMTP)
BASE64_PIECE = MAX_LINE // 4 * 3  # bytes per base64 line, as email.contentmanager cuts them
LINK = "statusdeskunsubscribelinkplaceholder"  # survives HTML escaping unchanged
_ADDRESS = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")
_MESSAGE_ID = re.compile(r"<[A-Za-z0-9]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*>")


def _slow_header(name: str, value: str) -> bytes:
    """A header line as the email package writes it (parsed, folded, encoded)."""
    message = EmailMessage(policy=SMTP)
    message[name] = value
    return message.as_bytes(policy=SMTP).split(CRLF + CRLF, 1)[0] + CRLF


def _header(name: str, value: str, simple: re.Pattern[str]) -> bytes:
    if len(name) + 2 + len(value) <= MAX_LINE and simple.fullmatch(value):
        return f"{name}: {value}\r\n".encode("ascii")
    return _slow_header(name, value)


def _raw_header(name: str, value: str) -> bytes:
    if value.isascii() and len(value) < 990:  # WirePolicy writes these unfolded
        return f"{name}: {value}\r\n".encode("ascii")
    return _slow_header(name, value)


@functools.lru_cache(maxsize=8)
def _date(second: int) -> bytes:
    return _slow_header("Date", formatdate(second, usegmt=True))


def _second(when: float) -> int:
    """The whole second `formatdate(when)` names (compose.copy_for's Date): it reads `when`
    through datetime, which rounds to the microsecond first, so 0.9999996 is second 1 where
    `when // 1` said 0 and the fast copy's Date was a second early."""
    return int(datetime.fromtimestamp(when, UTC).replace(microsecond=0).timestamp())


@functools.cache
def _part_head(subtype: str, cte: str) -> bytes:
    part = MIMEPart(policy=SMTP)
    part.set_content("x", subtype=subtype, charset="utf-8", cte=cte)
    return part.as_bytes(policy=SMTP).split(CRLF + CRLF, 1)[0] + CRLF


def _cte(text_is_ascii: bool) -> str:
    return "quoted-printable" if text_is_ascii else "base64"  # as compose._cte chooses


def _lines(text: str) -> list[bytes]:
    return text.encode("utf-8").splitlines()


def _encoded(text: str, cte: str) -> tuple[bytes, bytes]:
    """(encoded, left over): `text` (whole lines) encoded as email.contentmanager does; for
    base64, the bytes that do not fill a last 57-byte piece are left over, unencoded, for
    what follows to complete."""
    lines = _lines(text)
    if cte == "quoted-printable":
        body = (b"\n".join(lines) + b"\n").decode("latin-1")
        return quoprimime.body_encode(body, MAX_LINE).replace("\n", "\r\n").encode("ascii"), b""
    data = CRLF.join(lines) + CRLF if lines else b""
    whole = len(data) // BASE64_PIECE * BASE64_PIECE
    return _base64(data[:whole]), data[whole:]


def _base64(data: bytes) -> bytes:
    return b"".join(
        binascii.b2a_base64(data[i : i + BASE64_PIECE]).replace(b"\n", CRLF)
        for i in range(0, len(data), BASE64_PIECE)
    )


class _Body:
    """One body (plain or HTML): `head` is constant, `tail` is per copy (it holds the footer);
    `head` ends at a line break, so the two encode separately."""

    def __init__(self, subtype: str, head: str) -> None:
        self.subtype = subtype
        self.head = head
        self.head_ascii = head.isascii()
        self._encoded: dict[str, tuple[bytes, bytes]] = {}

    def payload(self, tail: str) -> tuple[str, bytes]:
        """(cte, encoded bytes) of head + tail."""
        cte = _cte(self.head_ascii and tail.isascii())
        if cte not in self._encoded:
            self._encoded[cte] = _encoded(self.head, cte)
        done, left = self._encoded[cte]
        if not tail:
            return cte, done + (_base64(left) if left else b"")
        if cte == "quoted-printable":
            return cte, done + _encoded(tail, cte)[0]
        lines = _lines(tail)
        return cte, done + _base64(left + CRLF.join(lines) + CRLF)


class Template:
    """A variant's message, ready to be copied for each recipient (`copy`)."""

    def __init__(self, stored: Stored) -> None:
        self.stored = stored
        probe = build(stored.subject, stored.from_header, stored.languages, "", "")
        self._probe_boundary = str(probe.get_boundary()).encode("ascii")
        self._head = probe.as_bytes(policy=SMTP).split(CRLF + CRLF, 1)[0] + CRLF
        html, text = stored.html, stored.text
        mark = html.find(FOOTER_MARK)
        self.fast = mark >= 0 and self._head.count(self._probe_boundary) == 1
        line = html.rfind("\n", 0, mark) + 1
        self._html_tail = html[line:]
        self._html = _Body("html", html[:line])
        footed = text.rstrip("\n") + "\n"
        self._text_footed = _Body("plain", footed)
        self._text_bare = _Body("plain", text)
        footer_html, footer_text = footer(stored.languages, LINK)
        self._footer_html, self._footer_text = footer_html.strip(), footer_text

    def copy(self, recipient: Recipient, *, message_id: str, when: float) -> bytes:
        """The bytes that go to one recipient (as compose.copy_for makes them)."""
        if not self.fast:
            return _built(self.stored, recipient, message_id, when)
        link = recipient.unsubscribe
        lines = [
            _header("To", recipient.address, _ADDRESS),
            _date(_second(when)),
            _header("Message-ID", message_id, _MESSAGE_ID),
        ]
        if link:
            lines.append(_raw_header("List-Unsubscribe", f"<{link}>"))
            if link.startswith("https:"):
                lines.append(b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
            text_body = self._text_footed
            text_tail = self._footer_text.replace(LINK, link)
            html_tail = self._html_tail.replace(
                FOOTER_MARK, self._footer_html.replace(LINK, str(escape(link))), 1
            )
        else:
            text_body, text_tail = self._text_bare, ""
            html_tail = self._html_tail.replace(FOOTER_MARK, "", 1)
        text, html = text_body.head + text_tail, self._html.head + html_tail
        subject = self.stored.subject
        digest = hashlib.sha256("\0".join((subject, text, html)).encode("utf-8")).hexdigest()
        boundary = f"=_statusdesk_{digest[:24]}".encode("ascii")
        out = [*lines, self._head.replace(self._probe_boundary, boundary), CRLF]
        for body, tail in ((text_body, text_tail), (self._html, html_tail)):
            cte, payload = body.payload(tail)
            out += [b"--", boundary, CRLF, _part_head(body.subtype, cte), CRLF, payload, CRLF]
        out += [b"--", boundary, b"--", CRLF]
        return b"".join(out)


def _built(stored: Stored, recipient: Recipient, message_id: str, when: float) -> bytes:
    return copy_for(stored, recipient, message_id=message_id, when=when)
