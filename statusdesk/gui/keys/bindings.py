"""Every key of the app, as data: command name → default key → description (ARCHITECTURE §8).

The QActions and their shortcuts, the menus and the F1 cheat sheet are all generated from this one
table (see actions.py and cheatsheet.py), so a key can never be bound in one place and documented
as something else in another. Qt-free on purpose: tests and docs can read it without a display.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Binding:
    command: str  # stable name; the main window has one handler per command
    key: str  # QKeySequence portable text, e.g. "Ctrl+Return"
    description: str  # what the cheat sheet says
    menu: str  # the menu the command appears in
    label: str  # the menu item's text


# fmt: off
BINDINGS: tuple[Binding, ...] = (
    Binding("new-incident", "Ctrl+N", "Open a new incident (titles in English and Arabic)",
            "Incident", "&New incident…"),
    Binding("new-update", "Ctrl+U", "New update on the current incident (cursor in English)",
            "Incident", "New &update"),
    Binding("publish", "Ctrl+Return", "Publish now to the checked channels",
            "Incident", "&Publish now"),
    Binding("schedule", "Ctrl+Shift+Return",
            "Schedule the update: a picker takes \"in 15m\", \"14:30\" or a date and time and "
            "shows it in local time and UTC", "Incident", "&Schedule…"),
    Binding("state-1", "Ctrl+1", "Set state: investigating (maintenance: scheduled)",
            "Incident", "State 1: investigating / scheduled"),
    Binding("state-2", "Ctrl+2", "Set state: identified (maintenance: in progress)",
            "Incident", "State 2: identified / in progress"),
    Binding("state-3", "Ctrl+3", "Set state: monitoring (maintenance: verifying)",
            "Incident", "State 3: monitoring / verifying"),
    Binding("state-4", "Ctrl+4", "Set state: resolved (maintenance: completed)",
            "Incident", "State 4: resolved / completed"),
    Binding("insert-template", "Ctrl+T",
            "Insert a template into both editors at once, filled for this incident (a "
            "placeholder that cannot be filled stays visible and blocks publishing)",
            "Edit", "Insert &template…"),
    Binding("templates", "Ctrl+Shift+T",
            "Templates: write the workspace's own, or change a default (kept in the workspace)",
            "Edit", "&Templates…"),
    Binding("fix-direction", "Ctrl+Shift+F",
            "Fix the direction controls of the update being written: close what is left open, "
            "drop stray closers and reversing overrides (Ctrl+Z undoes it)",
            "Edit", "&Fix direction controls"),
    Binding("settings", "Ctrl+Alt+S",
            "Settings: the next-update cadence, the grace window, the maintenance reminder, the "
            "display zone and digits, the status page's name in English and Arabic",
            "Edit", "&Settings…"),
    Binding("switch-language", "Ctrl+L", "Jump between the English and Arabic editors",
            "Edit", "Switch &language editor"),
    Binding("palette", "Ctrl+K",
            "Command palette: find any command, incident, template or channel by a few letters "
            "of its English or Arabic name; Enter runs it, Esc closes", "Go", "Command &palette…"),
    Binding("previous-incident", "Alt+Up", "Previous incident in the list",
            "Go", "&Previous incident"),
    Binding("next-incident", "Alt+Down", "Next incident in the list",
            "Go", "&Next incident"),
    Binding("filter-incidents", "Ctrl+F",
            "Filter the incident list by a few letters of a title, in English or Arabic; Esc "
            "empties the filter", "Go", "&Filter incidents"),
    Binding("focus-incidents", "Ctrl+0", "Move the keyboard focus to the incident list",
            "Go", "Incident &list"),
    Binding("preview", "Ctrl+P",
            "Move the keyboard to the channel previews (what each ticked channel will send), "
            "and back to the draft", "Go", "Channel pre&views"),
    Binding("toggle-preview-column", "Ctrl+Shift+P",
            "Show or hide the column of channel previews (remembered for the next start)",
            "Go", "Show or hide the previews &column"),
    Binding("retry-delivery", "Ctrl+R",
            "Retry a failed or undecided delivery of the current incident (same idempotency key)",
            "Deliveries", "&Retry delivery…"),
    Binding("skip-delivery", "Ctrl+Shift+K",
            "Skip a failed, undecided or waiting delivery of the current incident, with a reason",
            "Deliveries", "&Skip delivery…"),
    Binding("reschedule", "Ctrl+Shift+R",
            "Reschedule an update of the current incident that has not gone out (the picker, "
            "prefilled)", "Planned", "&Reschedule…"),
    Binding("edit-scheduled", "Ctrl+Shift+E",
            "Edit the text of an update of the current incident that has not gone out",
            "Planned", "&Edit update not yet out…"),
    Binding("cancel-scheduled", "Ctrl+Shift+X",
            "Cancel a scheduled update of the current incident (asks first)",
            "Planned", "&Cancel scheduled update…"),
    Binding("send-now", "Ctrl+Shift+G",
            "Send a stale (or scheduled) update of the current incident now (asks first)",
            "Planned", "&Send now…"),
    Binding("discard-stale", "Ctrl+Shift+D",
            "Discard a stale update of the current incident: it never goes out (asks first)",
            "Planned", "&Discard stale update…"),
    Binding("channels", "Ctrl+Shift+C",
            "Channels: add, test, enable or disable them, and keep their secrets in the keyring",
            "Channels", "&Channels and secrets…"),
    Binding("subscribers", "Ctrl+Shift+S",
            "Subscribers: who the email channel mails, in which language; add, remove "
            "(an unsubscription, recorded) or import a CSV file", "Channels", "&Subscribers…"),
    Binding("export", "Ctrl+E",
            "Export the current incident's timeline for the postmortem (Markdown, HTML, PDF, "
            "CSV or JSON; what was said, where, when, in which language, and how late)",
            "Incident", "&Export timeline…"),
    Binding("open-status-page", "Ctrl+O", "Open the local status page in the browser",
            "Status page", "&Open status page"),
    Binding("rebuild-status-page", "Ctrl+Shift+B", "Rebuild the local status page now",
            "Status page", "&Rebuild status page"),
    Binding("cheat-sheet", "F1", "Show every key (this sheet); Esc closes it",
            "Help", "&Keyboard cheat sheet"),
    Binding("keys", "Ctrl+,",
            "Keyboard shortcuts: give a command another key, unbind it or reset it (saved in "
            "the workspace; a key already taken is refused)", "Help", "Keyboard &shortcuts…"),
    Binding("about", "Shift+F1",
            "About statusdesk: its version, Qt's and Python's, the workspace and the log folder",
            "Help", "&About statusdesk"),
    Binding("quit", "Ctrl+Q", "Quit (asks first when a draft would be lost)",
            "Incident", "&Quit"),
)
# fmt: on

# Each command's name in Arabic: the command palette finds commands by either language.
ARABIC_LABELS: dict[str, str] = {
    "new-incident": "حادثة جديدة",
    "new-update": "تحديث جديد",
    "publish": "انشر الآن",
    "schedule": "جدولة التحديث",
    "state-1": "الحالة ١: قيد التحقيق / مجدولة",
    "state-2": "الحالة ٢: تم تحديد السبب / جارية",
    "state-3": "الحالة ٣: قيد المراقبة / قيد التحقق",
    "state-4": "الحالة ٤: تم الحل / مكتملة",
    "insert-template": "إدراج قالب",
    "templates": "القوالب",
    "fix-direction": "إصلاح علامات الاتجاه",
    "settings": "الإعدادات",
    "switch-language": "التبديل بين محرري اللغتين",
    "palette": "لوحة الأوامر",
    "previous-incident": "الحادثة السابقة",
    "next-incident": "الحادثة التالية",
    "filter-incidents": "تصفية الحوادث",
    "focus-incidents": "قائمة الحوادث",
    "preview": "معاينات القنوات",
    "toggle-preview-column": "إظهار عمود المعاينات أو إخفاؤه",
    "retry-delivery": "إعادة محاولة الإرسال",
    "skip-delivery": "تخطي الإرسال",
    "reschedule": "إعادة الجدولة",
    "edit-scheduled": "تعديل تحديث لم يُرسل بعد",
    "cancel-scheduled": "إلغاء تحديث مجدول",
    "send-now": "أرسل الآن",
    "discard-stale": "تجاهل تحديث متقادم",
    "channels": "القنوات والأسرار",
    "subscribers": "المشتركون",
    "export": "تصدير الخط الزمني للحادثة",
    "open-status-page": "افتح صفحة الحالة",
    "rebuild-status-page": "أعد بناء صفحة الحالة",
    "cheat-sheet": "قائمة المفاتيح",
    "keys": "اختصارات لوحة المفاتيح",
    "about": "عن statusdesk",
    "quit": "إنهاء",
}

# Menu order in the menu bar; every Binding.menu must be one of these.
MENUS: tuple[str, ...] = (
    "Incident",
    "Edit",
    "Go",
    "Deliveries",
    "Planned",
    "Channels",
    "Status page",
    "Help",
)

STATE_COMMANDS: tuple[str, ...] = ("state-1", "state-2", "state-3", "state-4")


def binding(command: str) -> Binding:
    for entry in BINDINGS:
        if entry.command == command:
            return entry
    raise KeyError(command)


def key_for(command: str) -> str:
    return binding(command).key
