"""Bluesky's XRPC over HTTP (`{pds}/xrpc/<method>`), one request at a time, and the account's
session, kept in the keyring.

What a failure means for the delivery (ARCHITECTURE §4):

- 400 `ExpiredToken`, 401 `InvalidToken`/`AuthenticationRequired` with a session's token: the
  session is renewed (`refreshSession`), or made anew with the app password when the refresh
  token is refused too, and the request is made once more;
- 401 to `createSession`: Permanent — the handle or app password is wrong;
- 429: Transient, waiting until `ratelimit-reset` (epoch seconds) or `Retry-After`;
- 5xx, a refused connection, no answer to a request that publishes nothing: Transient;
- 413, 400 `InvalidRequest` (a record the PDS does not take): Permanent with its words, redacted;
- a timeout after a createRecord left, a reset mid-answer: Ambiguous (channels.http).

The session: `createSession` (identifier = handle, password = app password) gives an access
JWT (about two hours) and a refresh JWT (about two months, spent and replaced by every
`refreshSession`). Both are written to the keyring at once (`access_jwt`, `refresh_jwt`, then
`session_of`: whose they are), never to disk, a log or a message; renewals of one channel are
serialised in this process, and a refresh token another process spent is read back again before
giving up on it.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from statusdesk import redact
from statusdesk.channels import http
from statusdesk.channels.base import WILL_RETRY, Ambiguous, Permanent, Transient
from statusdesk.channels.posts import SecretReader
from statusdesk.core.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

POST_COLLECTION = "app.bsky.feed.post"
# Keyring keys the channel writes itself (the user sets only `app_password`).
SESSION_KEYS = ("access_jwt", "refresh_jwt", "session_of")
EXPIRY_MARGIN = timedelta(seconds=60)
TOKEN_ERRORS = ("InvalidToken", "AuthenticationRequired", "ExpiredToken")
# What statusdesk says around a PDS's answer (context "Delivery": the desk reads a stored
# delivery error back into these, delivery/failures.py, and says it in its language; the
# server's status line and words, {detail}, stay as they came).
APP_PASSWORD_FIX = QT_TRANSLATE_NOOP(
    "Delivery",
    "make an app password at bsky.app → Settings → Privacy and security → App passwords and "
    "store it with `statusdesk channel secret {name} app_password`",
)
# The same, as a sentence of its own (str.capitalize would lower the rest: the channel's name).
APP_PASSWORD_FIX_SENTENCE = QT_TRANSLATE_NOOP(
    "Delivery",
    "Make an app password at bsky.app → Settings → Privacy and security → App passwords and "
    "store it with `statusdesk channel secret {name} app_password`",
)
_THE_SIGN_IN = QT_TRANSLATE_NOOP("Delivery", "the sign-in")
_THE_RENEWAL = QT_TRANSLATE_NOOP("Delivery", "the renewal")
_THE_POST = QT_TRANSLATE_NOOP("Delivery", "the post")
_THE_POST_LOOKUP = QT_TRANSLATE_NOOP("Delivery", "the lookup of a post")
_THE_ACCOUNT = QT_TRANSLATE_NOOP("Delivery", "the account lookup")
_EMAILED_CODE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} asks for an emailed sign-in code: that is the account's own password, "
    "not an app password — {fix}.",
)
_SIGN_IN_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} refused the sign-in as {identifier} ({detail}): the handle or the app "
    "password is wrong, or the app password was revoked — {fix}, then retry this delivery.",
)
_NO_REF = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} accepted the post but its answer names no uri or cid; the record is "
    "looked up by its key before anything is sent again.",
)
_NO_RECORD = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host}'s answer to getRecord names no record."
)
_NO_ANSWER_TO = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: no answer from {host} to {path} ({error})."
)
_ANSWERED_TO = QT_TRANSLATE_NOOP("Delivery", "{channel}: {host} answered {detail} to {path}.")
_ANSWERED_TO_WAIT = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host} answered {detail} to {path}; it asked to wait {seconds} s."
)
_TOO_LONG = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} refused {action} as too long ({detail}); a post holds 300 graphemes and "
    "3,000 bytes. Shorten the update, then retry this delivery.",
)
_REFUSED_FIX = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host} refused {action} ({detail}). {fix}, then retry this delivery."
)
_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} refused {action} ({detail}). Fix the update or the channel's settings, "
    "then retry this delivery.",
)
_NO_SESSION = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host} answered the sign-in without a session."
)


@dataclass(frozen=True)
class Session:
    did: str
    handle: str
    access: str
    refresh: str


@dataclass(frozen=True)
class StrongRef:
    """A record's address and content hash: what a reply points at."""

    uri: str
    cid: str

    def as_json(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}


