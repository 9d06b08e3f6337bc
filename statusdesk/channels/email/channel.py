"""The email channel (kind `email`): an update to every subscriber, each in their language.

One SMTP connection (or `connections` of them, mailing.py) serves all recipients of a
delivery; each recipient is one part of the delivery's ledger (seq in a stable order, target =
the address), written `sending` before the message leaves and `sent` / `failed` after, in
batches of a transaction each, so a retry mails only those who did not get it. A 550 for
one address does not stop the others. SMTP cannot look a message up: a recipient whose
connection broke after the message was handed over stays `sending`, and a person decides.

Settings: host, port, security (starttls | tls | none, the last only with allow_plaintext=yes),
username, from, recipients (a fixed comma-separated list instead of the subscribers),
unsubscribe_url, digits, connections (1-8 SMTP sessions at once), max_per_second (the
provider's sending limit); secret: password.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

from statusdesk.channels import tested
from statusdesk.channels.base import (
    Ambiguous,
    ChannelContext,
    PartLedger,
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    Transient,
    channel_says,
)
from statusdesk.channels.email import compose
from statusdesk.channels.email import said as frames
from statusdesk.channels.email.compose import Recipient
from statusdesk.channels.email.copies import Template
from statusdesk.channels.email.mailing import Mailing
from statusdesk.channels.email.settings import (
    SECRETS,
    EmailSettings,
    read_settings,
    settings_problems,
)
from statusdesk.channels.email.smtp import Connection
from statusdesk.channels.site import links
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import Incident, Problem, Update
from statusdesk.core.words import QT_TRANSLATE_NOOP

__all__ = ["SECRETS", "EmailChannel", "settings_problems"]

NAMES_SHOWN = 10


def _names(addresses: Sequence[str]) -> str:
    shown = ", ".join(addresses[:NAMES_SHOWN])
    more = len(addresses) - NAMES_SHOWN
    return frames.AND_MORE.format(names=shown, more=more) if more > 0 else shown


def assign_seqs(
    recipients: Sequence[Recipient], parts: Mapping[int, PartRecord]
) -> list[tuple[int, Recipient]]:
    """Each recipient's ledger seq: its place in the list, or the seq it already had (a retry
    after a failure renders the list again, and it may have changed meanwhile)."""
    by_target = {part.target.lower(): seq for seq, part in parts.items()}
    used = set(parts)
    plan = []
    for index, recipient in enumerate(recipients):
        key = recipient.address.lower()
        if key in by_target:
            seq = by_target[key]
        elif index not in used:
            seq = index
        else:
            seq = max(used) + 1
        used.add(seq)
        by_target[key] = seq
        plan.append((seq, recipient))
    return plan


class EmailChannel:
    kind = "email"
    min_interval = 0.0

    def __init__(self, config: ChannelConfig, context: ChannelContext) -> None:
        self.config = config
        self.context = context

    # -- protocol -----------------------------------------------------------------------------

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        name = self.config.name
        problems = [
            Problem("channels", channel_says(name, message))
            for message in settings_problems(self.config.settings)
        ]
        if problems:
            return problems
        settings = read_settings(self.config.settings)
        if settings.username:
            try:
                self._password(settings)
            except Permanent as exc:
                problems.append(Problem("channels", str(exc)))
        if not settings.recipients and self._active_subscribers() == 0:
            problems.append(
                Problem(
                    "channels",
                    QT_TRANSLATE_NOOP(
                        "Problems",
                        "{name}: nobody to mail: there are no subscribers and no recipients "
                        "setting. Add some with `statusdesk subscriber add ADDR`, or give a fixed "
                        "list with `--set recipients=a@example.com,b@example.com`.",
                    ).format(name=name),
                )
            )
        return problems

    def render(self, update: Update, incident: Incident) -> Rendered:
        settings = self._settings()
        languages = compose.channel_languages(self.config, update)
        recipients = self._recipients(settings, languages, incident.component_ids)
        variants = list(dict.fromkeys(r.variant for r in recipients))
        if not variants:  # nobody yet: still show what the channel would send
            variants = [compose.variant_for(self.config.language, languages)]
        # The incident's page on the public status page, when it has an address (base_url).
        base = links.read_base_url(self.context.open_store)
        page_urls = {lang: links.incident_url(base, incident.id, lang) for lang in languages}
        messages = {
            variant: compose.render_message(
                update,
                incident,
                compose.variant_languages(variant, languages),
                settings.from_header,
                settings.digits,
                page_urls,
            )
            for variant in variants
        }
        return compose.rendered(update, incident, messages, recipients)

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        settings = self._settings()
        texts, recipients = compose.read_rendered(rendered)
        # Each variant rendered once; a recipient's copy is its bytes with their own headers.
        messages = {
            variant: Template(compose.read_message(text)) for variant, text in texts.items()
        }
        known = ledger.parts()
        plan = assign_seqs(recipients, known)
        done = {seq for seq, part in known.items() if part.state == "sent"}
        # Someone who unsubscribed since the first attempt is not mailed by a retry.
        left = self._unsubscribed(
            [r.address for seq, r in plan if seq not in done and r.unsubscribe]
        )
        for seq, recipient in plan:
            if recipient.address.lower() in left and seq in known and seq not in done:
                ledger.failed(seq, "not mailed: unsubscribed since the first attempt")
        plan = [(seq, r) for seq, r in plan if seq in done or r.address.lower() not in left]
        todo = deque((seq, r) for seq, r in plan if seq not in done)
        if not todo:
            return self._receipt(settings, len(plan))
        password = self._password(settings) if settings.username else None
        mailing = Mailing(
            self.config.name,
            settings,
            password,
            ledger,
            connections=settings.connections,
            max_per_second=settings.max_per_second,
        )
        mailing.run(todo, lambda r: self._copy(messages, r, key, settings), len(plan))
        return self._outcome(
            settings, mailing, total=len(plan), already=sum(seq in done for seq, _ in plan)
        )

    def _copy(
        self,
        messages: Mapping[str, Template],
        recipient: Recipient,
        key: str,
        settings: EmailSettings,
    ) -> tuple[str, bytes]:
        """(Message-ID, bytes) of one recipient's copy."""
        _, _, domain = settings.from_address.rpartition("@")
        message_id = compose.message_id(key, recipient.address, domain)
        data = messages[recipient.variant].copy(
            recipient, message_id=message_id, when=self.context.now().timestamp()
        )
        return message_id, data

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        """SMTP has no way to ask whether a message arrived. Recipients left `sending` cannot
        be known, so a person decides; with none, sending again is safe (a retry skips every
        recipient already mailed)."""
        parts = sorted(ledger.parts().values(), key=lambda part: part.seq)
        unsure = [part.target for part in parts if part.state == "sending"]
        if unsure:
            raise Ambiguous(
                frames.NOT_KNOWN.format(
                    channel=self.config.name, count=len(unsure), names=_names(unsure)
                )
            )
        return None

    def test(self) -> str:
        """Connect, TLS, AUTH, NOOP: publishes nothing."""
        settings = self._settings()
        password = self._password(settings) if settings.username else None
        connection = Connection(self.config.name, settings, password)
        connection.open()
        try:
            connection.noop()
        finally:
            connection.close()
        where = {"channel": self.config.name, "server": settings.where}
        if settings.username:
            security = settings.security_label
            return tested.EMAIL.format(**where, security=security, username=settings.username)
        return tested.EMAIL_WITHOUT_LOGIN.format(**where, security=settings.security_label)

    # -- helpers ------------------------------------------------------------------------------

    def _settings(self) -> EmailSettings:
        problems = settings_problems(self.config.settings)
        if problems:
            raise Permanent(
                f"{self.config.name}: {problems[0]}. Fix it with `statusdesk channel add`'s "
                "--set, then retry this delivery."
            )
        return read_settings(self.config.settings)

    def _password(self, settings: EmailSettings) -> str:
        from statusdesk.secrets import SecretsUnavailable

        name = self.config.name
        if self.context.secrets is None:
            raise Permanent(f"{name}: this process has no access to the keyring.")
        try:
            value = self.context.secrets.get(name, "password")
        except SecretsUnavailable as exc:
            raise Permanent(f"{name}: cannot read its password. {exc}") from exc
        if not value:
            raise Permanent(
                f"{name}: its password (for {settings.username}) is missing from the keyring. "
                f"Set it with `statusdesk channel secret {name} password`."
            )
        return value

    def _active_subscribers(self) -> int:
        store = self.context.open_store()
        try:
            return store.subscribers.count_active()
        finally:
            store.close()

    def _unsubscribed(self, addresses: Sequence[str]) -> set[str]:
        """Which of these subscribers (lower-cased) have unsubscribed by now."""
        if not addresses:
            return set()
        store = self.context.open_store()
        try:
            everyone = store.subscribers.list(active_only=False)
            gone = {s.email.lower() for s in everyone if not s.active}
        finally:
            store.close()
        return {address.lower() for address in addresses} & gone

    def _recipients(
        self, settings: EmailSettings, languages: Sequence[str], component_ids: Sequence[int]
    ) -> list[Recipient]:
        """The fixed `recipients` setting, or the subscribers following one of the incident's
        components or all of them (an incident naming no component: every subscriber)."""
        if settings.recipients:
            variant = compose.variant_for(self.config.language, languages)
            return [Recipient(address, variant) for address in settings.recipients]
        store = self.context.open_store()
        try:
            subscribers = store.subscribers.audience(component_ids)
        finally:
            store.close()
        return [
            Recipient(
                s.email,
                compose.variant_for(s.language, languages),
                compose.unsubscribe_link(settings.unsubscribe_url, settings.from_address, s.token),
            )
            for s in subscribers
        ]

    def _receipt(self, settings: EmailSettings, total: int) -> Receipt:
        return Receipt(
            remote_id=f"{total} recipient{'s' if total != 1 else ''} via {settings.where}",
            detail=f"mailed {total} recipient(s)",
        )

    def _outcome(
        self, settings: EmailSettings, mailing: Mailing, *, total: int, already: int
    ) -> Receipt:
        """The attempt's outcome: the worst that happened to any recipient decides it."""
        name, where = self.config.name, settings.where
        sent, refused, deferred = mailing.sent, mailing.refused, mailing.deferred
        unsure, not_tried, stopped = mailing.unsure, mailing.not_tried, mailing.stopped
        got = len(sent) + already
        refusals = _names([f"{a} ({why})" for a, why in refused])
        waiting = [a for a, _ in deferred] + not_tried
        others = frames.OTHERS.format(got=got, total=total)
        if refused:
            others = frames.OTHERS_REFUSED.format(
                others=others, count=len(refused), refusals=refusals
            )
        if unsure:
            if waiting:
                others = frames.OTHERS_WAITING.format(
                    others=others, count=len(waiting), names=_names(waiting)
                )
            raise Ambiguous(
                frames.BROKE_AFTER.format(
                    channel=name, server=where, names=_names(unsure), others=others
                )
            )
        if waiting:
            reasons = [why for _, why in deferred] + ([stopped] if stopped else [])
            said = frames.NOT_YET.format(
                channel=name,
                count=len(waiting),
                total=total,
                names=_names(waiting),
                reasons="; ".join(dict.fromkeys(reasons)) or frames.NO_REASON,
                others=others,
            )
            raise Transient(said, then=frames.ONLY_THOSE)
        if refused:
            raise Permanent(
                frames.RECIPIENTS_REFUSED.format(
                    channel=name, count=len(refused), total=total, refusals=refusals, got=got
                )
            )
        return self._receipt(settings, total)
