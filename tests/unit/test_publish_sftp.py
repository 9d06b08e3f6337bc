"""The sftp publish target (publish/sftp.py) against a real OpenSSH server on 127.0.0.1
(tests/servers/sshd.py): the files on the server's disk are what is checked."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site.publish.base import MANIFEST, SiteFile
from tests.conftest import need
from tests.servers.sshd import Sshd, free_port, keygen, sshd_path

WAIT = 60.0  # a condition's deadline on a loaded runner, not an expectation


def target(home: Path, server: Sshd, folder: Path, **secrets: str | None):  # type: ignore[no-untyped-def]
    from statusdesk.channels.site.publish import sftp

    held = secrets or {"private_key": server.client_key_text}
    settings = {
        "host": server.host,
        "port": str(server.port),
        "user": server.user,
        "path": str(folder),
    }
    return sftp.from_settings(settings, held.get, home)


def make_site(**changes: bytes | None) -> dict[str, SiteFile]:
    files = {
        "index.html": b"<h1>All systems operational</h1>",
        "ar/index.html": "<h1>جميع الأنظمة تعمل</h1>".encode(),
        "incidents/1/index.html": b"<p>Database slow</p>",
        "ar/incidents/1/index.html": "<p>قاعدة البيانات بطيئة</p>".encode(),
        "api/v2/summary.json": b'{"status": "ok"}',
        "feed.atom": b"<feed/>",
    }
    for name, data in changes.items():
        path = name.replace("__", "/").replace("_", ".")
        if data is None:
            files.pop(path, None)
        else:
            files[path] = data
    return {path: SiteFile(path, data) for path, data in files.items()}


def on_disk(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def publish(tgt, site: dict[str, SiteFile]) -> tuple[object, list[str]]:  # type: ignore[no-untyped-def]
    done: list[str] = []
    receipt = tgt.publish(site, lambda n, total, path: done.append(path))
    return receipt, done


@pytest.fixture
def www(tmp_path: Path) -> Path:
    return tmp_path / "srv" / "www" / "status"  # missing: the target makes it


def test_a_site_goes_up_whole_and_exact_with_the_index_pages_last(
    home: Path, sshd: Sshd, www: Path
) -> None:
    site = make_site()
    receipt, order = publish(target(home, sshd, www), site)
    assert on_disk(www) == {p: f.data for p, f in site.items()}
    assert order[-2:] == ["index.html", "ar/index.html"] and len(order) == len(site)
    assert (receipt.uploaded, receipt.deleted, receipt.verified) == (6, 0, 6)  # type: ignore[attr-defined]
    assert receipt.location == f"sftp://127.0.0.1:{sshd.port}{www}"  # type: ignore[attr-defined]
    held = json.loads((www / MANIFEST).read_bytes())
    assert held["files"] == {p: f.digest for p, f in site.items()}
    assert not [p for p in www.rglob("*") if p.name.endswith(".tmp")]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in www.rglob("*") if p.is_file()), (
        "the web server (another user) must be able to read the pages"
    )
    assert sorted(p.name for p in home.iterdir()) == ["known_hosts"], "no key file written"
    assert not [t for t in threading.enumerate() if t.name.startswith("sftp-upload")]


def test_a_second_publish_uploads_only_what_changed_and_removes_what_went(
    home: Path, sshd: Sshd, www: Path
) -> None:
    tgt = target(home, sshd, www)
    publish(tgt, make_site())
    untouched = (www / "incidents/1/index.html").stat().st_ino
    site = make_site(
        index_html=b"<h1>Degraded</h1>",
        incidents__2__index_html=b"<p>New incident</p>",
        feed_atom=None,
    )
    receipt, order = publish(tgt, site)
    assert order == ["incidents/2/index.html", "index.html"]
    assert (receipt.uploaded, receipt.deleted, receipt.verified) == (2, 1, 2)  # type: ignore[attr-defined]
    assert on_disk(www) == {p: f.data for p, f in site.items()}
    assert (www / "incidents/1/index.html").stat().st_ino == untouched
    # Nothing changed: nothing sent, nothing read back.
    receipt, order = publish(tgt, site)
    assert order == [] and (receipt.uploaded, receipt.verified) == (0, 0)  # type: ignore[attr-defined]


def test_removing_a_file_already_gone_is_not_an_error(home: Path, sshd: Sshd, www: Path) -> None:
    tgt = target(home, sshd, www)
    publish(tgt, make_site())
    (www / "feed.atom").unlink()  # someone cleaned up by hand
    receipt, _ = publish(tgt, make_site(feed_atom=None))
    assert receipt.deleted == 1 and "feed.atom" not in on_disk(www)  # type: ignore[attr-defined]


def test_a_publish_killed_mid_upload_leaves_the_old_files_and_the_next_one_finishes(
    home: Path, sshd: Sshd, www: Path, tmp_path: Path
) -> None:
    """A real SIGKILL of a publishing process while a big file is being written."""
    tgt = target(home, sshd, www)
    publish(tgt, make_site())
    big = os.urandom(48 * 1024 * 1024)
    (tmp_path / "big").write_bytes(big)
    (tmp_path / "key").write_text(sshd.client_key_text)
    script = f"""
