"""The webhook channel: the update as JSON, POSTed to a URL.

Formats: `statusdesk` (the whole update in the channel's languages, its incident and state),
`slack` (Block Kit with a `text` fallback, which Mattermost and Rocket.Chat read), `discord` and
`teams` (webhook_formats.py). Every attempt of a
delivery carries the same `Idempotency-Key`, so a receiver that honours it never posts twice;
with a signing secret (kept in the keyring) the raw body is signed,
`X-Statusdesk-Signature: sha256=<hex HMAC-SHA256>`, so the receiver can tell it came from us.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import urlsplit

from statusdesk.channels import http, tested, webhook_formats
from statusdesk.channels.base import (
    ChannelContext,
    PartLedger,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    channel_says,
)
from statusdesk.channels.posts import NO_KEYRING, channel_languages
from statusdesk.channels.site import links
from statusdesk.channels.targets import ThreadSessions
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update
from statusdesk.core.words import QT_TRANSLATE_NOOP

FORMATS = ("statusdesk", "slack", "discord", "teams")
SECRETS = ("signing_secret",)
# Context "Delivery": the desk reads a stored delivery error back into these
# (delivery/failures.py) and says it in its language.
_UNREADABLE = QT_TRANSLATE_NOOP("Delivery", "{channel}: cannot read its signing secret. {error}")
_MISSING = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: its signing secret is missing from the keyring. Set it again with `statusdesk "
    "channel secret {channel} signing_secret`.",
)
SIGNATURE_HEADER = "X-Statusdesk-Signature"


def settings_problems(settings: dict[str, Any]) -> list[str]:
    """What is wrong with a webhook's settings, in words a user can act on."""
    problems: list[str] = []
    url = str(settings.get("url", ""))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(
            QT_TRANSLATE_NOOP(
                "Problems",
                "url must be an http:// or https:// address (got {got}); e.g. --set "
                "url=https://hooks.example.com/statusdesk",
            ).format(got=repr(url))
        )
    fmt = settings.get("format", "statusdesk")
    if fmt not in FORMATS:
        problems.append(
            QT_TRANSLATE_NOOP("Problems", "format must be one of {formats} (got {got})").format(
                formats=", ".join(FORMATS), got=repr(fmt)
            )
        )
    return problems


