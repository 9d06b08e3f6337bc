"""Secrets live in the OS keyring, tested against a real one: gnome-keyring on a private D-Bus
session. The CLI runs as real processes, so the keyring library picks its backend as it does
for a user. A secret set with `channel secret` signs a webhook, and is found nowhere else: not
in the workspace, its log, or the command's output."""

from __future__ import annotations

import hashlib
import hmac
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.keyring_session import secret_service
from tests.unit.test_cli_support import child_env, spawn

SECRET = "whsec-7f3a9c-ٍسر-do-not-leak"


@pytest.fixture(scope="module")
def keyring_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path_factory.mktemp("keyring")) as env:
        yield env


class SigningReceiver(http.server.ThreadingHTTPServer):
    """Checks X-Statusdesk-Signature over the raw body, as a receiver of ours would."""

    def __init__(self, secret: str) -> None:
        self.secret = secret.encode()
        self.verdicts: list[bool] = []

        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                expected = hmac.new(receiver.secret, body, hashlib.sha256).hexdigest()
                given = self.headers.get("X-Statusdesk-Signature", "")
                receiver.verdicts.append(hmac.compare_digest(given, f"sha256={expected}"))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


@pytest.fixture
def receiver() -> Iterator[SigningReceiver]:
    server = SigningReceiver(SECRET)
    yield server
    server.shutdown()
    server.server_close()


def _workspace_bytes(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def test_a_secret_set_from_stdin_signs_the_webhook_and_is_kept_nowhere_else(
    home: Path, keyring_env: dict[str, str], receiver: SigningReceiver
) -> None:
    env = child_env(**keyring_env)
    added = spawn("--home", str(home), "channel", "add", "webhook", "hook",
                  "--set", f"url={receiver.url}", env=env)  # fmt: skip
    assert added.code == 0, added.stderr
    stored = spawn("--home", str(home), "channel", "secret", "hook", "signing_secret",
                   stdin=f"{SECRET}\n".encode(), env=env)  # fmt: skip
    assert stored.code == 0, stored.stderr
    assert "stored in the OS keyring" in stored.stdout

    opened = spawn("--home", str(home), "incident", "open", "--title-en", "API outage",
                   "--en", "Investigating.", "--ar", "نحقق في الأمر.", "--channels", "hook",
                   "--skip-reason", "the site is not under test", env=env)  # fmt: skip
    assert opened.code == 0, opened.stderr
    assert receiver.verdicts == [True]

    listed = spawn("--home", str(home), "channel", "list", "--json", env=env)
    hook = next(c for c in listed.json() if c["name"] == "hook")
    assert hook["settings"]["secret_keys"] == ["signing_secret"]
    secret = SECRET.encode()
    for result in (added, stored, opened, listed):
        assert SECRET not in result.stdout + result.stderr
    assert secret not in _workspace_bytes(home)  # database, WAL, logs, site


def test_a_secret_of_another_name_or_an_empty_one_is_refused(
    home: Path, keyring_env: dict[str, str], receiver: SigningReceiver
) -> None:
    env = child_env(**keyring_env)
    spawn("--home", str(home), "channel", "add", "webhook", "hook", "--set", f"url={receiver.url}",
          env=env)  # fmt: skip
    wrong = spawn("--home", str(home), "channel", "secret", "hook", "password",
                  stdin=b"x", env=env)  # fmt: skip
    assert wrong.code == 3
    assert "has no secret 'password' (it takes: signing_secret)" in wrong.stderr
    empty = spawn("--home", str(home), "channel", "secret", "hook", "signing_secret",
                  stdin=b"\n", env=env)  # fmt: skip
    assert empty.code == 3 and "empty" in empty.stderr
    unknown = spawn("--home", str(home), "channel", "secret", "nope", "signing_secret",
                    stdin=b"x", env=env)  # fmt: skip
    assert unknown.code == 3 and "no channel named 'nope'" in unknown.stderr


def test_without_a_keyring_the_cli_says_so_and_stores_nothing(
    home: Path, tmp_path: Path, receiver: SigningReceiver
) -> None:
    env = child_env(DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}")
    spawn("--home", str(home), "channel", "add", "webhook", "hook", "--set", f"url={receiver.url}",
          env=env)  # fmt: skip
    stored = spawn("--home", str(home), "channel", "secret", "hook", "signing_secret",
                   stdin=SECRET.encode(), env=env)  # fmt: skip
    assert stored.code == 1
    assert "No usable keyring" in stored.stderr and "gnome-keyring" in stored.stderr.lower()
    assert SECRET not in stored.stdout + stored.stderr
    assert SECRET.encode() not in _workspace_bytes(home)
    listed = spawn("--home", str(home), "channel", "list", "--json", env=env)
    hook = next(c for c in listed.json() if c["name"] == "hook")
    assert "secret_keys" not in hook["settings"]


def test_a_signing_channel_whose_keyring_is_gone_refuses_to_publish_unsigned(
    home: Path, keyring_env: dict[str, str], tmp_path: Path, receiver: SigningReceiver
) -> None:
    env = child_env(**keyring_env)
    spawn("--home", str(home), "channel", "add", "webhook", "hook", "--set", f"url={receiver.url}",
          env=env)  # fmt: skip
    spawn("--home", str(home), "channel", "secret", "hook", "signing_secret",
          stdin=SECRET.encode(), env=env)  # fmt: skip
    no_bus = child_env(DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}")
    opened = spawn("--home", str(home), "incident", "open", "--title-en", "API outage",
                   "--en", "Investigating.", "--ar", "نحقق.", "--channels", "hook",
                   env=no_bus)  # fmt: skip
    assert opened.code == 3
    assert "hook: cannot read its signing secret" in opened.stderr
    assert "No usable keyring" in opened.stderr
    assert receiver.verdicts == []
    listed = spawn("--home", str(home), "incident", "list", "--json", env=no_bus)
    assert listed.json() == []