import sys
from pathlib import Path
sys.path.insert(0, {str(Path.cwd())!r})
from statusdesk.channels.site.publish import sftp
from tests.unit.test_publish_sftp import make_site
key = Path({str(tmp_path / "key")!r}).read_text()
tgt = sftp.from_settings({{"host": "127.0.0.1", "port": "{sshd.port}", "user": "{sshd.user}",
    "path": {str(www)!r}}}, {{"private_key": key}}.get, Path({str(home)!r}))
big = Path({str(tmp_path / "big")!r}).read_bytes()
site = make_site(index_html=b"<h1>new</h1>", a__big_bin=big)
tgt.publish(site, lambda *a: None)
"""
    child = subprocess.Popen([sys.executable, "-c", script])
    partial = www / "a" / ".big.bin.statusdesk.tmp"
    deadline = time.monotonic() + WAIT
    while not (partial.exists() and partial.stat().st_size > 0):
        assert child.poll() is None, "the publish ended before it could be killed"
        assert time.monotonic() < deadline, "the upload never started"
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert not (www / "a" / "big.bin").exists()
    assert (www / "index.html").read_bytes() == make_site()["index.html"].data, "old page online"
    # The next publish overwrites the partial file, renames it and finishes the job.
    site = make_site(index_html=b"<h1>new</h1>", a__big_bin=big)
    receipt, order = publish(tgt, site)
    assert order == ["a/big.bin", "index.html"] and receipt.verified == 2  # type: ignore[attr-defined]
    assert on_disk(www) == {p: f.data for p, f in site.items()}
    assert not partial.exists()


def test_a_changed_host_key_refuses_to_publish(home: Path, sshd: Sshd, www: Path) -> None:
    publish(target(home, sshd, www), make_site())
    old = sshd.host_fingerprint()
    sshd.new_host_key()
    with pytest.raises(Permanent) as refused:
        publish(target(home, sshd, www), make_site(index_html=b"<h1>intercepted?</h1>"))
    said = str(refused.value)
    assert old in said and sshd.host_fingerprint() in said and "known_hosts" in said
    assert (www / "index.html").read_bytes() == make_site()["index.html"].data


def test_wrong_credentials_are_permanent_and_a_missing_one_names_the_command(
    home: Path, sshd: Sshd, www: Path, tmp_path: Path
) -> None:
    stranger = keygen(tmp_path / "stranger").read_text()
    with pytest.raises(Permanent, match="refused the key"):
        publish(target(home, sshd, www, private_key=stranger), make_site())
    with pytest.raises(Permanent, match="refused the password"):
        target(home, sshd, www, password="guess").test()
    with pytest.raises(Permanent, match="statusdesk channel secret NAME private_key"):
        target(home, sshd, www, private_key=None, password=None)
    assert not www.exists()


def test_a_server_that_is_down_is_transient(home: Path, sshd: Sshd, www: Path) -> None:
    sshd.stop()
    with pytest.raises(Transient, match="Cannot reach"):
        publish(target(home, sshd, www), make_site())


def test_no_permission_is_permanent(home: Path, tmp_path: Path, www: Path) -> None:
    """A read-only account (internal-sftp -R): writes are refused with SSH_FX_PERMISSION_DENIED."""
    need(sshd_path() is not None, "sshd not found (Debian package openssh-server)")
    with Sshd.start(tmp_path / "ro", sftp_flags="-R") as server:
        www.mkdir(parents=True)
        with pytest.raises(Permanent, match="no permission"):
            target(home, server, www).test()
        with pytest.raises(Permanent, match="no permission"):
            publish(target(home, server, www), make_site())
    assert list(www.iterdir()) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB filesystem (tmpfs) as the web root: needs root and mount(8)."""
    if os.geteuid() != 0:
        pytest.skip("a real full disk needs root (tmpfs); the file size limit test covers it")
    need(shutil.which("mount") is not None, "mount(8) not found (Debian package mount)")
    folder = tmp_path / "small"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    need(done.returncode == 0, f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_disk_is_transient_and_the_previous_page_stays(
    home: Path, sshd: Sshd, small_disk: Path
) -> None:
    """ENOSPC on the server's disk, which OpenSSH reports as SSH_FX_FAILURE."""
    tgt = target(home, sshd, small_disk)
    before = make_site()
    publish(tgt, before)
    with pytest.raises(Transient) as full:
        publish(tgt, make_site(index_html=b"<h1>new</h1>", a__big_bin=os.urandom(2 << 20)))
    assert "quota" in str(full.value) and "previous page stays online" in str(full.value)
    assert on_disk(small_disk) == {p: f.data for p, f in before.items()}, "old site intact"
    assert not (small_disk / "a" / ".big.bin.statusdesk.tmp").exists(), "space given back"
    # Space freed (the big file dropped from the site): the next publish goes through.
    after = make_site(index_html=b"<h1>new</h1>")
    publish(tgt, after)
    assert on_disk(small_disk) == {p: f.data for p, f in after.items()}


def test_a_quota_reached_is_transient(home: Path, tmp_path: Path, www: Path) -> None:
    """RLIMIT_FSIZE on the server (a per-file quota any user can set): writes past it fail with
    EFBIG, which OpenSSH reports as SSH_FX_FAILURE, like a full disk or EDQUOT."""
    need(sshd_path() is not None, "sshd not found (Debian package openssh-server)")
    with Sshd.start(tmp_path / "limited", file_size_limit=256 * 1024) as server:
        tgt = target(home, server, www)
        before = make_site()
        publish(tgt, before)
        with pytest.raises(Transient, match="quota is probably full; the previous page stays"):
            publish(tgt, make_site(a__big_bin=os.urandom(1 << 20)))
        assert on_disk(www) == {p: f.data for p, f in before.items()}


def test_the_check_writes_and_removes_a_probe(home: Path, sshd: Sshd, www: Path) -> None:
    said = target(home, sshd, www).test()
    assert said.startswith(f"sftp://127.0.0.1:{sshd.port}") and "probe" in said
    assert www.is_dir() and list(www.iterdir()) == []


def test_settings_problems_say_what_to_set() -> None:
    from statusdesk.channels.site.publish import sftp

    assert sftp.settings_problems({"host": "h", "user": "u", "path": "/w"}) == []
    problems = sftp.settings_problems({"port": "ssh"})
    assert [p.split(" ")[3] for p in problems[:3]] == ["host", "user", "path"]
    assert "port must be a number" in problems[3]
    assert (
        "does not expand ~" in sftp.settings_problems({"host": "h", "user": "u", "path": "~/w"})[0]
    )
    assert sftp.SETTINGS == ("host", "port", "user", "path")
    assert set(sftp.SECRETS) == {"password", "private_key"}


def test_a_server_that_is_not_listening_after_a_restart_is_transient(home: Path) -> None:
    from statusdesk.channels.site.publish import sftp

    tgt = sftp.from_settings(
        {"host": "127.0.0.1", "port": str(free_port()), "user": "u", "path": "/x"},
        {"password": "pw"}.get,
        home,
    )
    with pytest.raises(Transient):
        tgt.test()


def test_a_password_instead_of_a_key(home: Path, tmp_path: Path, www: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("a real password login needs root (a private /etc/shadow for sshd)")
    need(sshd_path() is not None, "sshd not found (Debian package openssh-server)")
    need(shutil.which("unshare") is not None, "unshare not found (Debian package util-linux)")
    with Sshd.start(tmp_path / "pw", password="s3cret-pass") as server:
        receipt, _ = publish(target(home, server, www, password="s3cret-pass"), make_site())
    assert receipt.verified == 6 and on_disk(www)["index.html"] == make_site()["index.html"].data  # type: ignore[attr-defined]
