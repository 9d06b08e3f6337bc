"""Ctrl+K: the command palette."""
