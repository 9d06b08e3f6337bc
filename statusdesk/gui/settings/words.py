"""The Settings window's words for each setting of statusdesk/settings.py (issue #16): its label,
its meaning and the values it takes, marked for translation here (the registry is Qt-free and
its English is what the CLI prints). The English is the registry's own, word for word
(tests/gui/test_i18n_admin.py holds them equal), so the English window reads as before.
"""

from __future__ import annotations

from statusdesk import settings as registry
from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "SettingWords"

LABELS = {
    registry.CADENCE: QT_TRANSLATE_NOOP("SettingWords", "Next-update cadence (minutes)"),
    registry.GRACE: QT_TRANSLATE_NOOP("SettingWords", "Grace window (minutes)"),
    registry.REMIND: QT_TRANSLATE_NOOP("SettingWords", "Maintenance reminder (minutes before)"),
    registry.ZONE: QT_TRANSLATE_NOOP("SettingWords", "Display time zone"),
    registry.DIGITS: QT_TRANSLATE_NOOP("SettingWords", "Digits in Arabic text"),
    registry.SITE_TITLE_EN: QT_TRANSLATE_NOOP("SettingWords", "Status page name (English)"),
    registry.SITE_TITLE_AR: QT_TRANSLATE_NOOP("SettingWords", "Status page name (Arabic)"),
    registry.SITE_LOGO_EN: QT_TRANSLATE_NOOP("SettingWords", "Logo (English page)"),
    registry.SITE_LOGO_AR: QT_TRANSLATE_NOOP("SettingWords", "Logo (Arabic page)"),
    registry.SITE_HOME_URL: QT_TRANSLATE_NOOP("SettingWords", "Company website"),
    registry.SITE_SUBSCRIBE_URL: QT_TRANSLATE_NOOP("SettingWords", "Subscribe by email"),
    registry.SITE_ZONE: QT_TRANSLATE_NOOP("SettingWords", "Status page time zone"),
    registry.UI_LANGUAGE: QT_TRANSLATE_NOOP("SettingWords", "Interface language"),
    registry.THEME: QT_TRANSLATE_NOOP("SettingWords", "Colours"),
    registry.REVIEW_REQUIRED: QT_TRANSLATE_NOOP("SettingWords", "Review before publishing"),
    registry.REVIEW_WAIVE: QT_TRANSLATE_NOOP("SettingWords", "Updates that skip review"),
    registry.STORE_URL: QT_TRANSLATE_NOOP("SettingWords", "Team database"),
    registry.DESK_AUTHOR: QT_TRANSLATE_NOOP("SettingWords", "Your name"),
}

