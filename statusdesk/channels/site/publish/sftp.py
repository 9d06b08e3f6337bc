"""The sftp publish target (ARCHITECTURE §4): the site's files in a folder of an SSH server, over
SFTP (paramiko), the host key pinned in the workspace (hostkeys.py).

Settings `host`, `port` (22), `user`, `path` (the folder the web server serves; created when
missing); secrets `private_key` (the key file's text) or `password`.

A file goes up under a temporary name in its own folder (`.NAME.statusdesk.tmp`) and is then
renamed over the old one with OpenSSH's `posix-rename@openssh.com`, which replaces atomically: a
reader sees the old bytes or the new, never part of them. A process killed mid-upload leaves
only such a temporary file, which the next publish writes again (the same name) and renames.
After the uploads each new file is read back (its size, then its bytes' SHA-256) before old
files are removed and the manifest (`<path>/.statusdesk-manifest.json`) is written.

A full disk or quota (SFTP's generic failure while writing: OpenSSH reports ENOSPC, EDQUOT and
EFBIG that way) is Transient, the previous page staying online; no permission is Permanent.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import posixpath
import secrets as random
import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk.channels.base import Permanent, Transient
from statusdesk.channels.site.publish.base import (
    LINKED_TO_LAST,
    MANIFEST,
    Progress,
    PublishReceipt,
    SiteFile,
    publish_files,
)
from statusdesk.redact import redact

if TYPE_CHECKING:
    import paramiko

SETTINGS: tuple[str, ...] = ("host", "port", "user", "path")
SECRETS: tuple[str, ...] = ("password", "private_key")
DEFAULT_PORT = 22
TMP_SUFFIX = ".statusdesk.tmp"
TIMEOUT = 20.0
UPLOADERS = 4  # SFTP sessions writing at once on the one connection


def settings_problems(settings: Mapping[str, object]) -> list[str]:
    problems = []
    for key, what in (
        ("host", "the SSH server's name"),
        ("user", "the login"),
        ("path", "the folder"),
    ):
        if not str(settings.get(key) or "").strip():
            problems.append(f"sftp publishing needs {key} ({what}): --set {key}=…")
    if str(settings.get("path") or "").strip().startswith("~"):
        problems.append(
            "path: SFTP does not expand ~; give the folder relative to the login folder "
            "(www/status) or absolute (/home/USER/www/status)"
        )
    port = settings.get("port")
    if port not in (None, ""):
        try:
            number = int(str(port))
        except ValueError:
            number = 0
        if not 0 < number < 65536:
            problems.append(f"port must be a number from 1 to 65535, not {port!r}")
    return problems


def from_settings(
    settings: Mapping[str, str], secret: Callable[[str], str | None], home: Path
) -> SftpTarget:
    problems = settings_problems(settings)
    if problems:
        raise Permanent("; ".join(problems))
    password = secret("password")
    private_key = secret("private_key")
    if not password and not private_key:
        raise Permanent(
            "sftp publishing needs a credential: `statusdesk channel secret NAME private_key "
            "< keyfile` (the private key's text) or `statusdesk channel secret NAME password`"
        )
    return SftpTarget(
        home=home,
        host=settings["host"].strip(),
        port=int(settings.get("port") or DEFAULT_PORT),
        user=settings["user"].strip(),
        path=settings["path"].strip().rstrip("/") or "/",
        password=password,
        private_key=private_key,
    )


def tmp_name(remote: str) -> str:
    folder, name = posixpath.split(remote)
    return posixpath.join(folder, f".{name}{TMP_SUFFIX}")


class SftpTarget:
    kind = "sftp"

    def __init__(
        self,
        *,
        home: Path,
        host: str,
        port: int,
        user: str,
        path: str,
        password: str | None,
        private_key: str | None,
        timeout: float = TIMEOUT,
    ) -> None:
        self.home = home
        self.host = host
        self.port = port
        self.user = user
        self.path = path
        self._password = password
        self._private_key = private_key
        self.timeout = timeout

    def location(self) -> str:
        """Without the user: a URL's userinfo is blanked by redact (it can be a token)."""
        shown = self.path if self.path.startswith("/") else f"/~/{self.path}"
        return f"sftp://{self.host}:{self.port}{shown}"

    @contextlib.contextmanager
    def _store(self) -> Iterator[SftpStore]:
        from statusdesk.channels.site.publish import hostkeys

        client = hostkeys.connect(
            self.home,
            self.host,
            self.port,
            self.user,
            password=self._password,
            private_key=self._private_key,
            timeout=self.timeout,
        )
        try:
            store = SftpStore(self, client)
            try:
                yield store
            finally:
                store.close()
        finally:
            client.close()

    def publish(
        self, site: Mapping[str, SiteFile], progress: Progress, *, message: str | None = None
    ) -> PublishReceipt:
        # `message` is for targets that keep a history (git); files need none.
        with self._store() as store:
            return publish_files(store, site, progress)

    def test(self) -> str:
        probe = SiteFile(f".statusdesk-probe-{random.token_hex(6)}", b"statusdesk write test\n")
        with self._store() as store:
            store.put(probe)
            store.verify([probe])
            store.delete([probe.path])
        return (
            f"{self.location()}: logged in as {self.user}; "
            "a probe file written, read back and removed"
        )


