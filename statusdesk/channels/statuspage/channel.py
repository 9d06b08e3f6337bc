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
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from statusdesk.channels import http
from statusdesk.channels.base import (
    WILL_RETRY,
    Ambiguous,
    ChannelContext,
    ChannelError,
    PartLedger,
    Permanent,
    Receipt,
    Rendered,
    Transient,
)
from statusdesk.channels.statuspage import render as payload
from statusdesk.channels.statuspage.known import Known, their_incident
from statusdesk.channels.statuspage.settings import (
    ComponentsSyntaxError,
    base_url,
    page_id,
    parse_components,
)
from statusdesk.channels.statuspage.settings import (
    settings_problems as _settings_problems,
)
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import (
    ComponentStatus,
    DeliveryState,
    Incident,
    Problem,
    Severity,
    Update,
)
from statusdesk.core.timefmt import parse_iso

if TYPE_CHECKING:
    import requests

SECRETS = ("api_key",)
METADATA_NAMESPACE = "statusdesk"
LIST_LIMIT = 100  # their maximum per page; ours is among the newest
# An update that must wait for an earlier one to create their incident looks again after
# this, or just after the earlier one's own next attempt; never later than the cap.
WAIT_FOR_EARLIER_SECONDS = 2.0
EARLIER_MARGIN_SECONDS = 1.0
MAX_WAIT_FOR_EARLIER_SECONDS = 60.0


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    """What is wrong with a Statuspage channel's settings (used by `channel add`)."""
    return _settings_problems(settings)


def _scrub(text: str, api_key: str) -> str:
    return text.replace(api_key, "[API key]") if api_key else text


def _same_patch(target: str, marker: Mapping[str, Any]) -> bool:
    """Whether a ledger target records a PATCH of the same incident, status and body."""
    try:
        other = json.loads(target)
    except ValueError:
        return False
    return isinstance(other, Mapping) and all(
        other.get(name) == marker.get(name) for name in ("op", "id", "status", "body")
    )


def _metadata(incident: Mapping[str, Any]) -> Mapping[str, Any]:
    meta = incident.get("metadata")
    ours = meta.get(METADATA_NAMESPACE) if isinstance(meta, Mapping) else None
    return ours if isinstance(ours, Mapping) else {}


def _error_text(response: requests.Response) -> str:
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


