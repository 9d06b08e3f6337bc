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


# -- settings are never secrets; targets are never the metadata service (issue #12 §5) ---------

BASE_SETTINGS = {
    "webhook": {"url": "https://hooks.example.com/statusdesk"},
    "statuspage": {"page_id": "kctbh9vrtdwd"},
    "x": {},
    "email": {"host": "smtp.example.com", "from": "status@example.com"},
}
VALUE = "v4lue-Qz81-do-not-leak"


def _settings(kind: str, **more: str) -> list[str]:
    return [f"--set={k}={v}" for k, v in {**BASE_SETTINGS[kind], **more}.items()]


def _workspace(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("webhook", "signing_secret"),
        ("statuspage", "api_key"),
        ("x", "consumer_secret"),
        ("x", "access_token"),
        ("x", "refresh_token"),
        ("x", "client_secret"),
        ("email", "password"),
        ("webhook", "api_token"),  # no kind declares it: its name says what it is
        ("webhook", "private_key"),
        ("email", "smtp_passwd"),
    ],
)
def test_channel_add_refuses_a_secret_among_the_settings_and_points_to_the_keyring(
    home: Path, capsys: pytest.CaptureFixture[str], kind: str, key: str
) -> None:
    from tests.unit.test_cli_support import call

    added = call(capsys, "--home", str(home), "channel", "add", kind, "ch",
                 *_settings(kind, **{key: VALUE}))  # fmt: skip
    assert added.code == 3
    assert f"{key} is a secret" in added.stderr
    assert f"`statusdesk channel secret NAME {key}`" in added.stderr
    assert VALUE not in added.stdout + added.stderr
    listed = call(capsys, "--home", str(home), "channel", "list", "--json")
    assert "ch" not in [c["name"] for c in listed.json()]
    assert VALUE.encode() not in _workspace(home)
    # The same settings without the secret are fine: the refusal was for the secret alone.
    fine = call(capsys, "--home", str(home), "channel", "add", kind, "ch", *_settings(kind))
    assert fine.code == 0, fine.stderr


def test_a_login_in_a_webhook_url_is_never_printed(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_cli_support import call

    password = "hook-pw-Zx81"
    url = f"https://opsuser:{password}@hooks.example.com/in"
    base = ("--home", str(home))
    added = call(capsys, *base, "channel", "add", "webhook", "hook", f"--set=url={url}")
    assert added.code == 0, added.stderr
    printed = [
        added,
        call(capsys, *base, "channel", "list"),
        call(capsys, *base, "channel", "list", "--json"),
        # an error that quotes the URL
        call(capsys, *base, "channel", "add", "webhook", "bad", f"--set=url=ftp://u:{password}@h"),
    ]
    (hook,) = [c for c in printed[2].json() if c["name"] == "hook"]
    assert hook["settings"]["url"] == "https://[redacted]@hooks.example.com/in"  # masked
    assert printed[3].code == 3 and "ftp://[redacted]@h" in printed[3].stderr
    for result in printed:
        assert password not in result.stdout + result.stderr
        assert "opsuser" not in result.stdout + result.stderr
    logs = [p.read_text(encoding="utf-8") for p in (home / "logs").glob("*")]
    assert not [text for text in logs if password in text]
    # Over plain http a login would cross the network readable: refused, except to loopback.
    plain = call(capsys, *base, "channel", "add", "webhook", "plain",
                 f"--set=url=http://u:{password}@hooks.example.com/in")  # fmt: skip
    assert plain.code == 3 and "carries a login (user:password@)" in plain.stderr
    local = call(capsys, *base, "channel", "add", "webhook", "local",
                 f"--set=url=http://u:{password}@127.0.0.1:8080/in")  # fmt: skip
    assert local.code == 0, local.stderr


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        ("webhook", "url", "http://169.254.169.254/latest/meta-data/"),
        ("webhook", "url", "https://169.254.170.2/v2/credentials"),
        ("webhook", "url", "http://[fd00:ec2::254]/latest/meta-data/"),
        ("webhook", "url", "http://[fe80::1]/hook"),
        ("webhook", "url", "http://metadata.google.internal/computeMetadata/v1/"),
        ("webhook", "url", "http://METADATA.google.internal./computeMetadata/v1/"),
        ("webhook", "url", "http://2852039166/latest/"),  # 169.254.169.254 as one number
        ("webhook", "url", "http://0xa9.0xfe.0xa9.0xfe/latest/"),
        ("webhook", "url", "http://[::ffff:169.254.169.254]/latest/"),
        ("statuspage", "base_url", "https://169.254.169.254"),
        ("x", "base_url", "https://[fd00:ec2::254]"),
        ("email", "host", "169.254.169.254"),
        ("email", "host", "metadata.google.internal"),
        ("email", "unsubscribe_url", "https://169.254.169.254/u?token={token}"),
    ],
)
def test_link_local_and_metadata_targets_are_refused_for_every_kind(
    home: Path, capsys: pytest.CaptureFixture[str], kind: str, key: str, value: str
) -> None:
    from tests.unit.test_cli_support import call

    added = call(capsys, "--home", str(home), "channel", "add", kind, "ch",
                 *_settings(kind, **{key: value}))  # fmt: skip
    assert added.code == 3, added.stdout
    assert f"{key} points at a" in added.stderr and "cloud" in added.stderr
    listed = call(capsys, "--home", str(home), "channel", "list", "--json")
    assert "ch" not in [c["name"] for c in listed.json()]


