"""One page of the preview panel per channel kind: posts each with its own counter (X's weighted
characters and its custom post editor; Mastodon's characters, Telegram's UTF-16 units, Bluesky's
graphemes — whatever the channel's `budget` says), an email's subject and HTML, a Statuspage
body, a webhook's JSON, the status page's fragments.

User text only ever reaches the screen as plain text (QLabel and QPlainTextEdit in PlainText) or
inside HTML the channel escaped itself (the email and site templates autoescape), shown by a
browser that loads nothing: no remote images, no local files, no links followed.
"""

from __future__ import annotations

import re
from typing import ClassVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFontDatabase, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.preview_records import (
    MAX_POST_WEIGHT,
    ChannelPreview,
    Level,
    Mail,
    Post,
    level,
)
from statusdesk.core.text.bidi import is_rtl
from statusdesk.core.text.sanitize import normalize
from statusdesk.gui.compose.preview_words import (
    LEVEL_WORDS,
    NOUNS,
    UNITS,
    VARIANT_NAMES,
    thread_summary,
)
from statusdesk.gui.i18n import localised
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.reading import in_reading_order, numerals
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP
from statusdesk.gui.widgets.theme import Role, colour

translate = QCoreApplication.translate

# Colour roles (widgets/theme.py: light and dark); the words say the same.
COLOURS = {Level.OK: Role.OK, Level.NEAR: Role.WARNING, Level.OVER: Role.PROBLEM}
ERROR_COLOUR = Role.PROBLEM
# The custom post's counter is worked out as the user types up to this length (well under a
# millisecond for a post); a longer paste waits for the worker's render instead.
LIVE_COUNT_CHARS = 2_000


def _plain_label(name: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _pin_direction(label: QLabel, text: str) -> None:
    """Arabic reads from the right edge, English from the left, whatever the app's direction."""
    rtl = is_rtl(text)
    label.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)


class Counter(QLabel):
    """A post's count out of its limit ("212/500 characters", "260/280 weighted characters"):
    green, amber from about 93 % of the limit (260 of X's 280), red past it (said in words too,
    for whoever cannot tell the colours apart)."""

    def __init__(
        self, what: str, parent: QWidget | None = None, *, over: str = LEVEL_WORDS[Level.OVER]
    ) -> None:
        super().__init__(parent)
        self.what = what
        self.words = {**LEVEL_WORDS, Level.OVER: over}
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("weighted-counter")
        self.weight: int | None = None
        self.limit = MAX_POST_WEIGHT
        self.unit = ""
        self.level: Level | None = None

    def _paint(self) -> None:
        """The level's colour in the scheme in force (a few counters: a style sheet is cheap)."""
        if self.level is not None:
            self.setStyleSheet(f"color: {colour(COLOURS[self.level])}; font-weight: bold;")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._paint()
        super().changeEvent(event)

    def show_weight(
        self,
        weight: int | None,
        waiting: bool = False,
        *,
        limit: int = MAX_POST_WEIGHT,
        unit: str = "",
    ) -> None:
        self.weight, self.limit, self.unit = weight, limit, unit
        unit = translate("PreviewPages", UNITS[unit]) if unit in UNITS else unit
        if weight is None:
            self.level = None
            self.setText(translate("PreviewPages", "counting…") if waiting else "")
            self.setStyleSheet("")
            state = (
                translate("PreviewPages", "counting")
                if waiting
                else translate("PreviewPages", "empty")
            )
            self.setAccessibleName(f"{self.what}: {state}")
            return
        self.level = level(weight, limit)
        words = self.words[self.level]
        words = translate("PreviewPages", words) if words else ""
        counted = numerals(f"{weight}/{limit}") + (f" {unit}" if unit else "")
        self.setText(counted + (f" · {words}" if words else ""))
        self._paint()
        self.setProperty("level", self.level.value)
        self.setAccessibleName(
            f"{self.what}: "
            + numerals(
                translate("PreviewPages", "{weight} of {limit}").format(weight=weight, limit=limit)
            )
            + (f" {unit}" if unit else "")
            + (f", {words}" if words else "")
        )


class SafeBrowser(QTextBrowser):
    """Renders a channel's HTML and fetches nothing: no image, style sheet or link target is
    loaded from the network or the disk, and a click on a link goes nowhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Empty, not None: for a null answer QTextDocument reads a local file itself.
        return QByteArray()

    def show_html(self, html: str) -> None:
        bar = self.verticalScrollBar()
        kept = bar.value()
        self.setHtml(with_isolates(html))
        pin_rtl_blocks(self)
        bar.setValue(kept)


_BDI_OPEN = re.compile(r"<bdi(?:\s[^>]*)?>", re.IGNORECASE)
_BDI_CLOSE = re.compile(r"</bdi\s*>", re.IGNORECASE)


def with_isolates(html: str) -> str:
    """Qt's HTML knows no <bdi>; a browser isolates its content (the Latin runs — times, ids,
    URLs — inside Arabic). Unicode's first-strong isolate does the same in Qt, so the preview
    orders them as the mail client and the status page will. User text is escaped by the
    channel, so every "<bdi>" here is the channel's own markup."""
    return _BDI_CLOSE.sub("\u2069", _BDI_OPEN.sub("\u2068", html))


