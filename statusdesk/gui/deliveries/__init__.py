"""A delivery that needs a person: retry, skip, and saying so."""
