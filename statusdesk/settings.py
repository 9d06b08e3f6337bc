"""Every workspace setting in one table: its key, what it means, its default, the values it
allows and whether the status page shows it (issue #12 §7).

The CLI (`statusdesk setting list | get | set`), the app's Settings window and the code that
uses a value all read it from here, so a setting cannot be documented as one thing and read as
another. Values are kept as text in the store's `setting` table; an absent row means the
default. Qt-free and I/O-free except through the Store handed in.

Not listed here: the app's own state kept in the same table (the keymap, recent palette
choices), which have their own windows.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from statusdesk.core.text.sanitize import BIDI_CONTROLS, is_forbidden, normalize

CADENCE = "incident.cadence_minutes"
GRACE = "schedule.grace_minutes"  # scheduling/due.py GRACE_SETTING
REMIND = "maintenance.remind_minutes"  # scheduling/maintenance.py REMIND_SETTING
ZONE = "display.timezone"  # scheduling/compose.py ZONE_SETTING
DIGITS = "display.digits"  # scheduling/digits.py DIGITS_SETTING
SITE_TITLE_EN = "site.title_en"
SITE_TITLE_AR = "site.title_ar"
SITE_LOGO_EN = "site.logo_en"
SITE_LOGO_AR = "site.logo_ar"
SITE_HOME_URL = "site.home_url"
SITE_SUBSCRIBE_URL = "site.subscribe_url"
SITE_ZONE = "site.timezone"
UI_LANGUAGE = "ui.language"  # gui/i18n/language.py; the app's --ui-language wins over it
THEME = "ui.theme"  # gui/widgets/theme.py
REVIEW_REQUIRED = "review.required"  # app/review.py (issue #17)
REVIEW_WAIVE = "review.waive"
STORE_URL = "store.url"  # workspace.py reads it before the workspace opens (issue #17)
DESK_AUTHOR = "desk.author"  # app/context.py: who this desk is (issue #17)
MAX_AUTHOR = 80

MAX_TITLE = 80
MAX_URL = 2000
# The next-update cadence's default and bounds; scheduling/promise.py takes them from here (this
# module sits below every layer that reads a setting: it needs only core).
DEFAULT_CADENCE_MIN = 30
MIN_CADENCE_MIN = 1
MAX_CADENCE_MIN = 24 * 60


class SettingError(ValueError):
    """A key or a value refused; str() is the sentence to show (it names the allowed ones)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class SettingsStore(Protocol):
    def setting(self, key: str) -> str | None: ...


def _minutes(low: float, high: float, *, whole: bool) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            value = float(text) if not whole else int(text)
        except ValueError:
            raise ValueError("not a number") from None
        if math.isnan(value) or not low <= value <= high:
            raise ValueError("out of range")
        return str(value) if whole else f"{value:g}"

    return check


def _zone(text: str) -> str:
    if text.upper() == "UTC":
        return "UTC"
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("not a zone") from None
    return text


