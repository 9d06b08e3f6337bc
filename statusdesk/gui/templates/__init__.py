"""The Templates window."""
