"""Every colour the desk paints with, light and dark, and which scheme is in force (docs/VISUAL.md).

One table per scheme, read at the moment of painting: the delivery chips, the list's impact and
alarm cells, the silence alarm, the problems under the composer, the preview's counters and the
quiet grey of secondary text all take their colour from `colour()` / `chip_colours()`, never
from a hex of their own. The hues are Okabe & Ito's colour-blind-safe set (orange #E69F00, sky
blue #56B4E9, bluish green #009E73, blue #0072B2, vermillion #D55E00, reddish purple #CC79A7),
darkened for text on light backgrounds and lightened for dark ones until each pair reads at
4.5:1 or better (tests/gui/test_theme.py measures every pair). Colour is never the only signal:
each delivery state also has its glyph (`STATE_GLYPHS`) and its words.

The scheme follows the system's (Qt's colour scheme hint, `QStyleHints.colorScheme()` and its
`colorSchemeChanged`) unless the workspace setting `ui.theme` says light or dark. A change sets
the application's palette, and the widgets coloured here (the chips, `paint_text` labels) take
their colours again from the new table.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.core.model import DeliveryState, Impact


class Role(StrEnum):
    """A colour's job; `colour(role)` is its value in the scheme in force."""

    TEXT = "text"
    MUTED = "muted"  # secondary text: meta lines, "not sent to any channel", idle notes
    OK = "ok"  # sent, a promise kept
    INFO = "info"  # on its way
    WARNING = "warning"  # a promise near, a warning under the composer
    PROBLEM = "problem"  # an error: a field refused, a publish that failed
    ALARM = "alarm"  # overdue promise, a silent channel (bold, with ✗ or "overdue")
    IMPACT_NONE = "impact-none"
    IMPACT_MINOR = "impact-minor"
    IMPACT_MAJOR = "impact-major"
    IMPACT_CRITICAL = "impact-critical"
    INACTIVE = "inactive"  # a resolved incident's row


# The surfaces text is read on, per scheme: window (labels), base and alternate base (lists).
SURFACES = ("window", "base", "alternate-base")

LIGHT: dict[str, str] = {
    "window": "#efefef",
    "base": "#ffffff",
    "alternate-base": "#f5f5f5",
    Role.TEXT: "#1f2933",
    Role.MUTED: "#4b5563",
    Role.OK: "#00664a",  # bluish green, darkened
    Role.INFO: "#005a8f",  # blue
    Role.WARNING: "#7a5200",  # orange
    Role.PROBLEM: "#a12b00",  # vermillion
    Role.ALARM: "#a12b00",
    Role.IMPACT_NONE: "#4b5563",
    Role.IMPACT_MINOR: "#7a5200",
    Role.IMPACT_MAJOR: "#984000",
    Role.IMPACT_CRITICAL: "#a12b00",
    Role.INACTIVE: "#595f69",
}

DARK: dict[str, str] = {
    "window": "#2b2d30",
    "base": "#1e1f22",
    "alternate-base": "#26282b",
    Role.TEXT: "#e6e8eb",
    Role.MUTED: "#a9b1bb",
    Role.OK: "#5fd3a8",
    Role.INFO: "#8ccbf2",
    Role.WARNING: "#f0c05a",
    Role.PROBLEM: "#ff9e6b",
    Role.ALARM: "#ff9e6b",
    Role.IMPACT_NONE: "#a9b1bb",
    Role.IMPACT_MINOR: "#f0c05a",
    Role.IMPACT_MAJOR: "#f5a36a",
    Role.IMPACT_CRITICAL: "#ff9e6b",
    Role.INACTIVE: "#9aa1ab",
}

