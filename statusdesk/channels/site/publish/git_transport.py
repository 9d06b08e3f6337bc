"""The git target's connections (git.py publishes through these): a dulwich client for each kind
of remote, its faults as channel errors, and no git configuration read on the way.

- file:// and local paths: dulwich's in-process client (no `git` program), which moves the
  branch only if it still points where the desk last saw it.
- https:// (http:// only to this machine): HTTP Basic auth with the token as the password and the
  URL's user name, else TOKEN_USER. The token travels only in the Authorization header of
  requests to the remote's own origin (dulwich drops it on a redirect elsewhere); it is never put
  in a URL, so no error or log that quotes a URL carries it.
- ssh:// and `user@host:path`: see git_ssh.py (the host key pinned as for sftp).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from statusdesk.channels.base import ChannelError, Permanent, Transient
from statusdesk.channels.targets import host_problem, send_time_problem
from statusdesk.redact import redact

if TYPE_CHECKING:
    from dulwich.client import GitClient

# GitHub's name for a token's user; GitLab wants `oauth2`, Bitbucket `x-token-auth` (named in the
# URL: https://oauth2@gitlab.com/…); Gitea, Forgejo and Codeberg accept any name.
TOKEN_USER = "x-access-token"
# What git (and hosts' SSH front ends) print when the repository is missing or not the key's.
# (GitHub: "Repository not found.", "Permission to o/r.git denied to deploy key", "The key you
# are authenticating with has been marked as read only."; GitLab: "You are not allowed to push
# code to this project.", "The project you were looking for could not be found".)
_NO_ACCESS = re.compile(
    r"(?i)not (?:appear to be )?a git repository|repository not found|permission denied|"
    r"access denied|not found|does not exist|denied to|read.only|not allowed|"
    r"could not be found"
)


@dataclass(frozen=True)
class Remote:
    scheme: str  # https, http, ssh, file (a file:// URL or a local path)
    url: str  # as set (never with a secret: the settings refuse one)
    host: str = ""
    port: int | None = None
    user: str | None = None
    path: str = ""


def connect(
    remote: Remote,
    home: Path,
    *,
    token: str | None,
    private_key: str | None,
    timeout: float,
) -> tuple[GitClient, str]:
    """A dulwich client for `remote`, and the repository's path as that client names it."""
    from dulwich.client import LocalGitClient, Urllib3HttpGitClient

    if remote.scheme == "file":
        return LocalGitClient(), remote.path
    if remote.scheme == "ssh":
        problem = host_problem("remote", remote.host)
        if problem:
            raise Permanent(f"{problem}.")
        from statusdesk.channels.site.publish.git_ssh import ClosingSSHGitClient, PinnedSSHVendor

        vendor = PinnedSSHVendor(home, private_key, timeout)
        user = remote.user or _login()
        ssh = ClosingSSHGitClient(remote.host, port=remote.port, username=user, vendor=vendor)
        return ssh, remote.path
    problem = send_time_problem(remote.url)
    if problem:
        raise Permanent(f"{problem}.")
    parts = urlsplit(remote.url)
    netloc = parts.hostname or ""
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    base = f"{parts.scheme}://{netloc}{parts.path}"
    # config=None: no git configuration is read (no credential helper, no extra headers).
    client = Urllib3HttpGitClient(
        base,
        config=None,
        pool_manager=_pool_manager(base, timeout),
        username=(remote.user or TOKEN_USER) if token else None,
        password=token,
        timeout=timeout,
    )
    return client, ""


def _pool_manager(base: str, timeout: float) -> Any:
    """dulwich's own pool manager (proxies from the environment, TLS verified, no git
    configuration read), remembering its responses: dulwich leaves a refused request's response
    (401, 404) unread and its connection open, which `close` closes."""
    import urllib3
    from dulwich.client import default_urllib3_manager

    class Remembering:
        responses: list[Any]

        def urlopen(self, *args: Any, **kwargs: Any) -> Any:
            response = super().urlopen(*args, **kwargs)  # type: ignore[misc]
            self.__dict__.setdefault("responses", []).append(response)
            return response

    class Pool(Remembering, urllib3.PoolManager):
        pass

    class Proxy(Remembering, urllib3.ProxyManager):
        pass

    return default_urllib3_manager(
        None, pool_manager_cls=Pool, proxy_manager_cls=Proxy, base_url=base, timeout=timeout
    )


