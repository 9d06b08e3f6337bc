"""The socket between launches on one workspace (single_instance.py says when each side runs).

A later launch connects to the app holding the workspace, writes one JSON line —
{"argv": [...], "cwd": ..., "activation_token": ...} — and waits for "ok\\n"; the app answers,
then emits the message as `LaunchServer.asked` (app.py raises the window). Loaded only by the
app once its desk is on screen, or by a launch that found the workspace taken: QtNetwork costs
some 8 ms.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

CONNECT_MS = 500
ANSWER_S = 5.0  # the app answers from its event loop: more than this, and it hangs
MESSAGE_MAX = 64 * 1024
ANSWER_OK = b"ok\n"


def launch_message(argv: Sequence[str]) -> bytes:
    message = {
        "argv": list(argv),
        "cwd": os.getcwd(),
        # Wayland lets an app raise its window only with the launcher's token.
        "activation_token": os.environ.get("XDG_ACTIVATION_TOKEN", ""),
    }
    return json.dumps(message).encode() + b"\n"


def send(server: str, data: bytes) -> bool | None:
    """None: nothing listens there. True: the app answered "ok". False: it took the message
    but did not answer in time (it hangs)."""
    socket = QLocalSocket()
    socket.connectToServer(server)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    try:
        socket.write(data)
        if not socket.waitForBytesWritten(CONNECT_MS):
            return None
        return _read_answer(socket)
    finally:
        socket.abort()


def _read_answer(socket: QLocalSocket) -> bool:
    answer = b""
    deadline = time.monotonic() + ANSWER_S
    while b"\n" not in answer and time.monotonic() < deadline:
        if socket.bytesAvailable() or socket.waitForReadyRead(100):
            answer += bytes(socket.readAll().data())
        elif socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            break
    return answer == ANSWER_OK


class LaunchServer(QObject):
    """Takes the JSON line of each later launch, answers "ok" and emits it as `asked`."""

    asked = Signal(dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None

    def listen(self, name: str) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                return False
            # This process holds the workspace's lock: what is there was left by a crashed app.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                return False
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()  # removes the socket file too
            self._server = None

    def _accept(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            self._converse(connection)

    def _converse(self, connection: QLocalSocket) -> None:
        received = bytearray()
        answered: list[bool] = []

        def read() -> None:
            if answered:  # one message per connection; anything after it is ignored
                return
            received.extend(connection.readAll().data())
            if b"\n" not in received:
                if len(received) > MESSAGE_MAX:
                    connection.abort()
                return
            answered.append(True)
            message = _parse(bytes(received).split(b"\n", 1)[0])
            connection.write(ANSWER_OK if message is not None else b"unreadable\n")
            connection.flush()
            connection.disconnectFromServer()
            if message is not None:
                self.asked.emit(message)

        connection.readyRead.connect(read)
        connection.disconnected.connect(connection.deleteLater)
        if connection.bytesAvailable():  # it may have written before it was accepted
            read()


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        message = json.loads(line)
    except ValueError:
        return None
    if not isinstance(message, dict) or not isinstance(message.get("argv"), list):
        return None
    return message
