"""Review in the desktop app (issue #17): the updates waiting for a second pair of eyes."""
