"""The git publish target (channels/site/publish/git.py) against real repositories: a bare
repository made by the `git` program (as a local path and as file://), and the same served over
HTTP by `git http-backend` behind a small server that checks Basic auth. What landed is read
with the `git` program (ls-tree, log, show), never through the code under test."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site.publish import git as git_target
from statusdesk.channels.site.publish.base import SiteFile, no_progress
from statusdesk.channels.site.publish.git_transport import TOKEN_USER
from tests.conftest import need_executable
from tests.githttp import GitHttp

TOKEN = "ghp_publishTokenForTheTest0123456789"


def site_of(files: dict[str, bytes]) -> dict[str, SiteFile]:
    return {path: SiteFile(path, data) for path, data in files.items()}


SITE = site_of(
    {
        "index.html": b"<h1>All systems operational</h1>",
        "ar/index.html": "<h1>كل الأنظمة تعمل</h1>".encode(),
        "incidents/1.html": b"<p>resolved</p>",
        "api/v2/summary.json": b'{"status": "none"}',
        "feed.atom": b"<feed/>",
    }
)


def run_git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env=_git_env()
    )
    return done.stdout


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="Someone Else",
        GIT_AUTHOR_EMAIL="someone@example.org",
        GIT_COMMITTER_NAME="Someone Else",
        GIT_COMMITTER_EMAIL="someone@example.org",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    need_executable("git", "git")
    path = tmp_path / "remote" / "status.git"
    path.parent.mkdir()
    run_git("init", "-q", "--bare", str(path))
    return path


def tree_of(repo: Path, ref: str = "gh-pages") -> dict[str, str]:
    """path -> blob id, as git itself reads the branch."""
    lines = run_git("--git-dir", str(repo), "ls-tree", "-r", ref).splitlines()
    return {line.split("\t", 1)[1]: line.split()[2] for line in lines}


def show(repo: Path, spec: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(repo), "show", spec], capture_output=True, check=True
    ).stdout


def log(repo: Path, fmt: str, ref: str = "gh-pages") -> list[str]:
    return run_git("--git-dir", str(repo), "log", f"--format={fmt}", ref).splitlines()


def target(home: Path, remote: str, **settings: str) -> git_target.GitTarget:
    return git_target.from_settings({"remote": remote, **settings}, lambda key: None, home)


def push_from_elsewhere(repo: Path, work: Path, name: str, data: bytes) -> str:
    """Someone else clones the branch, commits a file and pushes (plain git, no force)."""
    run_git("clone", "-q", "--branch", "gh-pages", str(repo), str(work))
    (work / name).write_bytes(data)
    run_git("add", name, cwd=work)
    run_git("commit", "-q", "-m", "Hand edit by someone else", cwd=work)
    run_git("push", "-q", "origin", "gh-pages", cwd=work)
    return run_git("rev-parse", "HEAD", cwd=work).strip()


# -- local repositories ---------------------------------------------------------------------


@pytest.mark.parametrize("form", ["path", "file-url"])
def test_publish_commits_exactly_the_site_and_nojekyll(home: Path, bare: Path, form: str) -> None:
    remote = str(bare) if form == "path" else bare.as_uri()
    seen: list[tuple[int, int, str]] = []

    receipt = target(home, remote).publish(SITE, lambda d, t, p: seen.append((d, t, p)))

    tree = tree_of(bare)
    assert sorted(tree) == sorted([*SITE, ".nojekyll"])
    assert show(bare, "gh-pages:ar/index.html") == SITE["ar/index.html"].data
    assert show(bare, "gh-pages:.nojekyll") == b""
    head = run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    assert receipt.revision == head
    assert (receipt.uploaded, receipt.deleted, receipt.verified) == (6, 0, 1)
    assert [t for _, t, _ in seen] == [6] * 6 and seen[-1][0] == 6
    assert receipt.location == f"{remote} (branch gh-pages)"


def test_a_new_branch_is_an_orphan_beside_the_others(
    home: Path, bare: Path, tmp_path: Path
) -> None:
    work = tmp_path / "main-work"
    run_git("init", "-q", "-b", "main", str(work))
    (work / "README").write_text("the project\n")
    run_git("add", "README", cwd=work)
    run_git("commit", "-q", "-m", "project", cwd=work)
    run_git("push", "-q", str(bare), "main", cwd=work)

    target(home, str(bare), branch="pages").publish(SITE, no_progress)

    assert log(bare, "%P", "pages") == [""]  # one commit, no parent
    assert "README" not in tree_of(bare, "pages")
    assert log(bare, "%s", "main") == ["project"]


def test_the_desk_authors_its_commits_whatever_the_machine_says(
    home: Path, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_home = tmp_path / "user-home"
    fake_home.mkdir()
    (fake_home / ".gitconfig").write_text(
        "[user]\n\tname = Machine Owner\n\temail = me@corp\n"
        "[init]\n\tdefaultBranch = from-the-machine\n"
    )
    monkeypatch.setenv("HOME", str(fake_home))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Env Person")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "env@corp")

    target(home, str(bare)).publish(SITE, no_progress)
    custom = target(home, str(bare), git_author="Acme Status <status@acme.example>")
    custom.publish(site_of({"index.html": b"changed"}), no_progress)

    # Not read at all: not even for the workspace cache's first branch.
    assert "from-the-machine" not in (custom.cache_dir / "HEAD").read_text()
    assert log(bare, "%an|%ae|%cn|%ce") == [
        "Acme Status|status@acme.example|Acme Status|status@acme.example",
        "statusdesk|statusdesk@localhost|statusdesk|statusdesk@localhost",
    ]


def test_the_commit_message_names_the_update_or_the_time(home: Path, bare: Path) -> None:
    from datetime import UTC, datetime

    first = git_target.GitTarget(
        git_target.parse_remote(str(bare)),
        "gh-pages",
        git_target.DEFAULT_AUTHOR,
        home,
        now=lambda: datetime(2026, 3, 4, 5, 6, tzinfo=UTC),
    )
    first.publish(SITE, no_progress)
    first.publish(
        site_of({"index.html": b"new"}), no_progress, message="Incident 7, update 3: Resolved"
    )
    assert log(bare, "%s") == [
        "Incident 7, update 3: Resolved",
        "Status page update 2026-03-04 05:06 UTC",
    ]
    assert log(bare, "%at") == [str(int(datetime(2026, 3, 4, 5, 6, tzinfo=UTC).timestamp()))] * 2


def test_changes_removals_and_nothing_to_push(home: Path, bare: Path) -> None:
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    changed = dict(SITE)
    changed["index.html"] = SiteFile("index.html", b"<h1>Degraded</h1>")
    changed["incidents/2.html"] = SiteFile("incidents/2.html", b"<p>new</p>")
    del changed["feed.atom"]

    receipt = desk.publish(changed, no_progress)

    assert (receipt.uploaded, receipt.deleted) == (2, 1)
    assert sorted(tree_of(bare)) == sorted([*changed, ".nojekyll"])
    assert log(bare, "%P")[0] != ""  # on top of the first commit

    again = desk.publish(changed, no_progress)
    assert (again.uploaded, again.deleted, again.revision) == (0, 0, receipt.revision)
    assert len(log(bare, "%H")) == 2  # nothing pushed


def test_someone_elses_push_between_fetch_and_push_is_built_upon(
    home: Path, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    fetch = desk._fetch
    theirs: list[str] = []

    def fetch_then_someone_pushes(*args: Any) -> Any:
        tip = fetch(*args)
        if not theirs:
            theirs.append(push_from_elsewhere(bare, tmp_path / "other", "theirs.txt", b"hi"))
        return tip

    monkeypatch.setattr(desk, "_fetch", fetch_then_someone_pushes)
    update = dict(SITE, **{"index.html": SiteFile("index.html", b"<h1>Outage</h1>")})

    receipt = desk.publish(update, no_progress)

    subjects = log(bare, "%s")
    assert subjects[1:] == ["Hand edit by someone else", subjects[2]]
    assert log(bare, "%P")[0] == theirs[0]  # built on their commit: nothing forced
    assert receipt.revision == run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    assert sorted(tree_of(bare)) == sorted([*update, ".nojekyll"])  # exactly the site


def test_a_branch_that_keeps_moving_is_transient_and_never_forced(
    home: Path, bare: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    fetch = desk._fetch
    pushed: list[str] = []

    def someone_pushes_every_time(*args: Any) -> Any:
        tip = fetch(*args)
        work = tmp_path / f"other{len(pushed)}"
        pushed.append(push_from_elsewhere(bare, work, f"f{len(pushed)}.txt", b"x"))
        return tip

    monkeypatch.setattr(desk, "_fetch", someone_pushes_every_time)
    with pytest.raises(Transient, match=r"kept moving.*nothing was forced"):
        desk.publish(site_of({"index.html": b"new"}), no_progress)
    assert len(pushed) == git_target.ATTEMPTS
    assert run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip() == pushed[-1]


def test_a_missing_repository_is_permanent(home: Path, tmp_path: Path) -> None:
    need_executable("git", "git")
    with pytest.raises(Permanent, match=r"no git repository at .*git init --bare"):
        target(home, str(tmp_path / "nowhere.git")).publish(SITE, no_progress)


def test_test_checks_access_and_pushes_nothing(home: Path, bare: Path) -> None:
    desk = target(home, str(bare))
    said = desk.test()
    assert "nothing pushed" in said and "not there yet" in said
    assert run_git("--git-dir", str(bare), "for-each-ref").strip() == ""
    receipt = desk.publish(SITE, no_progress)
    assert f"at {receipt.revision[:12]}" in desk.test()


def test_the_workspace_cache_is_private_and_holds_no_remote(home: Path, bare: Path) -> None:
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    cache = desk.cache_dir
    assert cache.parent == home / ".publish"
    assert (cache.parent.stat().st_mode & 0o777) == 0o700
    assert "remote" not in (cache / "config").read_text()


# -- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "problem"),
    [
        ("", "remote is required"),
        ("https://user:" + TOKEN + "@github.com/a/b.git", "keyring"),
        ("http://git.example.com/a/b.git", "must be an https:// address"),
        ("relative/repo.git", "absolute path"),
        ("ftp://host/repo.git", "not supported"),
        ("https://169.254.169.254/a.git", "metadata"),
        ("git@169.254.169.254:a.git", "metadata"),
        ("ssh://git@metadata.google.internal/a.git", "metadata"),
    ],
)
def test_settings_problems_for_the_remote(remote: str, problem: str) -> None:
    problems = git_target.settings_problems({"remote": remote})
    assert problems and problem in problems[0]
    assert all(TOKEN not in p for p in problems)


@pytest.mark.parametrize(
    "remote",
    [
        "https://github.com/acme/status.git",
        "https://oauth2@gitlab.com/acme/status.git",
        "http://127.0.0.1:8080/status.git",
        "ssh://git@github.com:22/acme/status.git",
        "git@github.com:acme/status.git",
        "file:///srv/git/status.git",
        "/srv/git/status.git",
    ],
)
def test_remotes_git_accepts(remote: str) -> None:
    assert git_target.settings_problems({"remote": remote}) == []


def test_branch_and_author_settings() -> None:
    base = {"remote": "/srv/status.git"}
    assert git_target.settings_problems({**base, "branch": "pages/live"}) == []
    assert "branch" in git_target.settings_problems({**base, "branch": "bad..name"})[0]
    assert "git_author" in git_target.settings_problems({**base, "git_author": "nobody"})[0]


def test_a_missing_secret_names_the_command(home: Path) -> None:
    with pytest.raises(Permanent, match="statusdesk channel secret NAME token"):
        target(home, "https://github.com/acme/status.git")
    with pytest.raises(Permanent, match="statusdesk channel secret NAME private_key"):
        target(home, "git@github.com:acme/status.git")


# -- HTTPS (here HTTP on 127.0.0.1) with a token: a real git http-backend --------------------


@pytest.fixture
def http_git(bare: Path) -> Iterator[GitHttp]:
    run_git("--git-dir", str(bare), "config", "http.receivepack", "true")
    served = GitHttp(bare.parent, TOKEN_USER, TOKEN)
    yield served
    served.close()


def http_target(home: Path, url: str, token: str | None = TOKEN) -> git_target.GitTarget:
    settings = {"remote": url}
    return git_target.from_settings(settings, lambda key: token if key == "token" else None, home)


def test_https_with_a_token_pushes_and_reads_back(
    home: Path, bare: Path, http_git: GitHttp
) -> None:
    desk = http_target(home, f"{http_git.url}/status.git")
    assert "nothing pushed" in desk.test()
    receipt = desk.publish(SITE, no_progress)

    assert receipt.verified == 1
    assert receipt.revision == run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    assert sorted(tree_of(bare)) == sorted([*SITE, ".nojekyll"])
    assert set(http_git.logins) == {TOKEN_USER}
    assert TOKEN not in receipt.detail()
    for path in home.rglob("*"):  # the token is nowhere in the workspace
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


def test_https_user_named_in_the_url_carries_the_token(home: Path, bare: Path) -> None:
    run_git("--git-dir", str(bare), "config", "http.receivepack", "true")
    served = GitHttp(bare.parent, "oauth2", TOKEN)
    try:
        url = served.url.replace("http://", "http://oauth2@") + "/status.git"
        http_target(home, url).publish(SITE, no_progress)
    finally:
        served.close()
    assert set(served.logins) == {"oauth2"}
    assert sorted(tree_of(bare)) == sorted([*SITE, ".nojekyll"])


def test_https_race_refused_by_the_server_is_rebuilt_on_top(
    home: Path, bare: Path, http_git: GitHttp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone pushes after the desk read the refs for its push but before its pack arrives:
    git's receive-pack refuses to move the branch from a stale tip; the desk builds again."""
    from dulwich.object_store import DiskObjectStore

    desk = http_target(home, f"{http_git.url}/status.git")
    desk.publish(SITE, no_progress)
    generate = DiskObjectStore.generate_pack_data
    theirs: list[str] = []

    def someone_pushes_meanwhile(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not theirs:
            theirs.append(push_from_elsewhere(bare, tmp_path / "other", "theirs.txt", b"x"))
        return generate(self, *args, **kwargs)

    monkeypatch.setattr(DiskObjectStore, "generate_pack_data", someone_pushes_meanwhile)
    receipt = desk.publish(site_of({"index.html": b"<h1>Outage</h1>"}), no_progress)

    assert theirs and log(bare, "%P")[0] == theirs[0]
    assert receipt.revision == run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    assert sorted(tree_of(bare)) == [".nojekyll", "index.html"]


def test_a_wrong_token_is_permanent_and_not_repeated(home: Path, http_git: GitHttp) -> None:
    desk = http_target(home, f"{http_git.url}/status.git", token="wrong-token-value")
    for attempt in (desk.test, lambda: desk.publish(SITE, no_progress)):
        with pytest.raises(Permanent, match=r"refused the token.*channel secret NAME token") as e:
            attempt()
        assert "wrong-token-value" not in str(e.value)


def test_an_unreachable_remote_is_transient(home: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    desk = http_target(home, f"http://127.0.0.1:{port}/status.git")
    with pytest.raises(Transient, match="could not be reached") as e:
        desk.publish(SITE, no_progress)
    assert TOKEN not in str(e.value)


def test_no_write_access_is_permanent_in_the_test_too(
    home: Path, bare: Path, http_git: GitHttp
) -> None:
    run_git("--git-dir", str(bare), "config", "http.receivepack", "false")  # read-only
    desk = http_target(home, f"{http_git.url}/status.git")
    for attempt in (desk.test, lambda: desk.publish(SITE, no_progress)):
        with pytest.raises(Permanent, match=r"HTTP 403.*write"):
            attempt()


def test_a_push_the_server_declines_is_permanent(home: Path, bare: Path, http_git: GitHttp) -> None:
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'gh-pages is protected' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(Permanent, match=r"refused the push: .*declined.*gh-pages is protected"):
        http_target(home, f"{http_git.url}/status.git").publish(SITE, no_progress)
    assert run_git("--git-dir", str(bare), "for-each-ref").strip() == ""


@pytest.mark.parametrize(
    ("status", "error"), [(503, Transient), (429, Transient), (400, Permanent)]
)
def test_http_statuses(home: Path, http_git: GitHttp, status: int, error: type) -> None:
    http_git.fail_with = status
    with pytest.raises(error, match=f"HTTP {status}"):
        http_target(home, f"{http_git.url}/status.git").publish(SITE, no_progress)


@pytest.fixture
def https_git(bare: Path, tmp_path: Path) -> Iterator[tuple[GitHttp, Path]]:
    """The same server over TLS, with a certificate for 127.0.0.1 from a test CA."""
    import trustme

    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    run_git("--git-dir", str(bare), "config", "http.receivepack", "true")
    served = GitHttp(bare.parent, TOKEN_USER, TOKEN, tls=context)
    yield served, ca_file
    served.close()


def test_https_verifies_the_certificate_against_ssl_cert_file(
    home: Path, bare: Path, https_git: tuple[GitHttp, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    served, ca_file = https_git
    assert served.url.startswith("https://")
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    receipt = http_target(home, f"{served.url}/status.git").publish(SITE, no_progress)
    assert receipt.revision == run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()


def test_an_untrusted_certificate_is_refused_not_ignored(
    home: Path,
    bare: Path,
    https_git: tuple[GitHttp, Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import trustme

    served, _ = https_git
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("SSL_CERT_FILE", str(other))
    with pytest.raises(Permanent, match=r"certificate.*SSL_CERT_FILE"):
        http_target(home, f"{served.url}/status.git").publish(SITE, no_progress)
    assert served.logins == []  # the token never left
    assert run_git("--git-dir", str(bare), "for-each-ref").strip() == ""


def test_a_killed_publish_leaves_nothing_that_blocks_the_next(home: Path, bare: Path) -> None:
    """A publish killed while it wrote the cache's ref leaves that ref's `.lock` file; the
    next publish (under the cache's lock, so no one else is writing) clears it."""
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    (desk.cache_dir / "refs" / "remotes" / "publish" / "gh-pages.lock").write_text("")
    receipt = desk.publish(site_of({"index.html": b"after the kill"}), no_progress)
    assert receipt.uploaded == 1
    assert show(bare, "gh-pages:index.html") == b"after the kill"


def test_a_locked_branch_in_a_local_repository_is_transient(home: Path, bare: Path) -> None:
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    before = run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    lock = bare / "refs" / "heads" / "gh-pages.lock"
    lock.write_text("")
    with pytest.raises(Transient, match=r"another git process.*gh-pages\.lock"):
        desk.publish(site_of({"index.html": b"new"}), no_progress)
    assert run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip() == before
    lock.unlink()
    assert desk.publish(site_of({"index.html": b"new"}), no_progress).uploaded == 1


def test_a_cname_the_host_wrote_stays_unless_the_site_brings_one(
    home: Path, bare: Path, tmp_path: Path
) -> None:
    """GitHub Pages commits CNAME when a custom domain is set and drops the domain when the
    file goes: the desk keeps it, while any other file someone added is replaced by the site."""
    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    work = tmp_path / "other"
    push_from_elsewhere(bare, work, "CNAME", b"status.example.com\n")
    (work / "stray.html").write_text("x")
    run_git("add", "stray.html", cwd=work)
    run_git("commit", "-q", "-m", "stray", cwd=work)
    run_git("push", "-q", "origin", "gh-pages", cwd=work)

    receipt = desk.publish(site_of({"index.html": b"v2"}), no_progress)
    assert sorted(tree_of(bare)) == [".nojekyll", "CNAME", "index.html"]
    assert show(bare, "gh-pages:CNAME") == b"status.example.com\n"
    assert receipt.deleted == len(SITE) - 1 + 1  # the old pages and the stray file

    desk.publish(site_of({"index.html": b"v2", "CNAME": b"new.example.com\n"}), no_progress)
    assert show(bare, "gh-pages:CNAME") == b"new.example.com\n"


@pytest.mark.parametrize("via", ["path", "http"])
def test_a_long_branch_is_fetched_from_its_tip_only(
    home: Path, bare: Path, tmp_path: Path, via: str
) -> None:
    """An existing gh-pages branch with history: the first publish fetches only the tip (the
    cache is shallow), builds on it, and later publishes fetch only what is new."""
    work = tmp_path / "history"
    run_git("init", "-q", "-b", "gh-pages", str(work))
    for i in range(4):
        (work / "old.html").write_text(f"version {i}\n")
        run_git("add", ".", cwd=work)
        run_git("commit", "-q", "-m", f"old {i}", cwd=work)
    run_git("push", "-q", str(bare), "gh-pages", cwd=work)
    oldest = run_git("rev-list", "--max-parents=0", "HEAD", cwd=work).strip()
    tip = run_git("rev-parse", "HEAD", cwd=work).strip()
    served = None
    if via == "http":
        run_git("--git-dir", str(bare), "config", "http.receivepack", "true")
        served = GitHttp(bare.parent, TOKEN_USER, TOKEN)
        desk = http_target(home, f"{served.url}/status.git")
    else:
        desk = target(home, str(bare))
    try:
        desk.publish(SITE, no_progress)
        cache = ["--git-dir", str(desk.cache_dir)]
        assert (desk.cache_dir / "shallow").read_text().split() == [tip]
        missing = subprocess.run(["git", *cache, "cat-file", "-e", oldest], capture_output=True)
        assert missing.returncode != 0  # never fetched
        theirs = push_from_elsewhere(bare, tmp_path / "other", "x.txt", b"x")
        desk.publish(site_of({"index.html": b"after"}), no_progress)
    finally:
        if served is not None:
            served.close()
    assert log(bare, "%s")[-4:] == ["old 3", "old 2", "old 1", "old 0"]
    assert log(bare, "%P")[0] == theirs
    run_git("--git-dir", str(bare), "fsck", "--strict", "--no-dangling")
    assert sorted(tree_of(bare)) == [".nojekyll", "index.html"]


def test_a_repository_this_user_cannot_write_is_permanent(home: Path, bare: Path) -> None:
    from tests.conftest import read_only

    desk = target(home, str(bare))
    desk.publish(SITE, no_progress)
    before = run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip()
    with read_only(bare):
        with pytest.raises(Permanent, match="not writable"):
            desk.test()
        with pytest.raises(Permanent, match="no permission to write"):
            desk.publish(site_of({"index.html": b"new"}), no_progress)
    assert run_git("--git-dir", str(bare), "rev-parse", "gh-pages").strip() == before
