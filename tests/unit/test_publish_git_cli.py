"""The git target from the command line, end to end in real processes: a site channel added
with `--set publish=git --set remote=…`, its token stored with `channel secret` in a real keyring
(gnome-keyring on a private D-Bus), `channel test`, then publishing an incident commits the built
site to a branch served by a real `git http-backend` (tests/unit/test_publish_git.py); someone
else's push in between is built upon."""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.channels.site.publish.git_transport import TOKEN_USER
from tests.githttp import GitHttp
from tests.unit.test_publish_git import (
    TOKEN,
    log,
    push_from_elsewhere,
    run_git,
    show,
    tree_of,
)


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    from tests.conftest import need_executable

    need_executable("git", "git")
    path = tmp_path / "remote" / "status.git"
    path.parent.mkdir()
    run_git("init", "-q", "--bare", str(path))
    return path


EN = "We are investigating failed API requests."
AR = "نحقق في فشل طلبات الواجهة البرمجية."


def site_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def branch_files(repo: Path) -> dict[str, bytes]:
    return {path: show(repo, f"gh-pages:{path}") for path in tree_of(repo)}


def test_publish_an_incident_to_a_git_branch_from_the_cli(
    home: Path, tmp_path: Path, bare: Path
) -> None:
    from tests.keyring_session import secret_service
    from tests.unit.test_cli_support import child_env, spawn

    run_git("--git-dir", str(bare), "config", "http.receivepack", "true")
    served = GitHttp(bare.parent, TOKEN_USER, TOKEN)
    base = ("--home", str(home))
    try:
        with secret_service(tmp_path / "keyring") as keyring_env:
            env = child_env(**keyring_env)
            remote = f"{served.url}/status.git"
            added = spawn(
                *base, "channel", "add", "site", "public", "--set", "publish=git",
                "--set", f"remote={remote}", env=env,
            )  # fmt: skip
            assert added.code == 0, added.stderr
            stored = spawn(
                *base, "channel", "secret", "public", "token", stdin=TOKEN.encode(), env=env
            )
            assert stored.code == 0, stored.stderr
            tested = spawn(*base, "channel", "test", "public", env=env)
            assert tested.code == 0, tested.stderr
            assert "nothing pushed" in tested.stdout and "not there yet" in tested.stdout
            assert run_git("--git-dir", str(bare), "for-each-ref").strip() == ""

            opened = spawn(
                *base, "incident", "open", "--title-en", "API outage", "--title-ar", "تعطل",
                "--en", EN, "--ar", AR, env=env,
            )  # fmt: skip
            assert opened.code == 0, opened.stderr + opened.stdout
            assert any(line.startswith("public: sent") for line in opened.lines), opened.stdout
            first = branch_files(bare)
            assert first == {**site_files(home / "site"), ".nojekyll": b""}
            assert "API outage" in first["index.html"].decode()

            theirs = push_from_elsewhere(bare, tmp_path / "other", "notes.txt", b"by hand")
            updated = spawn(
                *base, "incident", "update", opened.lines[0], "--state", "identified",
                "--en", "Found it.", "--ar", "وجدنا السبب.", "--anyway", env=env,
            )  # fmt: skip
            assert updated.code == 0, updated.stdout + updated.stderr
            assert any(line.startswith("public: sent") for line in updated.lines), updated.stdout
            now = branch_files(bare)
            assert now == {**site_files(home / "site"), ".nojekyll": b""} and now != first
            assert theirs in log(bare, "%H")  # built upon, never forced away
            subjects = log(bare, "%s")  # what each commit says it published
            assert subjects[0] == f"Status page: incident #{opened.lines[0]}, update 2", subjects
            assert f"Status page: incident #{opened.lines[0]}, update 1" in subjects
            assert set(log(bare, "%an <%ae>")) == {
                "statusdesk <statusdesk@localhost>",
                "Someone Else <someone@example.org>",
            }
    finally:
        served.close()
    assert set(served.logins) == {TOKEN_USER}
    # The token went to the keyring only: no file of the workspace holds it.
    for path in home.rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path
