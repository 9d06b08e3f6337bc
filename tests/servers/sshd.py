"""A real OpenSSH server (Debian's openssh-server) on a free 127.0.0.1 port, run by the tests as
the current user: its own config, its own host key (ssh-keygen), its own authorized_keys file,
no PAM, no privilege needed. As root (CI's containers) it logs root in by key.

    with Sshd.start(tmp_path / "sshd") as server:
        key_text = server.client_key_text        # an authorized Ed25519 key (OpenSSH form)
        server.port, server.user, server.host
        server.new_host_key("ecdsa")              # restart on the same port with a new key

sftp is OpenSSH's internal-sftp; git over SSH works too (exec of git-upload-pack /
git-receive-pack through the user's shell). `extra_config` adds sshd_config lines;
`password` (root only) makes password login real: sshd runs in its own mount namespace where
/etc/shadow is a copy with that password for this user. `sftp_flags` are internal-sftp's
options (`-R`: a read-only account); `file_size_limit` starts sshd with RLIMIT_FSIZE (and
SIGXFSZ ignored, so a write past it fails with EFBIG instead of killing the session), which
makes uploads fail as on a full quota.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import resource
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SSHD = "/usr/sbin/sshd"
START_WAIT = 30.0  # a condition's deadline (a loaded CI runner), not an expectation


def sshd_path() -> str | None:
    found = shutil.which("sshd") or (SSHD if os.path.exists(SSHD) else None)
    return found if found and shutil.which("ssh-keygen") else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def keygen(path: Path, kind: str = "ed25519", *, fmt: str | None = None, bits: int = 0) -> Path:
    """A new unencrypted key pair at `path` (and `path`.pub)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + ".pub").unlink()
    args = ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", "statusdesk-test", "-f", str(path)]
    if fmt:
        args += ["-m", fmt]
    if bits:
        args += ["-b", str(bits)]
    subprocess.run(args, check=True, capture_output=True)
    return path


@dataclass
class Sshd:
    root: Path
    port: int
    sshd: str
    extra_config: tuple[str, ...] = ()
    file_size_limit: int | None = None
    sftp_flags: str = ""
    password: str | None = None
    host: str = "127.0.0.1"
    user: str = field(default_factory=lambda: pwd.getpwuid(os.geteuid()).pw_name)
    process: subprocess.Popen[bytes] | None = None

    @classmethod
    @contextlib.contextmanager
    def start(
        cls,
        root: Path,
        *,
        extra_config: tuple[str, ...] = (),
        file_size_limit: int | None = None,
        sftp_flags: str = "",
        password: str | None = None,
        host_key: str = "ed25519",
    ) -> Iterator[Sshd]:
        found = sshd_path()
        if found is None:
            raise RuntimeError("sshd or ssh-keygen not found (Debian package openssh-server)")
        root.mkdir(parents=True, exist_ok=True)
        server = cls(root, free_port(), found, extra_config, file_size_limit, sftp_flags, password)
        keygen(server.client_key)
        server.authorize(server.client_key.with_name(server.client_key.name + ".pub"))
        keygen(server.host_key, host_key)
        server._run()
        try:
            yield server
        finally:
            server.stop()

    # Paths -------------------------------------------------------------------------------
    @property
    def client_key(self) -> Path:
        return self.root / "client_ed25519"

    @property
    def client_key_text(self) -> str:
        return self.client_key.read_text()

    @property
    def host_key(self) -> Path:
        return self.root / "host_key"

    @property
    def authorized_keys(self) -> Path:
        return self.root / "authorized_keys"

    @property
    def log(self) -> Path:
        return self.root / "sshd.log"

    def authorize(self, public_key: Path) -> None:
        with self.authorized_keys.open("a") as out:
            out.write(public_key.read_text())

    def host_fingerprint(self) -> str:
        shown = subprocess.run(
            ["ssh-keygen", "-l", "-E", "sha256", "-f", str(self.host_key)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return shown.split()[1]

    # Life --------------------------------------------------------------------------------
    def _config(self) -> Path:
        lines = [
            f"Port {self.port}",
            f"ListenAddress {self.host}",
            f"HostKey {self.host_key}",
            f"PidFile {self.root / 'sshd.pid'}",
            f"AuthorizedKeysFile {self.authorized_keys}",
            "StrictModes no",
            "UsePAM no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication yes",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin yes",
            f"Subsystem sftp internal-sftp {self.sftp_flags}".rstrip(),
            "LogLevel VERBOSE",
            "MaxStartups 100",
            *self.extra_config,
        ]
        config = self.root / "sshd_config"
        config.write_text("\n".join(lines) + "\n")
        return config

    def _run(self) -> None:
        if os.geteuid() == 0:
            # Debian's sshd, started by root, insists on its privilege separation folder.
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        config = self._config()
        limit = self.file_size_limit

        def limits() -> None:
            if limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        argv = [self.sshd, "-D", "-e", "-f", str(config)]
        if self.password is not None:
            argv = self._with_password(argv)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                argv,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=limits,
            )
        self._wait_ready()

    def _with_password(self, argv: list[str]) -> list[str]:
        """Real password authentication without PAM and without touching the machine: sshd
        runs in its own mount namespace (root only) where /etc/shadow is a copy giving this
        user `password`; the real file is never changed."""
        if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("openssl"):
            raise RuntimeError("password login needs root, unshare(1) and openssl(1)")
        hashed = subprocess.run(
            ["openssl", "passwd", "-6", "-stdin"],
            input=self.password,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        shadow = self.root / "shadow"
        lines = []
        for line in Path("/etc/shadow").read_text().splitlines():
            fields = line.split(":")
            if fields[0] == self.user:
                fields[1] = hashed
            lines.append(":".join(fields))
        shadow.write_text("\n".join(lines) + "\n")
        shadow.chmod(0o600)
        mount = 'mount --bind "$0" /etc/shadow && exec "$@"'
        return [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            mount,
            str(shadow),
            *argv,
        ]

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_WAIT
        while True:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"sshd exited: {self.log.read_text(errors='replace')}")
            try:
                with socket.create_connection((self.host, self.port), timeout=2) as probe:
                    if probe.recv(64).startswith(b"SSH-2.0"):
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"sshd did not answer: {self.log.read_text(errors='replace')}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=START_WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self._run()

    def new_host_key(self, kind: str = "ed25519") -> None:
        """The server's host key replaced (a reinstalled server, or someone in the middle)."""
        self.stop()
        keygen(self.host_key, kind)
        self._run()
