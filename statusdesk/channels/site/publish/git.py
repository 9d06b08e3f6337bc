"""The git publish target: the built site committed to a branch and pushed (GitHub, GitLab,
Codeberg or Cloudflare Pages serve such a branch), through dulwich — no `git` program needed.

    statusdesk channel add site public --set publish=git \\
        --set remote=https://github.com/acme/status.git --set branch=gh-pages
    statusdesk channel secret public token          # HTTPS: a token with write access
    statusdesk channel secret public private_key    # SSH: the key's OpenSSH/PEM text

- The remote is any URL git accepts: https:// (http:// only to this machine), ssh:// or
  `user@host:path`, file:// or an absolute local path. Over HTTPS the token is sent as the
  password of HTTP Basic auth, with the user name the URL names (`https://oauth2@gitlab.com/…`
  for GitLab, `x-token-auth@` for Bitbucket) or else `x-access-token` (GitHub; Gitea and Codeberg
  accept any name). Over SSH the key is used from memory and the server's host key is pinned in
  the workspace (hostkeys.py).
- The desk authors its own commits: author and committer are `git_author` (default
  DEFAULT_AUTHOR), never the machine's git configuration, which dulwich is never asked for.
- Each publish fetches the branch into a bare cache in the workspace (`<home>/.publish/git-…`,
  0700: objects only — no remote, no token, no work tree; shallow: the first fetch takes the
  tip alone), builds a tree of exactly the site's
  files plus `.nojekyll` (and a `CNAME` the branch holds: HOST_FILES), commits it on top of the
  branch's tip (or as the first commit of a new orphan branch) and pushes, stating the tip it
  builds on: a push that finds the branch moved (someone else pushed) is refused by the server,
  and the desk fetches again, rebuilds on the new tip and retries, never forcing. A tree equal
  to the tip's pushes nothing. After pushing, the branch is read back from the remote and must
  point at the pushed commit.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from statusdesk import private
from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site.publish.base import Progress, PublishReceipt, SiteFile
from statusdesk.channels.site.publish.git_transport import (
    Remote,
    clean,
    close,
    connect,
    errors,
)
from statusdesk.channels.targets import host_problem, is_loopback

if TYPE_CHECKING:
    from dulwich.client import GitClient
    from dulwich.objects import ObjectID
    from dulwich.refs import Ref
    from dulwich.repo import Repo

SETTINGS = ("remote", "branch", "git_author")
SECRETS = ("token", "private_key")
DEFAULT_BRANCH = "gh-pages"
# Not a person and not this machine: dulwich's own default would be `user@hostname`, which leaks
# the machine's name into a public history. `localhost` never routes mail and belongs to no
# account, so a host (GitHub) links these commits to nobody.
DEFAULT_AUTHOR = "statusdesk <statusdesk@localhost>"
NOJEKYLL = ".nojekyll"
# Files a host writes into the branch itself and reads back as settings: GitHub Pages commits
# `CNAME` when a custom domain is set, and takes the domain away when the file goes. Kept from
# the tip when the site does not bring its own.
HOST_FILES = ("CNAME",)
ATTEMPTS = 4  # pushes tried when someone else keeps pushing to the branch
TIMEOUT = 30.0
CACHE = ".publish"

_AUTHOR = re.compile(r"^[^<>\n]+ <[^<>\s]+>$")
_SCP = re.compile(r"^(?:(?P<user>[^@/:]+)@)?(?P<host>[^/:]+):(?P<path>.+)$")


def parse_remote(value: str) -> Remote:
    """The remote a setting names; ValueError saying what is wrong."""
    value = value.strip()
    if not value:
        raise ValueError("remote is required")
    if "://" in value:
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
        scheme = {"git+ssh": "ssh", "ssh+git": "ssh"}.get(scheme, scheme)
        if scheme == "file":
            if not parts.path:
                raise ValueError(f"remote {value} names no repository path")
            return Remote("file", value, path=parts.path)
        if scheme not in ("https", "http", "ssh"):
            raise ValueError(
                f"remote {value}: {scheme}:// is not supported; use https://, ssh://, "
                "user@host:path, file:// or an absolute path"
            )
        try:
            port = parts.port
        except ValueError as error:
            raise ValueError(f"remote {value}: {error}") from None
        if not parts.hostname:
            raise ValueError(f"remote {value} names no host")
        if parts.password is not None:
            raise ValueError(
                "remote carries a password or token in its URL; keep the URL without it and "
                "put the token in the keyring: `statusdesk channel secret NAME token`"
            )
        if scheme == "http" and not is_loopback(parts.hostname):
            raise ValueError(
                f"remote {value} must be an https:// address: the token would cross the "
                "network readable (http:// only for a server on this machine)"
            )
        return Remote(scheme, value, parts.hostname, port, parts.username, parts.path)
    scp = _SCP.match(value)
    if scp and not value.startswith(("/", ".", "~")):
        return Remote("ssh", value, scp["host"], None, scp["user"], scp["path"])
    path = Path(value).expanduser()
    if not path.is_absolute():
        raise ValueError(f"remote {value}: a local repository must be given as an absolute path")
    return Remote("file", value, path=str(path))


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    problems: list[str] = []
    remote = settings.get("remote")
    if not isinstance(remote, str) or not remote.strip():
        problems.append(
            "remote is required: the repository to push to (https://host/owner/repo.git, "
            "ssh://git@host/owner/repo.git, git@host:owner/repo.git, file:///path or /path)"
        )
    else:
        try:
            parsed = parse_remote(remote)
        except ValueError as error:
            problems.append(str(error))
        else:
            found = host_problem("remote", parsed.host) if parsed.host else None
            if found:
                problems.append(found)
    branch = settings.get("branch")
    if isinstance(branch, str) and branch.strip() and not valid_branch(branch.strip()):
        problems.append(f"branch {branch!r} is not a valid git branch name (e.g. gh-pages, pages)")
    author = settings.get("git_author")
    if isinstance(author, str) and author.strip() and not _AUTHOR.match(author.strip()):
        problems.append(f"git_author {author!r} must read `Name <email>`, e.g. `{DEFAULT_AUTHOR}`")
    return problems


def valid_branch(name: str) -> bool:
    """git check-ref-format's rules for a branch, as far as a setting needs them."""
    if not name or name.startswith(("-", "/")) or name.endswith(("/", ".", ".lock")):
        return False
    if any(bad in name for bad in ("..", "//", "@{", "\\")) or name == "@":
        return False
    if any(ord(c) < 0x21 or c in "~^:?*[\x7f" for c in name):
        return False
    return not any(part.startswith(".") for part in name.split("/"))


