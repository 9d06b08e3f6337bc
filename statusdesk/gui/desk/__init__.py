"""The main window: the one package that assembles the features."""
