"""Shared, Qt-free: what the GUI reads and does over a Desk on a TaskRunner worker, and the
words about it (the countdown, the silence alarm, a publish's outcome).
"""