def test_a_credential_goes_over_tls_except_to_this_machine(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.test_cli_support import call

    base = ("--home", str(home))

    def add(kind: str, name: str, **settings: str) -> tuple[int, str]:
        done = call(capsys, *base, "channel", "add", kind, name, *_settings(kind, **settings))
        return done.code, done.stderr

    code, said = add("statuspage", "sp", base_url="http://api.statuspage.example")
    assert code == 3 and "base_url must be an https:// address" in said
    code, said = add("x", "x", base_url="http://api.x.example")
    assert code == 3 and "base_url must be an https:// address" in said
    for name, host in [("a", "127.0.0.1"), ("b", "127.8.9.10"), ("c", "[::1]"), ("d", "localhost")]:
        assert add("statuspage", f"sp-{name}", base_url=f"http://{host}:8080") == (0, "")
    assert add("x", "x-local", base_url="http://127.0.0.1:9") == (0, "")
    # A webhook's signing secret never travels (only an HMAC of the body): http is allowed.
    assert add("webhook", "hook", url="http://hooks.example.com/in")[0] == 0


def test_a_name_that_resolves_to_a_metadata_address_is_refused(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name pointed at 169.254.169.254 (the resolver is the system's; here it answers as a
    hostile DNS record would)."""
    import socket

    from tests.unit.test_cli_support import call

    real = socket.getaddrinfo

    def resolver(host: object, *args: object, **kwargs: object) -> object:
        if host == "rebind.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 0))]
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    added = call(capsys, "--home", str(home), "channel", "add", "webhook", "hook",
                 "--set=url=https://rebind.example.com/in")  # fmt: skip
    assert added.code == 3
    assert "url points at a name that resolves to a link-local or cloud metadata" in added.stderr


def test_a_channel_whose_target_is_a_metadata_address_sends_nothing(home: Path) -> None:
    """A channel from before the check (its settings edited in the database): at send time the
    request is refused before any connection, as a failure a person must fix, not a retry."""
    from statusdesk.core.model import BilingualText, DeliveryState, Draft, IncidentState
    from statusdesk.desk import Desk

    with Desk(home) as desk:
        desk.channels.add_channel("webhook", "hook", {"url": "https://hooks.example.com/in"})
        with desk.store.transaction():
            desk.store.conn.execute(
                "UPDATE channel SET settings = ? WHERE name = 'hook'",
                ('{"url": "http://169.254.169.254/latest/meta-data/"}',),
            )
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        draft = Draft(BilingualText("Looking.", "نبحث."), IncidentState.INVESTIGATING, author="a")
        published = desk.publishing.open_incident(
            title=BilingualText("Outage", "انقطاع"), draft=draft, channel_names=["hook"]
        )
        (delivery,) = desk.deliveries.wait_for(published.update_id, timeout=15)
    assert delivery.state is DeliveryState.FAILED, delivery.last_error
    assert delivery.attempts == 1
    assert "nothing was sent: the target points at a link-local or cloud metadata address" in (
        delivery.last_error or ""
    )