class SftpStore:
    """The FileStore `publish_files` drives, on one SSH connection. Pages and feeds go up
    through `UPLOADERS` SFTP sessions at once (each request waits a round trip: in parallel a
    distant server costs a fraction of the time); an index page (`LINKED_TO_LAST`), the
    read-back, the removals and the manifest wait until every upload before them is done."""

    def __init__(self, target: SftpTarget, client: paramiko.SSHClient) -> None:
        self.target = target
        self.client = client
        self._folders: set[str] = set()
        self._local = threading.local()
        self._sessions: list[paramiko.SFTPClient] = []
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(UPLOADERS, thread_name_prefix="sftp-upload")
        self._pending: deque[Future[None]] = deque()
        _ = self.sftp  # the first session, opened now: its errors belong to the connection

    @property
    def sftp(self) -> paramiko.SFTPClient:
        """This thread's SFTP session (paramiko's client is not shared between threads)."""
        session: paramiko.SFTPClient | None = getattr(self._local, "sftp", None)
        if session is None:
            with _faults(self.target, "open an SFTP session"):
                session = self.client.open_sftp()
                channel = session.get_channel()
                if channel is not None:
                    channel.settimeout(self.target.timeout)
            with self._lock:
                self._sessions.append(session)
            self._local.sftp = session
        return session

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            with contextlib.suppress(OSError, EOFError):
                session.close()

    def _drain(self) -> None:
        """Wait for every upload handed out; raise the first one's error."""
        first: BaseException | None = None
        while self._pending:
            try:
                self._pending.popleft().result()
            except BaseException as exc:  # each is waited for before any is raised
                first = first or exc
        if first is not None:
            raise first

    def location(self) -> str:
        return self.target.location()

    def remote(self, path: str) -> str:
        return posixpath.join(self.target.path, path)

    def read_manifest(self) -> bytes | None:
        with _faults(self.target, "read the manifest"):
            try:
                with self.sftp.open(self.remote(MANIFEST), "rb") as held:
                    return bytes(held.read())
            except OSError as exc:
                if exc.errno == errno.ENOENT:
                    return None
                raise

    def put(self, file: SiteFile) -> None:
        """Handed to an uploader; an index page waits for the others and goes up itself."""
        if file.path in LINKED_TO_LAST:
            self._drain()
            self._put(self.remote(file.path), file.data)
            return
        while len(self._pending) >= 2 * UPLOADERS:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(self._put, self.remote(file.path), file.data))

    def write_manifest(self, data: bytes) -> None:
        self._drain()
        self._put(self.remote(MANIFEST), data)

    def _put(self, remote: str, data: bytes) -> None:
        tmp = tmp_name(remote)
        with _faults(self.target, f"store {remote}", writing=True):
            try:
                try:
                    self._write(tmp, data)
                except OSError as exc:
                    if exc.errno != errno.ENOENT:
                        raise
                    self._make_folders(posixpath.dirname(remote))
                    self._write(tmp, data)
            except OSError:
                self._forget(tmp)
                raise
        with _faults(self.target, f"rename {tmp} to {remote}"):
            self.sftp.posix_rename(tmp, remote)

    def _write(self, tmp: str, data: bytes) -> None:
        with self.sftp.open(tmp, "wb") as out:
            out.chmod(0o644)  # the web server (another user) reads it, whatever the umask
            out.set_pipelined(True)
            out.write(data)
            # Closing waits for every pipelined write's answer and raises the first error.
        # paramiko ignores an error in the answer to CLOSE itself (where a delayed write of a
        # full disk can surface), and a write may have been cut short: the size is the proof,
        # checked before the file is renamed into place.
        size = self.sftp.stat(tmp).st_size
        if size != len(data):
            raise OSError(f"Failure: {size} of {len(data)} bytes stored")

    def _forget(self, tmp: str) -> None:
        """A partial temporary file removed to give the space back; best effort (the next
        publish writes the same name again anyway)."""
        with contextlib.suppress(OSError, EOFError):
            self.sftp.remove(tmp)

    def _make_folders(self, folder: str) -> None:
        missing = []
        while folder not in ("", "/", ".") and folder not in self._folders:
            try:
                self.sftp.stat(folder)
                break
            except OSError as exc:
                if exc.errno != errno.ENOENT:
                    raise
                missing.append(folder)
                folder = posixpath.dirname(folder)
        for each in reversed(missing):
            try:
                self.sftp.mkdir(each, 0o755)
            except OSError:
                self.sftp.stat(each)  # made meanwhile (another desk) is fine; else its error
            self._folders.add(each)

    def verify(self, files: Sequence[SiteFile]) -> int:
        self._drain()
        for _ in self._pool.map(self._verify, files):
            pass
        return len(files)

    def _verify(self, file: SiteFile) -> None:
        remote = self.remote(file.path)
        with _faults(self.target, f"read back {remote}"):
            size = self.sftp.stat(remote).st_size
            data = b""
            if size == len(file.data):
                with self.sftp.open(remote, "rb") as back:
                    back.prefetch(size)
                    data = bytes(back.read())
        if size != len(file.data) or hashlib.sha256(data).hexdigest() != file.digest:
            raise Transient(
                f"{self.location()}: {file.path} read back differs from what was sent "
                f"({size} bytes instead of {len(file.data)}, or other bytes); the previous "
                "page stays listed and the next attempt uploads it again"
            )

    def delete(self, paths: Sequence[str]) -> None:
        self._drain()
        for path in paths:
            remote = self.remote(path)
            for each in (remote, tmp_name(remote)):
                with _faults(self.target, f"remove {each}"):
                    try:
                        self.sftp.remove(each)
                    except OSError as exc:
                        if exc.errno != errno.ENOENT:
                            raise