@dataclass(frozen=True)
class Record:
    uri: str
    cid: str
    value: dict[str, Any]


class TokenRefused(Exception):
    """The PDS refused a session token (expired or revoked): renew the session and ask again."""


class XrpcRefused(Exception):
    """A 4xx/5xx the caller looks at before deciding (createRecord's 5xx may mean the record key
    is taken, i.e. an earlier attempt landed)."""

    def __init__(
        self, status: int, error: str, message: str, detail: str, failure: Exception
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.detail = detail  # "401 Unauthorized: AuthenticationRequired: Invalid identifier…"
        self.failure = failure  # the channel error it means if nothing else is found


def said(response: Any) -> tuple[str, str]:
    """XRPC's own error name and message (`{"error", "message"}`), redacted."""
    try:
        body = response.json()
    except ValueError:
        body = None
    error = message = ""
    if isinstance(body, dict):
        error = str(body.get("error") or "")
        message = str(body.get("message") or "")
    if not error and not message:
        message = " ".join((response.text or "").split())
    return redact.redact(error[:80]), redact.redact(message[: 2 * http.SNIPPET_CHARS])


def rate_limit_wait(headers: Mapping[str, str], now: datetime) -> float | None:
    """`ratelimit-reset` (epoch seconds, Bluesky's) else `Retry-After`."""
    reset = (headers.get("ratelimit-reset") or "").strip()
    if reset.isascii() and reset.isdigit():
        return max(0.0, int(reset) - now.timestamp())
    if headers.get("Retry-After"):
        return http.retry_after_seconds({"Retry-After": headers["Retry-After"]}, now)
    return None


def jwt_claims(token: str) -> dict[str, Any]:
    """A JWT's claims, read without checking its signature (only the PDS can): what the token
    says of its own expiry and subject, to renew before asking in vain."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return claims if isinstance(claims, dict) else {}


class XrpcClient:
    """One PDS, one channel: each method is one request."""

    def __init__(self, channel: str, pds: str, session: Any, now: Callable[[], datetime]) -> None:
        self.channel = channel
        self.pds = pds.rstrip("/")
        self.host = urlsplit(self.pds).netloc
        self.session = session
        self.now = now

    # -- sessions -------------------------------------------------------------------------------

    def create_session(self, identifier: str, password: str) -> Session:
        try:
            data = self._call(
                "POST",
                "com.atproto.server.createSession",
                body={"identifier": identifier, "password": password},
                action=_THE_SIGN_IN,
            )
        except XrpcRefused as exc:
            if exc.error == "AuthFactorTokenRequired":
                fix = APP_PASSWORD_FIX.format(name=self.channel)
                said = _EMAILED_CODE.format(channel=self.channel, host=self.host, fix=fix)
                raise Permanent(said) from None
            if exc.status == 401 or exc.error in ("AuthenticationRequired", "InvalidToken"):
                said = _SIGN_IN_REFUSED.format(
                    channel=self.channel,
                    host=self.host,
                    identifier=identifier,
                    detail=exc.detail,
                    fix=APP_PASSWORD_FIX.format(name=self.channel),
                )
                raise Permanent(said) from None
            raise exc.failure from None
        return _session(data, self.channel, self.host)

    def refresh_session(self, refresh: str) -> Session:
        """Raises TokenRefused when the refresh token is expired, spent or revoked."""
        try:
            data = self._call(
                "POST", "com.atproto.server.refreshSession", token=refresh, action=_THE_RENEWAL
            )
        except XrpcRefused as exc:
            if exc.status in (400, 401):
                raise TokenRefused(exc.detail) from None
            raise exc.failure from None
        return _session(data, self.channel, self.host)

    # -- records --------------------------------------------------------------------------------

    def create_record(self, token: str, repo: str, rkey: str, record: dict[str, Any]) -> StrongRef:
        """Raises XrpcRefused for a 5xx or a 4xx other than a token's refusal or a rate limit."""
        data = self._call(
            "POST",
            "com.atproto.repo.createRecord",
            token=token,
            body={
                "repo": repo,
                "collection": POST_COLLECTION,
                "rkey": rkey,
                "validate": True,
                "record": record,
            },
            action=_THE_POST,
            publishes=True,
        )
        ref = _strong_ref(data)
        if ref is None:
            raise Ambiguous(_NO_REF.format(channel=self.channel, host=self.host))
        return ref

    def get_record(self, token: str, repo: str, rkey: str) -> Record | None:
        """The post at this record key, or None when there is none."""
        try:
            data = self._call(
                "GET",
                "com.atproto.repo.getRecord",
                token=token,
                params={"repo": repo, "collection": POST_COLLECTION, "rkey": rkey},
                action=_THE_POST_LOOKUP,
            )
        except XrpcRefused as exc:
            if exc.error == "RecordNotFound" or (exc.status == 400 and "ocate record" in str(exc)):
                return None
            raise exc.failure from None
        ref = _strong_ref(data)
        value = data.get("value") if isinstance(data, dict) else None
        if ref is None or not isinstance(value, dict):
            raise Transient(
                _NO_RECORD.format(channel=self.channel, host=self.host), then=WILL_RETRY
            )
        return Record(ref.uri, ref.cid, value)

    def describe_repo(self, token: str, repo: str) -> dict[str, Any]:
        try:
            data = self._call(
                "GET",
                "com.atproto.repo.describeRepo",
                token=token,
                params={"repo": repo},
                action=_THE_ACCOUNT,
            )
        except XrpcRefused as exc:
            raise exc.failure from None
        return data if isinstance(data, dict) else {}

    # -- one request ----------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        nsid: str,
        *,
        token: str | None = None,
        body: dict[str, Any] | None = None,
        params: Mapping[str, str] | None = None,
        action: str,
        publishes: bool = False,
    ) -> Any:
        url = f"{self.pds}/xrpc/{nsid}"
        headers = {"User-Agent": "statusdesk", "Accept": "application/json"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        try:
            response = self.session.request(
                method,
                url,
                data=data,
                params=dict(params or {}),
                headers=headers,
                timeout=(http.CONNECT_TIMEOUT, http.READ_TIMEOUT),
                allow_redirects=False,
            )
        except Exception as exc:
            error = http.translate_error(self.channel, url, exc)
            if isinstance(error, Ambiguous) and not publishes:
                # Nothing is published by a lookup or a sign-in: asking again is safe.
                said = _NO_ANSWER_TO.format(
                    channel=self.channel, host=self.host, path=nsid, error=type(exc).__name__
                )
                error = Transient(said, then=WILL_RETRY)
            raise error from None
        return self._answer(response, nsid, action, token is not None)

    def _answer(self, response: Any, nsid: str, action: str, authenticated: bool) -> Any:
        status = int(response.status_code)
        if 200 <= status < 300:
            try:
                return response.json()
            except ValueError:
                return None
        error, message = said(response)
        words = ": ".join(part for part in (error, message) if part)
        detail = f"{status} {response.reason or ''}".strip() + (f": {words}" if words else "")
        if authenticated and (
            (status == 400 and error == "ExpiredToken")
            or (status == 401 and error in ("", *TOKEN_ERRORS))
        ):
            raise TokenRefused(detail)
        failure: Exception
        if status == 429 or status in http.RETRYABLE_STATUS or status >= 500:
            wait = rate_limit_wait(response.headers, self.now())
            who = {"channel": self.channel, "host": self.host, "detail": detail, "path": nsid}
            if wait is None:
                answered = _ANSWERED_TO.format(**who)
            else:
                answered = _ANSWERED_TO_WAIT.format(**who, seconds=f"{wait:.0f}")
            failure = Transient(answered, wait, then=WILL_RETRY)
            if status == 429:
                raise failure
        elif status == 413 or "longer than" in message or "too long" in message.lower():
            failure = Permanent(
                _TOO_LONG.format(channel=self.channel, host=self.host, action=action, detail=detail)
            )
        elif status in (401, 403):
            failure = Permanent(
                _REFUSED_FIX.format(
                    channel=self.channel,
                    host=self.host,
                    action=action,
                    detail=detail,
                    fix=APP_PASSWORD_FIX_SENTENCE.format(name=self.channel),
                )
            )
        else:
            failure = Permanent(
                _REFUSED.format(channel=self.channel, host=self.host, action=action, detail=detail)
            )
        raise XrpcRefused(status, error, message, detail, failure)


def _session(data: Any, channel: str, host: str) -> Session:
    fields = ("did", "accessJwt", "refreshJwt")
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in fields):
        raise Transient(_NO_SESSION.format(channel=channel, host=host), then=WILL_RETRY)
    # As good as a password until they expire: never in an error, a log or the record.
    redact.remember(data["accessJwt"])
    redact.remember(data["refreshJwt"])
    handle = str(data.get("handle") or "")
    return Session(data["did"], handle, data["accessJwt"], data["refreshJwt"])