def _choice(*choices: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if text.lower() not in choices:
            raise ValueError("not a choice")
        return text.lower()

    return check


def _title(text: str) -> str:
    if not text or len(text) > MAX_TITLE or any(ord(ch) < 32 for ch in text):
        raise ValueError("not a title")
    return text


def _web_address(text: str, *, mailto: bool = False) -> str:
    """An absolute http(s) address (or, with `mailto`, a mailto: one) the public page links to;
    empty for none. Anything else (javascript:, data:, a relative path) is refused: the page
    would run or hide it."""
    if not text:
        return ""
    if len(text) > MAX_URL or any(ord(ch) <= 32 or ord(ch) == 127 for ch in text):
        raise ValueError("not an address")
    parsed = urlsplit(text)
    scheme = parsed.scheme.lower()
    if mailto and scheme == "mailto":
        if "@" not in parsed.path or parsed.path.startswith("@") or parsed.path.endswith("@"):
            raise ValueError("not an address")
        return text
    if scheme not in ("http", "https") or not parsed.hostname:
        raise ValueError("not an address")
    if parsed.username is not None or parsed.password is not None:
        raise ValueError("a login in an address the public page shows")  # it would be public
    return text


def _postgres_url(text: str) -> str:
    """A team's PostgreSQL database (postgresql://user@host/database), without a password;
    empty for the folder's own SQLite file."""
    if not text:
        return ""
    if len(text) > MAX_URL or any(ord(ch) <= 32 or ord(ch) == 127 for ch in text):
        raise ValueError("not a database address")
    parsed = urlsplit(text)
    if parsed.scheme.lower() not in ("postgresql", "postgres"):
        raise ValueError("not a PostgreSQL address")
    if parsed.password is not None or "password=" in parsed.query.lower():
        raise ValueError("a password in the address")  # the keyring keeps it (login.py)
    return text


def _author(text: str) -> str:
    """A person's name as other desks see it; empty for the OS user's login name."""
    if len(text) > MAX_AUTHOR or any(
        ch in BIDI_CONTROLS or is_forbidden(ch) or ch in "\t\n\r" for ch in text
    ):
        raise ValueError("not a name")  # a direction control would turn the others' lines
    return text


def _url(text: str) -> str:
    return _web_address(text)


def _url_or_mailto(text: str) -> str:
    return _web_address(text, mailto=True)


@dataclass(frozen=True)
class Setting:
    key: str
    label: str  # what the Settings window calls it
    meaning: str  # one or two sentences: what changes when it changes
    default: str
    allowed: str  # the values it takes, in words (the refusal quotes it)
    parse: Callable[[str], str]  # the value as kept, or ValueError
    choices: tuple[str, ...] = ()  # a closed list (the window offers exactly these)
    affects_site: bool = False  # a change rebuilds the status page
    next_start: bool = False  # the app applies a change when it next starts
    number: tuple[float, float, bool] | None = None  # (lowest, highest, whole) for numbers
    # Kept in this machine's folder, never on a team's server: it says where the records are,
    # or it is one person's own choice (workspace.py reads both before the workspace opens).
    on_this_machine: bool = False

    def check(self, value: str) -> str:
        """The value as it will be kept; SettingError naming the allowed values otherwise."""
        text = normalize(value).strip()
        try:
            return self.parse(text)
        except ValueError:
            raise SettingError(
                self.key, f"{value!r} is not a value of {self.key}: it takes {self.allowed}."
            ) from None


_URL_WORDS = "an http:// or https:// address without a login in it (empty for none)"

# fmt: off
SETTINGS: tuple[Setting, ...] = (
    Setting(CADENCE, "Next-update cadence (minutes)",
            "How long a new incident promises until its next update, unless `--cadence-min` "
            "says otherwise. The countdown turns red when it lapses.",
            str(DEFAULT_CADENCE_MIN),
            f"a whole number of minutes from {MIN_CADENCE_MIN} to {MAX_CADENCE_MIN}",
            _minutes(MIN_CADENCE_MIN, MAX_CADENCE_MIN, whole=True),
            number=(MIN_CADENCE_MIN, MAX_CADENCE_MIN, True)),
    Setting(GRACE, "Grace window (minutes)",
            "How late a scheduled update may be and still go out by itself (the machine slept, "
            "the app was closed). Later than that it waits for a person as 'stale'.",
            "5", "a number of minutes from 0 to 1440", _minutes(0, 1440, whole=False),
            number=(0, 1440, False)),
    Setting(REMIND, "Maintenance reminder (minutes before)",
            "How long before a maintenance window starts its reminder goes out, unless "
            "`--remind-min` says otherwise; 0 sends no reminder.",
            "60", "a whole number of minutes from 0 to 10080 (a week)",
            _minutes(0, 7 * 24 * 60, whole=True), number=(0, 7 * 24 * 60, True)),
    Setting(ZONE, "Display time zone",
            "The zone update templates write times in ({started_at}, {eta}, {next_update}, "
            "{window_start}, {window_end}), each followed by the zone's abbreviation.",
            "UTC", "an IANA zone name such as UTC, Asia/Riyadh or Europe/London", _zone),
    Setting(DIGITS, "Digits in Arabic text",
            "Latin (0123) or Arabic-Indic (٠١٢٣) digits in Arabic text on the status page and in "
            "templates.",
            "latn", "latn (0123) or arab (٠١٢٣)", _choice("latn", "arab"),
            choices=("latn", "arab"), affects_site=True),
    Setting(SITE_TITLE_EN, "Status page name (English)",
            "The status page's name in English: its title, heading, feed and api/v2 JSON.",
            "Service status", f"one line of text, 1 to {MAX_TITLE} characters", _title,
            affects_site=True),
    Setting(SITE_TITLE_AR, "Status page name (Arabic)",
            "The status page's name in Arabic: the Arabic page's title, heading, feed and JSON.",
            "حالة الخدمة", f"one line of text, 1 to {MAX_TITLE} characters", _title,
            affects_site=True),
    # A logo is an address the page links to, not a file copied into the site: the company's
    # logo already lives on its web server or CDN, the page stays text that every publish
    # target uploads as is, and nothing on the communicator's disk must be found again later.
    Setting(SITE_LOGO_EN, "Logo (English page)",
            "The address of the logo shown before the English page's name (its alt text is the "
            "name); empty: no logo.",
            "", _URL_WORDS, _url, affects_site=True),
    Setting(SITE_LOGO_AR, "Logo (Arabic page)",
            "The address of the logo shown before the Arabic page's name; empty: the English "
            "page's logo.",
            "", _URL_WORDS, _url, affects_site=True),
    Setting(SITE_HOME_URL, "Company website",
            "The company's own site, linked from the status page's footer; empty: no link.",
            "", _URL_WORDS, _url, affects_site=True),
    Setting(SITE_SUBSCRIBE_URL, "Subscribe by email",
            "Where the page's 'Subscribe by email' link goes: a sign-up page (https://…) or "
            "mailto:address; empty: the page offers only its Atom feeds.",
            "", f"{_URL_WORDS}, or mailto:someone@example.com", _url_or_mailto,
            affects_site=True),
    Setting(SITE_ZONE, "Status page time zone",
            "The zone the status page shows its times in (started, updates, next update, a "
            "maintenance's window), each followed by the zone's abbreviation; feeds and JSON "
            "stay in UTC.",
            "UTC", "an IANA zone name such as UTC, Asia/Riyadh or Europe/London", _zone,
            affects_site=True),
    Setting(UI_LANGUAGE, "Interface language",
            "The language of the app's menus, buttons and messages, and its layout (Arabic is "
            "mirrored, right to left); `system` follows the system's language. Applies at the "
            "next start; `statusdesk --ui-language ar|en|system` overrides it for one run. The "
            "update texts keep their own directions either way.",
            "system", "system, ar or en", _choice("system", "ar", "en"),
            choices=("system", "ar", "en"), next_start=True, on_this_machine=True),
    Setting(THEME, "Colours",
            "Light or dark colours in the app; system follows the desktop's choice as it "
            "changes.",
            "system", "system, light or dark", _choice("system", "light", "dark"),
            choices=("system", "light", "dark")),
    Setting(REVIEW_REQUIRED, "Review before publishing",
            "on: a new incident or update is submitted for review instead of published, and "
            "goes out when another person approves it; off: it goes out at once.",
            "off", "off or on", _choice("off", "on"), choices=("off", "on")),
    Setting(REVIEW_WAIVE, "Updates that skip review",
            "critical: while review is on, an update with critical impact goes out at once, "
            "recorded as review waived; none: every update waits for review.",
            "none", "none or critical", _choice("none", "critical"),
            choices=("none", "critical")),
    Setting(STORE_URL, "Team database",
            "Where this folder's records live: a team's PostgreSQL database "
            "by its postgresql:// address (the role, host and database; its password kept "
            "with `statusdesk db password URL`), or empty for the folder's own file. Kept on "
            "this machine. Applies at the next start; `--db URL` overrides it for one run, "
            "`--db local` opens the folder's own file.",
            "", "a postgresql:// address naming the role, host and database, without a "
            "password (empty for the folder's own file)", _postgres_url, next_start=True,
            on_this_machine=True),
    Setting(DESK_AUTHOR, "Your name",
            "The name this desk goes by: on the updates it writes and the reviews it decides, "
            "and in the other desks' 'Also here'. Empty: the login name. Kept on this machine; "
            "`statusdesk --author NAME` or STATUSDESK_AUTHOR overrides it.",
            "", f"a name of up to {MAX_AUTHOR} characters on one line, without control or "
            "direction characters (empty for the login name)", _author,
            on_this_machine=True),
)
# fmt: on

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    """The setting named `key`; SettingError listing every key otherwise."""
    found = BY_KEY.get(key.strip())
    if found is None:
        raise SettingError(
            key, f"There is no setting {key!r}; the settings are: {', '.join(BY_KEY)}."
        )
    return found


def stored(store: SettingsStore, key: str) -> str | None:
    """The kept value if it is (still) a valid one; None for the default. A value written by
    hand or by an older version that no longer passes is ignored rather than obeyed."""
    raw = store.setting(key)
    if raw is None:
        return None
    try:
        return setting(key).check(raw)
    except SettingError:
        return None


def value(store: SettingsStore, key: str) -> str:
    """The value in force: the kept one, else the default."""
    found = stored(store, key)
    return found if found is not None else setting(key).default


def cadence_minutes(store: SettingsStore) -> int:
    return int(value(store, CADENCE))


def remind_minutes(store: SettingsStore) -> int:
    return int(value(store, REMIND))


def review_required(store: SettingsStore) -> bool:
    return value(store, REVIEW_REQUIRED) == "on"


def review_waived_for_critical(store: SettingsStore) -> bool:
    return value(store, REVIEW_WAIVE) == "critical"


def describe(store: SettingsStore) -> list[dict[str, Any]]:
    """`setting list --json`: one object per setting, in the table's order."""
    return [
        {
            "key": s.key,
            "value": value(store, s.key),
            "default": s.default,
            "is_default": stored(store, s.key) is None,
            "allowed": s.allowed,
            "choices": list(s.choices),
            "meaning": s.meaning,
            "affects_status_page": s.affects_site,
        }
        for s in SETTINGS
    ]


@functools.cache
def zone_names() -> list[str]:
    """The zones the Settings window offers (UTC first)."""
    return ["UTC", *sorted(z for z in available_timezones() if z != "UTC" and "/" in z)]
