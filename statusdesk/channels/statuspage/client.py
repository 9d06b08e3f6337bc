"""Statuspage's REST API v1 over HTTP, each failure said in Statuspage's terms.

The API key comes from the keyring on every attempt (never from the settings) and goes only
into the `Authorization` header; `scrubbed` takes it out of any message a server or a library
echoed it into before that message reaches the delivery's error, the log or the screen.

What an answer means for the delivery (ARCHITECTURE §4):

- 401/403: Permanent — the key is wrong or may not write to the page;
- 404: Permanent — no such page, or their incident was deleted (a person must look);
- 400/422: Permanent with Statuspage's own words;
- anything else as channels.http sorts it: 420/429 and a 5xx worth retrying are Transient,
  waiting as long as `Retry-After` says; a timeout after the request left, or a broken
  connection, is Ambiguous.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from statusdesk.channels import http
from statusdesk.channels.base import (
    Ambiguous,
    ChannelContext,
    ChannelError,
    Permanent,
    Transient,
)
from statusdesk.channels.statuspage.settings import base_url, page_id, settings_problems
from statusdesk.channels.targets import ThreadSessions
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests

# What statusdesk says around Statuspage's answer (context "Delivery": the desk reads a stored
# delivery error back into these, delivery/failures.py, and says it in its language;
# Statuspage's status line and words, {reason}, stay as they came).
LOOK_AGAIN = QT_TRANSLATE_NOOP("Delivery", "Will look again.")
_SET_KEY = QT_TRANSLATE_NOOP(
    "Delivery", "Set it with `statusdesk channel secret {channel} api_key`."
)
_NO_KEY = QT_TRANSLATE_NOOP("Delivery", "{channel}: no Statuspage API key is set. {fix}")
_NO_KEYRING = QT_TRANSLATE_NOOP("Delivery", "{channel}: this process has no access to the keyring.")
_UNREADABLE_KEY = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: cannot read its Statuspage API key. {error}"
)
_MISSING_KEY = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: its Statuspage API key is missing from the keyring. {fix}"
)
_ODD_KEY = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: its Statuspage API key holds a space or a character no API key has (was more "
    "than the key pasted?). {fix}",
)
_KEY_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage refused the API key ({reason}). Set a key that may write to page "
    "{page} with `statusdesk channel secret {channel} api_key`, then retry this delivery.",
)
_NO_INCIDENT = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage has no incident {incident} on page {page} ({reason}): it was deleted "
    "there, or page_id changed since it was created. Post this update on Statuspage by hand, "
    "then skip this delivery.",
)
_NO_PAGE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage has no page {page} for this API key ({reason}). Check page_id "
    "(Statuspage: your page → API info) and base_url, then retry this delivery.",
)
_REJECTED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage rejected {what} ({reason}). Fix the update or the channel's "
    "settings, then retry this delivery.",
)
_UNREADABLE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage answered {status} but {what} in its answer could not be read; it is "
    "looked up before anything is sent again.",
)
_NO_NEW_ID = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage answered {status} without the new incident's id; it is looked up "
    "before anything is sent again.",
)
THE_NEW_INCIDENT = QT_TRANSLATE_NOOP("Delivery", "the new incident")


def scrub(text: str, api_key: str) -> str:
    return text.replace(api_key, "[API key]") if api_key else text


@contextlib.contextmanager
def scrubbed(api_key: str) -> Iterator[None]:
    """No message leaves with the key in it, whatever a server or a library echoed."""
    try:
        yield
    except ChannelError as exc:
        clean = scrub(exc.cause, api_key)
        if clean != exc.cause:
            if isinstance(exc, Transient):
                raise Transient(clean, exc.retry_after, then=exc.then) from None
            raise type(exc)(clean, then=exc.then) from None
        raise


@contextlib.contextmanager
def lookup() -> Iterator[None]:
    """A GET that may have reached them changes nothing there: asking again is safe."""
    try:
        yield
    except Ambiguous as exc:
        raise Transient(exc.cause, then=LOOK_AGAIN) from exc


def error_text(response: requests.Response) -> str:
    """Their own words: Statuspage answers `{"error": "..."}` or `{"error": ["...", ...]}`."""
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, Mapping):
        for name in ("error", "errors", "message"):
            value = data.get(name)
            if isinstance(value, list) and value:
                return "; ".join(str(v) for v in value)
            if value:
                return str(value)
    text = " ".join((response.text or "").split())
    return text[: http.SNIPPET_CHARS]


class StatuspageClient:
    """The requests of one Statuspage channel, on a `requests.Session` per worker thread."""

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self._sessions = ThreadSessions()  # a guarded requests.Session per worker thread

    @property
    def name(self) -> str:
        return self.config.name

    # -- the API key --------------------------------------------------------------------------

    def api_key(self) -> str:
        fix = _SET_KEY.format(channel=self.name)
        if "api_key" not in self.config.settings.get("secret_keys", []):
            raise Permanent(_NO_KEY.format(channel=self.name, fix=fix))
        from statusdesk.secrets import SecretsUnavailable

        if self.context.secrets is None:
            raise Permanent(_NO_KEYRING.format(channel=self.name))
        try:
            value = self.context.secrets.get(self.name, "api_key")
        except SecretsUnavailable as exc:
            raise Permanent(_UNREADABLE_KEY.format(channel=self.name, error=str(exc))) from exc
        if not value:
            raise Permanent(_MISSING_KEY.format(channel=self.name, fix=fix))
        if not value.isascii() or not value.isprintable() or " " in value:
            # It could not even go into the header; say so rather than fail mid-request.
            raise Permanent(_ODD_KEY.format(channel=self.name, fix=fix))
        return value

    # -- URLs ---------------------------------------------------------------------------------

    def settings_or_raise(self) -> None:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.name}: {problems[0]}.")

    def page_url(self) -> str:
        self.settings_or_raise()
        return f"{base_url(self.config.settings)}/v1/pages/{page_id(self.config.settings)}"

    def incident_url(self, their_id: str) -> str:
        return f"{self.page_url()}/incidents/{their_id}"

    # -- requests and answers -----------------------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        api_key: str,
        document: dict[str, Any] | None = None,
        params: dict[str, str] | None = None,
    ) -> requests.Response:
        headers = {
            "Authorization": f"OAuth {api_key}",
            "Accept": "application/json",
            "User-Agent": "statusdesk",
        }
        data = None
        if document is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
            data = json.dumps(document, ensure_ascii=False).encode("utf-8")
        try:
            response: requests.Response = self._sessions.get().request(
                method,
                url,
                data=data,
                params=params,
                headers=headers,
                timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT),
                allow_redirects=False,  # a redirected POST may turn into a GET and be lost
            )
        except Exception as exc:
            raise http.translate_error(self.name, url, exc) from exc
        return response

    def raise_for(
        self, response: requests.Response, what: str, *, their_id: str | None = None
    ) -> None:
        """Raise what a non-2xx answer means, in Statuspage's terms; return for a 2xx."""
        status = response.status_code
        if 200 <= status < 300:
            return
        reason = f"{status} {response.reason or ''}".strip()
        page = page_id(self.config.settings)
        if status in (401, 403):
            raise Permanent(_KEY_REFUSED.format(channel=self.name, reason=reason, page=page))
        if status == 404 and their_id is not None:
            raise Permanent(
                _NO_INCIDENT.format(channel=self.name, incident=their_id, page=page, reason=reason)
            )
        if status == 404:
            raise Permanent(_NO_PAGE.format(channel=self.name, page=repr(page), reason=reason))
        if status in (400, 422):
            said = error_text(response)
            reason += f": {said}" if said else ""  # their words after their status line
            raise Permanent(_REJECTED.format(channel=self.name, what=what, reason=reason))
        http.check_response(self.name, response, self.context.now())

    def json(self, response: requests.Response, what: str) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise Ambiguous(
                _UNREADABLE.format(channel=self.name, status=response.status_code, what=what)
            )
        return data

    def created(self, response: requests.Response) -> dict[str, Any]:
        created = self.json(response, THE_NEW_INCIDENT)
        if not created.get("id"):
            raise Ambiguous(_NO_NEW_ID.format(channel=self.name, status=response.status_code))
        return created
