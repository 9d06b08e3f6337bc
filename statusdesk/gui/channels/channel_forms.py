"""The "add a channel" form of the Channels window, and the table it is built from.

Each kind's settings are one row of `KIND_FORMS` (setting, label, hint): a new kind, or a new
setting of a kind, is a line here, nothing else. A field may belong to one choice of another
field (`when`): the site's git, sftp and s3 fields show only once `publish` names that target,
and a hidden field's text is never sent. Values go to `desk.channels.add_channel` as
text, exactly
as `channel add KIND NAME --set k=v` gives them; an empty field is left out, so the kind's default
applies. Secrets are never part of this form (they go to the keyring, see channels_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import Problem
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, localised, translate
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.widgets.forms import (
    LANGUAGES,
    EnterActs,
    buddy_row,
    no_auto_default,
    note,
    tell,
)


@dataclass(frozen=True)
class Field:
    setting: str  # the name `--set` takes
    label: str  # what the form says next to it
    hint: str  # placeholder and tooltip: an example, the choices, or the default
    when: tuple[str, str] | None = None  # (setting, value): shown only while that one says it


@dataclass(frozen=True)
class KindForm:
    title: str  # what the kind list says
    fields: tuple[Field, ...] = ()


KIND_FORMS: dict[str, KindForm] = {
    "webhook": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "webhook — JSON POSTed to a URL"),
        (
            Field(
                "url",
                QT_TRANSLATE_NOOP("ChannelForms", "URL"),
                "https://hooks.example.com/statusdesk",
            ),
            Field(
                "format",
                QT_TRANSLATE_NOOP("ChannelForms", "Format"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "statusdesk (the default), slack, discord or teams"
                ),
            ),
        ),
    ),
    "x": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "x — posts and threads on X"),
        (
            Field(
                "auth",
                QT_TRANSLATE_NOOP("ChannelForms", "Sign-in"),
                QT_TRANSLATE_NOOP("ChannelForms", "oauth1 (the default) or oauth2"),
            ),
            Field(
                "base_url",
                QT_TRANSLATE_NOOP("ChannelForms", "API address"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for https://api.x.com"),
            ),
            Field(
                "split",
                QT_TRANSLATE_NOOP("ChannelForms", "Split long posts"),
                QT_TRANSLATE_NOOP("ChannelForms", "on (the default) or off"),
            ),
            Field(
                "thread",
                QT_TRANSLATE_NOOP("ChannelForms", "Threads"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "incident (the default): replies to its last post; or update"
                ),
            ),
        ),
    ),
    "mastodon": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "mastodon — posts and threads on a Mastodon instance"),
        (
            Field(
                "base_url", QT_TRANSLATE_NOOP("ChannelForms", "Instance"), "https://mastodon.social"
            ),
            Field(
                "visibility",
                QT_TRANSLATE_NOOP("ChannelForms", "Visibility"),
                QT_TRANSLATE_NOOP("ChannelForms", "public (the default) or unlisted"),
            ),
            Field(
                "thread",
                QT_TRANSLATE_NOOP("ChannelForms", "Threads"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "incident (the default): replies to its last post; or update"
                ),
            ),
        ),
    ),
    "bluesky": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "bluesky — posts and threads on Bluesky"),
        (
            Field(
                "handle",
                QT_TRANSLATE_NOOP("ChannelForms", "Handle"),
                QT_TRANSLATE_NOOP("ChannelForms", "acme.bsky.social (without the @)"),
            ),
            Field(
                "pds",
                QT_TRANSLATE_NOOP("ChannelForms", "Server (PDS)"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for https://bsky.social"),
            ),
            Field(
                "thread",
                QT_TRANSLATE_NOOP("ChannelForms", "Threads"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "incident (the default): replies to its last post; or update"
                ),
            ),
        ),
    ),
    "email": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "email — to subscribers over SMTP"),
        (
            Field("host", QT_TRANSLATE_NOOP("ChannelForms", "SMTP server"), "smtp.example.com"),
            Field(
                "port",
                QT_TRANSLATE_NOOP("ChannelForms", "Port"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for 587 (starttls) or 465 (tls)"),
            ),
            Field(
                "security",
                QT_TRANSLATE_NOOP("ChannelForms", "Security"),
                QT_TRANSLATE_NOOP("ChannelForms", "starttls (the default), tls or none"),
            ),
            Field(
                "username",
                QT_TRANSLATE_NOOP("ChannelForms", "User name"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for a relay without AUTH"),
            ),
            Field(
                "from",
                QT_TRANSLATE_NOOP("ChannelForms", "From"),
                QT_TRANSLATE_NOOP("ChannelForms", "Acme Status <status@example.com>"),
            ),
            Field(
                "recipients",
                QT_TRANSLATE_NOOP("ChannelForms", "Fixed recipients"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty: the subscribers; or a@x.com, b@y.com"),
            ),
            Field(
                "unsubscribe_url",
                QT_TRANSLATE_NOOP("ChannelForms", "Unsubscribe address"),
                "https://status.example.com/unsubscribe?token={token}",
            ),
            Field(
                "allow_plaintext",
                QT_TRANSLATE_NOOP("ChannelForms", "Allow plaintext"),
                QT_TRANSLATE_NOOP("ChannelForms", "yes, only with security none"),
            ),
            Field(
                "digits",
                QT_TRANSLATE_NOOP("ChannelForms", "Arabic digits"),
                QT_TRANSLATE_NOOP("ChannelForms", "latn (the default) or arab"),
            ),
            Field(
                "connections",
                QT_TRANSLATE_NOOP("ChannelForms", "Connections"),
                QT_TRANSLATE_NOOP("ChannelForms", "1 (the default) to 8 SMTP sessions at once"),
            ),
            Field(
                "max_per_second",
                QT_TRANSLATE_NOOP("ChannelForms", "Messages a second"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for no limit; your provider's limit"),
            ),
        ),
    ),
    "statuspage": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "statuspage — an Atlassian Statuspage"),
        (
            Field(
                "page_id",
                QT_TRANSLATE_NOOP("ChannelForms", "Page id"),
                QT_TRANSLATE_NOOP("ChannelForms", "kctbh9vrtdwd (Your page → API info)"),
            ),
            Field(
                "components",
                QT_TRANSLATE_NOOP("ChannelForms", "Components"),
                "Trading:8kbf7d35c070,Funding:vtf5tj6z9t4k",
            ),
            Field(
                "base_url",
                QT_TRANSLATE_NOOP("ChannelForms", "API address"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for https://api.statuspage.io"),
            ),
        ),
    ),
    "telegram": KindForm(
        QT_TRANSLATE_NOOP("ChannelForms", "telegram — messages to a Telegram channel or group"),
        (
            Field(
                "chat_id",
                QT_TRANSLATE_NOOP("ChannelForms", "Chat"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "@acme_status or -1001234567890 (the bot must be an admin)"
                ),
            ),
            Field(
                "base_url",
                QT_TRANSLATE_NOOP("ChannelForms", "API address"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for https://api.telegram.org"),
            ),
            Field(
                "thread",
                QT_TRANSLATE_NOOP("ChannelForms", "Threads"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "incident (the default): replies to its last post; or update"
                ),
            ),
        ),
    ),
    "site": KindForm(
        QT_TRANSLATE_NOOP(
            "ChannelForms", "site — a status page, here or published to git, sftp or s3"
        ),
        (
            Field(
                "base_url",
                QT_TRANSLATE_NOOP("ChannelForms", "Public address"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "https://status.example.com (for absolute links)"
                ),
            ),
            Field(
                "publish",
                QT_TRANSLATE_NOOP("ChannelForms", "Publish to"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty: this machine only; or git, sftp, s3"),
            ),
            Field(
                "remote",
                QT_TRANSLATE_NOOP("ChannelForms", "Git remote"),
                QT_TRANSLATE_NOOP(
                    "ChannelForms", "https://…, ssh://git@host/repo.git, file://, a path"
                ),
                ("publish", "git"),
            ),
            Field(
                "branch",
                QT_TRANSLATE_NOOP("ChannelForms", "Branch"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for gh-pages"),
                ("publish", "git"),
            ),
            Field(
                "git_author",
                QT_TRANSLATE_NOOP("ChannelForms", "Commit author"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for statusdesk <statusdesk@localhost>"),
                ("publish", "git"),
            ),
            Field(
                "host",
                QT_TRANSLATE_NOOP("ChannelForms", "SFTP server"),
                "sftp.example.com",
                ("publish", "sftp"),
            ),
            Field(
                "port",
                QT_TRANSLATE_NOOP("ChannelForms", "Port"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for 22"),
                ("publish", "sftp"),
            ),
            Field(
                "user",
                QT_TRANSLATE_NOOP("ChannelForms", "User name"),
                "status",
                ("publish", "sftp"),
            ),
            Field(
                "path",
                QT_TRANSLATE_NOOP("ChannelForms", "Folder"),
                "/var/www/status",
                ("publish", "sftp"),
            ),
            Field(
                "endpoint",
                QT_TRANSLATE_NOOP("ChannelForms", "S3 endpoint"),
                QT_TRANSLATE_NOOP("ChannelForms", "https://s3.eu-west-1.amazonaws.com, R2, MinIO…"),
                ("publish", "s3"),
            ),
            Field(
                "bucket",
                QT_TRANSLATE_NOOP("ChannelForms", "Bucket"),
                "status-example-com",
                ("publish", "s3"),
            ),
            Field(
                "prefix",
                QT_TRANSLATE_NOOP("ChannelForms", "Prefix"),
                QT_TRANSLATE_NOOP("ChannelForms", "empty for the bucket's root"),
                ("publish", "s3"),
            ),
            Field(
                "region",
                QT_TRANSLATE_NOOP("ChannelForms", "Region"),
                QT_TRANSLATE_NOOP("ChannelForms", "eu-west-1 (auto for R2)"),
                ("publish", "s3"),
            ),
        ),
    ),
}

ORDERS = (
    ("en-first", QT_TRANSLATE_NOOP("ChannelForms", "English first")),
    ("ar-first", QT_TRANSLATE_NOOP("ChannelForms", "Arabic first")),
)


def tr(text: str) -> str:
    """A text of this module's tables, marked where it is defined."""
    return translate("ChannelForms", text)


