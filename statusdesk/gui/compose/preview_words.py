"""The preview's fixed words: the counter's levels, the email copies' readers, the units counted,
and the summary of a thread — in the interface's language (compose_ar.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from statusdesk.app.preview_records import Level
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate
LEVEL_WORDS = {
    Level.OK: "",
    Level.NEAR: QT_TRANSLATE_NOOP("PreviewPages", "near the limit"),
    Level.OVER: QT_TRANSLATE_NOOP("PreviewPages", "over the limit"),
}
VARIANT_NAMES = {
    "en": QT_TRANSLATE_NOOP("PreviewPages", "English readers"),
    "ar": QT_TRANSLATE_NOOP("PreviewPages", "Arabic readers"),
    "both": QT_TRANSLATE_NOOP("PreviewPages", "English and Arabic readers"),
}
UNITS = {
    "weighted characters": QT_TRANSLATE_NOOP("PreviewPages", "weighted characters"),
    "characters": QT_TRANSLATE_NOOP("PreviewPages", "characters"),
    "graphemes": QT_TRANSLATE_NOOP("PreviewPages", "graphemes"),
}
NOUNS = {
    "Post": QT_TRANSLATE_NOOP("PreviewPages", "Post"),
    "Message": QT_TRANSLATE_NOOP("PreviewPages", "Message"),
}


def thread_summary(noun: str, count: int, *, custom: bool) -> str:
    """'One post.', 'A thread of 3 messages from the custom post.' — under a channel's preview."""
    message = noun == "Message"
    if count == 1 and custom:
        if message:
            return translate("PreviewPages", "One message from the custom post.")
        return translate("PreviewPages", "One post from the custom post.")
    if count == 1:
        if message:
            return translate("PreviewPages", "One message.")
        return translate("PreviewPages", "One post.")
    if custom:
        if message:
            said = QCoreApplication.translate(
                "PreviewPages", "A thread of %n messages from the custom post.", "", count
            )
        else:
            said = QCoreApplication.translate(
                "PreviewPages", "A thread of %n posts from the custom post.", "", count
            )
    elif message:
        said = QCoreApplication.translate("PreviewPages", "A thread of %n messages.", "", count)
    else:
        said = QCoreApplication.translate("PreviewPages", "A thread of %n posts.", "", count)
    return numerals(said)
