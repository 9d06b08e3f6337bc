# Replaces PyInstaller's own hook for PySide6.QtGui: the same collection, trimmed
# (bundle_trim.py says what is kept and why). The spec puts this folder on sys.path.
from bundle_trim import trimmed

hiddenimports, binaries, datas = trimmed(__file__)
