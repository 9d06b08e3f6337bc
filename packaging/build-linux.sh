#!/usr/bin/env bash
# Build the one-folder Linux bundle (dist/statusdesk/statusdesk) from a clean venv, then prove it
# works without the venv: the GUI starts offscreen and shows its main window, and the bundle's CLI
# publishes an update to the local status page in both languages. Prints the bundle's size and
# how long each step took.
#
#   packaging/build-linux.sh [--dist DIR] [--work DIR]
#
#   --dist DIR   where the bundle goes (default: dist/ in the repository; DIR/statusdesk/)
#   --work DIR   venv, source copy and PyInstaller's work files (default: build/bundle/)
#   PYTHON       the interpreter for the venv (default: python3; 3.11 or newer)
#
# Exit status: 0 built and smoke-tested; anything else says which step failed on stderr.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$REPO/dist"
WORK="$REPO/build/bundle"
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$(realpath -m "$2")"; shift 2 ;;
    --work) WORK="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-linux.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-python3}"
BUNDLE="$DIST/statusdesk"

fail() { echo "build-linux.sh: $*" >&2; exit 1; }
step() { echo "==> $*"; }

started=$SECONDS
rm -rf "$WORK" "$BUNDLE"
mkdir -p "$WORK" "$DIST"

# Install from a copy of the sources, not the working tree: pip builds in place, and setuptools'
# build/lib keeps files deleted from the tree and ships them in the next wheel. Untracked files
# are copied too, so what is built is what is on disk.
step "copying the sources"
mkdir "$WORK/src"
tar -C "$REPO" --exclude=__pycache__ --exclude='*.egg-info' \
  -cf - pyproject.toml setup.py README.md statusdesk resources | tar -C "$WORK/src" -xf -

step "creating a clean venv with the project and PyInstaller"
t=$SECONDS
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --disable-pip-version-check "$WORK/src[bundle]"
install_s=$((SECONDS - t))

step "building the bundle"
t=$SECONDS
# From the work folder: PyInstaller searches the current directory too, and from the repository
# root it would find the source tree's statusdesk/ (which has no statusdesk.resources package)
# before the installed one.
(cd "$WORK" && "$WORK/venv/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" "$REPO/packaging/statusdesk.spec")
build_s=$((SECONDS - t))
[ -x "$BUNDLE/statusdesk" ] || fail "no executable at $BUNDLE/statusdesk"

step "smoke-testing the bundle"
t=$SECONDS
SMOKE="$(mktemp -d)"
trap 'rm -rf "$SMOKE"' EXIT
# Nothing of the builder's own session may leak in (config, keyring, a display): the bundle must
# start on what it carries. PATH is kept minimal so no venv's python can stand in for it.
run_bundle() {
  env -i HOME="$SMOKE/user" XDG_CONFIG_HOME="$SMOKE/user/config" \
    XDG_DATA_HOME="$SMOKE/user/data" XDG_CACHE_HOME="$SMOKE/user/cache" \
    XDG_STATE_HOME="$SMOKE/user/state" XDG_RUNTIME_DIR="$SMOKE/runtime" \
    LANG=C.UTF-8 PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$@"
}
mkdir -p "$SMOKE/user" "$SMOKE/runtime" && chmod 700 "$SMOKE/runtime"

version="$(run_bundle "$BUNDLE/statusdesk" --version)" || fail "--version failed"
echo "version: $version"
case "$version" in *unknown*) fail "the bundle lacks the package metadata: $version" ;; esac

gui_status=0
# STATUSDESK_STARTUP_T0 makes the probe's line say how long after launch the window showed.
run_bundle STATUSDESK_EXIT_AFTER_SHOW=1 STATUSDESK_STARTUP_T0="$(date +%s.%N)" timeout 120 \
  "$BUNDLE/statusdesk" --home "$SMOKE/gui" 2>"$SMOKE/gui.err" || gui_status=$?
if [ "$gui_status" -ne 0 ] || ! grep -q "main window shown" "$SMOKE/gui.err"; then
  cat "$SMOKE/gui.err" >&2
  fail "the GUI did not start and show its main window (exit $gui_status)"
fi
grep "main window shown" "$SMOKE/gui.err"

# The interface in Arabic: the app's translations (built by setup.py) and Qt's own are inside.
qm_count=$(find "$BUNDLE" -path '*statusdesk/gui/i18n/qm/*_ar.qm' | wc -l)
[ "$qm_count" -gt 0 ] || fail "the bundle has no statusdesk/gui/i18n/qm/*_ar.qm (setup.py's build_py)"
find "$BUNDLE" -name 'qtbase_ar.qm' | grep -q . || fail "the bundle has no qtbase_ar.qm"
run_bundle STATUSDESK_EXIT_AFTER_SHOW=1 timeout 120 "$BUNDLE/statusdesk" --ui-language ar \
  --home "$SMOKE/gui" 2>"$SMOKE/gui-ar.err" || fail "the GUI did not start in Arabic"
grep -q "main window shown" "$SMOKE/gui-ar.err" || fail "the GUI did not start in Arabic"
echo "interface in Arabic: $qm_count translation files, qtbase_ar.qm, started with --ui-language ar"

EN="Logins are failing for some customers; we are investigating."
AR="يتعذر على بعض العملاء تسجيل الدخول، ونحن نحقق في السبب."
cli_status=0
run_bundle timeout 120 "$BUNDLE/statusdesk" --home "$SMOKE/ws" incident open \
  --title-en "Login failures" --title-ar "تعذر تسجيل الدخول" \
  --en "$EN" --ar "$AR" --state investigating >"$SMOKE/cli.out" 2>"$SMOKE/cli.err" ||
  cli_status=$?
cat "$SMOKE/cli.out"
if [ "$cli_status" -ne 0 ]; then
  cat "$SMOKE/cli.err" >&2
  fail "incident open failed (exit $cli_status)"
fi
grep -qF "$EN" "$SMOKE/ws/site/index.html" || fail "site/index.html lacks the English text"
grep -qF "$AR" "$SMOKE/ws/site/ar/index.html" || fail "site/ar/index.html lacks the Arabic text"
echo "status page: English in site/index.html, Arabic in site/ar/index.html"
smoke_s=$((SECONDS - t))

step "done"
echo "bundle: $BUNDLE"
echo "bundle size: $(du -sh "$BUNDLE" | cut -f1) ($(du -sk "$BUNDLE" | cut -f1) KiB)"
echo "build time: $((SECONDS - started)) s (venv and install ${install_s} s," \
  "PyInstaller ${build_s} s, smoke test ${smoke_s} s)"
