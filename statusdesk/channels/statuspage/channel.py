"""A hosted Atlassian Statuspage (REST API v1), kind `statuspage`.

The first update of an incident creates their incident (`POST /v1/pages/{page}/incidents`);
every later one PATCHes it (`/incidents/{id}`) with its status, body and component statuses.
Their incident id is the receipt of the creating delivery (see known.py). A POST is not
idempotent, so everything we create or change carries
`metadata: {"statusdesk": {"incident": <ours>, "key": <delivery key>}}`, and after an attempt
that may have landed, `reconcile` looks for it there before anything is sent again.

Before each request the delivery's part ledger records what it was about (create, or PATCH of
which incident, to which status, with which body digest), since `reconcile` gets only the key.

Statuspage allows about one request a second per API key; the dispatcher spaces attempts by
`min_interval`, and 420/429 answers wait as long as their `Retry-After` says.

The requests themselves and the API key are client.py's; looking for an attempt that may have
landed, reconcile.py's; which of their components stands for each of ours, components.py's.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from statusdesk.channels import tested
from statusdesk.channels.base import (
    WILL_RETRY,
    Ambiguous,
    ChannelContext,
    PartLedger,
    Permanent,
    Receipt,
    Rendered,
    Transient,
    channel_says,
)
from statusdesk.channels.statuspage import render as payload
from statusdesk.channels.statuspage.client import StatuspageClient, lookup, scrub, scrubbed
from statusdesk.channels.statuspage.components import their_components, unmapped_components
from statusdesk.channels.statuspage.known import Known, their_incident
from statusdesk.channels.statuspage.reconcile import (
    find,
    reconcile_create,
    reconcile_patch,
    tag,
)
from statusdesk.channels.statuspage.settings import (
    settings_problems as _settings_problems,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update
from statusdesk.core.timefmt import parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import requests

SECRETS = ("api_key",)
# An update that must wait for an earlier one to create their incident looks again after
# this, or just after the earlier one's own next attempt; never later than the cap.
WAIT_FOR_EARLIER_SECONDS = 2.0
# Context "Delivery": the desk reads a stored delivery error back into these
# (delivery/failures.py) and says it in its language.
_THE_PAGE_REQUEST = QT_TRANSLATE_NOOP("Delivery", "the request for the page")
_THE_PAGE = QT_TRANSLATE_NOOP("Delivery", "the page")
_THE_UPDATED = QT_TRANSLATE_NOOP("Delivery", "the updated incident")
_WAITING = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: waiting for delivery {delivery} (an earlier update of this incident, now "
    "{state}) to create the incident on Statuspage, so this update does not open a second one.",
)
EARLIER_MARGIN_SECONDS = 1.0
MAX_WAIT_FOR_EARLIER_SECONDS = 60.0


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    """What is wrong with a Statuspage channel's settings (used by `channel add`)."""
    return _settings_problems(settings)


