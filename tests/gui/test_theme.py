"""Light and dark (issue #16, docs/VISUAL.md): every colour the chips, counters and alarms paint
text with reads at WCAG 2.x contrast 4.5:1 or better on what it is painted on, in both schemes;
the scheme follows `ui.theme` (and the system's hint), and a change re-colours what is on
screen: the live delivery chips, the silence alarm's lines, secondary text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

from statusdesk import settings
from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk
from statusdesk.gui.widgets import theme
from statusdesk.gui.widgets.labels import IMPACT_COLOURS
from statusdesk.gui.widgets.theme import CHIPS, DARK, LIGHT, SURFACES, Role, contrast
from statusdesk.gui.wording.rhythm import LEVEL_COLOURS, STANDING_COLOURS
from tests.gui.conftest import WindowFactory

AA = 4.5
SCHEMES = {"light": LIGHT, "dark": DARK}


@pytest.fixture(autouse=True)
def _light_again() -> Iterator[None]:
    yield
    theme.apply("light")


def test_the_contrast_formula_is_wcag_s() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(DeliveryState))
def test_every_chip_reads_at_4_5_to_1(scheme: str, state: DeliveryState) -> None:
    background, text = CHIPS[scheme][state]
    assert contrast(background, text) >= AA, (scheme, state, background, text)


def text_roles() -> set[str]:
    """Every role text is painted in: the tables' and the widgets'."""
    used = set(IMPACT_COLOURS.values()) | set(LEVEL_COLOURS.values())
    used |= set(STANDING_COLOURS.values())
    return used | {str(role) for role in Role}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_reads_at_4_5_to_1_on_every_surface(scheme: str) -> None:
    colours = SCHEMES[scheme]
    weak = [
        (role, surface, round(contrast(colours[role], colours[surface]), 2))
        for role in sorted(text_roles())
        for surface in SURFACES
        if contrast(colours[role], colours[surface]) < AA
    ]
    assert weak == []


def test_the_states_a_person_must_act_on_differ_by_more_than_colour() -> None:
    glyphs = theme.STATE_GLYPHS
    assert len(set(glyphs.values())) == len(DeliveryState)  # one glyph per state
    for scheme in CHIPS.values():
        failed, unknown = scheme[DeliveryState.FAILED], scheme[DeliveryState.UNKNOWN]
        assert failed != unknown


def test_the_dark_palette_reads_too(qapp) -> None:  # type: ignore[no-untyped-def]
    palette = theme.dark_palette()
    for fore, back in (
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    ):
        ratio = contrast(palette.color(fore).name(), palette.color(back).name())
        assert ratio >= AA, (fore, back, ratio)


def test_switching_the_scheme_recolours_the_chips_on_screen(
    qtbot, launch: WindowFactory, active_incident: int, qapp
) -> None:  # type: ignore[no-untyped-def]
    window = launch()
    qtbot.waitUntil(lambda: bool(window.view.cards()) and bool(window.view.cards()[0].chips))
    [chip] = window.view.cards()[0].chips.values()
    qtbot.waitUntil(lambda: chip.state is DeliveryState.SENT)
    light_background, light_text = CHIPS["light"][DeliveryState.SENT]
    assert chip.background().name() == light_background
    assert chip.palette().color(QPalette.ColorRole.WindowText).name() == light_text
    rhythm = window.view.rhythm
    assert rhythm is not None

    theme.apply("dark")

    dark_background, dark_text = CHIPS["dark"][DeliveryState.SENT]
    assert theme.scheme() == "dark"
    assert chip.background().name() == dark_background
    assert chip.palette().color(QPalette.ColorRole.WindowText).name() == dark_text
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == DARK["window"]
    # The incident page's secondary text (a card's heading line) follows as well.
    card = window.view.cards()[0]
    meta = card.layout().itemAt(0).widget()
    assert meta.palette().color(QPalette.ColorRole.WindowText).name() == DARK[Role.MUTED]

    theme.apply("light")
    assert chip.background().name() == light_background
    assert meta.palette().color(QPalette.ColorRole.WindowText).name() == LIGHT[Role.MUTED]


def test_ui_theme_is_a_setting_the_window_applies(
    qtbot, launch: WindowFactory, home: Path, qapp
) -> None:  # type: ignore[no-untyped-def]
    spec = settings.setting(settings.THEME)
    assert spec.choices == ("system", "light", "dark")
    assert spec.default == "system"
    with Desk(home) as desk:
        desk.settings.set_workspace_setting(settings.THEME, "dark")
    launch()
    assert theme.scheme() == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Base).name() == DARK["base"]


def test_system_follows_the_desktops_hint(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The offscreen platform cannot change its hint; what the hint's signal does is checked."""
    from PySide6.QtCore import Qt

    theme.apply("system")
    assert theme.scheme() == "light"  # offscreen says nothing: light
    monkeypatch.setattr(theme, "system_scheme", lambda: "dark")
    theme._system_changed(Qt.ColorScheme.Dark)
    assert theme.scheme() == "dark"
    theme.apply("light")  # a choice made: the desktop's changes no longer count
    theme._system_changed(Qt.ColorScheme.Dark)
    assert theme.scheme() == "light"


def test_choosing_dark_in_the_settings_window_recolours_at_once(
    qtbot, launch: WindowFactory, home: Path, active_incident: int
) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.keys import press
    from tests.gui.test_settings_window import open_settings, tab_to

    window = launch()
    qtbot.waitUntil(lambda: bool(window.view.cards()) and bool(window.view.cards()[0].chips))
    [chip] = window.view.cards()[0].chips.values()
    qtbot.waitUntil(lambda: chip.state is DeliveryState.SENT)
    dialog = open_settings(qtbot, window)
    control = dialog.controls[settings.THEME]
    tab_to(qtbot, control)
    control.setCurrentIndex(control.findData("dark"))  # its words are translated
    press("Ctrl+S")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert theme.scheme() == "dark"
    assert chip.background().name() == CHIPS["dark"][DeliveryState.SENT][0]
    with Desk(home) as desk:
        assert desk.settings.workspace_setting(settings.THEME) == "dark"