MEANINGS = {
    registry.CADENCE: QT_TRANSLATE_NOOP(
        "SettingWords",
        "How long a new incident promises until its next update, unless `--cadence-min` "
        "says otherwise. The countdown turns red when it lapses.",
    ),
    registry.GRACE: QT_TRANSLATE_NOOP(
        "SettingWords",
        "How late a scheduled update may be and still go out by itself (the machine slept, "
        "the app was closed). Later than that it waits for a person as 'stale'.",
    ),
    registry.REMIND: QT_TRANSLATE_NOOP(
        "SettingWords",
        "How long before a maintenance window starts its reminder goes out, unless "
        "`--remind-min` says otherwise; 0 sends no reminder.",
    ),
    registry.ZONE: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The zone update templates write times in ({started_at}, {eta}, {next_update}, "
        "{window_start}, {window_end}), each followed by the zone's abbreviation.",
    ),
    registry.DIGITS: QT_TRANSLATE_NOOP(
        "SettingWords",
        "Latin (0123) or Arabic-Indic (٠١٢٣) digits in Arabic text on the status page and in "
        "templates.",
    ),
    registry.SITE_TITLE_EN: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The status page's name in English: its title, heading, feed and api/v2 JSON.",
    ),
    registry.SITE_TITLE_AR: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The status page's name in Arabic: the Arabic page's title, heading, feed and JSON.",
    ),
    registry.SITE_LOGO_EN: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The address of the logo shown before the English page's name (its alt text is the "
        "name); empty: no logo.",
    ),
    registry.SITE_LOGO_AR: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The address of the logo shown before the Arabic page's name; empty: the English "
        "page's logo.",
    ),
    registry.SITE_HOME_URL: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The company's own site, linked from the status page's footer; empty: no link.",
    ),
    registry.SITE_SUBSCRIBE_URL: QT_TRANSLATE_NOOP(
        "SettingWords",
        "Where the page's 'Subscribe by email' link goes: a sign-up page (https://…) or "
        "mailto:address; empty: the page offers only its Atom feeds.",
    ),
    registry.SITE_ZONE: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The zone the status page shows its times in (started, updates, next update, a "
        "maintenance's window), each followed by the zone's abbreviation; feeds and JSON "
        "stay in UTC.",
    ),
    registry.UI_LANGUAGE: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The language of the app's menus, buttons and messages, and its layout (Arabic is "
        "mirrored, right to left); `system` follows the system's language. Applies at the "
        "next start; `statusdesk --ui-language ar|en|system` overrides it for one run. The "
        "update texts keep their own directions either way.",
    ),
    registry.THEME: QT_TRANSLATE_NOOP(
        "SettingWords",
        "Light or dark colours in the app; system follows the desktop's choice as it changes.",
    ),
    registry.REVIEW_REQUIRED: QT_TRANSLATE_NOOP(
        "SettingWords",
        "on: a new incident or update is submitted for review instead of published, and "
        "goes out when another person approves it; off: it goes out at once.",
    ),
    registry.REVIEW_WAIVE: QT_TRANSLATE_NOOP(
        "SettingWords",
        "critical: while review is on, an update with critical impact goes out at once, "
        "recorded as review waived; none: every update waits for review.",
    ),
    registry.STORE_URL: QT_TRANSLATE_NOOP(
        "SettingWords",
        "Where this folder's records live: a team's PostgreSQL database "
        "by its postgresql:// address (the role, host and database; its password kept "
        "with `statusdesk db password URL`), or empty for the folder's own file. Kept on "
        "this machine. Applies at the next start; `--db URL` overrides it for one run, "
        "`--db local` opens the folder's own file.",
    ),
    registry.DESK_AUTHOR: QT_TRANSLATE_NOOP(
        "SettingWords",
        "The name this desk goes by: on the updates it writes and the reviews it decides, "
        "and in the other desks' 'Also here'. Empty: the login name. Kept on this machine; "
        "`statusdesk --author NAME` or STATUSDESK_AUTHOR overrides it.",
    ),
}