# (background, text) of each delivery state's chip. Light: a pale tint of the hue with its dark
# shade; dark: a deep shade with its light tint. The three that want a person differ by hue
# and glyph: failed (vermillion ✗), unknown (reddish purple ?), needs decision (vermillion !).
CHIPS: dict[str, dict[DeliveryState, tuple[str, str]]] = {
    "light": {
        DeliveryState.PENDING: ("#e6e9ee", "#2b3038"),
        DeliveryState.SENDING: ("#d8eaf8", "#004c7a"),
        DeliveryState.SENT: ("#d3f0e4", "#00583f"),
        DeliveryState.RETRY_WAIT: ("#fbeac4", "#664400"),
        DeliveryState.FAILED: ("#fbdccb", "#8a2900"),
        DeliveryState.UNKNOWN: ("#f4dcea", "#7a2d5a"),
        DeliveryState.NEEDS_DECISION: ("#ffd3bd", "#7a2400"),
        DeliveryState.SKIPPED: ("#eeeeee", "#555555"),
    },
    "dark": {
        DeliveryState.PENDING: ("#34383e", "#d5d9df"),
        DeliveryState.SENDING: ("#0d3552", "#a6d8f7"),
        DeliveryState.SENT: ("#0b3d2e", "#86e0c0"),
        DeliveryState.RETRY_WAIT: ("#483600", "#f6d582"),
        DeliveryState.FAILED: ("#4f1e04", "#ffb48c"),
        DeliveryState.UNKNOWN: ("#48203c", "#efb8d8"),
        DeliveryState.NEEDS_DECISION: ("#6a2500", "#ffd9c4"),
        DeliveryState.SKIPPED: ("#36383b", "#b9bcc0"),
    },
}

# The glyph painted at a chip's reading start: the state without its colour.
STATE_GLYPHS: dict[DeliveryState, str] = {
    DeliveryState.PENDING: "○",
    DeliveryState.SENDING: "↑",
    DeliveryState.SENT: "✓",
    DeliveryState.RETRY_WAIT: "↻",
    DeliveryState.FAILED: "✗",
    DeliveryState.UNKNOWN: "?",
    DeliveryState.NEEDS_DECISION: "!",
    DeliveryState.SKIPPED: "–",
}

# A channel kind's mark, where a channel is named (the composer's ticks): monochrome glyphs that
# DejaVu Sans and Noto Sans Symbols carry, drawn in the text colour.
KIND_GLYPHS: dict[str, str] = {
    "site": "⌂",
    "x": "X",
    "email": "✉",
    "statuspage": "◉",
    "webhook": "⇄",
    "mastodon": "M",
    "bluesky": "◆",
    "telegram": "➤",
}

IMPACT_ROLES: dict[Impact, Role] = {
    Impact.NONE: Role.IMPACT_NONE,
    Impact.MINOR: Role.IMPACT_MINOR,
    Impact.MAJOR: Role.IMPACT_MAJOR,
    Impact.CRITICAL: Role.IMPACT_CRITICAL,
}

SYSTEM, LIGHT_NAME, DARK_NAME = "system", "light", "dark"


class _Now:
    choice = SYSTEM  # ui.theme
    scheme = LIGHT_NAME  # in force
    following = False  # the system's changes are listened to
    light: QPalette | None = None  # the app's own palette, before any change here


_state = _Now()


def scheme() -> str:
    """ "light" or "dark": the scheme in force."""
    return _state.scheme


def table() -> dict[str, str]:
    return DARK if _state.scheme == DARK_NAME else LIGHT


def colour(role: str) -> str:
    """The colour of `role` in the scheme in force; a "#rrggbb" passes through as it is."""
    return role if role.startswith("#") else table()[role]


def chip_colours(state: DeliveryState) -> tuple[str, str]:
    """(background, text) of a delivery chip in the scheme in force."""
    return CHIPS[_state.scheme][state]


def impact_colour(impact: Impact) -> str:
    return colour(IMPACT_ROLES[impact])


def kind_glyph(kind: str) -> str:
    return KIND_GLYPHS.get(kind, "•")


