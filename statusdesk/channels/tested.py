"""What a channel test says (`statusdesk channel test NAME`, the Channels window's Test): that it
reached the service and who it is there, or why the test failed — in the context "Delivery", so
the desk reads the text back (delivery/failures.py) and says it in its language, the names and
the services' words as they came. Qt-free words only: the desk reads these without loading the
channels themselves."""

from __future__ import annotations

from statusdesk.core.words import QT_TRANSLATE_NOOP

NOTHING_TO_TEST = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: a {kind} channel has nothing to connect to; nothing to test."
)
# A test is never retried: in place of "Will retry.", what to check (after the cause's full
# stop, or with the one the cause lacked).
FAILED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{cause} The test failed and nothing is retried (it was only a test): check that the host is "
    "up and reachable from this machine and the channel's address (`statusdesk channel edit "
    "{channel} --set …`), then test again.",
)
FAILED_AFTER_STOP = QT_TRANSLATE_NOOP(
    "Delivery",
    "{cause}. The test failed and nothing is retried (it was only a test): check that the host "
    "is up and reachable from this machine and the channel's address (`statusdesk channel edit "
    "{channel} --set …`), then test again.",
)

WEBHOOK = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {host} answered (HTTP {status}); nothing was published"
)
WEBHOOK_SIGNED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} answered (HTTP {status}); its signing secret is in the keyring; nothing "
    "was published",
)
WEBHOOK_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {host} cannot be reached ({error}). Check the url setting and that the receiver "
    "is running.",
)
MASTODON = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: authenticated as @{account} on {host}; nothing was published"
)
X = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: authenticated as @{username} ({name}) with {mode}; nothing was published",
)
BLUESKY = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: signed in as @{handle} ({did}) on {host}; nothing was published"
)
TELEGRAM = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: authenticated as @{bot}; the bot can see {chat}; nothing was sent"
)
STATUSPAGE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: page {title} ({subdomain}) reachable with the API key; nothing was published",
)
EMAIL = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: connected to {server} with {security} as {username}; nothing was sent"
)
EMAIL_WITHOUT_LOGIN = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: connected to {server} with {security} without a login; nothing was sent",
)
NO_ENCRYPTION = QT_TRANSLATE_NOOP("Delivery", "no encryption")