class StatuspageChannel:
    kind = "statuspage"
    min_interval = 1.0  # their limit: about one request a second per API key

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self.client = StatuspageClient(config, context)

    @property
    def name(self) -> str:
        return self.config.name

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        problems = [
            Problem("channels", channel_says(self.name, message))
            for message in _settings_problems(self.config.settings)
        ]
        try:
            self.client.api_key()
        except Permanent as exc:
            problems.append(Problem("channels", str(exc)))
        if not problems:
            problems += unmapped_components(self.config, self.context.open_store, update, incident)
        return problems

    def render(self, update: Update, incident: Incident) -> Rendered:
        theirs = their_components(self.config, self.context.open_store, update, incident)
        return payload.rendered(self.config, update, incident, theirs)

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        api_key = self.client.api_key()
        with scrubbed(api_key):
            body, fields = payload.unpack(rendered)
            their_id = self._their_id(rendered, key, api_key)
            if their_id is None:
                return self._create(rendered, key, ledger, api_key, body, fields)
            return self._patch(rendered, key, ledger, api_key, their_id, body, fields)

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        record = ledger.parts().get(0)
        if record is None:
            return None  # written before any request leaves: none left
        if record.state == "sent":  # it landed and we noted it, then stopped before the row
            return Receipt(record.remote_id, record.remote_url, "noted before a restart")
        if record.state == "failed":  # answered with a refusal: nothing landed
            return None
        try:
            marker: dict[str, Any] = json.loads(record.target)
        except ValueError:
            marker = {}
        api_key = self.client.api_key()
        with scrubbed(api_key), lookup():
            if marker.get("op") == "patch":
                receipt = reconcile_patch(self.client, key, marker, api_key)
            else:
                receipt = reconcile_create(self.client, key, api_key)
        if receipt is not None:
            ledger.sent(0, receipt)
        return receipt

    def test(self) -> str:
        """`GET /v1/pages/{page}`: the key works for the page; nothing is published."""
        self.client.settings_or_raise()
        api_key = self.client.api_key()
        with scrubbed(api_key), lookup():
            response = self.client.request("GET", self.client.page_url(), api_key)
            self.client.raise_for(response, _THE_PAGE_REQUEST)
            page = self.client.json(response, _THE_PAGE)
        title = page.get("name") or self.config.settings.get("page_id")
        subdomain = page.get("subdomain") or page.get("id") or ""
        return tested.STATUSPAGE.format(channel=self.name, title=title, subdomain=subdomain)

    # -- create and PATCH ---------------------------------------------------------------------

    def _create(
        self,
        rendered: Rendered,
        key: str,
        ledger: PartLedger,
        api_key: str,
        body: str,
        fields: dict[str, Any],
    ) -> Receipt:
        incident: dict[str, Any] = {
            "name": fields["name"],
            "status": fields["status"],
            "body": body,
            "metadata": tag(rendered, key),
            "deliver_notifications": True,
        }
        for name in (
            "impact_override",
            "components",
            "component_ids",
            "scheduled_for",
            "scheduled_until",
        ):
            if name in fields:
                incident[name] = fields[name]
        if fields.get("kind") == "maintenance":
            # We publish each transition ourselves; Statuspage must not do it on its own too.
            incident["scheduled_auto_in_progress"] = False
            incident["scheduled_auto_completed"] = False
        response = self._write(
            ledger,
            {"op": "create"},
            api_key,
            "POST",
            f"{self.client.page_url()}/incidents",
            incident,
            "the new incident",
        )
        created = self.client.created(response)
        receipt = Receipt(
            remote_id=str(created["id"]),
            remote_url=created.get("shortlink") or None,
            detail=f"HTTP {response.status_code}: created incident {created['id']}",
        )
        ledger.sent(0, receipt)
        return receipt

    def _patch(
        self,
        rendered: Rendered,
        key: str,
        ledger: PartLedger,
        api_key: str,
        their_id: str,
        body: str,
        fields: dict[str, Any],
    ) -> Receipt:
        incident: dict[str, Any] = {
            "status": fields["status"],
            "body": body,
            "metadata": tag(rendered, key),
            "deliver_notifications": True,
        }
        for name in ("impact_override", "components", "component_ids"):
            if name in fields:
                incident[name] = fields[name]
        marker = {
            "op": "patch",
            "id": their_id,
            "status": fields["status"],
            "body": payload.body_digest(body),
        }
        response = self._write(
            ledger,
            marker,
            api_key,
            "PATCH",
            self.client.incident_url(their_id),
            incident,
            f"the update of incident {their_id}",
            their_id=their_id,
        )
        shortlink = None
        with contextlib.suppress(Ambiguous):  # it landed; a receipt without a link will do
            shortlink = self.client.json(response, _THE_UPDATED).get("shortlink")
        receipt = Receipt(
            remote_id=their_id,
            remote_url=shortlink or None,
            detail=f"HTTP {response.status_code}: updated incident {their_id}",
        )
        ledger.sent(0, receipt)
        return receipt

    def _write(
        self,
        ledger: PartLedger,
        marker: dict[str, str],
        api_key: str,
        method: str,
        url: str,
        incident: dict[str, Any],
        what: str,
        *,
        their_id: str | None = None,
    ) -> requests.Response:
        """The one request of an attempt that changes something there. What it is about goes
        into the ledger first: `reconcile` reads it back after an ambiguous end."""
        ledger.sending(0, json.dumps(marker, sort_keys=True))
        try:
            response = self.client.request(method, url, api_key, {"incident": incident})
            self.client.raise_for(response, what, their_id=their_id)
        except (Transient, Permanent) as exc:  # it did not land
            ledger.failed(0, scrub(str(exc), api_key))
            raise
        return response

    def _their_id(self, rendered: Rendered, key: str, api_key: str) -> str | None:
        """Their incident to PATCH, or None to create one."""
        store = self.context.open_store()
        try:
            known = their_incident(
                store, self.config.id, rendered.incident_id, rendered.update_id, key
            )
        finally:
            store.close()
        if known.remote_id is not None:
            return known.remote_id
        if known.waiting_for is not None:
            raise Transient(
                self._waiting_message(known), self._wait_for_earlier(known), then=WILL_RETRY
            )
        if known.uncertain:
            # An earlier attempt may have created it without our knowing its id: ask first.
            with lookup():
                found = find(
                    self.client, api_key, lambda meta: meta.get("key") in known.uncertain_keys
                )
            time.sleep(self.min_interval)  # the next request is the second of this attempt
            if found is not None:
                return str(found["id"])
        return None

    def _waiting_message(self, known: Known) -> str:
        earlier = known.waiting_for
        assert earlier is not None
        return _WAITING.format(channel=self.name, delivery=earlier.id, state=earlier.state.value)

    def _wait_for_earlier(self, known: Known) -> float:
        earlier = known.waiting_for
        assert earlier is not None
        wait = WAIT_FOR_EARLIER_SECONDS
        if earlier.next_attempt_at:
            due = parse_iso(earlier.next_attempt_at) - self.context.now()
            wait = max(wait, due.total_seconds() + EARLIER_MARGIN_SECONDS)
        return min(wait, MAX_WAIT_FOR_EARLIER_SECONDS)