def pin_rtl_blocks(view: QTextBrowser) -> None:
    """A right-to-left block that the HTML aligns right (`text-align:right`) is mirrored to the
    left by Qt unless the side is absolute; pin it, so Arabic starts at the right edge."""
    document = view.document()
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            pinned = QTextBlockFormat()
            pinned.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            cursor = QTextCursor(block)
            cursor.mergeBlockFormat(pinned)
        block = block.next()
    document.setModified(False)


class ChannelPage(QWidget):
    """The common part: the channel's own message when it cannot render, or a note when there
    is nothing to render yet; subclasses fill `content`."""

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.kind = kind
        self.setObjectName(f"preview-{name}")
        self.setAccessibleName(translate("PreviewPages", "Preview for {name}").format(name=name))
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(4, 4, 4, 4)
        self.message = _plain_label("preview-message")
        self.message.setVisible(False)
        self.outer.addWidget(self.message)
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(self.content, 1)
        self.preview: ChannelPreview | None = None

    @property
    def error(self) -> str:
        return self.preview.error if self.preview is not None else ""

    def show_preview(self, preview: ChannelPreview) -> None:
        self.preview = preview
        text = localised(preview.error or preview.note)  # the app's words, translated
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour(ERROR_COLOUR)};" if preview.error else "")
        self.message.setAccessibleName(
            translate("PreviewPages", "{name} cannot render: {text}").format(
                name=self.name, text=text
            )
            if preview.error
            else text
        )
        self.message.setVisible(bool(text))
        self.content.setVisible(not text)
        if not text:
            self.fill(preview)

    def fill(self, preview: ChannelPreview) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """Its stops for Tab, in reading order."""
        return []

    def set_key_filter(self, claim: QObject) -> None:
        for widget in self.focus_widgets():
            widget.installEventFilter(claim)


# -- X ----------------------------------------------------------------------------------------


class PostView(QFrame):
    """One post: "Post 2 of 3", its own count ("212/500 characters"), and its text exactly as
    it goes out."""

    def __init__(self, parent: QWidget | None = None, noun: str = "Post") -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        self.heading = _plain_label("post-heading")
        self.noun = noun
        self.counter = Counter(noun)
        top.addWidget(self.heading, 1)
        top.addWidget(self.counter)
        layout.addLayout(top)
        self.text = _plain_label("post-text")
        layout.addWidget(self.text)

    def show_post(self, number: int, total: int, post: Post) -> None:
        noun = translate("PreviewPages", NOUNS.get(self.noun, self.noun))
        if total > 1:
            if self.noun == "Message":
                heading = translate("PreviewPages", "Message {number} of {total}")
            else:
                heading = translate("PreviewPages", "Post {number} of {total}")
            heading = numerals(heading.format(number=number, total=total))
        else:
            heading = noun
        self.heading.setText(heading)
        self.counter.what = heading
        self.counter.show_weight(post.used, limit=post.limit, unit=post.unit)
        self.text.setText(post.text)
        self.text.setAccessibleName(f"{heading}: {post.text}")
        _pin_direction(self.text, post.text)


class CustomPostEdit(QPlainTextEdit):
    """The custom post for one X channel: each paragraph takes its own direction from its
    text, so an Arabic post reads from the right and an English one from the left."""

    def __init__(self, channel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"custom-post-{channel}")
        self.setAccessibleName(
            translate("PreviewPages", "Custom post for {channel}").format(channel=channel)
        )
        self.setPlaceholderText(
            translate(
                "PreviewPages",
                "Empty: {channel} posts what the update says. Text here replaces it on {channel} "
                "for this update.",
            ).format(channel=channel)
        )
        self.setTabChangesFocus(True)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        self.document().setDefaultTextOption(option)
        self.setMaximumHeight(96)


# -- email ------------------------------------------------------------------------------------