@contextlib.contextmanager
def _faults(target: SftpTarget, doing: str, *, writing: bool = False) -> Iterator[None]:
    """paramiko's and the socket's errors as channel errors that say what to do."""
    import paramiko

    where = target.location()
    try:
        yield
    except (Permanent, Transient):
        raise
    except OSError as exc:
        said = redact(str(exc.strerror or exc) if exc.errno else str(exc))
        if isinstance(exc, TimeoutError):
            raise Transient(f"{where}: no answer within {target.timeout:g} s to {doing}") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise Permanent(
                f"{where}: no permission to {doing} ({said}): the user {target.user} must be "
                "able to write in the path folder"
            ) from None
        if exc.errno is None and writing:
            raise Transient(
                f"{where}: the server could not {doing} ({said}): its disk or the account's "
                "quota is probably full; the previous page stays online. Free space on the "
                "server"
            ) from None
        if exc.errno is None and "unsupported" in said.lower():
            raise Permanent(
                f"{where}: the server cannot {doing} ({said}): it needs OpenSSH's "
                "posix-rename extension (an OpenSSH sftp server)"
            ) from None
        if exc.errno == errno.ENOENT:
            raise Permanent(f"{where}: cannot {doing}: no such file or folder ({said})") from None
        raise Transient(
            f"{where}: could not {doing} ({said}); the previous page stays online"
        ) from None
    except (EOFError, paramiko.SSHException) as exc:
        raise Transient(
            f"{where}: the connection was lost while trying to {doing} "
            f"({redact(str(exc) or type(exc).__name__)}); the previous page stays online"
        ) from None
