"""Issue #16: the last English of the Arabic desk said in Arabic — the email channel's settings
problems, the framing statusdesk puts around a server's reply when a delivery fails, the
subscriber import's per-line details, the export's progress digits and the composer's
component names. The command line and the channels' own tests keep the exact English."""

from __future__ import annotations

from pathlib import Path

from statusdesk.channels.email.settings import settings_problems
from tests import memkeyring
from tests.gui.conftest import WindowFactory
from tests.gui.keys import press
from tests.gui.test_channels_dialog import open_channels
from tests.gui.test_i18n_words import ARABIC, arabic, latin_words
from tests.memkeyring import MemoryKeyring

memory_keyring = memkeyring.memory_keyring  # a fixture, taken by name
__all__ = ["arabic"]  # a fixture, taken by name

# -- the email channel's settings -----------------------------------------------------------------

BAD_EMAIL = {
    "host": "smtp example",
    "port": "x",
    "from": "nope",
    "recipients": "ok@example.com, bad@",
    "unsubscribe_url": "http://status.example.com/u",
    "digits": "hindi",
    "connections": "9",
    "max_per_second": "0",
}


def test_the_email_channel_s_settings_problems_are_said_in_arabic(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory, arabic: None
) -> None:  # type: ignore[no-untyped-def]
    # Below the GUI the English is what the CLI prints, word for word.
    english = settings_problems(BAD_EMAIL)
    assert english[0] == (
        "host must be the SMTP server's name (got 'smtp example'), e.g. --set host=smtp.example.com"
    )
    assert english[2] == "from: 'nope' is not an email address (expected name@example.com)"
    assert english[3].startswith("recipients: 'bad@' is not an email address")
    assert english[4].endswith(
        "unsubscribe_url=https://status.example.com/unsubscribe?token={token}"
    )
    assert "at most 10,000 (got '0')" in english[-1]
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    form.kind.setCurrentIndex(form.kind.findData("email"))
    form.name.setText("mail")
    for key, value in BAD_EMAIL.items():
        form.fields[key].setText(value)
    form.name.setFocus()
    press("Return")
    qtbot.waitUntil(form.problems.isVisible)
    lines = form.problems.text().split("\n")
    assert len(lines) == len(english), lines
    # Every line Arabic, with only the setting keys, the values as typed and the examples Latin.
    keep = (
        "smtp example", "smtp.example.com", "SMTP", "port=587", "nope", "bad@", "name@example.com",
        "recipients", "from", "host", "port", "unsubscribe_url", "https://", "http://",
        "status.example.com/unsubscribe?token={token}", "status.example.com/u", "digits",
        "latn", "arab", "hindi", "connections", "max_per_second", "--set",
    )  # fmt: skip
    for line in lines:
        assert ARABIC.search(line), line
        assert latin_words(line, keep) == [], line
    assert "يجب أن يكون host اسم خادم SMTP (وصل 'smtp example')" in lines[0]
    assert lines[2].startswith("• from: 'nope' ليس عنوان بريد إلكتروني"), lines[2]
    assert lines[3].startswith("• recipients: 'bad@' ليس عنوان بريد إلكتروني"), lines[3]
    assert "token={token}" in lines[4], lines[4]
    assert "بحدّ أقصى 10,000 (وصل '0')" in lines[-1], lines[-1]
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