class EmailPage(ChannelPage):
    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(name, kind, parent)
        form = QFormLayout()
        self.variant = QComboBox()
        self.variant.setObjectName("email-variant")
        self.variant.setAccessibleName(
            translate("PreviewPages", "Which copy of the {name} email").format(name=name)
        )
        self.variant_label = QLabel(translate("PreviewPages", "Copy for"))
        self.variant_label.setBuddy(self.variant)
        form.addRow(self.variant_label, self.variant)
        self.variant.setVisible(False)  # shown when subscribers get different copies
        self.variant_label.setVisible(False)
        self.recipients = _plain_label("email-recipients")
        form.addRow(translate("PreviewPages", "To"), self.recipients)
        self.subject = _plain_label("email-subject")
        self.subject.setAccessibleName(translate("PreviewPages", "Subject"))
        form.addRow(translate("PreviewPages", "Subject"), self.subject)
        self.body.addLayout(form)
        self.browser = SafeBrowser()
        self.browser.setObjectName("email-html")
        self.browser.setAccessibleName(
            translate("PreviewPages", "The {name} email as HTML").format(name=name)
        )
        self.body.addWidget(self.browser, 1)
        self.mails: tuple[Mail, ...] = ()
        self.variant.currentIndexChanged.connect(self._show_variant)

    def fill(self, preview: ChannelPreview) -> None:
        self.mails = in_reading_order(preview.mails, lambda mail: mail.variant)
        chosen = self.variant.currentData()
        self.variant.blockSignals(True)
        self.variant.clear()
        for mail in preview.mails:
            known = VARIANT_NAMES.get(mail.variant)
            said = translate("PreviewPages", known) if known else f"{mail.variant} readers"
            self.variant.addItem(said, mail.variant)
        index = self.variant.findData(chosen)
        self.variant.setCurrentIndex(max(index, 0))
        self.variant.blockSignals(False)
        several = len(preview.mails) > 1
        self.variant.setVisible(several)
        self.variant_label.setVisible(several)
        count = preview.recipients or 0
        self.recipients.setText(
            counted(QCoreApplication.translate("PreviewPages", "%n recipient(s)", "", count), count)
            if count
            else translate("PreviewPages", "nobody yet (no subscribers, no recipients setting)")
        )
        self._show_variant()

    def _show_variant(self) -> None:
        index = self.variant.currentIndex()
        if not 0 <= index < len(self.mails):
            self.subject.setText("")
            self.browser.clear()
            return
        mail = self.mails[index]
        self.subject.setText(mail.subject)
        self.browser.show_html(mail.html)

    def focus_widgets(self) -> list[QWidget]:
        return [self.variant, self.browser]


# -- plain text and HTML ------------------------------------------------------------------------


class TextPage(ChannelPage):
    """A Statuspage body, a webhook's JSON, or any other channel's plain text, shown left to
    right as those services show it (Arabic lines carry their own isolates)."""

    CAPTIONS: ClassVar[dict[str, str]] = {
        "statuspage": QT_TRANSLATE_NOOP("PreviewPages", "The incident update body on Statuspage"),
        "webhook": QT_TRANSLATE_NOOP("PreviewPages", "The JSON body of the POST"),
    }

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(name, kind, parent)
        caption = self.CAPTIONS.get(kind)
        self.caption = QLabel(
            translate("PreviewPages", caption)
            if caption
            else translate("PreviewPages", "What {name} sends").format(name=name)
        )
        self.caption.setWordWrap(True)  # unwrapped, its whole text is the window's minimum width
        self.text = QPlainTextEdit()
        self.text.setObjectName("preview-text")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(f"{self.caption.text()} ({name})")
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if kind == "webhook":
            self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.caption.setBuddy(self.text)
        self.body.addWidget(self.caption)
        self.body.addWidget(self.text, 1)

    def fill(self, preview: ChannelPreview) -> None:
        text = preview.text or "\n\n".join(fragment for _lang, fragment in preview.html)
        if text != self.text.toPlainText():
            self.text.setPlainText(text)

    def focus_widgets(self) -> list[QWidget]:
        return [self.text]


