"""Scheduled updates, the promise's countdown and the silence alarm, run by one controller."""
