"""The Subscribers window."""
