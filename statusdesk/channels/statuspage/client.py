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

if TYPE_CHECKING:
    import requests


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
        raise Transient(exc.cause, then="Will look again.") from exc


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
        fix = f"Set it with `statusdesk channel secret {self.name} api_key`."
        if "api_key" not in self.config.settings.get("secret_keys", []):
            raise Permanent(f"{self.name}: no Statuspage API key is set. {fix}")
        from statusdesk.secrets import SecretsUnavailable

        if self.context.secrets is None:
            raise Permanent(f"{self.name}: this process has no access to the keyring.")
        try:
            value = self.context.secrets.get(self.name, "api_key")
        except SecretsUnavailable as exc:
            raise Permanent(f"{self.name}: cannot read its Statuspage API key. {exc}") from exc
        if not value:
            raise Permanent(
                f"{self.name}: its Statuspage API key is missing from the keyring. {fix}"
            )
        if not value.isascii() or not value.isprintable() or " " in value:
            # It could not even go into the header; say so rather than fail mid-request.
            raise Permanent(
                f"{self.name}: its Statuspage API key holds a space or a character no API key "
                f"has (was more than the key pasted?). {fix}"
            )
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
            raise Permanent(
                f"{self.name}: Statuspage refused the API key ({reason}). Set a key that may "
                f"write to page {page} with `statusdesk channel secret {self.name} api_key`, "
                "then retry this delivery."
            )
        if status == 404 and their_id is not None:
            raise Permanent(
                f"{self.name}: Statuspage has no incident {their_id} on page {page} "
                f"({reason}): it was deleted there, or page_id changed since it was created. "
                "Post this update on Statuspage by hand, then skip this delivery."
            )
        if status == 404:
            raise Permanent(
                f"{self.name}: Statuspage has no page {page!r} for this API key ({reason}). "
                "Check page_id (Statuspage: your page → API info) and base_url, then retry "
                "this delivery."
            )
        if status in (400, 422):
            said = error_text(response)
            raise Permanent(
                f"{self.name}: Statuspage rejected {what} ({reason}"
                f"{': ' + said if said else ''}). Fix the update or the channel's settings, "
                "then retry this delivery."
            )
        http.check_response(self.name, response, self.context.now())

    def json(self, response: requests.Response, what: str) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise Ambiguous(
                f"{self.name}: Statuspage answered {response.status_code} but {what} in its "
                "answer could not be read; it is looked up before anything is sent again."
            )
        return data

    def created(self, response: requests.Response) -> dict[str, Any]:
        created = self.json(response, "the new incident")
        if not created.get("id"):
            raise Ambiguous(
                f"{self.name}: Statuspage answered {response.status_code} without the new "
                "incident's id; it is looked up before anything is sent again."
            )
        return created
