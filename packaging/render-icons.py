"""Render the app icon (resources/icons/statusdesk.svg) to the files desktops and bundles want.

    python packaging/render-icons.py

Writes, all committed (so a build needs neither this script nor Qt's SVG module to run first):
- resources/icons/hicolor/<n>x<n>/apps/<APP_ID>.png for the freedesktop icon theme sizes: menus,
  docks and software centres pick the nearest size instead of scaling the SVG themselves (some do
  not load SVG icons at all);
- packaging/icons/statusdesk.ico (Windows: the exe's icon) and statusdesk.icns (macOS: the .app's
  icon), both as PNG entries, which every Windows since Vista and every macOS since 10.7 reads.

Run it again after changing the SVG. It uses QtSvg from PySide6-Essentials, offscreen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

# Before Qt loads: rendering needs no display, so this runs on a server or in CI as well.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
APP_ID = "io.github.statusdesk.StatusDesk"
SOURCE = REPO / "resources" / "icons" / "statusdesk.svg"
HICOLOR = REPO / "resources" / "icons" / "hicolor"
BUNDLE_ICONS = REPO / "packaging" / "icons"
THEME_SIZES = (16, 32, 48, 64, 128, 256, 512)
# ICO entries store the size in one byte (0 means 256), so 256 is the largest it can hold.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's PNG-capable icns types and the pixel size each holds (the @2x ones are the Retina
# renditions of the smaller point size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size}px render as PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    blobs = b""
    offset = len(header) + 16 * len(pngs)
    for size, png in pngs.items():
        side = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render-icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    sizes = sorted({*THEME_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render(renderer, size) for size in sizes}
    for size in THEME_SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        print(target.relative_to(REPO))
    BUNDLE_ICONS.mkdir(parents=True, exist_ok=True)
    (BUNDLE_ICONS / "statusdesk.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (BUNDLE_ICONS / "statusdesk.icns").write_bytes(icns(pngs))
    print((BUNDLE_ICONS / "statusdesk.ico").relative_to(REPO))
    print((BUNDLE_ICONS / "statusdesk.icns").relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
