"""The sftp target from the command line, end to end in real processes: a site channel added
with `--set publish=sftp …`, its private key stored with `channel secret … < keyfile` in a real
keyring (gnome-keyring on a private D-Bus), `channel test`, then publishing an incident puts the
built site on a real OpenSSH server (tests/servers/sshd.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from statusdesk.channels.site.publish.base import MANIFEST
from tests.servers.sshd import Sshd

EN = "We are investigating failed API requests."
AR = "نحقق في فشل طلبات الواجهة البرمجية."


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def test_publish_an_incident_to_sftp_from_the_cli(home: Path, tmp_path: Path, sshd: Sshd) -> None:
    from tests.keyring_session import secret_service
    from tests.unit.test_cli_support import child_env, spawn

    www = tmp_path / "www" / "status"
    base = ("--home", str(home))
    with secret_service(tmp_path / "keyring") as keyring_env:
        env = child_env(**keyring_env)
        added = spawn(
            *base, "channel", "add", "site", "public", "--set", "publish=sftp",
            "--set", f"host={sshd.host}", "--set", f"port={sshd.port}",
            "--set", f"user={sshd.user}", "--set", f"path={www}", env=env,
        )  # fmt: skip
        assert added.code == 0, added.stderr
        # Before the key is stored, the check says which command stores it.
        untested = spawn(*base, "channel", "test", "public", env=env)
        assert untested.code != 0 and "channel secret" in untested.stderr, untested.stderr
        stored = spawn(
            *base, "channel", "secret", "public", "private_key",
            stdin=sshd.client_key.read_bytes(), env=env,
        )  # fmt: skip
        assert stored.code == 0, stored.stderr
        tested = spawn(*base, "channel", "test", "public", env=env)
        assert tested.code == 0, tested.stderr
        assert tested.stdout.startswith(f"public: sftp://127.0.0.1:{sshd.port}{www}: ")
        assert f"logged in as {sshd.user}; a probe file written" in tested.stdout
        opened = spawn(
            *base, "incident", "open", "--title-en", "API outage", "--title-ar", "تعطل",
            "--en", EN, "--ar", AR, env=env,
        )  # fmt: skip
        assert opened.code == 0, opened.stderr + opened.stdout
        assert any(line.startswith("public: sent") for line in opened.lines), opened.stdout
        published = files(www)
        assert published == files(home / "site"), "the server holds exactly the built site"
        # The server's key replaced: the next update's publish is refused, the page kept.
        old = sshd.host_fingerprint()
        sshd.new_host_key()
        updated = spawn(
            *base, "incident", "update", opened.lines[0], "--state", "identified",
            "--en", "Found it.", "--ar", "وجدنا السبب.", "--anyway", env=env,
        )  # fmt: skip
        said = updated.stdout + updated.stderr
        assert "public: failed" in said and old in said and sshd.host_fingerprint() in said, said
        assert "statusdesk channel test" in said and "statusdesk delivery retry" in said, said
        assert files(www) == published
        # Accepted as the message says: the host's line removed, the check pins the new key,
        # the failed delivery retried.
        known = home / "known_hosts"
        entry = f"[127.0.0.1]:{sshd.port}"
        subprocess.run(
            ["ssh-keygen", "-R", entry, "-f", str(known)], check=True, capture_output=True
        )
        tested = spawn(*base, "channel", "test", "public", env=env)
        assert tested.code == 0, tested.stderr
        rows = spawn(*base, "deliveries", opened.lines[0], "--json", env=env).json()
        (failed,) = [r for r in rows if r["channel"] == "public" and r["state"] == "failed"]
        retried = spawn(*base, "delivery", "retry", str(failed["id"]), env=env)
        assert retried.code == 0, retried.stdout + retried.stderr
        now = files(www)
        assert now == files(home / "site") and now != published, "the update is online"
        assert any("Found it." in data.decode() for data in now.values() if data[:1] == b"<")
    assert "API outage" in published["index.html"].decode()
    assert (www / MANIFEST).is_file()
    # The key went to the keyring only: no file of the workspace holds any line of it.
    body = [line for line in sshd.client_key_text.splitlines() if "PRIVATE KEY" not in line]
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(line.encode() in data for line in body), path
