"""The keyboard tools of the desk (issue #6): the user's keymap and its window, the command
palette (Ctrl+K), templates inserted into both editors (Ctrl+T) and edited in their own window,
and the one-key fix of broken direction controls. One controller beside the main window, as
scheduling.py is for issue #5, so main_window.py stays about the desk itself.

Everything that reads or writes the workspace runs on the session's TaskRunner; the GUI thread
only builds and shows.
"""

from __future__ import annotations

import json
import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from statusdesk.app.draft_snapshot import DraftSnapshot
from statusdesk.gui.keys.actions import set_active_keymap, shown_key
from statusdesk.gui.keys.bindings import ARABIC_LABELS
from statusdesk.gui.keys.keymap import Keymap, SettingReader, load_keymap
from statusdesk.gui.keys.shortcuts import apply_keymap, claimed_sequences
from statusdesk.gui.widgets.reading import numerals

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from statusdesk.desk import Desk
    from statusdesk.gui.compose.composer import Composer
    from statusdesk.gui.incidents.incident_list import IncidentListModel, IncidentListView
    from statusdesk.gui.keys.actions import ShortcutClaim
    from statusdesk.gui.keys.keys_window import KeysWindow
    from statusdesk.gui.palette.palette import CommandPalette, PaletteItem
    from statusdesk.gui.runtime.tasks import TaskRunner
    from statusdesk.gui.templates.templates_window import TemplatesWindow
    from statusdesk.scheduling.templates import Filled, Template

log = logging.getLogger(__name__)

RECENT_SETTING = "palette.recent"  # the palette's most recent choices, a JSON list of item keys


