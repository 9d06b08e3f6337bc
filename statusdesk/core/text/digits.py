"""Digits in Arabic text: Latin (0123, `latn`) or Arabic-Indic (٠١٢٣, `arab`), as the workspace's
`display.digits` says. One conversion for every surface — the status page, templates, exports
and the desk's own numbers (gui/widgets/reading.py)."""

from __future__ import annotations

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def with_digits(text: str, digits: str) -> str:
    """`text` with its ASCII digits as `digits` asks (arab: Arabic-Indic; anything else: as is)."""
    return text.translate(ARABIC_INDIC) if digits == "arab" else text
