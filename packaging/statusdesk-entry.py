"""The bundle's entry point: the same `statusdesk` as the console script (the GUI without
arguments, the CLI with them). A script of its own because PyInstaller starts from a file, and
pip's console-script wrapper exists only inside an installed environment."""

import sys

from statusdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
