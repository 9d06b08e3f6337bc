"""Text rules (DESIGN §6): normalisation, direction controls, direction detection."""
