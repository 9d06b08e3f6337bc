"""Help ▸ About."""
