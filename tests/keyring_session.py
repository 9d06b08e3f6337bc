"""A real Secret Service for tests: a private D-Bus session bus with gnome-keyring-daemon on it,
its keyring unlocked with a throwaway password and kept in a temporary folder. Processes given
`env` use it exactly as a desktop session's keyring; the user's own keyring is never touched."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import need_executable


@contextmanager
def secret_service(folder: Path) -> Iterator[dict[str, str]]:
    dbus = need_executable("dbus-daemon", "dbus-daemon")
    daemon = need_executable("gnome-keyring-daemon", "gnome-keyring")
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, parents=True)
    env = {
        **os.environ,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    bus = subprocess.Popen(
        [dbus, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    keyring_daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_daemon = subprocess.Popen(
            [daemon, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert keyring_daemon.stdin is not None
        keyring_daemon.stdin.write(b"test-keyring-password")
        keyring_daemon.stdin.close()  # end of the password: the daemon unlocks and serves
        _wait_for_secret_service(env)
        yield env
    finally:
        for process in (keyring_daemon, bus):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)
        if bus.stdout is not None:
            bus.stdout.close()


def _wait_for_secret_service(env: dict[str, str]) -> None:
    probe = (
        "import secretstorage; c = secretstorage.dbus_init(); "
        "secretstorage.get_default_collection(c).is_locked() and exit(1)"
    )
    import sys

    deadline = time.monotonic() + 15
    while True:
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True)
        if done.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"gnome-keyring did not come up: {done.stderr.decode()[-500:]}")
        time.sleep(0.1)
