"""Shared, Qt-free: the words the window shows about what the app layer read — the countdown,
each channel's standing and the silence alarm, a publish's outcome, a delivery offered to a
decision. Every sentence is testable without a display; widgets only place them."""
