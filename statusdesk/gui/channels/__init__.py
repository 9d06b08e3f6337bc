"""The Channels window."""
