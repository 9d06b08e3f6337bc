"""Words said below the GUI, in English, and said again in the interface's language (issue #16).

The layers under the GUI never import Qt, yet what they say — a draft's problems, a refusal, a
bad time — is shown by an Arabic desk. So they say it in English, marked for Qt's translation:

    QT_TRANSLATE_NOOP("Problems", "{text} is empty.").format(text=TEXT_NAMES["en"])

`QT_TRANSLATE_NOOP(context, text)` is what pyside6-lupdate looks for (it reads the source, it
does not run it: the call's name and two literals are enough, in a module without Qt), and it
returns `Words`: a `str` holding the English text — what every caller, test, log and the CLI
read, unchanged — that also remembers its context and template. `Words.format(**params)` fills
it the way `str.format` does and keeps the template and the parameters, so the GUI
(`statusdesk.gui.i18n.localised`) can say it again through `QCoreApplication.translate(context,
template).format(**params)`, a parameter that is `Words` itself said again too. Anything else
done to it (`+`, an f-string, `.strip()`) gives a plain `str`: English, and the GUI shows it as
it is. The sources are translated in `statusdesk/gui/i18n/ts/messages_ar.ts`
(tests/unit/test_i18n_sources.py keeps it finished and up to date with these modules).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Words(str):
    """English text that knows its translation context, template and parameters."""

    context: str
    template: str
    params: Mapping[str, object]

    def __new__(
        cls,
        text: str,
        context: str = "",
        template: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> Words:
        self = super().__new__(cls, text)
        self.context = context
        self.template = text if template is None else template
        self.params = dict(params or {})
        return self

    def format(self, *args: object, **params: object) -> Words:
        """The template filled (named parameters only), still knowing how to be translated."""
        if args:
            raise TypeError("Words.format takes named parameters only (the translator sees names)")
        return Words(self.template.format(**params), self.context, self.template, params)

    def refilled(self, **changed: object) -> Words:
        """The same template with some of its parameters changed (the others kept)."""
        return self.format(**{**self.params, **changed}) if self.params else self

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle keep what it knows
        return (Words, (str(self), self.context, self.template, dict(self.params)))


def message_of(error: BaseException) -> str:
    """An error's message, as Words when it was raised with Words (`str(error)` is a plain
    str: the translation would be lost on the way up)."""
    message = error.args[0] if len(error.args) == 1 else None
    return message if isinstance(message, Words) else str(error)


def QT_TRANSLATE_NOOP(context: str, text: str) -> Words:
    """Qt's marker, Qt-free: `text` (English) as Words in `context`; lupdate finds it by name."""
    return Words(text, context)