class StatuspageChannel:
    kind = "statuspage"
    min_interval = 1.0  # their limit: about one request a second per API key

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context
        self._local = threading.local()  # a requests.Session per worker thread

    @property
    def name(self) -> str:
        return self.config.name

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        problems = [
            Problem("channels", f"{self.name}: {message}")
            for message in _settings_problems(self.config.settings)
        ]
        try:
            self._api_key()
        except Permanent as exc:
            problems.append(Problem("channels", str(exc)))
        if not problems:
            problems += self._unmapped_components(incident, update)
        return problems

    def render(self, update: Update, incident: Incident) -> Rendered:
        return payload.rendered(
            self.config, update, incident, self._their_components(update, incident)
        )

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        api_key = self._api_key()
        with self._scrubbed(api_key):
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
        api_key = self._api_key()
        with self._scrubbed(api_key), self._lookup():
            if marker.get("op") == "patch":
                receipt = self._reconcile_patch(key, marker, api_key)
            else:
                receipt = self._reconcile_create(key, api_key)
        if receipt is not None:
            ledger.sent(0, receipt)
        return receipt

    def test(self) -> str:
        """`GET /v1/pages/{page}`: the key works for the page; nothing is published."""
        self._settings_or_raise()
        api_key = self._api_key()
        with self._scrubbed(api_key), self._lookup():
            response = self._request("GET", self._page_url(), api_key)
            self._raise_for(response, "the request for the page")
            page = self._json(response, "the page")
        title = page.get("name") or self.config.settings.get("page_id")
        subdomain = page.get("subdomain") or page.get("id") or ""
        return (
            f"{self.name}: page {title} ({subdomain}) reachable with the API key; "
            "nothing was published"
        )

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
            "metadata": self._tag(rendered, key),
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
            f"{self._page_url()}/incidents",
            incident,
            "the new incident",
        )
        created = self._created(response)
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
            "metadata": self._tag(rendered, key),
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
            self._incident_url(their_id),
            incident,
            f"the update of incident {their_id}",
            their_id=their_id,
        )
        shortlink = None
        with contextlib.suppress(Ambiguous):  # it landed; a receipt without a link will do
            shortlink = self._json(response, "the updated incident").get("shortlink")
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
            response = self._request(method, url, api_key, {"incident": incident})
            self._raise_for(response, what, their_id=their_id)
        except (Transient, Permanent) as exc:  # it did not land
            ledger.failed(0, _scrub(str(exc), api_key))
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
            with self._lookup():
                found = self._find(api_key, lambda meta: meta.get("key") in known.uncertain_keys)
            time.sleep(self.min_interval)  # the next request is the second of this attempt
            if found is not None:
                return str(found["id"])
        return None

    def _waiting_message(self, known: Known) -> str:
        earlier = known.waiting_for
        assert earlier is not None
        return (
            f"{self.name}: waiting for delivery {earlier.id} (an earlier update of this "
            f"incident, now {earlier.state.value}) to create the incident on Statuspage, so "
            "this update does not open a second one."
        )

    def _wait_for_earlier(self, known: Known) -> float:
        earlier = known.waiting_for
        assert earlier is not None
        wait = WAIT_FOR_EARLIER_SECONDS
        if earlier.next_attempt_at:
            due = parse_iso(earlier.next_attempt_at) - self.context.now()
            wait = max(wait, due.total_seconds() + EARLIER_MARGIN_SECONDS)
        return min(wait, MAX_WAIT_FOR_EARLIER_SECONDS)

    # -- reconcile ----------------------------------------------------------------------------

    def _reconcile_create(self, key: str, api_key: str) -> Receipt | None:
        found = self._find(api_key, lambda meta: meta.get("key") == key)
        if found is None:
            return None
        return Receipt(
            remote_id=str(found["id"]),
            remote_url=found.get("shortlink") or None,
            detail=f"found incident {found['id']} by its metadata",
        )

    def _reconcile_patch(self, key: str, marker: Mapping[str, Any], api_key: str) -> Receipt | None:
        their_id = str(marker.get("id", ""))
        response = self._request("GET", self._incident_url(their_id), api_key)
        if response.status_code == 404:
            # Not a glitch to wait out: a person must look (the dispatcher says so).
            raise Permanent(
                f"{self.name}: incident {their_id} is not on Statuspage page "
                f"{page_id(self.config.settings)} any more, so whether this update reached it "
                "cannot be told."
            )
        self._raise_for(response, f"incident {their_id}", their_id=their_id)
        incident = self._json(response, f"incident {their_id}")
        receipt = Receipt(
            remote_id=their_id,
            remote_url=incident.get("shortlink") or None,
            detail=f"found this update on incident {their_id}",
        )
        if _metadata(incident).get("key") == key:
            return receipt
        # Ours may be any of their updates, not only the newest: later updates of the incident
        # may have gone out while this one's outcome was unknown (a runner killed mid-PATCH).
        # An update of ours with the same status and text that is known to have landed
        # accounts for one of them, so a repeated text that did not land is still sent.
        updates = [u for u in incident.get("incident_updates") or [] if isinstance(u, Mapping)]
        alike = sum(
            1
            for u in updates
            if u.get("status") == marker.get("status")
            and payload.body_digest(str(u.get("body") or "")) == marker.get("body")
        )
        if alike > self._landed_alike(key, marker):
            return receipt
        return None

    def _landed_alike(self, key: str, marker: Mapping[str, Any]) -> int:
        """How many other deliveries of this channel, for the same incident, are known to
        have landed a PATCH of the same incident with the same status and body digest."""
        store = self.context.open_store()
        try:
            kept = store.ledger.kept_render_by_key(key)
            if kept is None or kept[0] is None:
                return 0
            incident_id = Rendered.from_json(kept[0]).incident_id
            count = 0
            for deliveries in store.deliveries.deliveries_for_incident(incident_id).values():
                for delivery in deliveries:
                    if (
                        delivery.channel_id != self.config.id
                        or delivery.idempotency_key == key
                        or delivery.state is not DeliveryState.SENT
                    ):
                        continue
                    for part in store.ledger.delivery_parts(delivery.id):
                        if part["seq"] == 0 and _same_patch(part["target"], marker):
                            count += 1
            return count
        finally:
            store.close()

    def _find(
        self, api_key: str, wanted: Callable[[Mapping[str, Any]], bool]
    ) -> Mapping[str, Any] | None:
        """The newest of their incidents whose statusdesk metadata passes `wanted`."""
        response = self._request(
            "GET",
            f"{self._page_url()}/incidents",
            api_key,
            params={"limit": str(LIST_LIMIT), "page": "1"},
        )
        self._raise_for(response, "the list of incidents")
        try:
            incidents = response.json()
        except ValueError:
            incidents = None
        if not isinstance(incidents, list):
            raise Transient(
                f"{self.name}: Statuspage answered the list of incidents with something that is "
                "not a list.",
                then="Will look again.",
            )
        for incident in incidents:
            if isinstance(incident, Mapping) and incident.get("id") and wanted(_metadata(incident)):
                return incident
        return None

    @contextlib.contextmanager
    def _lookup(self) -> Iterator[None]:
        """A GET that may have reached them changes nothing there: asking again is safe."""
        try:
            yield
        except Ambiguous as exc:
            raise Transient(exc.cause, then="Will look again.") from exc

    # -- HTTP ---------------------------------------------------------------------------------

    def _request(
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
            response: requests.Response = self._session().request(
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

    def _raise_for(
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
            said = _error_text(response)
            raise Permanent(
                f"{self.name}: Statuspage rejected {what} ({reason}"
                f"{': ' + said if said else ''}). Fix the update or the channel's settings, "
                "then retry this delivery."
            )
        http.check_response(self.name, response, self.context.now())

    def _json(self, response: requests.Response, what: str) -> dict[str, Any]:
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

    def _created(self, response: requests.Response) -> dict[str, Any]:
        created = self._json(response, "the new incident")
        if not created.get("id"):
            raise Ambiguous(
                f"{self.name}: Statuspage answered {response.status_code} without the new "
                "incident's id; it is looked up before anything is sent again."
            )
        return created

    def _session(self) -> Any:
        session = getattr(self._local, "session", None)
        if session is None:
            from statusdesk.channels.targets import guarded_session

            session = guarded_session()  # no request to a metadata address (targets.py)
            self._local.session = session
        return session

    def _page_url(self) -> str:
        self._settings_or_raise()
        return f"{base_url(self.config.settings)}/v1/pages/{page_id(self.config.settings)}"

    def _incident_url(self, their_id: str) -> str:
        return f"{self._page_url()}/incidents/{their_id}"

    def _settings_or_raise(self) -> None:
        problems = _settings_problems(self.config.settings)
        if problems:
            raise Permanent(f"{self.name}: {problems[0]}.")

    def _tag(self, rendered: Rendered, key: str) -> dict[str, dict[str, str]]:
        return {METADATA_NAMESPACE: {"incident": str(rendered.incident_id), "key": key}}

    @contextlib.contextmanager
    def _scrubbed(self, api_key: str) -> Iterator[None]:
        """No message leaves with the key in it, whatever a server or a library echoed."""
        try:
            yield
        except ChannelError as exc:
            clean = _scrub(exc.cause, api_key)
            if clean != exc.cause:
                if isinstance(exc, Transient):
                    raise Transient(clean, exc.retry_after, then=exc.then) from None
                raise type(exc)(clean, then=exc.then) from None
            raise

    # -- secrets and components ---------------------------------------------------------------

    def _api_key(self) -> str:
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

    def _mapping(self) -> dict[str, str]:
        """Our component name, case-folded → their component id."""
        try:
            mapping = parse_components(self.config.settings.get("components"))
        except ComponentsSyntaxError:
            return {}
        return {name.casefold(): theirs for name, theirs in mapping.items()}

    def _our_components(self, update: Update, incident: Incident) -> list[payload.OurComponent]:
        if not incident.id and not incident.component_ids:
            return []  # a preview of a new incident: nothing in the workspace yet
        store = self.context.open_store()
        try:
            return payload.our_components(store, incident, update)
        finally:
            store.close()

    def _their_components(self, update: Update, incident: Incident) -> dict[str, ComponentStatus]:
        mapping = self._mapping()
        theirs: dict[str, ComponentStatus] = {}
        for component in self._our_components(update, incident):
            their_id = mapping.get(component.name.casefold())
            if their_id is not None:
                theirs[their_id] = component.status
        return theirs

    def _unmapped_components(self, incident: Incident, update: Update) -> list[Problem]:
        """A warning, not an error: the update itself still reaches Statuspage (only that
        component's status stays as it is there), and refusing to publish would silence every
        other channel too over a settings gap."""
        mapping = self._mapping()
        return [
            Problem(
                "channels",
                f"{self.name}: our component {c.name!r} has no Statuspage component in this "
                f"channel's components setting, so its status will not change there (the "
                f"update still goes out). Add {c.name}:THEIR-COMPONENT-ID to the setting.",
                Severity.WARNING,
            )
            for c in self._our_components(update, incident)
            if c.name.casefold() not in mapping
        ]
