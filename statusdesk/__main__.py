"""`python -m statusdesk` and the `statusdesk` console script (pyproject's entry point)."""

from __future__ import annotations

import sys

from statusdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
