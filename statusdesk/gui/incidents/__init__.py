"""The incident list and the incident page."""
