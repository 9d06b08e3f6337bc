"""The account's requests, each with a session that works: a token the PDS refuses is renewed
once (api.SessionKeeper) and the request made again; and a post whose createRecord failed in a
way that may hide a record made after all (a 5xx: the reference PDS answers a record key that is
taken with a 500) is looked up by its record key before the failure is believed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from statusdesk.channels.base import ChannelError, Permanent
from statusdesk.channels.bluesky.api import (
    APP_PASSWORD_FIX_SENTENCE,
    Record,
    Session,
    SessionKeeper,
    StrongRef,
    TokenRefused,
    XrpcClient,
    XrpcRefused,
)
from statusdesk.core.words import QT_TRANSLATE_NOOP

T = TypeVar("T")

# Context "Delivery": the desk reads a stored delivery error back into these
# (delivery/failures.py) and says it in its language.
_SESSION_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} refused a session it had just given ({error}). {fix}, then retry this "
    "delivery.",
)
_DIFFERENT_POST = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: the record key of this post ({uri}) holds a different post"
)

# What a PDS other than the reference one may say of a record key that is taken.
_TAKEN_WORDS = ("already exists", "already a value", "alreadyexists", "recordexists", "conflict")


def taken(refused: XrpcRefused) -> bool:
    """Whether a refused createRecord may mean that the record key holds a record already."""
    words = f"{refused.error} {refused}".lower()
    return refused.status >= 500 or refused.status == 409 or any(w in words for w in _TAKEN_WORDS)


class Account:
    def __init__(self, client: XrpcClient, keeper: SessionKeeper) -> None:
        self.client = client
        self.keeper = keeper
        self.session: Session | None = None

    @property
    def channel(self) -> str:
        return self.client.channel

    def authed(self, request: Callable[[Session], T]) -> T:
        """`request` with the current session; once more with a renewed one if it is refused."""
        session = self.session or self.keeper.current()
        self.session = session
        try:
            return request(session)
        except TokenRefused:
            session = self.keeper.renewed(session)
            self.session = session
        try:
            return request(session)
        except TokenRefused as exc:
            said = _SESSION_REFUSED.format(
                channel=self.channel,
                host=self.client.host,
                error=str(exc),
                fix=APP_PASSWORD_FIX_SENTENCE.format(name=self.channel),
            )
            raise Permanent(said) from None

    # -- requests ---------------------------------------------------------------------------

    def post(self, rkey: str, record: dict[str, Any]) -> StrongRef:
        """createRecord at `rkey`; the record found there instead when the PDS refuses it
        because an earlier attempt made it."""
        try:
            return self.authed(lambda s: self.client.create_record(s.access, s.did, rkey, record))
        except XrpcRefused as exc:
            if not taken(exc):
                raise exc.failure from None
            try:
                found = self.get(rkey)
            except ChannelError:
                found = None  # the lookup failed too: the createRecord's failure stands
            if found is None:
                raise exc.failure from None
            same_post(self.channel, found, record)
            return StrongRef(found.uri, found.cid)

    def get(self, rkey: str) -> Record | None:
        return self.authed(lambda s: self.client.get_record(s.access, s.did, rkey))

    def describe(self) -> dict[str, Any]:
        return self.authed(lambda s: self.client.describe_repo(s.access, s.did))


def same_post(channel: str, found: Record, record: dict[str, Any]) -> None:
    """A record at our key that is not our post: only a person can sort that out."""
    if found.value.get("text") != record.get("text"):
        from statusdesk.channels.base import Ambiguous

        raise Ambiguous(_DIFFERENT_POST.format(channel=channel, uri=found.uri))
