"""Pure domain: no I/O, no Qt, no clock reads (callers pass `now`)."""
