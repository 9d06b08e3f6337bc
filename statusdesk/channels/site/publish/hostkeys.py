"""SSH connections for the publish targets (sftp, git over SSH), with the server's host key
pinned in the workspace (ARCHITECTURE §4).

- The workspace's own `known_hosts` (`<home>/known_hosts`, 0600) holds the keys: the user's
  `~/.ssh` is never read, no agent is asked, no key file is looked for.
- Trust on first use: the first connection to a host (and port) pins the key it shows. Later a
  different key — another key of the same type, or a key of another type when one is already
  pinned — is refused with a Permanent error that names both fingerprints (SHA256:…, as
  `ssh-keygen -l` shows them) and says how to accept the new key: remove the host's line from
  the workspace's `known_hosts` (by hand, or `ssh-keygen -R '[host]:port' -f <home>/known_hosts`)
  and publish again, which pins the new key.
- The private key is the text kept in the keyring (OpenSSH or PEM; Ed25519, ECDSA, RSA), loaded
  in memory and never written to a file. An encrypted key is refused with what to do.
- Faults are channel errors: Transient (unreachable, refused, timeout, a connection cut during
  the handshake), Permanent (authentication refused, a changed host key, an unusable key).

Only the targets import this module, and only when they publish (paramiko is heavy).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import socket
from pathlib import Path

import paramiko

from statusdesk import private
from statusdesk.channels.base import Permanent, Transient
from statusdesk.redact import redact

KNOWN_HOSTS = "known_hosts"


def known_hosts_path(home: Path) -> Path:
    return home / KNOWN_HOSTS


def host_entry(host: str, port: int) -> str:
    """The host's name in known_hosts: `host` on port 22, `[host]:port` otherwise (as OpenSSH)."""
    return host if port == 22 else f"[{host}]:{port}"


def fingerprint(key: paramiko.PKey) -> str:
    """`SHA256:…`, the form `ssh-keygen -l` and OpenSSH's own warnings show."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


def accept_hint(home: Path, host: str, port: int) -> str:
    entry = host_entry(host, port)
    path = known_hosts_path(home)
    return (
        f"If the server's key was really replaced (ask its administrator; otherwise someone may "
        f"be intercepting the connection), remove the line for {entry} from {path} "
        f"(or run: ssh-keygen -R '{entry}' -f '{path}'); the next connection pins the new "
        "key: check it with `statusdesk channel test NAME`, then retry the failed delivery "
        "(`statusdesk delivery retry ID`)"
    )


class HostKeyChanged(paramiko.SSHException):
    def __init__(self, entry: str, old: paramiko.PKey, new: paramiko.PKey) -> None:
        super().__init__(f"host key of {entry} changed")
        self.old = old
        self.new = new


def _pinned(home: Path) -> paramiko.HostKeys:
    path = known_hosts_path(home)
    keys = paramiko.HostKeys()
    if path.exists():
        private.tighten(path, private.FILE_MODE)
        try:
            keys.load(str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise Permanent(
                f"Cannot read the pinned SSH host keys in {path} ({_said(exc)}): make it a "
                "readable text file (or remove it: each server's key is then pinned again)"
            ) from None
    return keys


def _pin(home: Path, entry: str, key: paramiko.PKey) -> None:
    line = f"{entry} {key.get_name()} {key.get_base64()}\n"
    with open(known_hosts_path(home), "a", encoding="ascii", opener=private.opener) as out:
        out.write(line)
        out.flush()
        os.fsync(out.fileno())


class _TrustOnFirstUse(paramiko.MissingHostKeyPolicy):
    """Called by paramiko when no key *of the server's key type* is pinned for the host: pins
    it when the host has none at all, refuses it when the host has a key of another type."""

    def __init__(self, home: Path, entry: str, pinned: paramiko.HostKeys) -> None:
        self.home = home
        self.entry = entry
        self.pinned = pinned

    def missing_host_key(
        self, client: paramiko.SSHClient, hostname: str, key: paramiko.PKey
    ) -> None:
        held = self.pinned.lookup(self.entry)
        if held:
            old = next(iter(held.values()))
            raise HostKeyChanged(self.entry, old, key)
        _pin(self.home, self.entry, key)


_KEY_CLASSES: tuple[type[paramiko.PKey], ...] = (
    paramiko.Ed25519Key,
    paramiko.ECDSAKey,
    paramiko.RSAKey,
)


def load_private_key(text: str) -> paramiko.PKey:
    """The key from the keyring's text, in memory. Permanent with what to do when unusable."""
    text = text.strip() + "\n"
    if "-----BEGIN ENCRYPTED PRIVATE KEY-----" in text or "Proc-Type: 4,ENCRYPTED" in text:
        raise _encrypted()
    if "BEGIN PRIVATE KEY" in text:  # PKCS#8 PEM: paramiko reads the OpenSSL and OpenSSH forms
        text = _pkcs8_to_openssh(text)
    for kind in _KEY_CLASSES:
        try:
            return kind.from_private_key(io.StringIO(text))
        except paramiko.PasswordRequiredException:
            raise _encrypted() from None
        except (paramiko.SSHException, ValueError, TypeError, IndexError):
            continue
    raise Permanent(
        "The private_key secret is not an SSH private key paramiko can read (Ed25519, ECDSA or "
        "RSA, in OpenSSH or PEM form): store the whole key file's text with "
        "`statusdesk channel secret NAME private_key < keyfile`"
    )


