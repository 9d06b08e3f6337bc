"""Text rules (ARCHITECTURE §6): normalisation, direction controls, direction detection."""