def choice_items(choices: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(value, text) of a language or order list, the text in the interface's language."""
    # the languages' names are marked in widgets/forms.py (LANGUAGES), the orders' here
    languages = {value for value, _ in LANGUAGES}
    return [
        (value, translate("Forms", text) if value in languages else tr(text))
        for value, text in choices
    ]


def kind_form(kind: str) -> KindForm:
    """A kind this table does not know yet still gets a form: name, language and order."""
    return KIND_FORMS.get(kind) or KindForm(
        translate(
            "ChannelForms",
            "{kind} — settings through `statusdesk channel add {kind} NAME --set k=v`",
        ).format(kind=kind)
    )


def ordered_kinds(known: Sequence[str]) -> list[str]:
    """The table's kinds first (the common ones), then any other kind the registry has."""
    return [k for k in KIND_FORMS if k in known] + [k for k in known if k not in KIND_FORMS]


class ChosenRows:
    """Shows each of a form's fields only while the choice it belongs to is made (`Field.when`),
    and says which apply: a hidden field's text is never sent."""

    def __init__(
        self,
        form: QFormLayout,
        specs: Sequence[Field],
        fields: dict[str, QLineEdit],
        shown: Callable[[], object],
    ) -> None:
        self._form = form
        self._when = {spec.setting: spec.when for spec in specs}
        self._fields = fields
        self._shown = shown  # called after the rows change (the tab chain follows)
        for source in {when[0] for when in self._when.values() if when is not None}:
            if source in fields:
                fields[source].textChanged.connect(self.update)
        self.update()

    def applies(self, setting: str) -> bool:
        when = self._when.get(setting)
        if when is None:
            return True
        source = self._fields.get(when[0])
        return source is not None and source.text().strip().lower() == when[1]

    def update(self) -> None:
        for setting, edit in self._fields.items():
            self._form.setRowVisible(edit, self.applies(setting))
        self._shown()


class AddChannelForm(QGroupBox):
    """Kind, name, the kind's settings, language and order; Enter in any of them (or the Add
    button) asks to add. What was typed stays until it is added, whatever happens meanwhile."""

    submitted = Signal()

    def __init__(self, kinds: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Add a channel"))
        self.setObjectName("add-channel")
        self._typed: dict[tuple[str, str], str] = {}  # (kind, setting) → text, across kinds
        self.fields: dict[str, QLineEdit] = {}  # the current kind's settings
        self._enter = EnterActs(self, self.submitted.emit)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.form)
        self._chosen = ChosenRows(self.form, (), self.fields, lambda: None)
        self.kind = QComboBox()
        self.kind.setObjectName("add-kind")
        for kind in ordered_kinds(kinds):
            self.kind.addItem(tr(kind_form(kind).title), kind)
        buddy_row(self.form, self.tr("&Kind:"), self.kind, self.tr("Kind of the new channel"))
        self.name = QLineEdit()
        self.name.setObjectName("add-name")
        self.name.setPlaceholderText(self.tr("letters, digits, - or _ (e.g. ops-hook)"))
        buddy_row(self.form, self.tr("Na&me:"), self.name, self.tr("Name of the new channel"))
        self.language = self._choices("add-language", LANGUAGES)
        buddy_row(
            self.form, self.tr("&Language:"), self.language, self.tr("Language of the new channel")
        )
        self.order = self._choices("add-order", ORDERS)
        buddy_row(self.form, self.tr("O&rder:"), self.order, self.tr("Which language comes first"))
        self.add_button = no_auto_default(QPushButton(self.tr("&Add channel")))
        self.add_button.setObjectName("add-channel-button")
        self.add_button.clicked.connect(self.submitted.emit)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problems = note("add-problems")
        outer.addWidget(self.problems)
        self.status = note("add-status")
        outer.addWidget(self.status)
        self._enter.watch(self.kind, self.name, self.language, self.order)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._show_fields()

    @staticmethod
    def _choices(name: str, choices: Sequence[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for value, text in choice_items(choices):
            combo.addItem(text, value)
        return combo

    # -- the kind's own fields --------------------------------------------------------------

    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def _kind_changed(self) -> None:
        self._show_fields()
        self.problems.hide()

    def _show_fields(self) -> None:
        """Swap the previous kind's rows for this kind's, keeping what was typed in either."""
        for field in self.fields.values():
            self.form.removeRow(field)  # deletes the field and its label
        self.fields = {}
        kind = self.kind_value()
        row = 2  # after kind and name
        for spec in kind_form(kind).fields:
            edit = QLineEdit(self._typed.get((kind, spec.setting), ""))
            edit.setObjectName(f"setting-{spec.setting}")
            hint, label = tr(spec.hint), tr(spec.label)
            edit.setPlaceholderText(hint)
            edit.setToolTip(f"{spec.setting}: {hint}")
            edit.setAccessibleName(label)
            edit.setAccessibleDescription(
                self.tr("setting {setting}; {hint}").format(setting=spec.setting, hint=hint)
            )
            edit.textChanged.connect(
                lambda text, key=(kind, spec.setting): self._typed.__setitem__(key, text)
            )
            shown = QLabel(self.tr("{label}:").format(label=label))
            shown.setBuddy(edit)
            self.form.insertRow(row, shown, edit)
            row += 1
            self._enter.watch(edit)
            self.fields[spec.setting] = edit
        self._chosen = ChosenRows(self.form, kind_form(kind).fields, self.fields, self._chain)

    def focus_chain(self) -> list[QWidget]:
        shown = [e for setting, e in self.fields.items() if self._chosen.applies(setting)]
        return [self.kind, self.name, *shown, self.language, self.order]

    def _chain(self) -> None:
        chain = [*self.focus_chain(), self.add_button]
        set_tab_chain(chain)

    # -- reading and answering --------------------------------------------------------------

    def values(self) -> tuple[str, str, dict[str, str]]:
        """(kind, name, settings), settings with language and order and without empty fields."""
        settings = {
            k: e.text().strip()
            for k, e in self.fields.items()
            if e.text().strip() and self._chosen.applies(k)
        }
        settings["language"] = str(self.language.currentData())
        settings["order"] = str(self.order.currentData())
        return self.kind_value(), self.name.text().strip(), settings

    def set_busy(self, busy: bool) -> None:
        self.add_button.setText(self.tr("Adding…") if busy else self.tr("&Add channel"))

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Next to the form, each on its line; the keyboard goes to the first field at fault."""
        self.status.hide()
        tell(self.problems, "\n".join(f"• {localised(p)}" for p in problems), problem=True)
        target = self._field_for(problems[0]) if problems else self.name
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_for(self, problem: Problem) -> QWidget:
        named: dict[str, QWidget] = {
            "kind": self.kind,
            "name": self.name,
            "language": self.language,
            "order": self.order,
        }
        if problem.field in named:
            return named[problem.field]
        message = problem.message.lstrip()
        for setting, edit in self.fields.items():
            if message.startswith(setting):
                return edit
        return next(iter(self.fields.values()), self.name)

    def added(self, kind: str, name: str) -> None:
        """Ready for the next one: this kind stays chosen, its fields start empty."""
        self.problems.hide()
        if self.name.text().strip() == name:
            self.name.clear()
        for key in [key for key in self._typed if key[0] == kind]:
            del self._typed[key]
        if kind == self.kind_value():
            for edit in self.fields.values():
                edit.clear()
        tell(
            self.status,
            self.tr("Added the {kind} channel {name}; it is selected above.").format(
                kind=kind, name=name
            ),
        )
