"""Shared: popups, forms, labels, editors and layout pieces every feature builds from."""
