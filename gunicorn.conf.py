"""gunicorn's settings; gunicorn reads this file from the directory it starts in.

Run `gunicorn` (or `gunicorn wsgi:app`) from the repository's root. Each setting can still be
changed on the command line or in GUNICORN_CMD_ARGS. In production nginx stands in front
(deploy/nginx.conf): it buffers whole requests and responses, so slow clients hold nginx,
not these workers.
"""

import gc
import os

wsgi_app = "wsgi:app"
# Under systemd with a socket unit (docs/deployment.md), gunicorn serves the socket systemd
# hands it instead: systemd keeps it open while the server restarts, so no client is refused.
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Otherwise each worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads
# new connections over them. On one shared socket, a worker that accepts a burst of keep-alive
# connections keeps them all while the other idles (docs/performance.md). So a second server
# started on the same port shares it instead of failing: stop one first.
reuse_port = "LISTEN_FDS" not in os.environ  # systemd's socket is shared by every worker

# Processes: WEB_CONCURRENCY, as most hosts set it; two by default.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads, not sync workers: a sync worker serves one connection at a time, so two clients
# that send their request slowly (on purpose or on a bad network) hold both workers and the
# site stops answering. With threads, a worker serves others while a few connections wait;
# many slow clients (a slowloris attack) still need nginx in front, which holds them itself.
# Keep DB_POOL_SIZE + DB_MAX_OVERFLOW below the threads: then a database that hangs holds only
# some of them, and the others still answer /healthz (and 503 pages).
# Few threads, and more processes for more load: Python runs one thread of a process at a
# time, so under load 8 threads served pages more slowly than 4 (docs/performance.md).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A worker silent for this long is restarted; a request the app is still answering when the
# server stops gets this long to finish.
timeout = 30
graceful_timeout = 20
# How long an idle keep-alive connection from nginx stays open.
keepalive = 5

# Import the app once, in the master: a configuration error (no SECRET_KEY, say) then stops
# gunicorn at once with its one line, instead of workers failing and restarting forever.
preload_app = True

# The control socket (gunicornc) is off: two servers on one machine would share its default
# path. Set GUNICORN_CONTROL_SOCKET to a path of this server's own to turn it on.
control_socket_disable = "GUNICORN_CONTROL_SOCKET" not in os.environ
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "gunicorn.ctl")

# gunicorn's own messages to stderr; the app writes one line per request there too, with the
# client's address and the request id (app/request_log.py), so gunicorn's access log is off.
errorlog = "-"
loglevel = "info"


def pre_fork(server, worker):
    """Freeze the objects the master imported before each worker is forked from it.

    A worker shares the master's memory until it writes to a page. Python's garbage collector
    writes to every object it examines, so without this each worker soon holds its own copy
    of the whole app; frozen objects are never examined (the `gc.freeze` recipe for servers
    that fork; docs/performance.md has the figures).
    """
    gc.freeze()
