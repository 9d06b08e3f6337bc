"""A Telegram Bot API on 127.0.0.1 for the telegram channel's tests: `POST /bot<token>/<method>`
with a JSON body, answered as the Bot API answers (`{"ok": true, "result": …}` or `{"ok": false,
"error_code", "description", "parameters": {"retry_after"}}`). It checks what Telegram checks:
the token in the path (401 "Unauthorized" otherwise), a known chat (400 "chat not found"), the
text's length in UTF-16 code units after the HTML markup is parsed (400 "message is too long"),
HTML that parses, and a `reply_parameters.message_id` that exists. Faults are scripted per call:
an answer to give instead, a connection reset after the body arrived, or no answer at all."""

from __future__ import annotations

import html.parser
import http.server
import json
import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
CHAT = "@acme_status"


@dataclass
class Sent:
    message_id: int
    chat_id: str
    text: str  # as Telegram shows it: the markup parsed away
    markup: str  # as it was sent
    reply_to: int | None
    parse_mode: str | None


@dataclass
class Fault:
    # "answer" (status + body), "reset" (after the body), "hang" (after the body), "pass" (none:
    # the call is answered as usual; a script's way of letting a call through)
    kind: str
    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)


def refuse(status: int, description: str, retry_after: int | None = None) -> Fault:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return Fault("answer", status, body)


class _Text(html.parser.HTMLParser):
    ALLOWED = frozenset({"b", "strong", "i", "em", "u", "s", "a", "code", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in self.ALLOWED:
            self.bad.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


class FakeBotApi:
    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.calls: list[str] = []  # the methods called, in order
        self.paths: list[str] = []
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._next_id = 100
        self._stop = threading.Event()
        handler = self._handler()
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def script(self, *faults: Fault) -> None:
        with self._lock:
            self._faults.extend(faults)

    def delete(self, message_id: int) -> None:
        """A message deleted from the chat: a reply to it is refused (400 "message to be
        replied not found") unless the bot allows sending without the reply."""
        with self._lock:
            self.sent = [m for m in self.sent if m.message_id != message_id]

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, path: str, body: dict[str, Any]) -> tuple[Fault | None, int, dict[str, Any]]:
        with self._lock:
            self.paths.append(path)
            fault = self._faults.popleft() if self._faults else None
            if fault is not None and fault.kind == "pass":
                fault = None
        parts = path.strip("/").split("/")
        if len(parts) != 2 or parts[0] != f"bot{TOKEN}":
            return fault, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = parts[1]
        with self._lock:
            self.calls.append(method)
        if fault is not None:
            return fault, fault.status, fault.body
        if method == "getMe":
            return None, 200, {"ok": True, "result": {"id": 1, "is_bot": True,
                                                      "username": "acme_status_bot"}}  # fmt: skip
        if str(body.get("chat_id")) != CHAT:
            return None, 400, {"ok": False, "error_code": 400,
                               "description": "Bad Request: chat not found"}  # fmt: skip
        if method == "getChat":
            return None, 200, {"ok": True, "result": {"id": -100, "title": "Acme status",
                                                      "username": CHAT[1:]}}  # fmt: skip
        if method != "sendMessage":
            return None, 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        markup = str(body.get("text", ""))
        parser = _Text()
        parser.feed(markup)
        parser.close()
        text = "".join(parser.parts)
        if body.get("parse_mode") == "HTML" and parser.bad:
            return None, 400, {"ok": False, "error_code": 400, "description":
                               f"Bad Request: can't parse entities: {parser.bad[0]}"}  # fmt: skip
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return None, 400, {"ok": False, "error_code": 400,
                               "description": "Bad Request: message is too long"}  # fmt: skip
        reply_parameters = body.get("reply_parameters") or {}
        reply = reply_parameters.get("message_id")
        with self._lock:
            known = {m.message_id for m in self.sent}
            if (
                reply is not None
                and reply not in known
                and reply_parameters.get("allow_sending_without_reply")
            ):
                reply = None  # Telegram sends it as a message of its own
            if reply is not None and reply not in known:
                return (
                    None,
                    400,
                    {
                        "ok": False,
                        "error_code": 400,
                        "description": "Bad Request: message to be replied not found",
                    },
                )
            self._next_id += 1
            sent = Sent(self._next_id, CHAT, text, markup, reply, body.get("parse_mode"))
            self.sent.append(sent)
        return None, 200, {"ok": True, "result": {"message_id": sent.message_id,
                                                  "chat": {"id": -100}}}  # fmt: skip

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                fault, status, answer = api._answer(self.path, body)
                if fault is not None and fault.kind == "reset":
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    return
                if fault is not None and fault.kind == "hang":
                    api._stop.wait(30)
                    self.close_connection = True
                    return
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