# The values each takes, in words (the tooltip's); {low}, {high}, {most} are filled in.
URL_WORDS = QT_TRANSLATE_NOOP(
    "SettingWords", "an http:// or https:// address without a login in it (empty for none)"
)
ZONE_WORDS = QT_TRANSLATE_NOOP(
    "SettingWords", "an IANA zone name such as UTC, Asia/Riyadh or Europe/London"
)
TITLE_WORDS = QT_TRANSLATE_NOOP("SettingWords", "one line of text, 1 to {most} characters")
ALLOWED = {
    registry.CADENCE: QT_TRANSLATE_NOOP(
        "SettingWords", "a whole number of minutes from {low} to {high}"
    ),
    registry.GRACE: QT_TRANSLATE_NOOP("SettingWords", "a number of minutes from {low} to {high}"),
    registry.REMIND: QT_TRANSLATE_NOOP(
        "SettingWords", "a whole number of minutes from {low} to {high} (a week)"
    ),
    registry.ZONE: ZONE_WORDS,
    registry.DIGITS: QT_TRANSLATE_NOOP("SettingWords", "latn (0123) or arab (٠١٢٣)"),
    registry.SITE_TITLE_EN: TITLE_WORDS,
    registry.SITE_TITLE_AR: TITLE_WORDS,
    registry.SITE_LOGO_EN: URL_WORDS,
    registry.SITE_LOGO_AR: URL_WORDS,
    registry.SITE_HOME_URL: URL_WORDS,
    registry.SITE_SUBSCRIBE_URL: QT_TRANSLATE_NOOP(
        "SettingWords",
        "an http:// or https:// address without a login in it (empty for none), or "
        "mailto:someone@example.com",
    ),
    registry.SITE_ZONE: ZONE_WORDS,
    registry.UI_LANGUAGE: QT_TRANSLATE_NOOP("SettingWords", "system, ar or en"),
    registry.THEME: QT_TRANSLATE_NOOP("SettingWords", "system, light or dark"),
    registry.REVIEW_REQUIRED: QT_TRANSLATE_NOOP("SettingWords", "off or on"),
    registry.REVIEW_WAIVE: QT_TRANSLATE_NOOP("SettingWords", "none or critical"),
    registry.STORE_URL: QT_TRANSLATE_NOOP(
        "SettingWords",
        "a postgresql:// address naming the role, host and database, without a password "
        "(empty for the folder's own file)",
    ),
    registry.DESK_AUTHOR: QT_TRANSLATE_NOOP(
        "SettingWords",
        "a name of up to {most} characters on one line, without control or direction "
        "characters (empty for the login name)",
    ),
}

# A closed list's choices, as the combo box shows them. ui.language's: each language in its
# own words ("English" reads the same in either interface language).
CHOICES = {
    "latn": QT_TRANSLATE_NOOP("SettingWords", "Latin digits (0123)"),
    "arab": QT_TRANSLATE_NOOP("SettingWords", "Arabic-Indic digits (٠١٢٣)"),
}
LANGUAGE_CHOICES = {
    "system": QT_TRANSLATE_NOOP("SettingWords", "The system's language"),
    "ar": QT_TRANSLATE_NOOP("SettingWords", "العربية (Arabic)"),
    "en": "English",
}
THEME_CHOICES = {
    "system": QT_TRANSLATE_NOOP("SettingWords", "As the system's (light or dark)"),
    "light": QT_TRANSLATE_NOOP("SettingWords", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingWords", "Dark"),
}
REVIEW_CHOICES = {
    "off": QT_TRANSLATE_NOOP("SettingWords", "Off: published at once"),
    "on": QT_TRANSLATE_NOOP("SettingWords", "On: another person approves first"),
}
WAIVE_CHOICES = {
    "none": QT_TRANSLATE_NOOP("SettingWords", "None: every update is reviewed"),
    "critical": QT_TRANSLATE_NOOP("SettingWords", "Critical updates go out at once"),
}


def label(spec: registry.Setting) -> str:
    return translate(CONTEXT, LABELS[spec.key]) if spec.key in LABELS else spec.label


def meaning(spec: registry.Setting) -> str:
    return translate(CONTEXT, MEANINGS[spec.key]) if spec.key in MEANINGS else spec.meaning


def allowed(spec: registry.Setting) -> str:
    if spec.key not in ALLOWED:
        return spec.allowed
    low, high, _whole = spec.number or (0, 0, True)
    return translate(CONTEXT, ALLOWED[spec.key]).format(
        low=f"{low:g}",
        high=f"{high:g}",
        most=registry.MAX_AUTHOR if spec.key == registry.DESK_AUTHOR else registry.MAX_TITLE,
    )


def choice(spec: registry.Setting, value: str) -> str:
    names = {
        registry.UI_LANGUAGE: LANGUAGE_CHOICES,
        registry.THEME: THEME_CHOICES,
        registry.REVIEW_REQUIRED: REVIEW_CHOICES,
        registry.REVIEW_WAIVE: WAIVE_CHOICES,
    }.get(spec.key, CHOICES)
    name = names.get(value)
    return value if name is None else translate(CONTEXT, name)