def close(client: GitClient) -> None:
    """Close the client and its HTTP connections (dulwich leaves its pool open)."""
    client.close()
    pool = getattr(client, "pool_manager", None)
    if pool is not None:
        for response in pool.__dict__.get("responses", []):
            response.close()
        pool.clear()


def clean(text: str, token: str | None) -> str:
    """Server text as it may be kept: without the token, redacted, one short paragraph."""
    if token:
        text = text.replace(token, "[redacted]")
    return redact(text.strip())[:300]


@contextmanager
def errors(where: str, token: str | None) -> Iterator[None]:
    """Every fault as a channel error that says what to do; never a library exception."""
    from dulwich.client import HTTPProxyUnauthorized, HTTPUnauthorized
    from dulwich.errors import GitProtocolError, HangupException, NotGitRepository
    from dulwich.file import FileLocked

    try:
        yield
    except ChannelError:
        raise
    except HTTPUnauthorized:
        raise Permanent(
            f"{where} refused the token (HTTP 401): set a token with write access to the "
            "repository with `statusdesk channel secret NAME token`"
            + ("" if token else " (none is set)")
        ) from None
    except HTTPProxyUnauthorized:
        raise Permanent(
            f"the HTTP proxy refused to carry the push to {where} (407): fix the proxy's "
            "login in https_proxy"
        ) from None
    except NotGitRepository:
        raise Permanent(
            f"there is no git repository at {where}: create it first (on a host, the "
            "repository; on this machine, `git init --bare PATH`), or fix the remote"
        ) from None
    except FileLocked as locked:
        name = os.fsdecode(locked.lockfilename)
        raise Transient(
            f"{where} is being changed by another git process (it holds {name}); if none is "
            "running, that file was left by one that was killed: remove it"
        ) from None
    except HangupException as error:
        said = clean(str(error), token)
        if _NO_ACCESS.search(said):
            raise Permanent(
                f"{where} has no repository there or refuses this key ({said}): check the "
                "path and give the key write access (a deploy key with write access)"
            ) from None
        raise Transient(
            f"{where} hung up during the exchange ({said or 'no reason given'})"
        ) from None
    except GitProtocolError as error:
        said = clean(str(error), token)
        if isinstance(error.__cause__, (GitProtocolError, type(None))) and _NO_ACCESS.search(said):
            # The server's own words (an `ERROR:` line of its SSH front end).
            raise Permanent(
                f"{where} refused: {said} — give the key or token write access to the "
                "repository, or fix the remote"
            ) from None
        raise _protocol_error(where, said, error.__cause__) from None
    except OSError as error:
        said = clean(str(error), token) or type(error).__name__
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise Permanent(
                f"{where}: no permission to write ({said}); give this user write access to the "
                "repository, or push elsewhere"
            ) from None
        raise Transient(f"{where}: {said}") from None


def _protocol_error(where: str, text: str, cause: BaseException | None) -> ChannelError:
    status = re.search(r"unexpected http resp (\d{3})", text)
    if status:
        code = int(status[1])
        if code == 403:
            return Permanent(
                f"{where} refused access (HTTP 403): the token has no write access to this "
                "repository; give it write (contents) permission or set another with "
                "`statusdesk channel secret NAME token`"
            )
        if code in (408, 425, 429) or code >= 500:
            return Transient(f"{where} answered HTTP {code}: the host is having trouble")
        return Permanent(f"{where} answered HTTP {code}: check the remote's URL")
    if cause is not None and "CERTIFICATE_VERIFY_FAILED" in str(cause):
        return Permanent(
            f"{where}: the server's TLS certificate could not be verified ({text}); if it is "
            "signed by a private authority, point SSL_CERT_FILE at its certificate"
        )
    if re.search(r"(?i)no space|quota|disk full", text):
        return Transient(f"{where} could not store the push: {text}")
    return Transient(f"{where} could not be reached or broke off: {text}")


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "git"