def _encrypted() -> Permanent:
    return Permanent(
        "The private_key secret is protected by a passphrase, which the desk cannot type: "
        "make an unencrypted copy (ssh-keygen -p -N '' -f COPY) and store that one with "
        "`statusdesk channel secret NAME private_key < COPY`; the keyring protects it"
    )


def _pkcs8_to_openssh(text: str) -> str:
    from cryptography.hazmat.primitives import serialization

    try:
        key = serialization.load_pem_private_key(text.encode(), password=None)
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        ).decode()
    except (ValueError, TypeError):
        return text  # not readable either way: the caller's loop says so


def connect(
    home: Path,
    host: str,
    port: int,
    user: str,
    *,
    password: str | None,
    private_key: str | None,
    timeout: float = 20.0,
) -> paramiko.SSHClient:
    """An authenticated SSH connection to `user@host:port` with its host key checked against
    (or pinned into) `<home>/known_hosts`. The caller closes it."""
    if not password and not private_key:
        raise Permanent(
            "No SSH credential: store a private key with `statusdesk channel secret NAME "
            "private_key < keyfile` or a password with `statusdesk channel secret NAME password`"
        )
    pkey = load_private_key(private_key) if private_key else None
    entry = host_entry(host, port)
    pinned = _pinned(home)
    client = paramiko.SSHClient()
    # The workspace's keys only (never the user's ~/.ssh/known_hosts): paramiko consults this
    # set, preferring the pinned key's type in the key exchange, and calls the policy otherwise.
    for kind, key in (pinned.lookup(entry) or {}).items():
        client.get_host_keys().add(entry, kind, key)
    client.set_missing_host_key_policy(_TrustOnFirstUse(home, entry, pinned))
    where = f"{user}@{host}:{port}"
    try:
        client.connect(
            host,
            port=port,
            username=user,
            password=password or None,
            pkey=pkey,
            timeout=timeout,
            banner_timeout=timeout,
            auth_timeout=timeout,
            channel_timeout=timeout,
            allow_agent=False,
            look_for_keys=False,
        )
    except HostKeyChanged as changed:
        client.close()
        raise _changed(home, host, port, changed.old, changed.new) from None
    except paramiko.BadHostKeyException as bad:
        client.close()
        raise _changed(home, host, port, bad.expected_key, bad.key) from None
    except paramiko.AuthenticationException as refused:
        client.close()
        raise Permanent(
            f"{where} refused the {'key' if pkey else 'password'} ({_said(refused)}): check the "
            "user setting and the credential (the public key must be in the server's "
            "authorized_keys)"
        ) from None
    except TimeoutError as slow:
        client.close()
        raise Transient(
            f"No answer from {host}:{port} within {timeout:g} s ({_said(slow)})"
        ) from None
    except paramiko.ssh_exception.NoValidConnectionsError:
        client.close()
        raise Transient(
            f"Cannot reach {host}:{port}: the connection was refused; is the SSH server "
            "running and the port setting right?"
        ) from None
    except socket.gaierror as unknown:
        client.close()
        raise Transient(
            f"Cannot find the host {host} ({_said(unknown)}): check the host setting"
        ) from None
    except (paramiko.SSHException, OSError, EOFError) as failed:
        client.close()
        raise Transient(f"SSH connection to {host}:{port} failed: {_said(failed)}") from None
    return client


def _said(error: BaseException) -> str:
    return redact(str(error) or type(error).__name__)


def _changed(home: Path, host: str, port: int, old: paramiko.PKey, new: paramiko.PKey) -> Permanent:
    return Permanent(
        f"The SSH host key of {host_entry(host, port)} changed: pinned "
        f"{old.get_name()} {fingerprint(old)}, the server now shows {new.get_name()} "
        f"{fingerprint(new)}; nothing was sent. {accept_hint(home, host, port)}"
    )
