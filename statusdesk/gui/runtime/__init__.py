"""Shared: how the GUI runs work off its thread (TaskRunner and its named lanes: the one way),
catches what goes wrong, and knows it is up.
"""
