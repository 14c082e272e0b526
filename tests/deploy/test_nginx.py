"""Production as it runs: nginx (deploy/nginx.conf) in front of two gunicorn servers."""

import resource
import socket
import threading
import time

import pytest
import requests

from config import Config
from tests.deploy.servers import HOST

# nginx in front of two gunicorn servers.
pytestmark = pytest.mark.servers

SLOW_CLIENTS = 50
# deploy/nginx.conf's limit_conn per address, and the slow uploads of 50 addresses at it.
UPLOADS_PER_ADDRESS = 20
SLOW_UPLOADS = 50 * UPLOADS_PER_ADDRESS


def test_the_site_is_served_through_nginx(cluster):
    """The home page comes from the app, through nginx, with the app's own headers."""
    response = cluster.get("/")
    assert response.status_code == 200
    assert Config.SITE_NAME in response.text
    assert "X-Request-ID" in response.headers  # the app's mark on everything it answers
    assert response.headers["Server"].startswith("nginx")
    assert "Content-Security-Policy" in response.headers


def test_static_files_come_from_nginx_with_long_lived_caching(cluster):
    """/static/ is read from disk by nginx: cached for 30 days, never seen by the app."""
    response = cluster.get("/static/style.css")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "max-age=2592000"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Request-ID" not in response.headers  # the app marks everything it answers


def test_pages_are_compressed_for_clients_that_accept_gzip(cluster):
    """gzip shrinks what a slow or metered connection has to carry."""
    response = cluster.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"


def test_forwarded_headers_the_client_forges_never_reach_the_app(cluster):
    """nginx sets X-Forwarded-For and -Host itself: the app sees the real client and host."""
    forged = {"X-Forwarded-For": "203.0.113.66", "X-Forwarded-Host": "evil.example"}
    response = cluster.get("/hello/forged", headers={**forged, "X-Request-ID": "forged-1"})
    # A forged host would have reached the app's TRUSTED_HOSTS check, and got a 400.
    assert response.status_code == 200
    request_id = response.headers["X-Request-ID"]
    assert request_id != "forged-1"  # nginx's own id, not the client's
    lines = [line for log in cluster.logs for line in log.read_text().splitlines()]
    [line] = [line for line in lines if f"[{request_id}]" in line]
    assert "app: 127.0.0.1 GET /hello/forged 200" in line
    assert "203.0.113.66" not in "\n".join(lines)


def test_an_unknown_host_gets_no_answer(cluster):
    """The default server closes the connection: no page is built for another host name."""
    with pytest.raises(requests.ConnectionError):
        cluster.get("/", headers={"Host": "evil.example"})


def test_a_body_over_the_limit_is_refused_by_nginx(cluster):
    """client_max_body_size matches MAX_CONTENT_LENGTH: 413 before the app is reached."""
    big = b"x" * (Config.MAX_CONTENT_LENGTH + 1)
    response = requests.post(f"{cluster.url}/hello/x", data=big, headers={"Host": HOST}, timeout=10)
    assert response.status_code == 413


def slow_client(port: int, stop: threading.Event) -> None:
    """Slowloris: open a connection and send a request's headers one byte a second."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        request = f"GET / HTTP/1.1\r\nHost: {HOST}\r\nX-Padding: {'a' * 100}".encode()
        for byte in request:
            if stop.wait(1):
                return
            try:
                connection.send(bytes([byte]))
            except OSError:
                return  # nginx dropped the connection: its header timeout at work


def test_slow_clients_leave_the_site_answering(cluster):
    """With 50 connections trickling their headers in, pages still answer within a second."""
    stop = threading.Event()
    clients = [
        threading.Thread(target=slow_client, args=(cluster.port, stop), daemon=True)
        for _ in range(SLOW_CLIENTS)
    ]
    for client in clients:
        client.start()
    try:
        time.sleep(2)  # every slow connection is open and waiting
        slowest = 0.0
        for _ in range(10):
            for path in ("/healthz", "/"):
                started = time.monotonic()
                assert cluster.get(path).status_code == 200
                slowest = max(slowest, time.monotonic() - started)
            time.sleep(0.3)
    finally:
        stop.set()
    assert slowest < 1.0, f"the slowest answer took {slowest:.2f} s"


def test_a_thousand_slow_uploads_within_the_limit_per_address_leave_the_site_answering(cluster):
    """50 addresses, each at its 20 connections, every body trickling in: more connections
    than Debian's 768 per nginx process, fewer than the 8,192 docs/deployment.md sets.
    """
    limits = resource.getrlimit(resource.RLIMIT_NOFILE)
    soft, hard = limits
    if soft < 2 * SLOW_UPLOADS:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4 * SLOW_UPLOADS), hard))
    headers = f"POST /submit HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 1000\r\n\r\nname="
    uploads: list[socket.socket] = []
    try:
        for number in range(SLOW_UPLOADS):
            upload = socket.socket()
            uploads.append(upload)
            upload.bind((f"127.0.0.{2 + number // UPLOADS_PER_ADDRESS}", 0))
            upload.connect(("127.0.0.1", cluster.port))
            upload.sendall(headers.encode())
        time.sleep(0.5)  # nginx has read every request's headers, and waits for its body
        for _ in range(5):
            assert cluster.get("/healthz").status_code == 200
        for upload in uploads:  # each one is still waited for: none refused, none answered
            with pytest.raises(BlockingIOError):
                upload.recv(1, socket.MSG_DONTWAIT)
    finally:
        for upload in uploads:
            upload.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, limits)


def test_a_client_that_never_finishes_its_headers_is_dropped_after_ten_seconds(cluster):
    """client_header_timeout: a slowloris connection is closed, not held open for good."""
    with socket.create_connection(("127.0.0.1", cluster.port), timeout=30) as connection:
        started = time.monotonic()
        connection.sendall(f"GET / HTTP/1.1\r\nHost: {HOST}\r\nX-Slow: ".encode())
        assert connection.recv(1024) == b""  # nginx closed it, without an answer
        waited = time.monotonic() - started
    assert 9 < waited < 15, f"closed after {waited:.1f} s"


def test_a_server_that_is_gone_costs_no_failed_get(cluster):
    """A server that is down, its socket too, refuses connections: nginx tries the other.

    It runs last in this module: it stops one of the two servers for good.
    """
    cluster.servers[0].close()
    statuses = [cluster.get("/").status_code for _ in range(30)]
    assert statuses == [200] * 30
