"""Credentials for X: OAuth 1.0a user context (HMAC-SHA1, signed by requests-oauthlib) or an
OAuth 2 user token renewed from a refresh token.

X rotates the refresh token on every renewal and the old one stops working at once, so the new
one is written back to the keyring before the access token is used, and renewals of one channel
are serialised in this process. An access token is kept in memory (never on disk) until shortly
before it expires.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from statusdesk import redact
from statusdesk.channels import http
from statusdesk.channels.base import WILL_RETRY, Ambiguous, Permanent, Transient
from statusdesk.channels.posts import SecretReader
from statusdesk.channels.x.api import problem_detail, rate_limit_wait
from statusdesk.core.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

OAUTH1_SECRETS = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
OAUTH2_SECRETS = ("client_id", "refresh_token")  # + client_secret for a confidential client
OAUTH2_OPTIONAL = ("client_secret",)
TOKEN_PATH = "/2/oauth2/token"
EXPIRY_MARGIN = timedelta(seconds=60)

# How to fix refused credentials, said inside X's refusal (context "Delivery": the desk reads a
# stored delivery error back into these, delivery/failures.py, and says it in its language).
_REENTER = QT_TRANSLATE_NOOP(
    "Delivery", "re-enter them with `statusdesk channel secret {name} KEY` for each of {keys}"
)
_AUTHORISE_AGAIN = QT_TRANSLATE_NOOP(
    "Delivery",
    "authorise the app again and store the new refresh token with `statusdesk channel secret "
    "{name} refresh_token`",
)


def needed_secrets(auth: str) -> tuple[str, ...]:
    return OAUTH2_SECRETS if auth == "oauth2" else OAUTH1_SECRETS


class OAuth1Authorizer:
    def __init__(self, reader: SecretReader) -> None:
        self.reader = reader
        self._auth: Any = None

    def auth(self) -> Any:
        if self._auth is None:
            from requests_oauthlib import OAuth1

            self._auth = OAuth1(
                self.reader.required("consumer_key"),
                client_secret=self.reader.required("consumer_secret"),
                resource_owner_key=self.reader.required("access_token"),
                resource_owner_secret=self.reader.required("access_token_secret"),
                signature_method="HMAC-SHA1",
                signature_type="AUTH_HEADER",
            )
        return self._auth

    def refused(self) -> bool:
        return False

    def fix(self) -> str:
        name = self.reader.channel
        return _REENTER.format(name=name, keys=", ".join(OAUTH1_SECRETS))


@dataclass
class _Token:
    value: str
    expires: datetime


# Per channel (workspace, name, API): the access token, and a lock so that one renewal at a time
# spends the refresh token.
_tokens: dict[tuple[str, str, str], _Token] = {}
_locks: dict[tuple[str, str, str], threading.Lock] = {}
_registry_lock = threading.Lock()


def _lock_for(key: tuple[str, str, str]) -> threading.Lock:
    with _registry_lock:
        return _locks.setdefault(key, threading.Lock())


def forget_tokens() -> None:
    """Drop every access token kept in memory (tests; a user who re-authorised)."""
    with _registry_lock:
        _tokens.clear()


class _Bearer:
    """requests' auth hook for `Authorization: Bearer …`."""

    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: Any) -> Any:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


