"""An OS keyring stand-in for in-process tests, through keyring's own backend API, so
Desk.channels.set_channel_secret and KeyringSecrets run exactly as they do for a user. It has no
priority, so keyring never picks it on its own; tests/unit/test_secrets.py and the X CLI tests
use a real gnome-keyring instead.

Use: `memory_keyring = memkeyring.memory_keyring` in a test module, then take `memory_keyring`
as a fixture argument.
"""

from __future__ import annotations

import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend
