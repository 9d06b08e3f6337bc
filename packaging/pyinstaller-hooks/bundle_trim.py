"""What the bundle keeps of Qt's plugins and translations and of babel's locale data.

PyInstaller's Qt hooks collect every plugin of a module's plugin types (for QtGui: all platforms
including eglfs/vnc/linuxfb, every image format, the virtual keyboard, GTK's theme...), and each
plugin drags its own libraries in (the virtual keyboard alone brings QtQuick and QtQml, the PDF
image format QtPdf). The hooks in this folder replace PySide6's for QtCore, QtGui and QtNetwork:
they call PyInstaller's own collection, then drop what is not listed here *before* PyInstaller
follows the plugins' library dependencies, so nothing is left orphaned in the bundle.

The spec puts this folder on sys.path (hooks run in the build process); tests load it by path.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Plugin type -> plugin names kept (file name without "lib" and suffix); None keeps the whole type.
# A plugin type missing here is dropped entirely: eglfs and its device integrations, evdev input,
# print support, SQL drivers, TLS and network information (the app talks HTTP through requests,
# and QtNetwork only serves the single-instance QLocalServer), Wayland's GL buffer integrations
# (QtWidgets paints into shared memory).
KEEP_PLUGINS: dict[str, frozenset[str] | None] = {
    # xcb and wayland for Linux desktops, offscreen for the smoke test and CI, windows and cocoa
    # for the other two systems. (Qt 6 before 6.7 split wayland into generic and egl.)
    "platforms": frozenset(
        {"qxcb", "qwayland", "qwayland-generic", "qwayland-egl", "qoffscreen", "qwindows", "qcocoa"}
    ),
    # The icon is an SVG (QIcon goes through the svg icon engine); PNG and the rest of the
    # formats the app reads are built into QtGui.
    "iconengines": frozenset({"qsvgicon"}),
    "imageformats": frozenset({"qsvg"}),
    # Dead keys and the compose key (compose), and IBus, through which many people type Arabic.
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # Native file dialogs through the desktop portal: under Flatpak the only way to reach the
    # user's files for an export. GTK's theme plugin is left out: it links GTK itself.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Without them the xcb platform cannot hand out OpenGL contexts; tiny, and some styles and
    # screen readers ask for one.
    "xcbglintegrations": frozenset({"qxcb-egl-integration", "qxcb-glx-integration"}),
    # Wayland windows need a shell (xdg-shell everywhere today) and, on compositors without
    # server-side decorations (GNOME), a decoration plugin to get a title bar at all.
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient", "adwaita"}),
    # Native look on Windows (modern windows, vista) and macOS; Linux wheels ship none.
    "styles": None,
}

# Qt's own translations: only the languages the app speaks (standard buttons and dialogs).
KEEP_LANGUAGES = frozenset({"ar", "en"})
_QT_TRANSLATION = re.compile(r"^(qt|qtbase)_(?P<lang>[a-z]{2,3})(_[A-Z]{2})?\.qm$")
# babel's CLDR data: root (every locale's last parent) and the app's two languages with their
# regional variants; the other ~750 locales are 30 MB the app never reads.
_BABEL_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(_.*)?\.dat$")


def plugin_name(filename: str) -> str:
    """'libqxcb.so' -> 'qxcb', 'qwindows.dll' -> 'qwindows', 'libqcocoa.dylib' -> 'qcocoa'."""
    stem = PurePath(filename.replace("\\", "/")).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def plugin_type(dest_dir: str) -> str | None:
    """'PySide6/Qt/plugins/platforms' -> 'platforms'; None when it is not a plugin folder."""
    parts = PurePath(dest_dir.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    return "/".join(parts[parts.index("plugins") + 1 :]) or None


def keep_binary(src: str, dest_dir: str) -> bool:
    kind = plugin_type(dest_dir)
    if kind is None:
        return True  # Qt libraries themselves: what is linked is needed
    if kind not in KEEP_PLUGINS:
        return False
    names = KEEP_PLUGINS[kind]
    return names is None or plugin_name(src) in names


def keep_translation(src: str) -> bool:
    match = _QT_TRANSLATION.match(PurePath(src).name)
    return match is not None and match["lang"] in KEEP_LANGUAGES


def keep_babel_data(dest_name: str) -> bool:
    """For a PyInstaller datas entry named e.g. 'babel/locale-data/fr_CA.dat'."""
    path = PurePath(dest_name.replace("\\", "/"))
    if path.parent.as_posix() != "babel/locale-data":
        return True
    if path.name == "root.dat":
        return True
    match = _BABEL_LOCALE.match(path.name)
    return match is not None and match["lang"] in KEEP_LANGUAGES


def trimmed(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """PyInstaller's collection for the Qt module a hook file is named after, trimmed."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    binaries = [(src, dest) for src, dest in binaries if keep_binary(src, dest)]
    datas = [(src, dest) for src, dest in datas if not src.endswith(".qm") or keep_translation(src)]
    return hiddenimports, binaries, datas
