"""The one build step pyproject.toml cannot say: the interface's translations.

`build_py` compiles every `statusdesk/gui/i18n/ts/*.ts` into `statusdesk/gui/i18n/qm/*.qm` with
Qt's lrelease (it ships with PySide6-Essentials, a build requirement in pyproject.toml) before
the package's files are collected, so that `pip install -e .` (the app reads qm/ from the source
tree), `pip install .` and a wheel all have them, and packaging/statusdesk.spec bundles them
from the installed package. The .qm files are built, never committed (.gitignore).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
I18N = HERE / "statusdesk" / "gui" / "i18n"


def lrelease() -> Path:
    """Qt's lrelease from the PySide6 of the Python that builds."""
    try:
        import PySide6
    except ImportError as exc:  # pyproject's build-system requires it; a --no-build-isolation
        raise SystemExit(  # build needs it installed first
            f"statusdesk: building the translations needs PySide6-Essentials ({exc}); "
            "install it into this environment, or build with build isolation (pip's default)."
        ) from exc
    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).is_file():
            return folder / name
    raise SystemExit(
        f"statusdesk: PySide6 at {folder} has no lrelease; reinstall PySide6-Essentials."
    )


def compile_translations() -> list[Path]:
    """Every ts/*.ts into qm/*.qm; a .ts that does not compile stops the build."""
    sources = sorted((I18N / "ts").glob("*.ts"))
    out = I18N / "qm"
    out.mkdir(exist_ok=True)
    tool = lrelease()
    built = []
    for ts in sources:
        qm = out / f"{ts.stem}.qm"
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    for stale in set(out.glob("*.qm")) - set(built):  # a .ts removed since the last build
        stale.unlink()
    print(f"statusdesk: {len(built)} translation(s) built into {out}", file=sys.stderr)
    return built


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()
        # setuptools lists package data lazily; drop a list made before the .qm files existed
        self.__dict__.pop("data_files", None)
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
