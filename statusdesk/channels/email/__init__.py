"""Email to subscribers over SMTP (STARTTLS or TLS), bilingual, one ledger row per recipient
(kind `email`)."""
