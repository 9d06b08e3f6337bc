"""git over SSH for the git target: dulwich runs git-upload-pack / git-receive-pack on the
server through a paramiko connection made by hostkeys.connect — the server's key pinned in the
workspace's known_hosts (trust on first use, a changed key refused), the private key used from
memory, never the user's ~/.ssh, agent or ssh program. The server needs `git` on its PATH (every
git host has it); the repository path is as the SSH user sees it (`ssh://git@host/owner/repo.git`,
`git@host:owner/repo.git`)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from dulwich.client import SSHGitClient, SSHVendor

from statusdesk.channels.site.publish import hostkeys


class ClosingSSHGitClient(SSHGitClient):
    """dulwich's SSH client, whose `close` also closes every session it opened: dulwich leaves
    one open when the server hangs up before the exchange starts (no repository there)."""

    def _connect(self, cmd: bytes, path: str | bytes, protocol_version: int | None = None) -> Any:
        opened = super()._connect(cmd, path, protocol_version)
        self.__dict__.setdefault("opened", []).append(opened[0])
        return opened

    def close(self) -> None:
        for proto in self.__dict__.pop("opened", []):
            proto.close()
        super().close()


class PinnedSSHVendor(SSHVendor):
    def __init__(self, home: Path, private_key: str | None, timeout: float) -> None:
        self.home = home
        self.private_key = private_key
        self.timeout = timeout

    def run_command(  # type: ignore[override]
        self,
        host: str,
        command: bytes,
        username: str | None = None,
        port: int | None = None,
        password: str | None = None,
        key_filename: str | None = None,
        ssh_command: str | None = None,
        protocol_version: int | None = None,
    ) -> _Session:
        client = hostkeys.connect(
            self.home,
            host,
            port or 22,
            username or "git",
            password=None,
            private_key=self.private_key,
            timeout=self.timeout,
        )
        try:
            transport = client.get_transport()
            if transport is None:  # closed between the login and now
                raise OSError(f"the SSH connection to {host} closed")
            channel = transport.open_session(timeout=self.timeout)
            channel.settimeout(self.timeout)
            if protocol_version is not None and protocol_version > 0:
                # Asked without waiting for a reply: a server that does not accept it (AcceptEnv)
                # speaks protocol 0, which dulwich handles as well.
                channel.set_environment_variable("GIT_PROTOCOL", f"version={protocol_version}")
            channel.exec_command(command)
        except BaseException:
            client.close()
            raise
        return _Session(client, channel)


class _Session:
    """The file-like pair dulwich reads and writes, over one SSH channel."""

    def __init__(self, client: Any, channel: Any) -> None:
        self.client = client
        self.channel = channel

    @property
    def stderr(self) -> IO[bytes]:
        stream: IO[bytes] = self.channel.makefile_stderr("rb")
        return stream

    def can_read(self) -> bool:
        return bool(self.channel.recv_ready())

    def write(self, data: bytes) -> None:
        self.channel.sendall(data)

    def read(self, n: int | None = None) -> bytes:
        wanted = n if n is not None else 65536
        chunks: list[bytes] = []
        while wanted > 0:
            data: bytes = self.channel.recv(wanted)
            if not data:
                break
            chunks.append(data)
            if n is None:
                break
            wanted -= len(data)
        return b"".join(chunks)

    def close(self) -> None:
        try:
            self.channel.close()
        finally:
            self.client.close()