def kind_icon(kind: str, widget: QWidget) -> QIcon:
    """A channel kind's mark as an icon the height of `widget`'s text, in the text colour of
    the scheme in force (made again by `recolour` on a change)."""
    side = widget.fontMetrics().height()
    ratio = max(1.0, widget.devicePixelRatioF())
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(widget.font())
    painter.setPen(QColor(colour(Role.TEXT)))
    painter.drawText(QRect(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, kind_glyph(kind))
    painter.end()
    return QIcon(pixmap)


# -- choosing the scheme ------------------------------------------------------------------------


def system_scheme() -> str:
    """What the desktop asks for (Qt 6.5+); light when it says nothing."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return LIGHT_NAME
    hinted = app.styleHints().colorScheme()
    return DARK_NAME if hinted == Qt.ColorScheme.Dark else LIGHT_NAME


def dark_palette() -> QPalette:
    colours = DARK
    palette = QPalette()
    group_roles = {
        QPalette.ColorRole.Window: colours["window"],
        QPalette.ColorRole.WindowText: colours[Role.TEXT],
        QPalette.ColorRole.Base: colours["base"],
        QPalette.ColorRole.AlternateBase: colours["alternate-base"],
        QPalette.ColorRole.Text: colours[Role.TEXT],
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: colours[Role.TEXT],
        QPalette.ColorRole.ToolTipBase: "#35373b",
        QPalette.ColorRole.ToolTipText: colours[Role.TEXT],
        QPalette.ColorRole.PlaceholderText: "#8d949e",
        QPalette.ColorRole.Highlight: "#2f6fa3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ccbf2",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#4a4d52",
        QPalette.ColorRole.Midlight: "#3d4044",
        QPalette.ColorRole.Mid: "#2a2c2f",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in group_roles.items():
        palette.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c828b"))
    return palette


def light_palette() -> QPalette:
    """The palette the app had before a scheme was put in force here (the platform's)."""
    kept = _state.light
    if kept is not None and luminance(kept.color(QPalette.ColorRole.Window).name()) > 0.4:
        return QPalette(kept)
    app = QApplication.instance()  # the desktop was dark when the app started: the style's own
    return app.style().standardPalette() if isinstance(app, QApplication) else QPalette()


def apply(choice: str) -> str:
    """Follow `choice` (ui.theme: system, light or dark) from now on; returns the scheme put in
    force. "system" follows the desktop's changes as they come."""
    choice = choice if choice in (SYSTEM, LIGHT_NAME, DARK_NAME) else SYSTEM
    _state.choice = choice
    app = QApplication.instance()
    if isinstance(app, QApplication) and _state.light is None:
        _state.light = QPalette(app.palette())
    if isinstance(app, QApplication) and not _state.following:
        app.styleHints().colorSchemeChanged.connect(_system_changed)
        _state.following = True
    return _put(system_scheme() if choice == SYSTEM else choice)


def _system_changed(_scheme: Qt.ColorScheme) -> None:
    if _state.choice == SYSTEM:
        _put(system_scheme())


def _put(wanted: str) -> str:
    app = QApplication.instance()
    changed = wanted != _state.scheme
    _state.scheme = wanted
    if isinstance(app, QApplication) and (changed or wanted == DARK_NAME):
        app.setPalette(dark_palette() if wanted == DARK_NAME else light_palette())
        if changed:  # here, in order, not left to each widget's palette-change event
            for widget in app.allWidgets():
                if isinstance(widget, Recolourable):
                    widget.recolour()
                else:
                    role = widget.property(ROLE_PROPERTY)
                    if isinstance(role, str):
                        _set_text_colour(widget, role)
    return wanted


class Recolourable:
    """A widget that paints with colours from here and takes them again on a scheme change."""

    def recolour(self) -> None:
        raise NotImplementedError


# -- secondary text in a label's palette (widgets/text.py muted) ----------------------------------

ROLE_PROPERTY = "statusdeskColourRole"


def paint_text(widget: QWidget, role: str) -> None:
    """`widget`'s text in `role`'s colour, now and after every scheme change. A palette, not a
    style sheet: a style sheet per label makes Qt re-style each one on its own."""
    _set_text_colour(widget, role)
    if not role.startswith("#"):
        widget.setProperty(ROLE_PROPERTY, role)  # `apply` paints it again on a change


def _set_text_colour(widget: QWidget, role: str) -> None:
    wanted = QColor(colour(role))
    palette = widget.palette()
    if palette.color(QPalette.ColorRole.WindowText) != wanted:
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        palette.setColor(QPalette.ColorRole.Text, wanted)
        widget.setPalette(palette)


# -- contrast (WCAG 2.x) --------------------------------------------------------------------------


def luminance(hex_colour: str) -> float:
    """Relative luminance of an sRGB colour, as WCAG 2.x defines it."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
