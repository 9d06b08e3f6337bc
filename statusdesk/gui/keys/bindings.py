"""Every key of the app, as data: command name → default key → description (ARCHITECTURE §8).

The QActions and their shortcuts, the menus and the F1 cheat sheet are all generated from this one
table (see actions.py and cheatsheet.py), so a key can never be bound in one place and documented
as something else in another. Qt-free on purpose: tests and docs can read it without a display.
Its texts are English (the source text), each marked for translation in context "Bindings".
"""

from __future__ import annotations

from dataclasses import dataclass

from statusdesk.gui.i18n import QT_TRANSLATE_NOOP, right_to_left  # Qt-free


@dataclass(frozen=True)
class Binding:
    command: str  # stable name; the main window has one handler per command
    key: str  # QKeySequence portable text, e.g. "Ctrl+Return"
    description: str  # what the cheat sheet says
    menu: str  # the menu the command appears in
    label: str  # the menu item's text
    # Back/forward: in a right-to-left interface its default key points the other way
    # (Alt+Left ↔ Alt+Right), as back points right in Arabic (default_key).
    mirrored: bool = False


# fmt: off
BINDINGS: tuple[Binding, ...] = (
    Binding("new-incident", "Ctrl+N",
            QT_TRANSLATE_NOOP("Bindings", "Open a new incident (titles in English and Arabic)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "&New incident…")),
    Binding("new-update", "Ctrl+U",
            QT_TRANSLATE_NOOP("Bindings", "New update on the current incident (cursor in "
                                          "English)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "New &update")),
    Binding("publish", "Ctrl+Return",
            QT_TRANSLATE_NOOP("Bindings", "Publish now to the checked channels"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "&Publish now")),
    Binding("schedule", "Ctrl+Shift+Return",
            QT_TRANSLATE_NOOP("Bindings", "Schedule the update: a picker takes \"in 15m\", "
                                          "\"14:30\" or a date and time and shows it in local "
                                          "time and UTC"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "&Schedule…")),
    Binding("state-1", "Ctrl+1",
            QT_TRANSLATE_NOOP("Bindings", "Set state: investigating (maintenance: scheduled)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "State 1: investigating / scheduled")),
    Binding("state-2", "Ctrl+2",
            QT_TRANSLATE_NOOP("Bindings", "Set state: identified (maintenance: in progress)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "State 2: identified / in progress")),
    Binding("state-3", "Ctrl+3",
            QT_TRANSLATE_NOOP("Bindings", "Set state: monitoring (maintenance: verifying)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "State 3: monitoring / verifying")),
    Binding("state-4", "Ctrl+4",
            QT_TRANSLATE_NOOP("Bindings", "Set state: resolved (maintenance: completed)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "State 4: resolved / completed")),
    Binding("insert-template", "Ctrl+T",
            QT_TRANSLATE_NOOP("Bindings", "Insert a template into both editors at once, filled "
                                          "for this incident (a placeholder that cannot be "
                                          "filled stays visible and blocks publishing)"),
            QT_TRANSLATE_NOOP("Bindings", "Edit"),
            QT_TRANSLATE_NOOP("Bindings", "Insert &template…")),
    Binding("templates", "Ctrl+Shift+T",
            QT_TRANSLATE_NOOP("Bindings", "Templates: write the workspace's own, or change a "
                                          "default (kept in the workspace)"),
            QT_TRANSLATE_NOOP("Bindings", "Edit"),
            QT_TRANSLATE_NOOP("Bindings", "&Templates…")),
    Binding("fix-direction", "Ctrl+Shift+F",
            QT_TRANSLATE_NOOP("Bindings", "Fix the direction controls of the update being "
                                          "written: close what is left open, drop stray "
                                          "closers and reversing overrides (Ctrl+Z undoes it)"),
            QT_TRANSLATE_NOOP("Bindings", "Edit"),
            QT_TRANSLATE_NOOP("Bindings", "&Fix direction controls")),
    Binding("settings", "Ctrl+Alt+S",
            QT_TRANSLATE_NOOP("Bindings", "Settings: the next-update cadence, the grace "
                                          "window, the maintenance reminder, the display zone "
                                          "and digits, the status page's name in English and "
                                          "Arabic"),
            QT_TRANSLATE_NOOP("Bindings", "Edit"),
            QT_TRANSLATE_NOOP("Bindings", "&Settings…")),
    Binding("switch-language", "Ctrl+L",
            QT_TRANSLATE_NOOP("Bindings", "Jump between the English and Arabic editors"),
            QT_TRANSLATE_NOOP("Bindings", "Edit"),
            QT_TRANSLATE_NOOP("Bindings", "Switch &language editor")),
    Binding("palette", "Ctrl+K",
            QT_TRANSLATE_NOOP("Bindings", "Command palette: find any command, incident, "
                                          "template or channel by a few letters of its English "
                                          "or Arabic name; Enter runs it, Esc closes"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "Command &palette…")),
    Binding("previous-incident", "Alt+Up",
            QT_TRANSLATE_NOOP("Bindings", "Previous incident in the list"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "&Previous incident")),
    Binding("next-incident", "Alt+Down",
            QT_TRANSLATE_NOOP("Bindings", "Next incident in the list"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "&Next incident")),
    Binding("back", "Alt+Left",
            QT_TRANSLATE_NOOP("Bindings", "Back to the incident shown before this one"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "&Back"), mirrored=True),
    Binding("forward", "Alt+Right",
            QT_TRANSLATE_NOOP("Bindings", "Forward again to the incident left by Back"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "F&orward"), mirrored=True),
    Binding("filter-incidents", "Ctrl+F",
            QT_TRANSLATE_NOOP("Bindings", "Filter the incident list by a few letters of a "
                                          "title, in English or Arabic; Esc empties the filter"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "&Filter incidents")),
    Binding("focus-incidents", "Ctrl+0",
            QT_TRANSLATE_NOOP("Bindings", "Move the keyboard focus to the incident list"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "Incident &list")),
    Binding("preview", "Ctrl+P",
            QT_TRANSLATE_NOOP("Bindings", "Move the keyboard to the channel previews (what "
                                          "each ticked channel will send), and back to the "
                                          "draft"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "Channel pre&views")),
    Binding("toggle-preview-column", "Ctrl+Shift+P",
            QT_TRANSLATE_NOOP("Bindings", "Show or hide the column of channel previews "
                                          "(remembered for the next start)"),
            QT_TRANSLATE_NOOP("Bindings", "Go"),
            QT_TRANSLATE_NOOP("Bindings", "Show or hide the previews &column")),
    Binding("retry-delivery", "Ctrl+R",
            QT_TRANSLATE_NOOP("Bindings", "Retry a failed or undecided delivery of the current "
                                          "incident (same idempotency key)"),
            QT_TRANSLATE_NOOP("Bindings", "Deliveries"),
            QT_TRANSLATE_NOOP("Bindings", "&Retry delivery…")),
    Binding("skip-delivery", "Ctrl+Shift+K",
            QT_TRANSLATE_NOOP("Bindings", "Skip a failed, undecided or waiting delivery of the "
                                          "current incident, with a reason"),
            QT_TRANSLATE_NOOP("Bindings", "Deliveries"),
            QT_TRANSLATE_NOOP("Bindings", "&Skip delivery…")),
    Binding("reschedule", "Ctrl+Shift+R",
            QT_TRANSLATE_NOOP("Bindings", "Reschedule an update of the current incident that "
                                          "has not gone out (the picker, prefilled)"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Reschedule…")),
    Binding("edit-scheduled", "Ctrl+Shift+E",
            QT_TRANSLATE_NOOP("Bindings", "Edit the text of an update of the current incident "
                                          "that has not gone out"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Edit update not yet out…")),
    Binding("cancel-scheduled", "Ctrl+Shift+X",
            QT_TRANSLATE_NOOP("Bindings", "Cancel a scheduled update of the current incident "
                                          "(asks first)"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Cancel scheduled update…")),
    Binding("send-now", "Ctrl+Shift+G",
            QT_TRANSLATE_NOOP("Bindings", "Send a stale (or scheduled) update of the current "
                                          "incident now (asks first)"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Send now…")),
    Binding("discard-stale", "Ctrl+Shift+D",
            QT_TRANSLATE_NOOP("Bindings", "Discard a stale update of the current incident: it "
                                          "never goes out (asks first)"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Discard stale update…")),
    Binding("reviews", "Ctrl+Shift+W",
            QT_TRANSLATE_NOOP("Bindings", "Updates waiting for review (setting "
                                          "review.required): who wrote each, when, both "
                                          "languages and its channels"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Waiting for review…")),
    Binding("approve-review", "Ctrl+Shift+A",
            QT_TRANSLATE_NOOP("Bindings", "Approve the update chosen in Waiting for review: "
                                          "it goes out exactly as submitted (another person's, "
                                          "never your own)"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "&Approve update…")),
    Binding("return-review", "Ctrl+Shift+M",
            QT_TRANSLATE_NOOP("Bindings", "Return the update chosen in Waiting for review to "
                                          "its author, with a comment; nothing is sent"),
            QT_TRANSLATE_NOOP("Bindings", "Planned"),
            QT_TRANSLATE_NOOP("Bindings", "Re&turn update with a comment…")),
    Binding("channels", "Ctrl+Shift+C",
            QT_TRANSLATE_NOOP("Bindings", "Channels: add, test, enable or disable them, and "
                                          "keep their secrets in the keyring"),
            QT_TRANSLATE_NOOP("Bindings", "Channels"),
            QT_TRANSLATE_NOOP("Bindings", "&Channels and secrets…")),
    Binding("subscribers", "Ctrl+Shift+S",
            QT_TRANSLATE_NOOP("Bindings", "Subscribers: who the email channel mails, in which "
                                          "language; add, remove (an unsubscription, recorded) "
                                          "or import a CSV file"),
            QT_TRANSLATE_NOOP("Bindings", "Channels"),
            QT_TRANSLATE_NOOP("Bindings", "&Subscribers…")),
    Binding("export", "Ctrl+E",
            QT_TRANSLATE_NOOP("Bindings", "Export the current incident's timeline for the "
                                          "postmortem (Markdown, HTML, PDF, CSV or JSON; what "
                                          "was said, where, when, in which language, and how "
                                          "late)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "&Export timeline…")),
    Binding("open-status-page", "Ctrl+O",
            QT_TRANSLATE_NOOP("Bindings", "Open the local status page in the browser"),
            QT_TRANSLATE_NOOP("Bindings", "Status page"),
            QT_TRANSLATE_NOOP("Bindings", "&Open status page")),
    Binding("rebuild-status-page", "Ctrl+Shift+B",
            QT_TRANSLATE_NOOP("Bindings", "Rebuild the local status page now"),
            QT_TRANSLATE_NOOP("Bindings", "Status page"),
            QT_TRANSLATE_NOOP("Bindings", "&Rebuild status page")),
    Binding("cheat-sheet", "F1",
            QT_TRANSLATE_NOOP("Bindings", "Show every key (this sheet); Esc closes it"),
            QT_TRANSLATE_NOOP("Bindings", "Help"),
            QT_TRANSLATE_NOOP("Bindings", "&Keyboard cheat sheet")),
    Binding("keys", "Ctrl+,",
            QT_TRANSLATE_NOOP("Bindings", "Keyboard shortcuts: give a command another key, "
                                          "unbind it or reset it (saved in the workspace; a "
                                          "key already taken is refused)"),
            QT_TRANSLATE_NOOP("Bindings", "Help"),
            QT_TRANSLATE_NOOP("Bindings", "Keyboard &shortcuts…")),
    Binding("about", "Shift+F1",
            QT_TRANSLATE_NOOP("Bindings", "About statusdesk: its version, Qt's and Python's, "
                                          "the workspace and the log folder"),
            QT_TRANSLATE_NOOP("Bindings", "Help"),
            QT_TRANSLATE_NOOP("Bindings", "&About statusdesk")),
    Binding("quit", "Ctrl+Q",
            QT_TRANSLATE_NOOP("Bindings", "Quit (asks first when a draft would be lost)"),
            QT_TRANSLATE_NOOP("Bindings", "Incident"),
            QT_TRANSLATE_NOOP("Bindings", "&Quit")),
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
    "back": "رجوع",
    "forward": "تقدم",
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
    "reviews": "تحديثات بانتظار المراجعة",
    "approve-review": "اعتماد تحديث",
    "return-review": "إعادة تحديث مع تعليق",
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
    QT_TRANSLATE_NOOP("Bindings", "Incident"),
    QT_TRANSLATE_NOOP("Bindings", "Edit"),
    QT_TRANSLATE_NOOP("Bindings", "Go"),
    QT_TRANSLATE_NOOP("Bindings", "Deliveries"),
    QT_TRANSLATE_NOOP("Bindings", "Planned"),
    QT_TRANSLATE_NOOP("Bindings", "Channels"),
    QT_TRANSLATE_NOOP("Bindings", "Status page"),
    QT_TRANSLATE_NOOP("Bindings", "Help"),
)

STATE_COMMANDS: tuple[str, ...] = ("state-1", "state-2", "state-3", "state-4")


def binding(command: str) -> Binding:
    for entry in BINDINGS:
        if entry.command == command:
            return entry
    raise KeyError(command)


def key_for(command: str) -> str:
    return default_key(binding(command))


def default_key(entry: Binding) -> str:
    """The key the table gives `entry` in the interface's direction: a back/forward key
    (`mirrored`) has Left and Right swapped in a right-to-left interface — in Arabic, back
    points right — and any other key is the same in both."""
    if not (entry.mirrored and right_to_left()):
        return entry.key
    swap = {"Left": "Right", "Right": "Left"}
    return "+".join(swap.get(part, part) for part in entry.key.split("+"))
