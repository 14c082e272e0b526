"""Deploys and crashes under load, through nginx: docs/deployment.md says how production
restarts its servers, and what replaces a worker or a server that dies.

Each app server's port is held as systemd's socket unit holds it, so a server that stops
leaves connections waiting, not refused; nginx never takes a server out of turn, and tries
a request that got no answer on the other, unless it was a POST the server may have seen.
A killed process costs the requests it was answering: at most one per visitor each time.
"""

import os
import signal
import time

import pytest

from tests.deploy.servers import failures, visitors

# nginx in front of two gunicorn servers.
pytestmark = pytest.mark.servers

# Visitors that read a page, and visitors that send a form (refused without its CSRF token:
# an answer all the same, from the app).
PAGES_AND_FORMS = {"GET /": "page", "POST /submit": "form"}
CLIENTS = 8


def test_restarting_the_servers_one_at_a_time_under_load_fails_no_request(cluster):
    """The deploy: restart one server, wait until it answers, then the next; none refused."""
    with visitors(cluster.url, PAGES_AND_FORMS, CLIENTS) as answers:
        time.sleep(0.5)
        for server in cluster.servers:
            server.stop()  # as systemctl restart does: gracefully, then a new server
            server.start()  # ... and the deploy's loop waits until it answers
        time.sleep(0.5)
    assert failures(answers) == {}
    assert answers[("page", 200)] > 50 and answers[("form", 400)] > 50


def test_a_worker_killed_on_each_server_costs_only_the_requests_it_held(cluster):
    """gunicorn replaces a killed worker at once, and nginx keeps both servers in turn: the
    requests the worker was answering are lost (a read it had not begun to answer is tried on
    the other server), and nothing more.
    """
    with visitors(cluster.url, PAGES_AND_FORMS, CLIENTS) as answers:
        time.sleep(0.5)
        for server in cluster.servers:
            os.kill(server.worker_ids()[0], signal.SIGKILL)
            time.sleep(0.3)
        time.sleep(1.5)
        for server in cluster.servers:
            assert len(server.worker_ids()) == server.workers
    assert sum(failures(answers).values()) <= CLIENTS * len(cluster.servers)
    assert answers[("page", 200)] > 50 and answers[("form", 400)] > 50


def test_a_killed_server_is_replaced_at_once_on_its_socket(cluster):
    """The master killed (its workers with it): a new server starts on the port straight away
    (no orphan holds it); the requests its workers were answering are lost, the others wait
    in the socket or go to the other server.
    """
    server = cluster.servers[0]
    with visitors(cluster.url, {"GET /": "page"}, CLIENTS) as answers:
        time.sleep(0.5)
        started = time.monotonic()
        server.kill_master()
        server.start()  # what systemd's Restart=always does, RestartSec later
        replaced_after = time.monotonic() - started
        time.sleep(0.5)
    assert sum(failures(answers).values()) <= CLIENTS
    assert answers[("page", 200)] > 50
    assert replaced_after < 15, f"answering again after {replaced_after:.1f} s"