class OAuth2Authorizer:
    def __init__(
        self,
        reader: SecretReader,
        base_url: str,
        session: Any,
        now: Callable[[], datetime],
        cache_key: tuple[str, str, str],
    ) -> None:
        self.reader = reader
        self.base_url = base_url.rstrip("/")
        self.session = session
        self.now = now
        self.cache_key = cache_key
        self._used: str | None = None
        self._fresh = False

    def auth(self) -> Any:
        return _Bearer(self.access_token())

    def access_token(self) -> str:
        with _lock_for(self.cache_key):
            token = _tokens.get(self.cache_key)
            self._fresh = token is None or token.expires <= self.now()
            if token is None or self._fresh:  # (the first test is for the type checker)
                token = self._renew()
                _tokens[self.cache_key] = token
            self._used = token.value
            return token.value

    def refused(self) -> bool:
        """After a 401: a token kept from before may have been revoked early; drop it and try
        once more with a renewed one. A token renewed for this very request is not retried."""
        if self._fresh:
            return False
        with _lock_for(self.cache_key):
            kept = _tokens.get(self.cache_key)
            if kept is not None and kept.value == self._used:
                del _tokens[self.cache_key]
        return True

    def fix(self) -> str:
        name = self.reader.channel
        return _AUTHORISE_AGAIN.format(name=name)

    # -- renewal --------------------------------------------------------------------------------

    def _renew(self) -> _Token:
        refresh = self.reader.required("refresh_token")
        response = self._token_request(refresh)
        if response.status_code in (400, 401):
            # Another process (the GUI and `statusdesk run` share a workspace) may have spent
            # and rotated it a moment ago: try once more with what the keyring holds now.
            again = self.reader.required("refresh_token")
            if again != refresh:
                refresh = again
                response = self._token_request(refresh)
        name = self.reader.channel
        if response.status_code in (400, 401):
            detail = problem_detail(response)
            raise Permanent(
                f"{name}: X refused to renew the access token ({response.status_code}"
                f"{': ' + detail if detail else ''}): the authorisation expired or was revoked "
                f"— {self.fix()}, then retry this delivery."
            )
        status = int(response.status_code)
        if status in http.RETRYABLE_STATUS or status >= 500:
            wait = rate_limit_wait(status, response.headers, self.now())
            told = f"; it asked to wait {wait:.0f} s" if wait is not None else ""
            raise Transient(
                f"{name}: X's token endpoint answered {status} {response.reason or ''}".rstrip()
                + f"{told}.",
                wait,
                then=WILL_RETRY,
            )
        http.check_response(name, response, self.now())
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise Transient(
                f"{name}: X's token endpoint answered without a token.", then=WILL_RETRY
            )
        # The access token is as good as a password until it expires: never in an error, a log
        # or the record, even when X's next answer echoes it back.
        redact.remember(str(body["access_token"]))
        rotated = body.get("refresh_token")
        if isinstance(rotated, str) and rotated and rotated != refresh:
            self._keep_refresh_token(rotated)
        lifetime = body.get("expires_in")
        seconds = float(lifetime) if isinstance(lifetime, int | float) else 7200.0
        expires = self.now() + timedelta(seconds=seconds) - EXPIRY_MARGIN
        return _Token(str(body["access_token"]), expires)

    def _token_request(self, refresh: str) -> Any:
        client_id = self.reader.required("client_id")
        client_secret = self.reader.get("client_secret", required=False)
        form = {"grant_type": "refresh_token", "refresh_token": refresh}
        auth: tuple[str, str] | None = None
        if client_secret:
            auth = (client_id, client_secret)  # a confidential client: HTTP Basic
        else:
            form["client_id"] = client_id  # a public client names itself in the body
        url = self.base_url + TOKEN_PATH
        try:
            return self.session.post(
                url,
                data=form,
                auth=auth,
                headers={"User-Agent": "statusdesk"},
                timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT),
                allow_redirects=False,
            )
        except Exception as exc:
            error = http.translate_error(self.reader.channel, url, exc)
            if isinstance(error, Ambiguous):
                # Nothing was published; but X may have spent the refresh token.
                error = Transient(
                    f"{self.reader.channel}: no answer from X's token endpoint "
                    f"({type(exc).__name__}).",
                    then="Will retry; if X renewed the token meanwhile, the next attempt says "
                    "so and what to do.",
                )
            raise error from exc

    def _keep_refresh_token(self, rotated: str) -> None:
        from statusdesk.secrets import SecretsUnavailable

        secrets = self.reader.secrets
        assert secrets is not None
        try:
            secrets.set(self.reader.channel, "refresh_token", rotated)
        except SecretsUnavailable as exc:
            # The post still goes out with the new access token; the next renewal will fail
            # and say so. The value itself is never logged.
            log.error(
                "%s: X rotated the refresh token but the keyring refused the new one (%s); "
                "authorise the app again before the access token expires.",
                self.reader.channel,
                exc,
            )
