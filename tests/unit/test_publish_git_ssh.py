"""The git target over SSH against a real OpenSSH server on 127.0.0.1 (tests/servers/sshd.py),
which runs the real git-upload-pack / git-receive-pack on a bare repository made by the `git`
program; what landed is read with `git` itself. The host key is pinned in the workspace as for
sftp (hostkeys.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels.base import Permanent
from statusdesk.channels.site.publish import git as git_target
from statusdesk.channels.site.publish.base import no_progress
from tests.conftest import need_executable
from tests.servers.sshd import keygen
from tests.unit.test_publish_git import SITE, log, push_from_elsewhere, run_git, tree_of


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    need_executable("git", "git")
    path = tmp_path / "remote" / "status.git"
    path.parent.mkdir()
    run_git("init", "-q", "--bare", str(path))
    return path


def ssh_target(home: Path, server: Any, repo: Path, key: str | None = None) -> git_target.GitTarget:
    remote = f"ssh://{server.user}@127.0.0.1:{server.port}{repo}"
    secrets = {"private_key": key if key is not None else server.client_key_text}
    return git_target.from_settings({"remote": remote}, secrets.get, home)


def test_publish_over_ssh_pins_the_host_and_reads_back(
    home: Path, sshd: Any, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = ssh_target(home, sshd, bare)
    assert "nothing pushed" in desk.test()
    assert sshd.host_fingerprint() and (home / "known_hosts").exists()  # pinned on first use

    receipt = desk.publish(SITE, no_progress)
    assert receipt.verified == 1
    assert receipt.revision == run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    assert sorted(tree_of(bare)) == sorted([*SITE, ".nojekyll"])

    # Someone else pushes meanwhile: fetched over SSH and built upon, not forced.
    theirs = push_from_elsewhere(bare, tmp_path / "other", "theirs.txt", b"x")
    again = desk.publish(dict(SITE), no_progress)
    assert log(bare, "%P")[0] == theirs
    assert again.deleted == 1 and "theirs.txt" not in tree_of(bare)
    assert log(bare, "%an <%ae>")[0] == git_target.DEFAULT_AUTHOR


def test_a_changed_host_key_refuses_to_push(home: Path, sshd: Any, bare: Path) -> None:
    ssh_target(home, sshd, bare).publish(SITE, no_progress)
    before = run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    sshd.new_host_key()
    with pytest.raises(Permanent, match="known_hosts"):
        ssh_target(home, sshd, bare).publish({}, no_progress)
    assert run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip() == before


def test_a_key_the_server_does_not_know_is_permanent(
    home: Path, sshd: Any, bare: Path, tmp_path: Path
) -> None:
    stranger = keygen(tmp_path / "stranger").read_text()
    with pytest.raises(Permanent, match="refused the key"):
        ssh_target(home, sshd, bare, key=stranger).publish(SITE, no_progress)


def test_no_repository_at_the_path_is_permanent(home: Path, sshd: Any, tmp_path: Path) -> None:
    need_executable("git", "git")
    with pytest.raises(Permanent, match="no repository there"):
        ssh_target(home, sshd, tmp_path / "missing.git").publish(SITE, no_progress)


def test_a_read_only_deploy_key_is_permanent(home: Path, bare: Path, tmp_path: Path) -> None:
    """A front end like GitHub's refuses git-receive-pack to a read-only deploy key with an
    `ERROR:` line; the same refusal from a real sshd's ForceCommand."""
    from tests.conftest import need
    from tests.servers.sshd import Sshd, sshd_path

    need(sshd_path() is not None, "sshd or ssh-keygen not found (Debian package openssh-server)")
    front = tmp_path / "front-end"
    front.write_text(
        "#!/bin/sh\n"
        'case "$SSH_ORIGINAL_COMMAND" in\n'
        "  git-receive-pack*) echo 'ERROR: The key you are authenticating with has been "
        "marked as read only.' >&2; exit 1;;\n"
        "esac\n"
        'exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"\n'
    )
    front.chmod(0o755)
    with Sshd.start(tmp_path / "sshd", extra_config=(f"ForceCommand {front}",)) as server:
        desk = ssh_target(home, server, bare)
        for attempt in (desk.test, lambda: desk.publish(SITE, no_progress)):
            with pytest.raises(Permanent, match=r"read only.*write access"):
                attempt()
    assert run_git("--git-dir", str(bare), "for-each-ref").strip() == ""
