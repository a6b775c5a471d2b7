"""Real servers on 127.0.0.1 for the link-check tests: an HTTP server that records what it is
sent, and raw sockets that misbehave (trickle an answer, never answer, never accept), with or
without TLS."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    """A request as the server received it."""

    path: str
    headers: dict[str, str]


@dataclass
class Recorder:
    url: str
    port: int
    seen: list[Seen] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [request.path for request in self.seen]


def answer(status: int, headers: dict[str, str] | None = None) -> Route:
    """A route that answers with a status, these headers and an empty body."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


@contextmanager
def recording_server(routes: dict[str, Route] | None = None, tls: ssl.SSLContext | None = None) -> Iterator[Recorder]:
    """An HTTP(S) server that records every request; paths not in routes answer 200."""
    routes = {} if routes is None else routes
    recorder: Recorder

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            recorder.seen.append(Seen(self.path, {name.lower(): value for name, value in self.headers.items()}))
            routes.get(self.path, answer(200))(self)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    port = httpd.server_address[1]
    recorder = Recorder(f"{'https' if tls else 'http'}://127.0.0.1:{port}", port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class RawServer:
    url: str
    connections: int = 0
    connected: threading.Event = field(default_factory=threading.Event)


@contextmanager
def raw_server(
    behave: Callable[[socket.socket, threading.Event], None], tls: ssl.SSLContext | None = None
) -> Iterator[RawServer]:
    """A server that accepts connections and hands each to behave(connection, stop) on a thread."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    server = RawServer(f"{'https' if tls else 'http'}://127.0.0.1:{listener.getsockname()[1]}")

    def serve(connection: socket.socket) -> None:
        try:
            if tls is not None:
                connection.settimeout(5)
                connection = tls.wrap_socket(connection, server_side=True)
            server.connected.set()
            behave(connection, stop)
        except OSError:
            pass  # the checker hung up: as it should
        finally:
            connection.close()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            server.connections += 1
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def trickle(interval: float, for_seconds: float = 3600) -> Callable[[socket.socket, threading.Event], None]:
    """Send a status line, then one header byte every `interval` seconds (for an hour, or as long
    as asked, then hang up)."""

    def behave(connection: socket.socket, stop: threading.Event) -> None:
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        until = time.monotonic() + for_seconds
        while not stop.wait(interval) and time.monotonic() < until:
            connection.sendall(b"X")

    return behave


def silent(connection: socket.socket, stop: threading.Event) -> None:
    """Read the request and never answer."""
    connection.recv(65536)
    stop.wait(60)


@contextmanager
def black_hole() -> Iterator[str]:
    """A listening socket that never accepts: once its tiny queue is full, connections hang."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


@dataclass(frozen=True)
class Certificates:
    server: ssl.SSLContext  # presents a certificate for 127.0.0.1
    client: ssl.SSLContext  # trusts that certificate and nothing else


def self_signed() -> Certificates:
    """A self-signed certificate for 127.0.0.1, made with cryptography (which pdfminer.six needs)."""
    import tempfile
    from pathlib import Path

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pitlint test")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    pem = certificate.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "cert.pem").write_bytes(pem)
        (Path(folder) / "key.pem").write_bytes(key_pem)
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.load_cert_chain(Path(folder) / "cert.pem", Path(folder) / "key.pem")
    client = ssl.create_default_context(cadata=pem.decode("ascii"))
    return Certificates(server, client)
