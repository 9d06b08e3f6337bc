"""The preview panel beside the composer: one tab per ticked channel, showing exactly what that
channel's `render` will send for the draft as it stands (issue #4, "Credentials and previews").

The panel renders nothing itself. The composer asks for a render after a pause in typing
(debounced, numbered by generation); the publish flow runs desk.previews.render_previews on
the TaskRunner and hands the result back, and a result for an older generation is dropped. The
panel also holds the custom post texts for X channels (the draft's `overrides`), so they stay
while a channel is unticked and ticked again; the composer keeps them per draft.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.preview_records import ChannelPreview
from statusdesk.core.model import Channel
from statusdesk.gui.compose.preview_pages import ChannelPage, XPage, page_for
from statusdesk.gui.i18n import localised

WARNING_SIGN = "⚠ "


class PreviewPanel(QWidget):
    custom_changed = Signal()  # a custom post text was edited
    pages_changed = Signal()  # tabs added, removed or switched: the Tab order follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName(self.tr("Channel previews"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(self.tr("Preview: what each channel sends"))
        self.heading.setObjectName("preview-heading")
        # Unwrapped, a label's whole text is its minimum width, and so the window's: at 200 %
        # a 1080p screen has 960 pixels for the list, the composer and this panel.
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.status = QLabel()
        self.status.setObjectName("preview-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.empty = QLabel(self.tr("No channel is ticked: nothing would be sent."))
        self.empty.setObjectName("preview-empty")
        self.empty.setWordWrap(True)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.empty)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("preview-tabs")
        self.tabs.setAccessibleName(self.tr("Channel previews"))
        # The tab bar is what takes the keyboard (the tab widget's focus proxy); its arrow
        # keys move between the tabs, so the scroll buttons need no Tab stop of their own (Qt
        # would put them last in the window, after the page).
        self.tabs.tabBar().setAccessibleName(self.tr("Channel previews"))
        for button in self.tabs.tabBar().findChildren(QToolButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.heading.setBuddy(self.tabs)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.pages_changed.emit())
        self._pages: dict[str, ChannelPage] = {}
        self._custom: dict[str, str] = {}  # by channel name; kept while a channel is unticked
        self._claim: QObject | None = None
        self._sync([])

    # -- channels and pages -----------------------------------------------------------------

    def set_channels(self, channels: Sequence[Channel], ticked: Sequence[str]) -> None:
        """A tab per ticked channel, in the composer's order. Pages of channels that stay
        ticked are kept (with their scroll position and focus); the others are dropped."""
        by_name = {c.name: c for c in channels}
        wanted = [(name, by_name[name].kind) for name in ticked if name in by_name]
        self._sync(wanted)

    def _sync(self, wanted: list[tuple[str, str]]) -> None:
        current = [(page.name, page.kind) for page in self.pages()]
        if current != wanted:
            keep = dict(wanted)
            for name, page in list(self._pages.items()):
                if keep.get(name) != page.kind:
                    del self._pages[name]
                    page.deleteLater()
            self.tabs.blockSignals(True)
            while self.tabs.count():
                self.tabs.removeTab(0)
            for name, kind in wanted:
                page = self._pages.get(name) or self._new_page(name, kind)
                self.tabs.addTab(page, name)
            self.tabs.blockSignals(False)
        self.tabs.setVisible(bool(wanted))
        self.empty.setVisible(not wanted)
        self.pages_changed.emit()

    def _new_page(self, name: str, kind: str) -> ChannelPage:
        page = page_for(name, kind)
        if isinstance(page, XPage):
            page.set_custom_text(self._custom.get(name, ""))
            page.custom_edited.connect(self._custom_edited)
        if self._claim is not None:
            page.set_key_filter(self._claim)
        self._pages[name] = page
        return page

    def pages(self) -> list[ChannelPage]:
        found = []
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            assert isinstance(page, ChannelPage)
            found.append(page)
        return found

    def page(self, name: str) -> ChannelPage:
        return self._pages[name]

    def show_page(self, name: str) -> None:
        self.tabs.setCurrentWidget(self._pages[name])

    # -- custom post texts ------------------------------------------------------------------

    def _custom_edited(self, name: str, text: str) -> None:
        if self._custom.get(name, "") == text:
            return
        self._custom[name] = text
        self.custom_changed.emit()

    def custom_texts(self) -> dict[str, str]:
        """Every custom text typed in this draft, ticked or not (for the composer's draft)."""
        return {name: text for name, text in self._custom.items() if text}

    def set_custom_texts(self, texts: dict[str, str]) -> None:
        """Another draft's texts (the composer moved to another incident)."""
        self._custom = dict(texts)
        for name, page in self._pages.items():
            if isinstance(page, XPage):
                page.set_custom_text(self._custom.get(name, ""))

    def overrides(self) -> dict[str, str]:
        """What publishing sends instead of the generated text: ticked X channels whose custom
        post is not blank."""
        return {
            page.name: page.custom_text()
            for page in self.pages()
            if isinstance(page, XPage) and page.custom_text().strip()
        }

    # -- results ----------------------------------------------------------------------------

    def set_pending(self, pending: bool) -> None:
        self.status.setText(self.tr("Updating…") if pending else "")

    def show_previews(self, previews: Sequence[ChannelPreview]) -> None:
        self.set_pending(False)
        for preview in previews:
            page = self._pages.get(preview.name)
            if page is None:
                continue  # unticked while it was rendered; the next render leaves it out
            page.show_preview(preview)
            index = self.tabs.indexOf(page)
            self.tabs.setTabText(index, (WARNING_SIGN if preview.error else "") + preview.name)
            self.tabs.setTabToolTip(index, localised(preview.error))

    # -- keyboard ---------------------------------------------------------------------------

    def set_key_filter(self, claim: QObject) -> None:
        """The window's ShortcutClaim, on every field here (pages made later included), so the
        app's keys keep working while the keyboard is in the preview."""
        self._claim = claim
        self.tabs.tabBar().installEventFilter(claim)
        for page in self._pages.values():
            page.set_key_filter(claim)

    def contains(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self or self.isAncestorOf(widget))

    def focus_panel(self) -> None:
        """Ctrl+P: bring the panel into view (a splitter may have folded it away) and put the
        keyboard on its tabs, or on the note when no channel is ticked."""
        self._unfold()
        if self.tabs.count():
            self.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.empty.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _unfold(self) -> None:
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter):
            return
        sizes = splitter.sizes()
        index = splitter.indexOf(self)
        if index < 0 or sizes[index] > 0:
            return
        share = max(sum(sizes) // 4, 240)
        widest = max(range(len(sizes)), key=lambda i: sizes[i])
        sizes[widest] = max(sizes[widest] - share, 0)
        sizes[index] = share
        splitter.setSizes(sizes)

    def focus_widgets(self) -> list[QWidget]:
        """The panel's stops for Tab, in reading order: the tabs, then the current page's."""
        page = self.tabs.currentWidget()
        inner = page.focus_widgets() if isinstance(page, ChannelPage) else []
        return [self.tabs, self.tabs.tabBar(), *inner]