def from_settings(
    settings: Mapping[str, str], secret: Callable[[str], str | None], home: Path
) -> GitTarget:
    problems = settings_problems(settings)
    if problems:
        raise Permanent(f"{problems[0]}.")
    remote = parse_remote(settings["remote"])
    token = private_key = None
    if remote.scheme in ("https", "http"):
        token = secret("token")
        if not token and remote.scheme == "https":
            raise Permanent(
                "its git token is not set: set a token with write access to the repository "
                "with `statusdesk channel secret NAME token`"
            )
    elif remote.scheme == "ssh":
        private_key = secret("private_key")
        if not private_key:
            raise Permanent(
                "its git private_key is not set: set the SSH key (its OpenSSH or PEM text) with "
                "`statusdesk channel secret NAME private_key`, and add its public key to the "
                "repository as a deploy key with write access"
            )
    return GitTarget(
        remote,
        (settings.get("branch") or DEFAULT_BRANCH).strip(),
        (settings.get("git_author") or DEFAULT_AUTHOR).strip(),
        home,
        token=token,
        private_key=private_key,
    )


class _Moved(Exception):
    """The branch is no longer at the tip the commit was built on: fetch and rebuild."""


class GitTarget:
    kind = "git"

    def __init__(
        self,
        remote: Remote,
        branch: str,
        author: str,
        home: Path,
        *,
        token: str | None = None,
        private_key: str | None = None,
        now: Callable[[], datetime] | None = None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.remote = remote
        self.branch = branch
        self.ref = cast("Ref", f"refs/heads/{branch}".encode())
        self.author = author.encode()
        self.home = home
        self._token = token
        self._private_key = private_key
        self._now = now or (lambda: datetime.now(UTC))
        self.timeout = timeout

    def location(self) -> str:
        return f"{self.remote.url} (branch {self.branch})"

    @property
    def cache_dir(self) -> Path:
        """The bare cache of this remote and branch: objects and one ref, nothing secret."""
        key = hashlib.sha256(f"{self.remote.url}\n{self.branch}".encode()).hexdigest()[:16]
        return self.home / CACHE / f"git-{key}"

    # -- the connection ---------------------------------------------------------------------

    def _connect(self) -> tuple[GitClient, str]:
        return connect(
            self.remote,
            self.home,
            token=self._token,
            private_key=self._private_key,
            timeout=self.timeout,
        )

    # -- the workspace's cache --------------------------------------------------------------

    @contextmanager
    def _cache(self) -> Iterator[Repo]:
        """The bare cache, under a lock (two publishes of the same branch wait for each
        other). A cache that cannot be opened is only a cache: made again."""
        from dulwich.config import StackedConfig
        from dulwich.errors import NotGitRepository
        from dulwich.repo import Repo

        folder = self.cache_dir
        private.make_dir(folder.parent)
        lock_path = folder.parent / f"{folder.name}.lock"
        with open(lock_path, "a", opener=private.opener) as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            # Under this lock nobody else writes the cache: a ref's `.lock` file is what a
            # killed publish left behind.
            for stale in (*folder.glob("refs/**/*.lock"), *folder.glob("*.lock")):
                stale.unlink(missing_ok=True)
            try:
                repo = Repo(str(folder))
            except (NotGitRepository, OSError, ValueError, KeyError):
                shutil.rmtree(folder, ignore_errors=True)
                private.make_dir(folder)
                # No configuration of the machine's or user's is read, not even here.
                repo = Repo.init_bare(str(folder), config=StackedConfig([]))
            try:
                yield repo
            finally:
                repo.close()

    @property
    def _tracking(self) -> Ref:
        return cast("Ref", b"refs/remotes/publish/" + self.branch.encode())

    def _fetch(self, client: GitClient, path: str, repo: Repo) -> ObjectID | None:
        """The branch's tip on the remote (None when the branch does not exist yet), with its
        objects in the cache."""
        wanted: list[ObjectID | None] = [None]

        def determine_wants(
            refs: Mapping[Ref, ObjectID], depth: int | None = None
        ) -> list[ObjectID]:
            tip = refs.get(self.ref)
            wanted[0] = tip
            return [tip] if tip is not None and tip not in repo.object_store else []

        # The first fetch takes the tip alone (a long-lived gh-pages branch may hold years of
        # history the desk never needs); later ones take what is new since the cache's tip.
        first = self._tracking not in repo.refs
        client.fetch(
            path.encode(), repo, determine_wants=determine_wants, depth=1 if first else None
        )
        tip = wanted[0]
        if tip is not None:
            repo.refs[self._tracking] = tip
        return tip

    # -- the tree and the commit ------------------------------------------------------------

    def _tree(
        self, repo: Repo, site: Mapping[str, SiteFile], held: Mapping[str, ObjectID]
    ) -> tuple[ObjectID, dict[str, ObjectID]]:
        """Write the site's tree (and its blobs) into the cache: its id, and each file's blob.
        `held` is the tip's files: its HOST_FILES stay unless the site has its own."""
        from dulwich.objects import Blob, Tree

        store = repo.object_store
        blobs: dict[str, ObjectID] = {}
        for path, file in site.items():
            blob = Blob.from_string(file.data)
            if blob.id not in store:
                store.add_object(blob)
            blobs[path] = blob.id
        if NOJEKYLL not in blobs:
            empty = Blob.from_string(b"")
            if empty.id not in store:
                store.add_object(empty)
            blobs[NOJEKYLL] = empty.id
        for kept in HOST_FILES:
            if kept not in blobs and kept in held:
                blobs[kept] = held[kept]
        folders: dict[str, dict[bytes, tuple[int, ObjectID | None]]] = {"": {}}
        for path in sorted(blobs):
            parent, _, name = path.rpartition("/")
            folders.setdefault(parent, {})[name.encode()] = (0o100644, blobs[path])
            while parent:  # each folder is an entry of the folder above it
                above, _, own = parent.rpartition("/")
                entries = folders.setdefault(above, {})
                if own.encode() in entries:
                    break
                entries[own.encode()] = (0o040000, None)
                parent = above
        # Deepest folders first, so that each folder's subtrees have their ids.
        ids: dict[str, ObjectID] = {}
        for folder in sorted(folders, key=lambda f: f.count("/") + bool(f), reverse=True):
            tree = Tree()
            for entry, (mode, sha) in folders[folder].items():
                if sha is None:  # a folder: its tree was made already
                    sha = ids[f"{folder}/{entry.decode()}" if folder else entry.decode()]
                tree.add(entry, mode, sha)
            if tree.id not in store:
                store.add_object(tree)
            ids[folder] = tree.id
        return ids[""], blobs

    def _held(
        self, repo: Repo, tip: ObjectID | None
    ) -> tuple[ObjectID | None, dict[str, ObjectID]]:
        """The tip's tree id and its files' blob ids."""
        from dulwich.object_store import iter_tree_contents
        from dulwich.objects import Commit

        if tip is None:
            return None, {}
        commit = repo.object_store[tip]
        if not isinstance(commit, Commit):
            raise Permanent(f"{self.location()} does not point at a commit; fix the branch")
        held = {
            entry.path.decode("utf-8", "replace"): entry.sha
            for entry in iter_tree_contents(repo.object_store, commit.tree)
        }
        return commit.tree, held

    def _commit(self, repo: Repo, tree: ObjectID, tip: ObjectID | None, message: str) -> ObjectID:
        from dulwich.objects import Commit

        commit = Commit()
        commit.tree = tree
        commit.parents = [tip] if tip is not None else []
        commit.author = commit.committer = self.author
        seconds = int(self._now().timestamp())
        commit.author_time = commit.commit_time = seconds
        commit.author_timezone = commit.commit_timezone = 0
        commit.encoding = b"UTF-8"
        commit.message = message.encode() + (b"" if message.endswith("\n") else b"\n")
        repo.object_store.add_object(commit)
        return commit.id

    # -- publishing -------------------------------------------------------------------------

    def publish(
        self, site: Mapping[str, SiteFile], progress: Progress, *, message: str | None = None
    ) -> PublishReceipt:
        """Commit exactly `site` on the branch and push it (see the module's doc). `message` is
        the commit's (e.g. the incident and update published), else a dated generic one."""
        text = message or f"Status page update {self._now():%Y-%m-%d %H:%M} UTC"
        with errors(self.location(), self._token), self._cache() as repo:
            client, path = self._connect()
            try:
                for _attempt in range(ATTEMPTS):
                    tip = self._fetch(client, path, repo)
                    held_tree, held = self._held(repo, tip)
                    tree, blobs = self._tree(repo, site, held)
                    changed = sorted(p for p, sha in blobs.items() if held.get(p) != sha)
                    gone = [p for p in held if p not in blobs]
                    if tip is not None and tree == held_tree:
                        return self._receipt(tip, 0, 0, 1)
                    for done, name in enumerate(changed, start=1):
                        progress(done, len(changed), name)
                    commit = self._commit(repo, tree, tip, text)
                    try:
                        self._push(client, path, repo, tip, commit)
                    except _Moved:
                        continue
                    repo.refs[self._tracking] = commit
                    return self._receipt(
                        commit, len(changed), len(gone), self._read_back(client, path, commit)
                    )
            finally:
                close(client)
        raise Transient(
            f"{self.location()} kept moving: someone else pushed to the branch {ATTEMPTS} times "
            "while the page was being published (nothing was forced over their commits)"
        )

    def _receipt(
        self, revision: ObjectID, uploaded: int, deleted: int, verified: int
    ) -> PublishReceipt:
        return PublishReceipt(
            location=self.location(),
            revision=revision.decode(),
            uploaded=uploaded,
            deleted=deleted,
            verified=verified,
        )

    def _push(
        self, client: GitClient, path: str, repo: Repo, tip: ObjectID | None, commit: ObjectID
    ) -> None:
        """Move the branch from `tip` (None: create it) to `commit`; _Moved when it is elsewhere."""
        from dulwich.errors import SendPackError

        def update_refs(refs: dict[Ref, ObjectID]) -> dict[Ref, ObjectID]:
            if refs.get(self.ref) != tip:
                raise _Moved
            return {self.ref: commit}

        def pack(have: Any, want: Any, *, ofs_delta: bool = True, progress: Any = None) -> Any:
            return repo.object_store.generate_pack_data(
                have, want, shallow=repo.get_shallow(), ofs_delta=ofs_delta
            )

        remote_said: list[bytes] = []  # the server's own messages ("remote: …" in git)
        try:
            result = client.send_pack(path.encode(), update_refs, pack, progress=remote_said.append)
        except SendPackError:
            self._moved_since(client, path, tip)
            raise
        status = (result.ref_status or {}).get(self.ref)
        if status is not None:
            # Hosts word a stale tip differently ("failed to update ref", "fetch first",
            # "stale info"): whether the branch moved is asked of the remote itself.
            self._moved_since(client, path, tip)
            remote = " ".join(b"".join(remote_said).decode("utf-8", "replace").split())
            said = clean(f"{status} (remote: {remote})" if remote else status, self._token)
            if re.search(r"(?i)no space|quota|disk full|timed? ?out|try again", said):
                raise Transient(f"{self.location()} could not take the push now: {said}")
            raise Permanent(
                f"{self.location()} refused the push: {said} — check that the branch is not "
                "protected against pushes from this key or token"
            )

    def _moved_since(self, client: GitClient, path: str, tip: ObjectID | None) -> None:
        if client.get_refs(path.encode()).refs.get(self.ref) != tip:
            raise _Moved

    def _read_back(self, client: GitClient, path: str, commit: ObjectID) -> int:
        refs = client.get_refs(path.encode()).refs
        now = refs.get(self.ref)
        if now != commit:
            raise Transient(
                f"{self.location()} reads back {(now or b'nothing').decode()[:12]} instead of "
                f"the pushed commit {commit.decode()[:12]}: someone pushed right after; the "
                "next attempt publishes on top of it"
            )
        return 1

    # -- test -------------------------------------------------------------------------------

    def test(self) -> str:
        """Read access (the branch's refs) and write access as far as the remote checks it
        before a pack is sent: a push session is opened and closed with nothing pushed (HTTPS
        and SSH hosts refuse that session without write access; a local repository's folders
        are checked for writing)."""
        with errors(self.location(), self._token):
            client, path = self._connect()
            try:
                refs = client.get_refs(path.encode()).refs
                client.send_pack(
                    path.encode(),
                    lambda refs: {},
                    lambda *args, **kwargs: (0, iter([])),
                )
            finally:
                close(client)
            if self.remote.scheme == "file":
                self._local_writable()
        tip = refs.get(self.ref)
        where = (
            f"branch {self.branch} at {tip.decode()[:12]}"
            if tip
            else f"branch {self.branch} not there yet (the first publish creates it)"
        )
        if self.remote.scheme == "file":
            checked = "read the branches and found the repository writable"
        else:
            what = "key" if self.remote.scheme == "ssh" else "token" if self._token else "login"
            checked = f"read the branches and opened a push session with this {what}"
        return f"{self.location()}: {checked} (nothing pushed); {where}"

    def _local_writable(self) -> None:
        from dulwich.repo import Repo

        repo = Repo(self.remote.path)
        try:
            folders = [Path(repo.controldir()) / name for name in ("objects", "refs")]
        finally:
            repo.close()
        for folder in folders:
            if not os.access(folder, os.W_OK):
                raise Permanent(
                    f"{self.location()}: {folder} is not writable by this user; give it write "
                    "access or push elsewhere"
                )

    # -- errors -----------------------------------------------------------------------------