class WebhookChannel:
    kind = "webhook"
    min_interval = 0.0

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self._sessions = ThreadSessions()  # a guarded requests.Session per worker thread

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        problems = [
            Problem("channels", channel_says(self.config.name, message))
            for message in settings_problems(self.config.settings)
        ]
        fmt = str(self.config.settings.get("format", "statusdesk"))
        problems += [
            Problem("channels", channel_says(self.config.name, message))
            for message in webhook_formats.too_long(fmt, self._said(update, incident, {}))
        ]
        if not problems:
            try:
                self._signing_secret()  # a signing channel that cannot sign: say so now
            except Permanent as exc:
                problems.append(Problem("channels", str(exc)))
        return problems

    def payload(self, update: Update, incident: Incident) -> dict[str, Any]:
        languages = channel_languages(self.config, update)
        # The incident's page on the public status page, per language, when it has an address.
        base = links.read_base_url(self.context.open_store)
        urls = {lang: links.incident_url(base, incident.id, lang) for lang in languages}
        fmt = str(self.config.settings.get("format", "statusdesk"))
        if fmt in webhook_formats.BUILDERS:
            state = update.state.value.replace("_", " ").capitalize()
            said = self._said(update, incident, urls if base else {})
            return webhook_formats.BUILDERS[fmt](state, said)
        body: dict[str, Any] = {
            "event": "incident.update",
            "incident": {
                "id": incident.id,
                "kind": incident.kind.value,
                "title": {lang: incident.title.get(lang) for lang in languages},
                # As of this update, not as of the attempt: a retry after a later update
                # must say what this one said.
                "state": update.state.value,
                "impact": incident.impact.value,
                "started_at": incident.started_at,
                "resolved_at": update.published_at if update.state.is_closed else None,
            },
            "update": {
                "id": update.id,
                "state": update.state.value,
                "body": {lang: update.body.get(lang) for lang in languages},
                "author": update.author,
                "created_at": update.created_at,
                "published_at": update.published_at,
            },
            "languages": languages,
        }
        if base:
            body["incident"]["url"] = urls
        return body

    def _said(
        self, update: Update, incident: Incident, urls: dict[str, str]
    ) -> list[webhook_formats.Said]:
        return [
            webhook_formats.Said(
                lang,
                incident.title.get(lang) or incident.title.en or incident.title.ar,
                update.body.get(lang),
                urls.get(lang, ""),
            )
            for lang in channel_languages(self.config, update)
        ]

    def render(self, update: Update, incident: Incident) -> Rendered:
        text = json.dumps(self.payload(update, incident), ensure_ascii=False, sort_keys=True)
        part = RenderedPart("both", text, "application/json")
        return Rendered(update.id, incident.id, (part,))

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        url = self._url()
        body = rendered.parts[0].text.encode("utf-8")
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Idempotency-Key": key,
            "User-Agent": "statusdesk",
        }
        secret = self._signing_secret()
        if secret is not None:
            digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
            headers[SIGNATURE_HEADER] = f"sha256={digest}"
        if self.config.settings.get("format") == "discord":
            # Discord answers 204 with nothing unless asked to wait: then the message, its id.
            url += ("&" if "?" in url else "?") + "wait=true"
        response = http.post(
            self.config.name, self._sessions.get(), url, body, headers, self.context.now()
        )
        remote_id = response.headers.get("X-Request-Id") or response.headers.get("Location")
        if self.config.settings.get("format") == "discord":
            remote_id = _message_id(response) or remote_id
        return Receipt(remote_id=remote_id, remote_url=url, detail=f"HTTP {response.status_code}")

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        # A webhook has nothing to ask; the receiver dedupes by Idempotency-Key, so sending
        # again with the same key is the safe answer to "did it land?".
        return None

    def test(self) -> str:
        """A HEAD request: any HTTP answer (even 405) shows the receiver is there."""
        url = self._url()
        self._signing_secret()
        try:
            response = self._sessions.get().head(
                url, timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT), allow_redirects=False
            )
        except Exception as exc:
            said = tested.WEBHOOK_UNREACHABLE.format(
                channel=self.config.name, host=http.host_of(url), error=str(exc)
            )
            raise Permanent(said) from exc
        answered = tested.WEBHOOK_SIGNED if self._signs() else tested.WEBHOOK
        return answered.format(
            channel=self.config.name, host=http.host_of(url), status=response.status_code
        )

    # -- helpers ------------------------------------------------------------------------------

    def _signs(self) -> bool:
        return "signing_secret" in self.config.settings.get("secret_keys", [])

    def _url(self) -> str:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.config.name}: {problems[0]}.")
        return str(self.config.settings["url"])

    def _signing_secret(self) -> str | None:
        """The secret when one was set (`channel secret NAME signing_secret`); a channel that
        should sign never sends unsigned because the keyring was unavailable."""
        if not self._signs():
            return None
        from statusdesk.secrets import SecretsUnavailable

        if self.context.secrets is None:
            raise Permanent(NO_KEYRING.format(channel=self.config.name))
        try:
            value = self.context.secrets.get(self.config.name, "signing_secret")
        except SecretsUnavailable as exc:
            said = _UNREADABLE.format(channel=self.config.name, error=str(exc))
            raise Permanent(said) from exc
        if not value:
            raise Permanent(_MISSING.format(channel=self.config.name))
        return value


def _message_id(response: Any) -> str | None:
    """Discord's message id from a `?wait=true` answer, if it sent one."""
    try:
        found = response.json().get("id")
    except (ValueError, AttributeError):
        return None
    return str(found) if found else None
