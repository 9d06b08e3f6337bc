"""What the email channel says around an SMTP server's answer and about an attempt's recipients
(context "Delivery": the desk reads a stored delivery error back into these, delivery/failures.py,
and says it in its language; the servers' own words, the addresses and the names stay as they
came). Kept apart from smtp.py and channel.py, which load ssl, smtplib and the site's renderer:
the desk reads these without them."""

from __future__ import annotations

from statusdesk.core.words import QT_TRANSLATE_NOOP

# -- an SMTP session -------------------------------------------------------------------------------

FORBIDDEN = QT_TRANSLATE_NOOP("Delivery", "{channel}: nothing was sent: {problem}.")
NO_STARTTLS = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} does not offer STARTTLS, and statusdesk sends nothing (least of all a "
    "password) without TLS. Use the server's TLS port: --set security=tls --set port=465, or "
    "587 with STARTTLS.",
)
NO_PASSWORD = QT_TRANSLATE_NOOP("Delivery", "{channel}: no password to log in with.")
NO_AUTH = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} offers no login (AUTH) over {security}. If it relays without one, "
    "remove the username (--set username=); otherwise check the host and port.",
)
AUTH_METHODS = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} offers only {methods} login methods; statusdesk logs in with PLAIN or "
    "LOGIN (over TLS).",
)
LOGIN_LATER = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {server} could not check the login now ({said})."
)
LOGIN_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the SMTP server refused the username/password ({said}) — set it with "
    "`statusdesk channel secret {channel} password` (and the username with `statusdesk "
    "channel add`'s --set username=…), then retry this delivery.",
)
STEP_LATER = QT_TRANSLATE_NOOP("Delivery", "{channel}: {server} answered {step} with {said}.")
STEP_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} refused {step} ({said}). Check the host, port and security settings.",
)
THE_CONNECTION = QT_TRANSLATE_NOOP("Delivery", "the connection")
THE_GREETING = QT_TRANSLATE_NOOP("Delivery", "the greeting")
THE_MESSAGE = QT_TRANSLATE_NOOP("Delivery", "the message")
UNTRUSTED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the TLS certificate of {server} is not trusted ({error}). Fix the server's "
    "certificate, or point SSL_CERT_FILE at your company's CA; statusdesk never turns "
    "verification off.",
)
HANDSHAKE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the TLS handshake with {server} failed ({error}). Check that security matches "
    "the port: tls for 465, starttls for 587.",
)
UNSUPPORTED = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: {server} does not support what was asked ({error})."
)
UNRESOLVED = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: cannot resolve {host}. Check the network and the host setting."
)
REFUSED = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: cannot connect to {server} (is the server up and the port right?)."
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "Delivery", "{channel}: no answer from {server} within {seconds} s; nothing was sent."
)
CLOSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} closed the connection before anything was sent ({error}).",
)
NOT_CONNECTED = QT_TRANSLATE_NOOP("Delivery", "{channel}: connecting to {server} failed ({error}).")
LOGIN_NEEDED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} requires a login to send ({said}). Set --set username=… and "
    "`statusdesk channel secret {channel} password`, then retry this delivery.",
)
SENDER_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {server} refused the sender {sender} ({said}). Set `from` to an address this "
    "account may send as, then retry this delivery.",
)

# -- an attempt's recipients ----------------------------------------------------------------------

AND_MORE = QT_TRANSLATE_NOOP("Delivery", "{names} and {more} more")
OTHERS = QT_TRANSLATE_NOOP(
    "Delivery", "{got} of {total} recipient(s) got it and are not mailed again"
)
OTHERS_REFUSED = QT_TRANSLATE_NOOP("Delivery", "{others}; {count} refused: {refusals}")
OTHERS_WAITING = QT_TRANSLATE_NOOP("Delivery", "{others}; {count} not mailed yet: {names}")
BROKE_AFTER = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: the connection to {server} broke after the message to {names} was handed over; "
    "it may or may not have arrived, and SMTP cannot look a message up ({others}). A retry "
    "mails only the recipients not known to have it.",
)
NOT_YET = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {count} of {total} recipient(s) could not be mailed yet: {names} ({reasons}); "
    "{others}.",
)
NO_REASON = QT_TRANSLATE_NOOP("Delivery", "no reason given")
ONLY_THOSE = QT_TRANSLATE_NOOP("Delivery", "Will retry only those.")
RECIPIENTS_REFUSED = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: {count} of {total} recipient(s) were refused: {refusals}. The other {got} got "
    "it and are not mailed again on a retry. Fix or remove these addresses (`statusdesk "
    "subscriber remove ADDR`, or the recipients setting), then retry or skip this delivery.",
)
NOT_KNOWN = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: it is not known whether {count} recipient(s) got the update: {names} (the "
    "connection broke after the message was handed to the server, and SMTP cannot look a "
    "message up). A retry mails only these again, with the same Message-ID; everyone else is "
    "not mailed again. Skip this delivery if they got it.",
)
