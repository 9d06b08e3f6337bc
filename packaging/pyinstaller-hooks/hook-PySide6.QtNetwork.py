# Replaces PyInstaller's own hook for PySide6.QtNetwork: the same collection, trimmed
# (bundle_trim.py says what is kept and why). Unlike the original it does not add OpenSSL for
# Qt's TLS backend: the app's HTTPS goes through requests and Python's ssl, and QtNetwork only
# serves the single-instance QLocalServer. The spec puts this folder on sys.path.
from bundle_trim import trimmed

hiddenimports, binaries, datas = trimmed(__file__)
