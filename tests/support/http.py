"""Helpers for the tests that talk HTTP to the live server: posting, raw sockets, and checks
of problem documents and of a response's inner consistency."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import requests

from tests.support.server import LiveServer
from tests.support.spec_check import assert_matches

JSON_HEADERS = {"Content-Type": "application/json"}
VALID = {"text": "The mayor said the bridge would open in May."}


def post(server: LiveServer, path: str, body: object = None, data: bytes | str | None = None,
         headers: dict[str, str] | None = None) -> requests.Response:
    if data is None:
        data = json.dumps(body)
    return requests.post(f"{server.url}{path}", data=data,
                         headers=JSON_HEADERS if headers is None else headers, timeout=60)


def assert_problem(response: requests.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert_matches(problem, "Problem")
    assert problem["status"] == status
    assert problem["request_id"] == response.headers["X-Request-ID"]
    return problem


def _reply(sock: socket.socket) -> tuple[bytes, bytes]:
    """Read to the end: (status line and headers, body)."""
    reply = b""
    while data := sock.recv(65_536):
        reply += data
    head, _, payload = reply.partition(b"\r\n\r\n")
    return head, payload


def raw_post(server: LiveServer, path: str, body: bytes) -> tuple[bytes, bytes]:
    """POST with Content-Length, the whole body sent before the reply is read, as a plain
    client does (a reset while sending raises); returns (head, payload)."""
    address = urlsplit(server.url)
    with socket.create_connection((address.hostname, address.port), timeout=60) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\n"
                     "Content-Type: application/json\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        return _reply(sock)


def raw_chunked_post(
    server: LiveServer, path: str, body: bytes, chunk: int = 65_536
) -> tuple[int, bytes]:
    """POST with Transfer-Encoding: chunked and no Content-Length; returns (status, body)."""
    address = urlsplit(server.url)
    with socket.create_connection((address.hostname, address.port), timeout=60) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: {address.netloc}\r\n"
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                     "Connection: close\r\n\r\n".encode())
        try:
            for i in range(0, len(body), chunk):
                part = body[i:i + chunk]
                sock.sendall(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before reading everything, as it should
        head, payload = _reply(sock)
    assert b"content-length" not in head.lower().split(b"\r\n")[0]
    return int(head.split()[1]), payload


def assert_offsets_index_the_text(result: dict, text: str) -> None:
    def check(span: dict | None) -> None:
        if span is not None:
            assert text[span["start"]:span["end"]] == span["text"], span

    for quote in result["quotes"]:
        check(quote)
        check(quote["cue"])
        check(quote["speaker"]["mention"])
        for fragment in quote.get("fragments", []):
            check(fragment)
            assert quote["start"] <= fragment["start"] < fragment["end"] <= quote["end"]
        assert len(quote.get("fragments", [None, None])) > 1


def assert_consistent(result: dict) -> None:
    quotes = result["quotes"]
    assert [q["id"] for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    assert [q["start"] for q in quotes] == sorted(q["start"] for q in quotes)
    by_id = {q["id"]: q for q in quotes}
    listed = [quote_id for speaker in result["speakers"] for quote_id in speaker["quote_ids"]]
    assert sorted(listed) == sorted(q["id"] for q in quotes if q["speaker"]["name"] is not None)
    for speaker in result["speakers"]:
        for quote_id in speaker["quote_ids"]:
            assert by_id[quote_id]["speaker"]["name"] == speaker["name"]
            assert by_id[quote_id]["speaker"]["type"] == speaker["type"]
    first_quotes = [int(s["quote_ids"][0][1:]) for s in result["speakers"]]
    assert first_quotes == sorted(first_quotes)
