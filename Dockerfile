# The kit as a container image: gunicorn with gunicorn.conf.py, as in docs/deployment.md.
#   docker build -t flask-starter-kit .
# BASE is any Debian-like image with Python 3.11 or newer (python3, its venv module, useradd).
ARG BASE=python:3.12-slim
FROM ${BASE}

# Python writes no .pyc files at run time (the code is read-only here; the build compiles it
# once, below), and log lines are written at once.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The packages in a virtualenv of their own, apart from the base image's Python. `python3`
# names the interpreter in every base (python:3.12-slim's /usr/local/bin, Debian's /usr/bin).
RUN python3 -m venv /venv
ENV PATH=/venv/bin:$PATH

WORKDIR /app
# The requirements before the code: a change to the code reuses the installed packages.
COPY requirements.txt .
RUN pip install -r requirements.txt

# The code belongs to root, and the server runs as a user that cannot change it.
# .dockerignore keeps .git, .venv, instance/, .env, tests and caches out.
RUN useradd --system --no-create-home --shell /usr/sbin/nologin kit
COPY . .
# Bytecode made once here, so no process compiles the app's modules again at each start.
RUN python3 -m compileall -q /app
USER kit

# Production, as outside a container: the settings come from the environment at run time
# (`docker run --env-file .env`; .env.example names them), and without one that production
# needs (SECRET_KEY...) gunicorn exits at once with the reason. FLASK_APP lets
# `flask db upgrade` run here; BIND is where gunicorn.conf.py listens.
ENV APP_ENV=production \
    FLASK_APP=wsgi.py \
    BIND=0.0.0.0:8000
EXPOSE 8000

# Liveness: /healthz on BIND's port, with a Host from TRUSTED_HOSTS (others get a 400).
# Python's urllib, since slim images have no curl; any answer but 2xx fails.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python3", "-c", "import os, urllib.request as r; \
host = (os.environ.get('TRUSTED_HOSTS') or os.environ.get('SERVER_NAME', '')).split(',')[0]; \
port = os.environ['BIND'].rpartition(':')[2]; \
r.urlopen(r.Request(f'http://127.0.0.1:{port}/healthz', \
headers={'Host': host.strip().lstrip('.')}), timeout=4)"]

# gunicorn reads gunicorn.conf.py from /app. It stops gracefully on SIGTERM (`docker stop`),
# giving requests under way 20 s: give `docker stop` longer than that (`-t 25`).
CMD ["gunicorn"]
