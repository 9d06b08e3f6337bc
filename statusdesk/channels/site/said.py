"""What the site channel says when its page cannot be built or published (context "Delivery":
the desk reads a stored delivery error back into these, delivery/failures.py, and says it in its
language; the system's own reasons and the paths stay as they came). Qt-free words only: the
desk reads these without loading the site's builder and renderer."""

from __future__ import annotations

from statusdesk.core.words import QT_TRANSLATE_NOOP

# A publishing target's error, said with the channel's name first: a "Problems" sentence (the
# GUI says it again where it has the Words), not a frame a stored text is read back into — it
# would fit any text with a colon in it, a server's words too.
NAMED = QT_TRANSLATE_NOOP("Problems", "{channel}: {problem}")
NOWHERE = QT_TRANSLATE_NOOP("Delivery", "{channel}: a page kept on this disk has nowhere to go.")
SETTINGS = QT_TRANSLATE_NOOP(
    "Delivery", "{problem}; fix it with `statusdesk channel edit NAME --set …`."
)
DISK_FULL = QT_TRANSLATE_NOOP(
    "Delivery",
    "Status page: the disk is full ({cause}); free some space — the previous page stays online "
    "and the build is retried.",
)
CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Delivery",
    "Status page: could not write {folder} ({cause}). Fix the folder's permissions or choose "
    "another workspace; the previous page is still online.",
)
