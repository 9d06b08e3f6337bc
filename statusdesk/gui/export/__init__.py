"""Ctrl+E: the timeline export."""
