"""Shared: every key as data, the user's keymap, the QActions made from them, and the
windows that show them.
"""
