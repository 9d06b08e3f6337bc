"""Starting the app: the entry point, one app per workspace, and the workspace opened while
the desk is built. May import the window package (desk); nothing imports launch.
"""

from statusdesk.gui.runtime.pyside_imports import read_sources_lightly

# Before the launcher imports the desk's three hundred modules (pyside_imports.py says why).
read_sources_lightly()