class PostsPage(TextPage):
    """A posting channel's posts (Mastodon, Telegram, Bluesky, any kind the table below does not
    name): each with its own counter, from the channel's `budget`. A kind that renders no posts
    shows its text as TextPage does."""

    NOUNS: ClassVar[dict[str, str]] = {"telegram": "Message"}

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(name, kind, parent)
        self.noun = self.NOUNS.get(kind, "Post")
        self.summary = _plain_label("posts-summary")
        self.body.insertWidget(0, self.summary)
        self.post_area = QScrollArea()
        self.post_area.setObjectName("posts")
        if self.noun == "Message":
            posts_on = translate("PreviewPages", "Messages on {name}")
        else:
            posts_on = translate("PreviewPages", "Posts on {name}")
        self.post_area.setAccessibleName(posts_on.format(name=name))
        self.post_area.setWidgetResizable(True)
        self.post_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows scroll the thread
        holder = QWidget()
        self.post_list = QVBoxLayout(holder)
        self.post_list.setContentsMargins(0, 0, 0, 0)
        self.post_list.addStretch(1)
        self.post_area.setWidget(holder)
        self.body.insertWidget(1, self.post_area, 1)
        self.post_views: list[PostView] = []
        self._show_posts(True)

    def _show_posts(self, posts: bool) -> None:
        self.summary.setVisible(posts)
        self.post_area.setVisible(posts)
        self.caption.setVisible(not posts)
        self.text.setVisible(not posts)

    def posts(self) -> list[PostView]:
        return [view for view in self.post_views if not view.isHidden()]

    def fill(self, preview: ChannelPreview) -> None:
        posts = preview.posts
        if not posts and (preview.text or preview.html):
            self._show_posts(False)
            super().fill(preview)
            return
        self._show_posts(True)
        while len(self.post_views) < len(posts):
            view = PostView(noun=self.noun)
            self.post_list.insertWidget(len(self.post_views), view)
            self.post_views.append(view)
        for number, (view, post) in enumerate(zip(self.post_views, posts, strict=False), 1):
            view.show_post(number, len(posts), post)
            view.setVisible(True)
        for view in self.post_views[len(posts) :]:
            view.setVisible(False)
        self.summary.setText(thread_summary(self.noun, len(posts), custom=preview.custom))

    def focus_widgets(self) -> list[QWidget]:
        return [self.post_area] if self.post_area.isVisibleTo(self) else [self.text]


# -- X ------------------------------------------------------------------------------------------


class XPage(PostsPage):
    custom_edited = Signal(str, str)  # channel name, text

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(name, kind, parent)
        # Outside `content`: it stays when the channel cannot render, so the text can be fixed.
        row = QHBoxLayout()
        custom = translate("PreviewPages", "Custom post for {channel}").format(channel=name)
        self.custom_label = QLabel(custom)
        self.custom_label.setWordWrap(True)  # a long channel name must not widen the window
        self.custom = CustomPostEdit(name)
        self.custom_label.setBuddy(self.custom)
        # A custom text past 280 is split like any other (or refused, with split=off: the
        # channel's message says so above); the counter says how far past one post it goes.
        self.custom_counter = Counter(custom, over=translate("PreviewPages", "more than one post"))
        row.addWidget(self.custom_label, 1)
        row.addWidget(self.custom_counter)
        self.outer.addLayout(row)
        self.outer.addWidget(self.custom)
        self.custom.textChanged.connect(self._custom_changed)

    def custom_text(self) -> str:
        return self.custom.toPlainText()

    def set_custom_text(self, text: str) -> None:
        if text != self.custom.toPlainText():
            self.custom.setPlainText(text)

    def _custom_changed(self) -> None:
        text = self.custom.toPlainText()
        cleaned = normalize(text).strip()
        if not cleaned:
            self.custom_counter.show_weight(None)
        elif len(cleaned) <= LIVE_COUNT_CHARS:
            from statusdesk.core.text.weighted import weighted_length  # not at start-up

            self.custom_counter.show_weight(weighted_length(cleaned))
        else:
            self.custom_counter.show_weight(None, waiting=True)
        self.custom_edited.emit(self.name, text)

    def fill(self, preview: ChannelPreview) -> None:
        super().fill(preview)
        if preview.custom_weight is not None and self.custom.toPlainText().strip():
            self.custom_counter.show_weight(preview.custom_weight)

    def show_preview(self, preview: ChannelPreview) -> None:
        super().show_preview(preview)
        if preview.error and preview.custom and preview.custom_weight is not None:
            self.custom_counter.show_weight(preview.custom_weight)

    def focus_widgets(self) -> list[QWidget]:
        return [self.post_area, self.custom]


class HtmlPage(ChannelPage):
    """The status page's fragments, rendered (each carries its own `lang` and `dir`)."""

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(name, kind, parent)
        caption = QLabel(translate("PreviewPages", "The update on the status page"))
        caption.setWordWrap(True)  # unwrapped, its whole text is the window's minimum width
        self.browser = SafeBrowser()
        self.browser.setObjectName("preview-html")
        self.browser.setAccessibleName(
            translate("PreviewPages", "The update on {name}").format(name=name)
        )
        caption.setBuddy(self.browser)
        self.body.addWidget(caption)
        self.body.addWidget(self.browser, 1)

    def fill(self, preview: ChannelPreview) -> None:
        fragments = in_reading_order(preview.html, lambda fragment: fragment[0])
        self.browser.show_html("\n".join(fragment for _lang, fragment in fragments))

    def focus_widgets(self) -> list[QWidget]:
        return [self.browser]


PAGES: dict[str, type[ChannelPage]] = {
    "x": XPage,
    "email": EmailPage,
    "site": HtmlPage,
    "statuspage": TextPage,
    "webhook": TextPage,
}


def page_for(name: str, kind: str) -> ChannelPage:
    """Any other kind is a posting channel's (its posts and counters) or shows its text."""
    return PAGES.get(kind, PostsPage)(name, kind)
