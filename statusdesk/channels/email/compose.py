"""What an update looks like as email: the bilingual subject, the plain-text and HTML bodies
(Jinja2, autoescaped: user text is always escaped), and each recipient's own copy.

`render` makes one message per language variant in use (`en`, `ar`, `both` in the channel's
order) plus the list of recipients; that is what the dispatcher stores at the first attempt and
every retry resends. Sending then finishes one copy per recipient: To, a Message-ID derived from
the delivery's idempotency key and the address (so a retry reuses it), Date, List-Unsubscribe
with the subscriber's token, and the unsubscribe footer. Bodies are UTF-8 in a 7-bit transfer
encoding, headers RFC 2047 encoded: the message passes any SMTP server as it is.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.header import Header
from email.message import EmailMessage, MIMEPart
from email.parser import Parser
from email.utils import formatdate
from typing import Any, cast
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from statusdesk.channels.base import Rendered, RenderedPart
from statusdesk.channels.site.render import format_time, isolate
from statusdesk.channels.site.words import STATE
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Language, Order, Update
from statusdesk.core.text.bidi import LANG_DIRECTION

MESSAGE_TYPE = "message/rfc822"
RECIPIENTS_TYPE = "application/json"
FOOTER_MARK = "<!--statusdesk:footer-->"  # user text is escaped: it can never write this


class WirePolicy(policy.EmailPolicy):
    """`policy.SMTP` (CRLF, RFC 2047 headers, lines folded at 78), except for two kinds of
    header its folder gets wrong (CPython 3.11's `_refold_parse_tree`):

    - Subject: when it folds a mix of Latin and Arabic it drops the spaces between the
      encoded words it makes ("[قيد التحقيق] أخطاء في" came back "[قيدالتحقيق]أخطاءفي"), and
      folding it again at each recipient's copy loses more. A subject that is not plain ASCII
      is therefore written by the stdlib's other encoder, `email.header.Header`: UTF-8
      encoded words split between characters, every space inside a word, so a reader
      decodes exactly the text that was written.
    - List-Unsubscribe and List-Unsubscribe-Post: a URL in angle brackets (RFC 2369, 8058)
      that mail clients read as is and never decode; the folder turned a long one into
      `=?utf-8?q?=3Cmailto...?=`. They are written unfolded (a header line may be 998
      characters), always ASCII (unsubscribe_link percent-encodes).
    """

    def fold(self, name: str, value: str) -> str:
        return self._wire_fold(name, value) or super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        folded = self._wire_fold(name, value)
        return folded.encode("ascii") if folded else super().fold_binary(name, value)

    def _wire_fold(self, name: str, value: str) -> str | None:
        text = str(value)
        if name.lower() in RAW_HEADERS and text.isascii() and len(text) < 990:
            return f"{name}: {text}{self.linesep}"
        if name.lower() == "subject" and not (text.isascii() and "=?" not in text):
            encoded = Header(text, "utf-8", header_name=name, maxlinelen=self.max_line_length)
            return f"{name}: {encoded.encode(linesep=self.linesep)}{self.linesep}"
        return None


RAW_HEADERS = frozenset(["list-unsubscribe", "list-unsubscribe-post"])
SMTP = WirePolicy(linesep="\r\n")

FOOTER_WORDS = {
    "en": {
        "why": "You get this email because you subscribed to these status updates.",
        "unsubscribe": "Unsubscribe",
    },
    "ar": {
        "why": "تصلك هذه الرسالة لأنك مشترك في تحديثات الحالة هذه.",
        "unsubscribe": "إلغاء الاشتراك",
    },
}


@dataclass(frozen=True)
class Recipient:
    address: str
    variant: str  # en | ar | both: which message they get
    unsubscribe: str | None = None  # their List-Unsubscribe link; None for a fixed recipient

    def to_json(self) -> dict[str, Any]:
        return {"to": self.address, "variant": self.variant, "unsubscribe": self.unsubscribe}


# -- languages --------------------------------------------------------------------------------


def channel_languages(config: ChannelConfig, update: Update) -> list[str]:
    """The languages this channel sends, in its order, that the update has text in."""
    order = ["ar", "en"] if config.order == Order.AR_FIRST else ["en", "ar"]
    chosen = [
        lang for lang in order if config.language.includes(lang) and update.body.get(lang).strip()
    ]
    return chosen or [lang for lang in order if update.body.get(lang).strip()]


def variant_for(preference: Language, languages: Sequence[str]) -> str:
    """A subscriber's copy: their language if the channel sends it, else what it sends."""
    return _variant_for(preference, tuple(languages))


@functools.lru_cache(maxsize=64)
def _variant_for(preference: Language, languages: tuple[str, ...]) -> str:
    wanted = [lang for lang in languages if preference.includes(lang)] or list(languages)
    return "both" if len(wanted) > 1 else wanted[0]


def variant_languages(variant: str, languages: Sequence[str]) -> list[str]:
    return list(languages) if variant == "both" else [variant]


# -- the message of one variant ---------------------------------------------------------------


def _paragraphs(text: str, lang: str) -> Markup:
    """Escaped text as <p> paragraphs (blank lines) with <br> for single line breaks."""
    blocks = [block for block in text.strip().split("\n\n") if block.strip()]
    style = "margin:0 0 12px;white-space:pre-wrap;overflow-wrap:anywhere;"
    return Markup("\n").join(
        Markup('<p style="%s">%s</p>')
        % (style, Markup("<br>\n").join(isolate(line, lang) for line in block.split("\n")))
        for block in blocks
    )


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("statusdesk.resources", "email"),
        # HTML is escaped; the plain-text templates are not markup and must not be.
        autoescape=lambda name: not (name or "").endswith(".txt.j2"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(isolated=isolate, paragraphs=_paragraphs)
    return env


def _one_line(text: str) -> str:
    return " ".join(text.split())


def subject_for(update: Update, incident: Incident, languages: Sequence[str]) -> str:
    """`[Identified] API outage | [تم تحديد السبب] تعطل الواجهة`, in the variant's order."""
    pieces = []
    for lang in languages:
        title = incident.title.get(lang) or incident.title.en or incident.title.ar
        pieces.append(f"[{STATE[lang][update.state.value]}] {_one_line(title)}")
    return " | ".join(pieces)


PAGE_WORDS = {"en": "Follow this incident", "ar": "تابع هذا العطل"}


def _blocks(
    update: Update,
    incident: Incident,
    languages: Sequence[str],
    digits: str,
    page_urls: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    stamp = update.published_at or update.created_at
    blocks = []
    for lang in languages:
        when = format_time(stamp, lang, digits) if stamp else Markup("")
        blocks.append(
            {
                "lang": lang,
                "dir": LANG_DIRECTION[lang],
                "state": STATE[lang][update.state.value],
                "title": _one_line(incident.title.get(lang) or incident.title.en or ""),
                "body": update.body.get(lang).strip(),
                "when": when,
                "when_text": when.striptags(),
                "url": (page_urls or {}).get(lang, ""),
                "url_label": PAGE_WORDS[lang],
            }
        )
    return blocks


def build(
    subject: str,
    from_header: str,
    languages: Sequence[str],
    text: str,
    html: str,
    headers: Sequence[tuple[str, str]] = (),
) -> EmailMessage:
    """multipart/alternative, plain text then HTML, both UTF-8 in a 7-bit transfer encoding."""
    message = EmailMessage(policy=SMTP)
    for name, value in headers:
        message[name] = value
    message["From"] = from_header
    message["Subject"] = subject
    message["Content-Language"] = ", ".join(languages)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies, please
    message["MIME-Version"] = "1.0"
    message["Content-Type"] = "multipart/alternative"
    digest = hashlib.sha256("\0".join((subject, text, html)).encode("utf-8")).hexdigest()
    message.set_boundary(f"=_statusdesk_{digest[:24]}")  # the same bytes on every render
    for body, subtype in ((text, "plain"), (html, "html")):
        part = MIMEPart(policy=SMTP)
        part.set_content(body, subtype=subtype, charset="utf-8", cte=_cte(body))
        message.attach(cast(EmailMessage, part))  # typeshed wants an EmailMessage
    return message


def _cte(text: str) -> str:
    # Latin text stays readable as quoted-printable; Arabic is a third smaller in base64.
    return "quoted-printable" if text.isascii() else "base64"


def render_message(
    update: Update,
    incident: Incident,
    languages: Sequence[str],
    from_header: str,
    digits: str,
    page_urls: dict[str, str] | None = None,
) -> str:
    """One variant's message, without its recipient (no To, Date, Message-ID or footer).
    `page_urls`: the incident's page per language on the public status page, linked from
    each language's block when given."""
    blocks = _blocks(update, incident, languages, digits, page_urls)
    subject = subject_for(update, incident, languages)
    env = environment()
    html = env.get_template("message.html.j2").render(blocks=blocks, subject=subject)
    text = env.get_template("message.txt.j2").render(blocks=blocks).strip() + "\n"
    message = build(subject, from_header, languages, text, html)
    return message.as_string(policy=SMTP)


def rendered(
    update: Update,
    incident: Incident,
    messages: dict[str, str],
    recipients: Sequence[Recipient],
) -> Rendered:
    parts = [RenderedPart(variant, text, MESSAGE_TYPE) for variant, text in messages.items()]
    listed = json.dumps([r.to_json() for r in recipients], ensure_ascii=False)
    parts.append(RenderedPart("both", listed, RECIPIENTS_TYPE))
    return Rendered(update.id, incident.id, tuple(parts))


def read_rendered(rendered: Rendered) -> tuple[dict[str, str], list[Recipient]]:
    messages = {p.language: p.text for p in rendered.parts if p.content_type == MESSAGE_TYPE}
    recipients: list[Recipient] = []
    for part in rendered.parts:
        if part.content_type == RECIPIENTS_TYPE:
            recipients += [
                Recipient(str(r["to"]), str(r["variant"]), r.get("unsubscribe"))
                for r in json.loads(part.text)
            ]
    return messages, recipients


# -- one recipient's copy ---------------------------------------------------------------------


def message_id(key: str, address: str, domain: str) -> str:
    """Fixed per (delivery, recipient): a retry carries the same Message-ID, so a receiving
    system that dedupes by it shows a repeat once."""
    digest = hashlib.sha256(f"{key}\n{address.lower()}".encode()).hexdigest()[:32]
    return f"<{digest}@{domain}>"


def unsubscribe_link(url_setting: str, from_address: str, token: str) -> str:
    """The https link from the `unsubscribe_url` setting (`{token}` replaced, or a `token=`
    parameter added), else a mailto: to the sender with the token in the subject."""
    return quote(token, safe="").join(_link_around_token(url_setting, from_address))


@functools.lru_cache(maxsize=16)
def _link_around_token(url_setting: str, from_address: str) -> tuple[str, ...]:
    """The pieces of every subscriber's link between which their (quoted) token goes: worked
    out once per setting, not once per subscriber."""
    if url_setting:
        # ASCII only (it goes into a header unencoded): anything else percent-encoded.
        url = quote(url_setting, safe=_URL_SAFE)
        if "{token}" in url_setting:
            return tuple(url.split(quote("{token}", safe=_URL_SAFE)))
        joiner = "&" if "?" in url else "?"
        return f"{url}{joiner}token=", ""
    address = quote(from_address, safe="@")
    return f"mailto:{address}?subject={quote('unsubscribe ', safe='')}", ""


_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


@dataclass(frozen=True)
class Stored:
    """A stored variant's message, read back."""

    subject: str
    from_header: str
    languages: list[str]
    text: str
    html: str


def read_message(text: str) -> Stored:
    """Subject (decoded), From, languages and the two bodies of a stored message; the
    composer's preview can use this too."""
    message = Parser(policy=policy.default).parsestr(text)
    assert isinstance(message, EmailMessage)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    languages = [lang.strip() for lang in str(message["Content-Language"] or "en").split(",")]
    return Stored(
        subject=str(message["Subject"]),
        from_header=str(message["From"]),
        languages=[lang for lang in languages if lang in LANG_DIRECTION] or ["en"],
        text=str(plain.get_content()),
        html=str(html.get_content()),
    )


def footer(languages: Sequence[str], link: str) -> tuple[str, str]:
    blocks = [
        {"lang": lang, "dir": LANG_DIRECTION[lang], **FOOTER_WORDS[lang]} for lang in languages
    ]
    env = environment()
    html = env.get_template("footer.html.j2").render(blocks=blocks, link=link)
    text = env.get_template("footer.txt.j2").render(blocks=blocks, link=link)
    return html, text


def copy_for(
    stored: Stored,
    recipient: Recipient,
    *,
    message_id: str,
    when: float,
) -> bytes:
    """The bytes that go to one recipient: 7-bit clean, CRLF, dot-stuffing left to smtplib.
    The general way, an `email.message` built for the one recipient (about 2 ms); many copies
    of one variant are made by its `copies.Template`, held equal to this byte for byte."""
    text, html = stored.text, stored.html
    headers = [
        ("To", recipient.address),
        ("Date", formatdate(when, usegmt=True)),
        ("Message-ID", message_id),
    ]
    if recipient.unsubscribe:
        footer_html, footer_text = footer(stored.languages, recipient.unsubscribe)
        html = html.replace(FOOTER_MARK, footer_html.strip(), 1)
        text = text.rstrip("\n") + "\n" + footer_text
        headers.append(("List-Unsubscribe", f"<{recipient.unsubscribe}>"))
        if recipient.unsubscribe.startswith("https:"):
            # RFC 8058 one-click: only for an https link (a POST; mailto cannot take one).
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    else:
        html = html.replace(FOOTER_MARK, "", 1)
    message = build(
        stored.subject,
        stored.from_header,
        stored.languages,
        text,
        html,
        headers=headers,
    )
    return message.as_bytes(policy=SMTP)
