"""packaging/: the desktop file, the AppStream metadata, the icons, the PyInstaller spec's lists,
the Flatpak manifest and the systemd unit are checked as a desktop and a software centre would
read them (desktop-file-validate, appstreamcli, systemd-analyze: Debian's desktop-file-utils,
appstream, systemd), and against the code they describe. The bundle itself is built and run by
tests/e2e/test_bundle.py."""

from __future__ import annotations

import ast
import configparser
import importlib.machinery
import importlib.util
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from statusdesk.channels import http
from statusdesk.channels.email import smtp
from tests.conftest import need_executable

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
APP_ID = "io.github.statusdesk.StatusDesk"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
FLATPAK = PACKAGING / f"{APP_ID}.yml"
SPEC = PACKAGING / "statusdesk.spec"
UNIT = PACKAGING / "statusdesk-run.service"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
ARABIC = re.compile(r"[\u0600-\u06ff]")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def spec_literal(name: str) -> Any:
    """A top-level assignment of the spec, read without running PyInstaller."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} has no top-level {name} = <literal>")


def locate(module: str) -> importlib.machinery.ModuleSpec | None:
    """importlib.util.find_spec, except that PySide6's modules are found without importing the
    PySide6 package (which would load Qt into the unit tests)."""
    if module.split(".")[0] != "PySide6":
        return importlib.util.find_spec(module)
    parts = module.split(".")
    spec = importlib.machinery.PathFinder.find_spec(parts[0])
    for depth in range(1, len(parts)):
        if spec is None or not spec.submodule_search_locations:
            return None
        spec = importlib.machinery.PathFinder.find_spec(
            ".".join(parts[: depth + 1]), list(spec.submodule_search_locations)
        )
    return spec


def bundle_trim() -> ModuleType:
    path = PACKAGING / "pyinstaller-hooks" / "bundle_trim.py"
    spec = importlib.util.spec_from_file_location("bundle_trim", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- one app id everywhere ----------------------------------------------------------------------


def test_one_app_id_names_the_desktop_file_metainfo_flatpak_and_icons() -> None:
    assert DESKTOP.is_file() and METAINFO.is_file() and FLATPAK.is_file()
    assert desktop_entry()["Icon"] == APP_ID
    assert ET.parse(METAINFO).getroot().findtext("id") == APP_ID
    assert re.findall(r"^app-id: (\S+)$", FLATPAK.read_text(encoding="utf-8"), re.M) == [APP_ID]
    assert spec_literal("APP_ID") == APP_ID
    render = (PACKAGING / "render-icons.py").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in render


def test_the_app_tells_qt_its_desktop_file_name() -> None:
    source = (REPO / "statusdesk" / "gui" / "launch" / "app.py").read_text(encoding="utf-8")
    assert re.findall(r"setDesktopFileName\(\s*\"([^\"]+)\"", source) == [APP_ID]


# --- the desktop file ---------------------------------------------------------------------------


def test_desktop_file_validates() -> None:
    tool = need_executable("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    # Hints and warnings come out with exit status 0; the file should draw none.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_desktop_file_speaks_arabic() -> None:
    entry = desktop_entry()
    assert entry["Name[ar]"], "an Arabic menu needs a name"
    for key in ("GenericName[ar]", "Comment[ar]", "Keywords[ar]"):
        assert ARABIC.search(entry[key]), f"{key} is not in Arabic: {entry[key]!r}"
    assert entry["Exec"].split()[0] in pyproject()["project"]["scripts"]
    assert entry["Keywords[ar]"].endswith(";") and entry["Keywords"].endswith(";")


# --- the AppStream metadata ---------------------------------------------------------------------


def test_metainfo_validates(tmp_path: Path) -> None:
    tool = need_executable("appstreamcli", "appstream")
    done = subprocess.run(
        [tool, "validate", "--no-net", "--strict", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # As installed, next to the desktop file and the icons: the launchable must resolve.
    root = tmp_path / "usr" / "share"
    (root / "applications").mkdir(parents=True)
    (root / "metainfo").mkdir()
    shutil.copy(DESKTOP, root / "applications")
    shutil.copy(METAINFO, root / "metainfo")
    for size in ICON_SIZES:
        theme = Path("icons", "hicolor", f"{size}x{size}", "apps")
        (root / theme).mkdir(parents=True)
        shutil.copy(REPO / "resources" / theme / f"{APP_ID}.png", root / theme)
    done = subprocess.run(
        [tool, "validate-tree", "--no-net", "--strict", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_is_bilingual_and_matches_the_project() -> None:
    component = ET.parse(METAINFO).getroot()
    for tag in ("name", "summary"):
        translated = [e for e in component.findall(tag) if e.get(XML_LANG) == "ar"]
        assert len(translated) == 1, f"one <{tag} xml:lang='ar'>"
    assert ARABIC.search(
        next(e.text or "" for e in component.findall("summary") if e.get(XML_LANG) == "ar")
    )
    assert any(p.get(XML_LANG) == "ar" for p in component.iterfind("description/p"))
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    scripts = pyproject()["project"]["scripts"]
    assert component.findtext("provides/binary") in scripts
    # A version bump needs its release notes here, or software centres show stale ones.
    version = pyproject()["project"]["version"]
    releases = [r.get("version") for r in component.iterfind("releases/release")]
    assert releases[0] == version, f"the newest <release> should be {version}"
    assert component.find("content_rating") is not None


def test_metainfo_screenshots_are_the_repository_s_own() -> None:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert images, "software centres want at least one screenshot"
    for image in images:
        url = image.text or ""
        assert url.startswith("https://"), url
        name = url.rsplit("/resources/screenshots/", 1)[-1]
        local = REPO / "resources" / "screenshots" / name
        assert local.is_file(), f"{url} is not a screenshot of this repository"
        declared = (int(image.get("width", "0")), int(image.get("height", "0")))
        assert png_size(local.read_bytes()) == declared, url


# --- icons --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_theme_icon_has_its_size(size: int) -> None:
    path = REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path.read_bytes()) == (size, size)


def test_windows_icon_holds_pngs_of_the_sizes_it_claims() -> None:
    data = (PACKAGING / "icons" / "statusdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        entry = data[6 + 16 * index : 22 + 16 * index]
        width, height, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", entry)
        side = width or 256  # 0 means 256
        assert png_size(data[offset : offset + length]) == (side, height or 256)
        sizes.append(side)
    assert {16, 32, 48, 256} <= set(sizes)  # what Explorer, the taskbar and Alt+Tab use


def test_macos_icon_holds_pngs_of_the_sizes_its_types_mean() -> None:
    data = (PACKAGING / "icons" / "statusdesk.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    meaning = {b"icp4": 16, b"icp5": 32, b"ic11": 32, b"icp6": 64, b"ic12": 64, b"ic07": 128,
               b"ic08": 256, b"ic13": 256, b"ic09": 512, b"ic14": 512, b"ic10": 1024}  # fmt: skip
    found = {}
    offset = 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        found[kind] = png_size(data[offset + 8 : offset + length])
        offset += length
    assert found == {kind: (side, side) for kind, side in meaning.items()}


# --- the PyInstaller spec -----------------------------------------------------------------------


def test_spec_hidden_imports_name_real_modules() -> None:
    names = [*spec_literal("HIDDEN_IMPORTS"), *spec_literal("PLATFORM_HIDDEN_IMPORTS")["linux"]]
    for required in ("keyring.backends.SecretService", "keyring.backends.macOS",
                     "keyring.backends.Windows", "jeepney", "secretstorage"):  # fmt: skip
        assert required in names
    missing = [name for name in names if locate(name) is None]
    assert missing == []


def test_spec_excludes_no_module_the_app_imports() -> None:
    excluded = set(spec_literal("EXCLUDES"))
    used = set()
    for path in (REPO / "statusdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                used.add(node.module)
            elif isinstance(node, ast.Import):
                used.update(alias.name for alias in node.names)
    assert excluded & used == set()


def test_bundle_keeps_the_qt_plugins_the_app_needs_and_drops_the_rest() -> None:
    trim = bundle_trim()
    linux = "PySide6/Qt/plugins/"
    kept = [
        ("libqxcb.so", "platforms"),
        ("libqwayland.so", "platforms"),
        ("libqoffscreen.so", "platforms"),
        ("libqsvgicon.so", "iconengines"),
        ("libqsvg.so", "imageformats"),
        ("libxdg-shell.so", "wayland-shell-integration"),
        ("libibusplatforminputcontextplugin.so", "platforminputcontexts"),
    ]
    dropped = [
        ("libqvnc.so", "platforms"),
        ("libqeglfs.so", "platforms"),
        ("libqtvirtualkeyboardplugin.so", "platforminputcontexts"),  # drags QtQuick in
        ("libqpdf.so", "imageformats"),  # drags QtPdf in
        ("libqgtk3.so", "platformthemes"),
        ("libqsqlpsql.so", "sqldrivers"),
        ("libqopensslbackend.so", "tls"),
    ]
    for name, kind in kept:
        assert trim.keep_binary(f"/site/{linux}{kind}/{name}", linux + kind), name
    for name, kind in dropped:
        assert not trim.keep_binary(f"/site/{linux}{kind}/{name}", linux + kind), name
    assert trim.keep_binary(
        "C:\\PySide6\\plugins\\platforms\\qwindows.dll", "PySide6\\plugins\\platforms"
    )
    assert trim.keep_binary("/x/libqcocoa.dylib", "PySide6/Qt/plugins/platforms")
    assert trim.keep_binary("/x/libQt6Gui.so.6", "PySide6/Qt/lib")  # libraries are not plugins
    translations = ("qtbase_ar.qm", "qt_en.qm", "qtbase_fr.qm", "qt_help_ar.qm")
    assert [trim.keep_translation(n) for n in translations] == [True, True, False, False]
    kept_locales = ["root", "ar", "ar_SA", "ar_EG", "en", "en_GB", "en_150"]
    for stem in kept_locales:
        assert trim.keep_babel_data(f"babel/locale-data/{stem}.dat"), stem
    for stem in ("fr", "fa_IR", "arn", "eo"):
        assert not trim.keep_babel_data(f"babel/locale-data/{stem}.dat"), stem
    assert trim.keep_babel_data("babel/global.dat")


def test_the_kept_linux_plugins_exist_in_the_installed_qt() -> None:
    """A Qt upgrade that renames a plugin (as 6.7 did with wayland) would silently drop it."""
    pyside = locate("PySide6")
    assert pyside is not None and pyside.submodule_search_locations
    plugins = Path(next(iter(pyside.submodule_search_locations))) / "Qt" / "plugins"
    trim = bundle_trim()
    wanted = {
        "platforms": {"qxcb", "qwayland", "qoffscreen"},
        "iconengines": {"qsvgicon"},
        "imageformats": {"qsvg"},
        "wayland-shell-integration": {"xdg-shell"},
        "platforminputcontexts": {"composeplatforminputcontextplugin"},
    }
    for kind, names in wanted.items():
        present = {trim.plugin_name(p.name) for p in (plugins / kind).glob("*.so")}
        assert names <= present, f"{kind}: {names - present} not in {plugins / kind}"
        assert names <= trim.KEEP_PLUGINS[kind]


# --- the Flatpak manifest -----------------------------------------------------------------------


def finish_args() -> list[tuple[str, str]]:
    """(permission, the line above it) for each finish-arg."""
    lines = FLATPAK.read_text(encoding="utf-8").splitlines()
    start = lines.index("finish-args:") + 1
    found = []
    for above, line in zip(lines[start - 1 :], lines[start:], strict=False):
        if not line.startswith("  "):
            break
        if line.strip().startswith("- "):
            found.append((line.strip()[2:], above.strip()))
    return found


def test_flatpak_names_and_explains_its_permissions() -> None:
    args = finish_args()
    permissions = {arg for arg, _ in args}
    assert {
        "--share=network",
        "--socket=wayland",
        "--socket=fallback-x11",
        "--share=ipc",
        "--talk-name=org.freedesktop.secrets",
    } <= permissions
    assert not any(arg.startswith(("--filesystem=host", "--socket=x11")) for arg in permissions)
    for arg, above in args:
        assert above.startswith("# "), f"{arg} has no comment right above it saying why"


def test_flatpak_installs_files_that_exist() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    paths = set(re.findall(r"\b((?:packaging|resources)/[\w./${}-]+)", text))
    assert paths
    for path in paths:
        for size in ICON_SIZES:
            assert (REPO / path.replace("${size}", str(size))).is_file(), path


# --- the systemd user unit ----------------------------------------------------------------------


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def test_runner_unit_restarts_and_lets_attempts_finish() -> None:
    service = unit()["Service"]
    assert service["ExecStart"].split()[-1] == "run"
    assert service["Restart"] == "on-failure"
    assert service["KillSignal"] == "SIGTERM"  # the runner finishes in-flight attempts on it
    slowest_request = max(http.CONNECT_TIMEOUT + http.READ_TIMEOUT, smtp.TIMEOUT)
    assert int(service["TimeoutStopSec"]) >= 3 * slowest_request


def test_runner_unit_verifies(tmp_path: Path) -> None:
    tool = need_executable("systemd-analyze", "systemd")
    # %h/.local/bin/statusdesk must exist and be executable for verify to pass: a stand-in.
    home = tmp_path / "home"
    stand_in = home / ".local" / "bin" / "statusdesk"
    stand_in.parent.mkdir(parents=True)
    stand_in.write_text("#!/bin/sh\nexit 0\n")
    stand_in.chmod(0o755)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    done = subprocess.run(
        [tool, "verify", "--user", str(UNIT)],
        capture_output=True,
        text=True,
        env={"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin"},
    )
    # Bad values are only warned about (exit status 0), so any output is a failure.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")
