"""Starting the app: the entry point, one app per workspace, and the workspace opened while
the desk is built. May import the window package (desk); nothing imports launch.
"""
