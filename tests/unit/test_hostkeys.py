"""SSH connections with the host key pinned in the workspace (publish/hostkeys.py), against a
real OpenSSH server on 127.0.0.1 (tests/servers/sshd.py)."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from statusdesk.channels.base import Permanent, Transient
from tests.servers.sshd import Sshd, free_port, keygen


def _connect(home: Path, server: Sshd, key: str | None = None, password: str | None = None):  # type: ignore[no-untyped-def]
    from statusdesk.channels.site.publish import hostkeys

    return hostkeys.connect(
        home,
        server.host,
        server.port,
        server.user,
        password=password,
        private_key=server.client_key_text if key is None and password is None else key,
        timeout=10,
    )


def _runs(client: object) -> str:
    _, out, _ = client.exec_command("echo pinned")  # type: ignore[attr-defined]
    return str(out.read().decode().strip())


def test_first_use_pins_the_key_in_the_workspace_0600(home: Path, sshd: Sshd) -> None:
    client = _connect(home, sshd)
    try:
        assert _runs(client) == "pinned"
    finally:
        client.close()
    known = home / "known_hosts"
    assert stat.S_IMODE(known.stat().st_mode) == 0o600
    lines = known.read_text().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"[127.0.0.1]:{sshd.port} ssh-ed25519 ")
    # The same key again: accepted, nothing added.
    _connect(home, sshd).close()
    assert known.read_text().splitlines() == lines


def test_a_changed_host_key_is_refused_with_both_fingerprints_and_the_way_out(
    home: Path, sshd: Sshd
) -> None:
    _connect(home, sshd).close()
    old = sshd.host_fingerprint()
    sshd.new_host_key("ed25519")
    new = sshd.host_fingerprint()
    assert old != new
    with pytest.raises(Permanent) as refused:
        _connect(home, sshd)
    said = str(refused.value)
    assert old in said and new in said, said
    assert "changed" in said and str(home / "known_hosts") in said
    assert f"ssh-keygen -R '[127.0.0.1]:{sshd.port}'" in said
    # The documented way to accept the new key: remove the line (here with ssh-keygen -R).
    subprocess.run(
        ["ssh-keygen", "-R", f"[127.0.0.1]:{sshd.port}", "-f", str(home / "known_hosts")],
        check=True,
        capture_output=True,
    )
    client = _connect(home, sshd)
    try:
        assert _runs(client) == "pinned"
    finally:
        client.close()
    from statusdesk.channels.site.publish import hostkeys

    pinned = (home / "known_hosts").read_text()
    assert pinned.count("ssh-ed25519") == 1
    assert stat.S_IMODE((home / "known_hosts").stat().st_mode) == 0o600
    assert hostkeys.host_entry("127.0.0.1", sshd.port) in pinned


def test_a_key_of_another_type_is_a_change_too(home: Path, sshd: Sshd) -> None:
    """A server that now shows an ECDSA key where an Ed25519 one was pinned is not 'new'."""
    _connect(home, sshd).close()
    sshd.new_host_key("ecdsa")
    with pytest.raises(Permanent, match=r"changed.*ecdsa-sha2-nistp256 SHA256:"):
        _connect(home, sshd)
    assert (home / "known_hosts").read_text().count("\n") == 1


def test_the_key_is_read_from_text_in_every_usual_form(
    home: Path, sshd: Sshd, tmp_path: Path
) -> None:
    forms = [("ecdsa", None), ("rsa", None), ("rsa", "PEM"), ("ecdsa", "PEM"), ("rsa", "PKCS8")]
    for kind, fmt in forms:
        key = keygen(tmp_path / f"{kind}-{fmt}", kind, fmt=fmt, bits=2048 if kind == "rsa" else 0)
        sshd.authorize(key.with_name(key.name + ".pub"))
        client = _connect(home, sshd, key=key.read_text())
        try:
            assert _runs(client) == "pinned", (kind, fmt)
        finally:
            client.close()
    assert not list(home.glob("*key*")) and sorted(p.name for p in home.iterdir()) == [
        "known_hosts"
    ]


def test_an_encrypted_key_is_refused_with_what_to_do(
    home: Path, sshd: Sshd, tmp_path: Path
) -> None:
    key = tmp_path / "locked"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "a passphrase", "-f", str(key)],
        check=True,
        capture_output=True,
    )
    with pytest.raises(Permanent, match=r"passphrase.*ssh-keygen -p"):
        _connect(home, sshd, key=key.read_text())
    with pytest.raises(Permanent, match="not an SSH private key"):
        _connect(home, sshd, key="hello")


def test_a_key_the_server_does_not_know_is_refused_permanently(
    home: Path, sshd: Sshd, tmp_path: Path
) -> None:
    stranger = keygen(tmp_path / "stranger")
    with pytest.raises(Permanent, match="refused the key"):
        _connect(home, sshd, key=stranger.read_text())
    with pytest.raises(Permanent, match="refused the password"):
        _connect(home, sshd, password="not the password")


def test_no_credential_is_permanent_and_says_which_secret(home: Path, sshd: Sshd) -> None:
    with pytest.raises(Permanent, match="channel secret NAME private_key"):
        _connect(home, sshd, key="", password="")


def test_a_server_that_is_down_is_transient(home: Path) -> None:
    from statusdesk.channels.site.publish import hostkeys

    with pytest.raises(Transient, match=r"Cannot reach 127\.0\.0\.1"):
        hostkeys.connect(
            home, "127.0.0.1", free_port(), "nobody", password="x", private_key=None, timeout=5
        )


def test_a_server_that_never_answers_is_transient(home: Path) -> None:
    """A listener that accepts and says nothing (a hung server): the banner wait times out."""
    import socket

    from statusdesk.channels.site.publish import hostkeys

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        with pytest.raises(Transient, match=r"127\.0\.0\.1"):
            hostkeys.connect(
                home,
                "127.0.0.1",
                silent.getsockname()[1],
                "nobody",
                password="x",
                private_key=None,
                timeout=1,
            )
    assert not (home / "known_hosts").exists()


def test_an_unreadable_known_hosts_is_permanent_and_says_what_to_do(home: Path, sshd: Sshd) -> None:
    (home / "known_hosts").mkdir()
    with pytest.raises(Permanent, match=r"Cannot read the pinned SSH host keys"):
        _connect(home, sshd)


def test_a_password_login_is_real_and_a_wrong_one_is_permanent(home: Path, tmp_path: Path) -> None:
    """OpenSSH checks the password itself (shadow, no PAM): see Sshd's `password`."""
    import os
    import shutil

    from tests.conftest import need
    from tests.servers.sshd import sshd_path

    if os.geteuid() != 0:
        pytest.skip("a real password login needs root (a private /etc/shadow for sshd)")
    need(sshd_path() is not None, "sshd not found (Debian package openssh-server)")
    need(shutil.which("unshare") is not None, "unshare not found (Debian package util-linux)")
    need(shutil.which("openssl") is not None, "openssl not found (Debian package openssl)")
    with Sshd.start(tmp_path / "pw", password="correct horse battery") as server:
        client = _connect(home, server, password="correct horse battery")
        try:
            assert _runs(client) == "pinned"
        finally:
            client.close()
        with pytest.raises(Permanent, match="refused the password"):
            _connect(home, server, password="battery staple")
