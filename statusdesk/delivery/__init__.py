"""The outbox (ARCHITECTURE §5): every delivery is tracked, retried when safe, never lost or
doubled."""
