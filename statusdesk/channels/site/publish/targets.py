"""The publish targets by kind: what a site channel's `publish` setting accepts.

Each kind is a module named by import path and loaded on first use (boto3, paramiko and dulwich
are loaded only by a channel that publishes with them). Every module exposes the same names:

    SETTINGS: tuple[str, ...]      the site-channel settings it reads
    SECRETS: tuple[str, ...]       the keyring secrets it reads
    def settings_problems(settings: Mapping[str, object]) -> list[str]
    def from_settings(settings: Mapping[str, str], secret: Callable[[str], str | None],
                      home: Path) -> PublishTarget

A target's error message may say NAME where the channel's name goes (`statusdesk channel secret
NAME password`): it is built from settings alone and does not know it; the site channel fills
it in.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType

from statusdesk.channels.site.publish.base import PublishTarget

PUBLISH_KINDS: dict[str, str] = {
    "git": "statusdesk.channels.site.publish.git",
    "s3": "statusdesk.channels.site.publish.s3",
    "sftp": "statusdesk.channels.site.publish.sftp",
}

# What each kind reads, said here too so that `channel add` and `channel edit` know every key
# and secret of the site channel without importing a target's module (registry.SETTING_KEYS and
# the site channel's SECRETS are built from these). tests/unit/test_publish_s3.py checks that
# each module that exists says the same.
KIND_SETTINGS: dict[str, tuple[str, ...]] = {
    "git": ("remote", "branch", "git_author"),
    "s3": ("endpoint", "bucket", "prefix", "region"),
    "sftp": ("host", "port", "user", "path"),
}
KIND_SECRETS: dict[str, tuple[str, ...]] = {
    "git": ("token", "private_key"),
    "s3": ("access_key_id", "secret_access_key"),
    "sftp": ("password", "private_key"),
}


def all_settings() -> tuple[str, ...]:
    """Every setting any target reads, each once, in a stable order."""
    return tuple(dict.fromkeys(k for kind in sorted(KIND_SETTINGS) for k in KIND_SETTINGS[kind]))


def all_secrets() -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for kind in sorted(KIND_SECRETS) for k in KIND_SECRETS[kind]))


class TargetUnavailable(LookupError):
    """A kind this statusdesk names but cannot load (its module is missing or broken)."""


def kinds_text() -> str:
    return ", ".join(sorted(PUBLISH_KINDS))


def target_module(kind: str) -> ModuleType:
    """The module of a publish kind. Raises KeyError for an unknown kind, TargetUnavailable
    when its module cannot be loaded."""
    path = PUBLISH_KINDS[kind]
    try:
        return importlib.import_module(path)
    except ImportError as exc:
        missing = getattr(exc, "name", None) or str(exc)
        raise TargetUnavailable(
            f"publish={kind} is not available in this statusdesk: {path} cannot be loaded "
            f"(missing: {missing}); reinstall statusdesk, or publish with another of "
            f"{kinds_text()}"
        ) from exc


def settings_problems(kind: str, settings: Mapping[str, object]) -> list[str]:
    """What is wrong with a kind's settings; a missing module is itself the problem."""
    try:
        module = target_module(kind)
    except TargetUnavailable as exc:
        return [str(exc)]
    return list(module.settings_problems(settings))


def build_target(
    kind: str, settings: Mapping[str, str], secret: Callable[[str], str | None], home: Path
) -> PublishTarget:
    """The target of a site channel. Raises TargetUnavailable, or the module's own channel
    errors (a missing secret, wrong settings: Permanent)."""
    target: PublishTarget = target_module(kind).from_settings(settings, secret, home)
    return target
