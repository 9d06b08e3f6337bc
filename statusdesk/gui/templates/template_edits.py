"""The Templates window's book-keeping: which template the editor shows, what each one is saved
as, and the edits not saved yet — of the one in the editor (the form holds them) and of the
others left meanwhile (kept here as drafts until saved, discarded or the window closed).

Widget-free apart from the form it reads and loads, so the window (templates_window.py) keeps
the widgets, the questions and the work on the TaskRunner, and asks this what changed."""

from __future__ import annotations

from collections.abc import Iterable

from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, translate
from statusdesk.gui.templates.template_form import BLANK, TemplateForm, Values
from statusdesk.scheduling.template_store import (
    CUSTOMISED,
    DEFAULT,
    WORKSPACE,
    Listed,
    is_default,
)
from statusdesk.scheduling.templates import Template

# Where a listed template comes from, as the list's Source column says it.
ORIGIN_WORDS = {
    "default": QT_TRANSLATE_NOOP("TemplateEdits", "default"),
    "customised": QT_TRANSLATE_NOOP("TemplateEdits", "customised"),
    "workspace": QT_TRANSLATE_NOOP("TemplateEdits", "workspace"),
}
NEW = ""  # the key of a template being written, not saved yet (no template has this name)


class TemplateEdits:
    def __init__(self, form: TemplateForm) -> None:
        self.form = form
        self.saved: dict[str, Listed] = {}
        self.drafts: dict[str, Values] = {}  # unsaved edits of templates not in the editor
        self.key: str | None = None  # what the editor holds; None before the first read
        self._loaded = BLANK  # what the editor held when it was loaded: the unedited state

    # -- what is edited -----------------------------------------------------------------------

    def original(self, key: str) -> Values:
        listed = self.saved.get(key)
        return Values.of(listed.template) if listed is not None else BLANK

    def dirty(self) -> bool:
        return self.key is not None and self.form.values() != self._loaded

    def dirty_key(self) -> list[str]:
        return [self.key] if self.key is not None and self.dirty() else []

    def has_unsaved(self) -> bool:
        return self.dirty() or bool(self.drafts)

    def unsaved_labels(self) -> list[str]:
        return sorted({self.label(k) for k in [*self.drafts, *self.dirty_key()]})

    def origin(self) -> str:
        """Where the template in the editor comes from; NEW for one not saved yet."""
        listed = self.saved.get(self.key) if self.key else None
        return listed.origin if listed is not None else NEW

    def first(self) -> str:
        return next(iter(self.saved), NEW)

    # -- the list's rows ----------------------------------------------------------------------

    def row_keys(self) -> list[str]:
        keys = list(self.saved)
        if self.key == NEW or NEW in self.drafts:
            keys.insert(0, NEW)
        return keys

    def _new_values(self) -> Values:
        return self.form.values() if self.key == NEW else self.drafts.get(NEW, BLANK)

    def label(self, key: str) -> str:
        if key != NEW:
            return key
        return self._new_values().name.strip() or translate("TemplateEdits", "the new template")

    def row(self, key: str) -> list[str]:
        if key == NEW:
            values = self._new_values()
            name = values.name.strip() or translate("TemplateEdits", "(new template)")
            unsaved = translate("TemplateEdits", "new, not saved")
            return [name, values.kind.value, values.state.value, unsaved]
        listed = self.saved[key]
        origin = ORIGIN_WORDS.get(listed.origin)
        source = listed.origin if origin is None else translate("TemplateEdits", origin)
        if key in self.drafts or (key == self.key and self.dirty()):
            source = translate("TemplateEdits", "{origin}, edited").format(origin=source)
        template = listed.template
        return [template.name, template.kind.value, template.state.value, source]

    # -- moving the editor --------------------------------------------------------------------

    def switch_to(self, key: str, *, stash: bool = True) -> None:
        """Show `key` in the editor; the edits of the one shown so far are kept for later."""
        if key == self.key:
            return
        if stash and self.key is not None:
            if self.dirty():
                self.drafts[self.key] = self.form.values()
            else:
                self.drafts.pop(self.key, None)
        self.form.clear_problems()
        self.load(key, self.drafts.pop(key, self.original(key)))

    def load(self, key: str, values: Values) -> None:
        # The key and the unedited state first: loading the form says `changed`, and the list
        # reads them to mark the row.
        self.key = key
        self._loaded = self.original(key)
        self.form.load(values)

    def discard_all(self) -> None:
        self.drafts.clear()
        if self.key is not None:
            self.load(self.key, self.original(self.key))

    def discard_new(self) -> None:
        if self.key == NEW:
            self.switch_to(self.first(), stash=False)
        self.drafts.pop(NEW, None)

    # -- what the workspace said --------------------------------------------------------------

    def read(self, templates: Iterable[Listed], select: str | None) -> None:
        """The templates as read now; the editor follows unless it holds edits."""
        was_clean = not self.dirty()
        before, self.saved = self.saved, {item.template.name: item for item in templates}
        for kept in [*self.drafts, *self.dirty_key()]:
            if kept in before and kept not in self.saved:
                # Gone from the files meanwhile (by hand): its row and edits stay until saved
                # (which writes it again) or discarded.
                self.saved[kept] = before[kept]
        key = self.key
        if select is not None and select in self.saved:
            self.switch_to(select)
        elif key is None or (key != NEW and key not in self.saved):
            self.switch_to(self.first(), stash=False)
        elif was_clean:
            self.load(key, self.original(key))  # changed on disk: show it as it is now

    def stored(self, key: str, sent: Values, renaming: str | None, stored: Template) -> None:
        """`sent` (the edits of `key`) was saved as `stored`; what was typed since stays."""
        name = stored.name
        self.saved[name] = Listed(stored, CUSTOMISED if is_default(name) else WORKSPACE)
        if renaming is not None:
            self.saved.pop(renaming, None)
        now = Values.of(stored)
        if self.key == key:  # the editor shows it still
            if self.form.values() == sent:
                self.load(name, now)
            else:
                self.key, self._loaded = name, now
        else:
            later = self.drafts.pop(key, sent)
            if later != sent:
                self.drafts[name] = later
        self.form.clear_problems()

    def removed(self, key: str, restored: Template | None) -> None:
        """`key` was deleted; `restored` is the default it falls back to, if it was one."""
        self.drafts.pop(key, None)
        if restored is not None:
            self.saved[key] = Listed(restored, DEFAULT)
            if self.key == key:
                self.load(key, Values.of(restored))
        else:
            self.saved.pop(key, None)
            if self.key == key:  # its edits go with it: the person chose to delete it
                self.switch_to(self.first(), stash=False)
        self.form.clear_problems()
