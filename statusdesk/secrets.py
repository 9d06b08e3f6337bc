"""Channel secrets (tokens, passwords, signing keys) live in the OS keyring, under service
`statusdesk` and the user name `<channel>/<key>`; never in the workspace, a log or an export.

When no keyring backend works (a server without a Secret Service, a locked keyring that cannot
be opened), every call says so plainly, with what to do; there is no silent plaintext fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from statusdesk import redact
from statusdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "statusdesk"


class SecretsUnavailable(RuntimeError):
    """No usable keyring; the message says what to install or unlock."""


def _username(channel: str, key: str) -> str:
    return f"{channel}/{key}"


def _unavailable(cause: object) -> SecretsUnavailable:
    return SecretsUnavailable(
        QT_TRANSLATE_NOOP(
            "Problems",
            "No usable keyring to keep channel secrets in ({cause}). On a Linux desktop, install "
            "and unlock GNOME Keyring or KWallet (a Secret Service); on a server, run statusdesk "
            "inside a session that has one (e.g. `dbus-run-session` with `gnome-keyring-daemon "
            "--unlock`).",
        ).format(cause=cause)
    )


class KeyringSecrets:
    """The OS keyring through the `keyring` library (Secret Service, macOS Keychain, Windows
    Credential Locker)."""

    def _backend(self) -> KeyringBackend:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise _unavailable(QT_TRANSLATE_NOOP("Problems", "no backend found"))
        return backend

    def describe(self) -> str:
        """Which keyring holds the secrets, in words ("Secret Service (GNOME Keyring, KWallet)
        — keyring.backends.SecretService"); raises SecretsUnavailable when none works."""
        backend = self._backend()
        kind = type(backend)
        name = getattr(backend, "name", kind.__name__)
        return f"{name} — {kind.__module__}"

    def get(self, channel: str, key: str) -> str | None:
        from keyring.errors import KeyringError

        try:
            value = self._backend().get_password(SERVICE, _username(channel, key))
        except KeyringError as exc:
            raise _unavailable(exc) from exc
        if not isinstance(value, str):
            return None
        redact.remember(value)  # held by this process now: never in its logs or reports
        return value

    def set(self, channel: str, key: str, value: str) -> None:
        from keyring.errors import KeyringError

        redact.remember(value)  # first, so that not even a failure to store it can show it
        try:
            self._backend().set_password(SERVICE, _username(channel, key), value)
        except KeyringError as exc:
            raise _unavailable(exc) from exc

    def delete(self, channel: str, key: str) -> bool:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._backend().delete_password(SERVICE, _username(channel, key))
        except PasswordDeleteError:
            return False
        except KeyringError as exc:
            raise _unavailable(exc) from exc
        return True
