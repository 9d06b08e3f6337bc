"""How a desk signs in to a team workspace's PostgreSQL server without a password ever being
written where it could be read: not in the URL (a command line shows in the process list and
the shell's history), not in a setting, not in the database.

The password, when the server asks for one, comes from the OS keyring (`statusdesk db password
URL` puts it there, under the server's user@host:port/database), or from libpq's own places:
~/.pgpass, PGPASSFILE, PGPASSWORD, or none at all (peer, trust or certificate authentication).
"""

from __future__ import annotations

from typing import Protocol

from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.store.db import WorkspaceError
from statusdesk.store.postgres.database import where

KEYRING_CHANNEL = "postgres"  # the keyring entry's "channel" (secrets.py keys by channel, key)
SCHEMES = ("postgresql://", "postgres://")


class SecretReader(Protocol):
    def get(self, channel: str, key: str) -> str | None: ...


def is_postgres_url(text: str) -> bool:
    return text.strip().lower().startswith(SCHEMES)


def require_driver() -> None:
    """psycopg and its pool, or WorkspaceError saying how to install them: a single desk on
    SQLite installs neither (they are the `team` extra)."""
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError as missing:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "A team desk on PostgreSQL needs psycopg, which is not installed here ({name}). "
                "Install it with `pip install 'statusdesk[team]'` (or `pip install "
                "'psycopg[binary,pool]'`), then try again. A workspace in its own folder needs "
                "nothing more.",
            ).format(name=missing.name or "psycopg")
        ) from None


def check_url(url: str) -> str:
    """`url`, if it names a PostgreSQL database and holds no password; WorkspaceError saying
    what to do otherwise (also when the driver is not installed)."""
    require_driver()
    from psycopg.conninfo import conninfo_to_dict

    if not is_postgres_url(url):
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "{url} is not a PostgreSQL URL: give one like "
                "postgresql://user@host/database (add ?sslmode=verify-full for TLS).",
            ).format(url=url.split("@")[-1][:200])
        )
    try:
        parts = conninfo_to_dict(url)
    except Exception as error:
        raise WorkspaceError(
            QT_TRANSLATE_NOOP("Problems", "The PostgreSQL URL cannot be read: {error}").format(
                error=str(error).splitlines()[0] if str(error) else type(error).__name__
            )
        ) from None
    if parts.get("password"):
        raise WorkspaceError(
            QT_TRANSLATE_NOOP(
                "Problems",
                "The URL for {server} holds a password, which would show in the process list and "
                "the shell's history. Give the URL without it and keep the password in the "
                "keyring (statusdesk db password {server_url}) or in ~/.pgpass.",
            ).format(server=where(url), server_url=without_password(url))
        )
    return url


def without_password(url: str) -> str:
    """`url` as postgresql://user@host:port/database, its password and options left out."""
    return f"postgresql://{where(url)}"


def password_for(url: str, secrets: SecretReader) -> str | None:
    """The keyring's password for the server `url` names, or None: libpq then looks further
    (~/.pgpass, PGPASSWORD), and a server that needs none (peer, trust, a certificate) never
    asks. No keyring here (a server without a Secret Service) is the same as no entry."""
    from statusdesk.secrets import SecretsUnavailable

    try:
        return secrets.get(KEYRING_CHANNEL, where(url))
    except SecretsUnavailable:
        return None