class DeskTools(QObject):
    said = Signal(str)  # for the status bar
    # For the status bar too, about the draft of an incident (None: a new one) with
    # placeholders left to fill: the word goes once they are filled (issue #12 §6).
    said_placeholders_left = Signal(str, object)

    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        composer: Composer,
        incidents: IncidentListView,
        model: IncidentListModel,
        show_incident: Callable[[int], bool],
    ) -> None:
        """`window`: where the tools' windows open (and the Qt parent); `show_incident`
        makes an incident current, clearing a filter that hides it."""
        super().__init__(window)
        self._window = window
        self._desk = desk
        self._tasks = tasks
        self._composer = composer
        self._list = incidents
        self._model = model
        self._show_incident = show_incident
        self._actions: dict[str, QAction] = {}  # the window's, given at start
        self._claim: ShortcutClaim | None = None
        self._keys_window: KeysWindow | None = None  # built on first use
        self._palette: CommandPalette | None = None  # built on first Ctrl+K or Ctrl+T
        self._templates_window: TemplatesWindow | None = None  # built on first use
        self._recent: list[str] = []
        self.keymap = Keymap()
        self.templates: list[Template] = []  # read on the TaskRunner, for the palette
        self._closed = False

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "keys": self.show_keys,
            "palette": partial(self.show_palette, None),
            "insert-template": partial(self.show_palette, "template"),
            "templates": self.show_templates,
            "fix-direction": self.fix_direction,
            "export": self.export_timeline,
        }

    def start(self, actions: dict[str, QAction], claim: ShortcutClaim, kept: SettingReader) -> None:
        """`actions`, `claim`: the window's QActions by command and its shortcut claim, which
        the user's keys are applied to. `kept`: the settings as the launcher read them (or the
        desk), where the keys and the recent choices are; the templates (files) are read on the
        TaskRunner."""
        self._actions = actions
        self._claim = claim
        self.load_keys(kept)
        raw = kept.setting(RECENT_SETTING)
        try:
            recent = json.loads(raw) if raw else []
        except ValueError:
            recent = []
        self._recent = [str(key) for key in recent] if isinstance(recent, list) else []
        # The templates (and Jinja2 and babel under them, ~40 ms of imports) once the desk is
        # on screen: read meanwhile on a worker, they would hold the GIL against its building.
        from statusdesk.gui.desk.shell import when_painted

        when_painted(self._window, self.reload_templates)

    # -- keys ----------------------------------------------------------------------------------

    def load_keys(self, kept: SettingReader) -> None:
        """The user's keys over the defaults, once the actions exist, from `kept`: the settings
        the launcher read off the GUI thread (or the desk's)."""
        keymap, warnings = load_keymap(kept)
        self.use_keymap(keymap)
        for warning in warnings:
            self.said.emit(warning)

    def use_keymap(self, keymap: Keymap) -> None:
        self.keymap = keymap
        set_active_keymap(keymap)
        apply_keymap(self._actions, keymap)
        if self._claim is not None:
            self._claim.set_sequences(claimed_sequences(keymap))

    def show_keys(self) -> None:
        if self._keys_window is None:
            from statusdesk.gui.keys.keys_window import KeysWindow

            self._keys_window = KeysWindow(self._window, self._desk, self._tasks, self.keymap)
            self._keys_window.keymap_changed.connect(self._keys_saved)
        self._keys_window.open_over(QApplication.focusWidget())

    def _keys_saved(self, overrides: dict[str, object]) -> None:
        keymap, _warnings = Keymap.from_overrides(overrides)
        self.use_keymap(keymap)
        self.said.emit(self.tr("Keyboard shortcuts saved; the new keys work now."))

    # -- export (issue #7) ------------------------------------------------------------------------

    def export_timeline(self) -> None:
        """Ctrl+E: the current incident's timeline, in the format and zone chosen."""
        from statusdesk.gui.export.export_dialog import open_export_dialog

        window = self._window
        summary = self._model.summary(self._list.currentIndex().row())
        if summary is None:
            self.said.emit(self.tr("No incident to export: choose one in the list first (Ctrl+0)."))
            return
        incident = summary.incident
        title = incident.title.en or incident.title.ar
        dialog = open_export_dialog(window, self._desk, self._tasks, incident.id, title)
        exported = self.tr("Timeline exported to {path}")
        dialog.exported.connect(lambda path: self.said.emit(exported.format(path=path)))

    # -- direction controls ------------------------------------------------------------------

    def fix_direction(self) -> None:
        """Ctrl+Shift+F: the editor with the keyboard, or both bodies when neither has it."""
        from statusdesk.gui.widgets.bidi_highlight import apply_bidi_fix

        composer = self._composer
        bodies = (composer.body_en, composer.body_ar)
        focused = QApplication.focusWidget()
        editors = [focused] if focused in bodies else list(bodies)
        fixed = [editor for editor in editors if apply_bidi_fix(editor)]
        if fixed:
            if len(fixed) == 2:
                said = self.tr("Direction controls fixed in the English and Arabic text")
            elif fixed[0] is composer.body_en:
                said = self.tr("Direction controls fixed in the English text")
            else:
                said = self.tr("Direction controls fixed in the Arabic text")
            self.said.emit(said + self.tr(" (Ctrl+Z undoes it)."))
        else:
            self.said.emit(
                self.tr("No direction control to fix: every one is closed where it should be.")
            )

    # -- the palette ----------------------------------------------------------------------------

    @property
    def palette(self) -> CommandPalette:
        if self._palette is None:
            from statusdesk.gui.palette.palette import CommandPalette

            self._palette = CommandPalette(self._window, self._items, recent=self._recent)
            self._palette.recent_changed.connect(self._save_recent)
        return self._palette

    def show_palette(self, scope: str | None) -> None:
        """Ctrl+K: everything; Ctrl+T: the templates of the draft's kind."""
        self.palette.open_over(QApplication.focusWidget(), scope=scope)

    def _items(self) -> list[PaletteItem]:
        from statusdesk.gui.palette.palette import PaletteItem, without_mnemonic

        items: list[PaletteItem] = []
        for entry in self.keymap.effective_bindings():
            if entry.command == "palette":
                continue
            action = self._actions[entry.command]
            english = without_mnemonic(entry.label)
            shown = without_mnemonic(QCoreApplication.translate("Bindings", entry.label))
            items.append(
                PaletteItem(
                    "command",
                    f"command:{entry.command}",
                    shown,
                    # found by either language: the English name under an Arabic interface
                    ARABIC_LABELS.get(entry.command, "") if shown == english else english,
                    shown_key(entry.command, isolated=False) if entry.key else "",
                    action.trigger,
                )
            )
        kind = self._composer.kind_value()
        for template in self.templates:
            if template.kind is not kind:
                continue
            items.append(
                PaletteItem(
                    "template",
                    f"template:{template.name}",
                    f"{template.name} — {template.text.en[:60]}",
                    template.text.ar[:60],
                    template.state.value,
                    partial(self.insert_template, template),
                )
            )
        for summary in self._model.summaries():
            incident = summary.incident
            items.append(
                PaletteItem(
                    "incident",
                    f"incident:{incident.id}",
                    incident.title.en or incident.title.ar,
                    incident.title.ar,
                    incident.state.value,
                    partial(self._choose_incident, incident.id),
                )
            )
        for name in self._composer.channel_names():
            items.append(
                PaletteItem(
                    "channel",
                    f"channel:{name}",
                    self.tr("Tick or untick {channel} for this update").format(channel=name),
                    f"اختيار القناة {name} لهذا التحديث أو إلغاؤه",
                    name,
                    partial(self._toggle_channel, name),
                )
            )
        return items

    def _choose_incident(self, incident_id: int) -> None:
        """The incident becomes current (its page, and the composer on its draft)."""
        if not self._show_incident(incident_id):
            self.said.emit(self.tr("That incident is no longer in the list."))

    def _toggle_channel(self, name: str) -> None:
        box = self._composer.channel_checkbox(name)
        box.toggle()
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _save_recent(self) -> None:
        recent = list(self.palette.recent)
        self._recent = recent
        value = json.dumps(recent, ensure_ascii=False)
        self._tasks.run(
            lambda: self._desk.settings.set_setting(RECENT_SETTING, value),
            lambda _none: None,
            lambda error: log.warning("palette's recent items not saved: %s", error),
        )

    # -- templates -------------------------------------------------------------------------------

    def reload_templates(self) -> None:
        self._tasks.run(
            lambda: list(self._desk.templating.templates().values()),
            self._templates_read,
            self._no_templates,
        )

    def _templates_read(self, templates: list[Template]) -> None:
        self.templates = sorted(templates, key=lambda t: (t.kind.value, t.name))

    def _no_templates(self, error: BaseException) -> None:
        self.said.emit(self.tr("Templates could not be read: {error}").format(error=error))

    def show_templates(self) -> None:
        """Ctrl+Shift+T: the Templates window; what it saves is in the palette at once."""
        if self._templates_window is None:
            from statusdesk.gui.templates.templates_window import TemplatesWindow

            self._templates_window = TemplatesWindow(self._window, self._desk, self._tasks)
            self._templates_window.templates_changed.connect(self.reload_templates)
        self._templates_window.open_over(QApplication.focusWidget())

    def insert_template(self, template: Template) -> None:
        """Fill `template` for the draft's incident on the TaskRunner, then put it into both
        editors. Unfilled placeholders stay visible in the text (the checks block them)."""
        composer = self._composer
        snapshot = composer.snapshot()
        self._tasks.run(
            partial(self._compose, template.name, snapshot),
            partial(self._composed, template, snapshot.incident_id),
            lambda error: self.said.emit(
                self.tr("The template could not be filled: {error}").format(error=error)
            ),
        )

    def _compose(self, name: str, snapshot: DraftSnapshot) -> Filled:
        incident = (
            self._desk.views.incident(snapshot.incident_id)
            if snapshot.incident_id is not None
            else None
        )
        if incident is None:
            incident = self._desk.composing.provisional_incident(snapshot)
        return self._desk.templating.compose(
            name, incident, component_names=list(snapshot.component_names or snapshot.components)
        )

    def _composed(self, template: Template, incident_id: int | None, filled: Filled) -> None:
        composer = self._composer
        if self._closed or composer.target != incident_id:
            return  # the user moved to another incident meanwhile: not into that draft
        composer.insert_template(filled.body, template.state)
        unfilled = [p for p in filled.problems if p.field.startswith("body")]
        if unfilled:
            self.said_placeholders_left.emit(
                numerals(
                    self.tr(
                        "Template {name} inserted; %n placeholder(s) still to fill in (listed "
                        "under the editors).",
                        "",
                        len(unfilled),
                    )
                ).format(name=repr(template.name)),
                incident_id,
            )
        else:
            self.said.emit(
                self.tr("Template {name} inserted in English and Arabic.").format(
                    name=repr(template.name)
                )
            )

    def close(self) -> None:
        self._closed = True
        if self._keys_window is not None:
            self._keys_window.close()
        if self._palette is not None:
            self._palette.close()
        if self._templates_window is not None:
            self._templates_window.close()