def _strong_ref(data: Any) -> StrongRef | None:
    if not isinstance(data, dict):
        return None
    uri, cid = data.get("uri"), data.get("cid")
    if not isinstance(uri, str) or not isinstance(cid, str) or not uri or not cid:
        return None
    return StrongRef(uri, cid)


# -- the session in the keyring ------------------------------------------------------------------

_locks: dict[tuple[str, str], threading.Lock] = {}
_registry_lock = threading.Lock()


def _lock_for(key: tuple[str, str]) -> threading.Lock:
    with _registry_lock:
        return _locks.setdefault(key, threading.Lock())


class SessionKeeper:
    """The channel's session: read from the keyring, renewed or made anew when it must be, and
    written back at once."""

    def __init__(
        self,
        client: XrpcClient,
        reader: SecretReader,
        identifier: str,
        home: str,
    ) -> None:
        self.client = client
        self.reader = reader
        self.identifier = identifier
        self.owner = f"{identifier} {client.pds}"  # `session_of`: whose the tokens are
        self.lock = _lock_for((home, reader.channel))

    def current(self) -> Session:
        """A session to use now: the kept one while its access token lasts, else renewed."""
        with self.lock:
            kept = self._kept()
            if kept is None:
                return self._create()
            expires = jwt_claims(kept.access).get("exp")
            soon = self.client.now().timestamp() + EXPIRY_MARGIN.total_seconds()
            if isinstance(expires, int | float) and expires <= soon:
                return self._renew(kept)
            return kept

    def renewed(self, refused: Session) -> Session:
        """After the PDS refused `refused`'s access token: another thread or process may have
        renewed it meanwhile; else refresh it, else sign in again."""
        with self.lock:
            kept = self._kept()
            if kept is not None and kept.access != refused.access:
                return kept
            return self._renew(kept or refused)

    # -- internals ------------------------------------------------------------------------------

    def _kept(self) -> Session | None:
        if self.reader.get("session_of", required=False) != self.owner:
            return None  # none yet, or made for another handle or PDS
        access = self.reader.get("access_jwt", required=False)
        refresh = self.reader.get("refresh_jwt", required=False)
        if not access or not refresh:
            return None
        subject = jwt_claims(access).get("sub")
        did = subject if isinstance(subject, str) and subject.startswith("did:") else ""
        return Session(did or self.identifier, self.identifier, access, refresh)

    def _renew(self, stale: Session) -> Session:
        try:
            fresh = self.client.refresh_session(stale.refresh)
        except TokenRefused:
            again = self._kept()  # another process (the GUI, `statusdesk run`) may have spent it
            if again is not None and again.refresh != stale.refresh:
                return again
            return self._create()  # the refresh token expired or was revoked: sign in again
        self._keep(fresh)
        return fresh

    def _create(self) -> Session:
        password = self.reader.required("app_password")
        fresh = self.client.create_session(self.identifier, password)
        self._keep(fresh)
        return fresh

    def _keep(self, session: Session) -> None:
        """Tokens first, then whose they are: a write cut short leaves tokens not trusted (and
        a new session made next time), never tokens of one account taken for another's."""
        from statusdesk.secrets import SecretsUnavailable

        secrets = self.reader.secrets
        assert secrets is not None
        name = self.reader.channel
        try:
            secrets.set(name, "access_jwt", session.access)
            secrets.set(name, "refresh_jwt", session.refresh)
            secrets.set(name, "session_of", self.owner)
        except SecretsUnavailable as exc:
            # This attempt goes on with the session in hand; the next one signs in again.
            log.error("%s: the keyring refused the Bluesky session (%s).", name, exc)
