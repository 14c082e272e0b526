#!/usr/bin/env bash
# The container image, from a clean clone: build the Dockerfile, check that it runs as a user
# of its own and holds no .git, .venv, instance/ or .env, that it refuses to start without
# SECRET_KEY, then serve it the way docs/deployment.md says: on a new PostgreSQL database,
# /readyz answers 503 until the one-off `flask db upgrade`, then / and /readyz answer 200.
#
#   CONTAINER_ENGINE  the command: "podman --runtime runc" (the default; installed from Debian
#                     if missing) or "docker".
#   CONTAINER_BASE    the image to build on. The default, localhost/kit-base:bookworm, is built
#                     here from Debian's packages when missing (no registry is needed);
#                     empty: the Dockerfile's own (python:3.12-slim, from Docker Hub).
#   TEST_POSTGRES_URL a PostgreSQL server where a throwaway database is created and dropped.
#   TEST_REDIS_URL    the Redis the served container counts its limits in.
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINE=${CONTAINER_ENGINE:-podman --runtime runc}
LOCAL_BASE=localhost/kit-base:bookworm
BASE=${CONTAINER_BASE-$LOCAL_BASE}
IMAGE=localhost/flask-starter-kit:check
source .ci/lib.sh
fail() { echo "FAILED: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

step "Tools: $ENGINE, mmdebstrap for a base image, psql"
read -r -a engine <<<"$ENGINE"
missing_packages=()
if [ "${engine[0]}" = podman ]; then
  command -v podman >/dev/null || missing_packages+=(podman)
  # Debian's podman runs containers here only with Debian's runc (crun: "cgroups in hybrid mode
  # not supported"). Without systemd it logs that it cannot time health checks: harmless.
  [[ " ${engine[*]} " != *" runc "* ]] || command -v runc >/dev/null || missing_packages+=(runc)
fi
if [ "$BASE" = "$LOCAL_BASE" ] && ! command -v mmdebstrap >/dev/null; then
  missing_packages+=(mmdebstrap)
fi
command -v psql >/dev/null || missing_packages+=(postgresql-client)
[ "${#missing_packages[@]}" -eq 0 ] || apt_install "${missing_packages[@]}"
"${engine[@]}" --version

build_flags=()
run_flags=(--pull never)
if [ "${engine[0]}" = podman ]; then
  # HEALTHCHECK is part of Docker's image format, not OCI's (podman's default).
  build_flags+=(--format docker)
  # Raising rlimits is refused in this machine's containers.
  run_flags+=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
  # pip inside the build reaches the package index the way this machine does: its network,
  # certificates and pip settings, read-only. The Dockerfile never names them.
  build_flags+=(--network host)
  for path in /etc/ssl/certs /etc/pip.conf /opt; do
    [ ! -e "$path" ] || build_flags+=(-v "$path:$path:ro")
  done
fi

# Cleaned up on any exit: the containers, the database, the scratch folder.
scratch=$(mktemp -d)
# Names of this run's own, so that two runs on one machine never meet.
run_id=$(date +%s)_$$
database=kit_container_$run_id
name_no_key=kit-check-no-key-$run_id
name_server=kit-check-server-$run_id
name_published=kit-check-published-$run_id
containers=("$name_no_key" "$name_server" "$name_published")
cleanup() {
  for name in "${containers[@]}"; do "${engine[@]}" rm -f "$name" >/dev/null 2>&1 || true; done
  psql -q "$TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  $as_root rm -rf "$scratch"
}
trap cleanup EXIT

if [ "$BASE" = "$LOCAL_BASE" ]; then
  step "Base image $LOCAL_BASE: Debian bookworm with Python, made once from Debian's packages and kept"
  if "${engine[@]}" image inspect "$LOCAL_BASE" >/dev/null 2>&1; then
    echo "already there"
  else
    # mmdebstrap (several times faster than debootstrap) writes the root file system as a tar.
    $as_root mmdebstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
      bookworm - http://deb.debian.org/debian | "${engine[@]}" import - "$LOCAL_BASE"
  fi
fi
[ -z "$BASE" ] || build_flags+=(--build-arg "BASE=$BASE")

step "Build the image from a copy of the clone, with a .git, .venv, instance/, .env and caches to leave out"
context=$scratch/context
mkdir "$context"
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' path; do [ ! -e "$path" ] || printf '%s\0' "$path"; done |
  xargs -0 cp --parents -t "$context"
mkdir -p "$context"/{.git,.venv/bin,instance,node_modules/x,app/__pycache__,.pytest_cache}
touch "$context"/{.git/HEAD,.venv/bin/python,instance/app.db,app/__pycache__/x.pyc}
echo "SECRET_KEY=a-secret-that-must-stay-out-of-the-image-000000000" >"$context/.env"
previous_image=$("${engine[@]}" image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
"${engine[@]}" build "${build_flags[@]}" -t "$IMAGE" "$context"
# The last run's image, now untagged, would stay on disk for good.
if [ -n "$previous_image" ] && [ "$previous_image" != "$("${engine[@]}" image inspect -f '{{.Id}}' "$IMAGE")" ]; then
  "${engine[@]}" rmi "$previous_image" >/dev/null 2>&1 || true
fi

step "The image runs as a user of its own, and holds none of what .dockerignore leaves out"
"${engine[@]}" run --rm "${run_flags[@]}" --no-healthcheck "$IMAGE" sh -ec '
  [ "$(id -u)" != 0 ] || { echo "the image runs as root" >&2; exit 1; }
  echo "runs as uid $(id -u)"
  cd /app
  for path in .git .venv instance .env node_modules tests .pytest_cache app/__pycache__/x.pyc; do
    [ ! -e "$path" ] || { echo "the image holds /app/$path" >&2; exit 1; }
  done
  # The bytecode the build compiled (the planted x.pyc shows the host caches stay out).
  ls app/__pycache__/__init__.*.pyc >/dev/null 2>&1 || { echo "the app has no bytecode" >&2; exit 1; }
  ! touch wsgi.py 2>/dev/null || { echo "the server can change its own code" >&2; exit 1; }
  echo "/app holds: $(ls -A | tr "\n" " ")"'

# The documented environment: .env.example with this check's values in place of its own.
for name in SECRET_KEY TRUSTED_HOSTS DATABASE_URL RATELIMIT_STORAGE_URI; do
  grep -q "^$name=" .env.example || fail ".env.example does not name $name"
done
database_url=$(python3 -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1])._replace(path="/" + sys.argv[2]).geturl())' "$TEST_POSTGRES_URL" "$database")
secret_key=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
env_file=$scratch/env
while IFS= read -r line; do
  case $line in
    SECRET_KEY=*) echo "SECRET_KEY=$secret_key" ;;
    TRUSTED_HOSTS=*) echo "TRUSTED_HOSTS=127.0.0.1,localhost" ;;
    DATABASE_URL=*) echo "DATABASE_URL=$database_url" ;;
    RATELIMIT_STORAGE_URI=*) echo "RATELIMIT_STORAGE_URI=$TEST_REDIS_URL" ;;
    *) echo "$line" ;;
  esac
done <.env.example >"$env_file"

step "Without SECRET_KEY the container stops at once with the one-line reason"
grep -v '^SECRET_KEY=' "$env_file" >"$scratch/env-without-key"
status=0
output=$(timeout 60 "${engine[@]}" run --rm --name "$name_no_key" "${run_flags[@]}" --no-healthcheck \
  --env-file "$scratch/env-without-key" "$IMAGE" 2>&1) || status=$?
echo "exit $status: $output"
[ "$status" -ne 0 ] && [ "$status" -ne 124 ] || fail "the container did not exit with an error"
[ "$(wc -l <<<"$output")" -eq 1 ] && [[ $output == "Configuration error: SECRET_KEY "* ]] ||
  fail "expected one line, 'Configuration error: SECRET_KEY ...'"

step "Serve on a new PostgreSQL database ($database): /healthz 200, /readyz 503 before the migrations"
psql -q "$TEST_POSTGRES_URL" -c "CREATE DATABASE $database"
port=$(free_port)
url=http://127.0.0.1:$port
# The host's network, so the container reaches the host's PostgreSQL on 127.0.0.1.
"${engine[@]}" run -d --name "$name_server" "${run_flags[@]}" --network host \
  --health-interval 2s --env-file "$env_file" -e "BIND=127.0.0.1:$port" "$IMAGE" >/dev/null
wait_for() {  # URL CONTAINER: until URL answers 200, or the container has stopped
  for _ in $(seq 60); do
    curl -fsS "$1" >/dev/null 2>&1 && return
    [ "$("${engine[@]}" inspect -f '{{.State.Running}}' "$2")" = true ] || return 0
    sleep 0.5
  done
}
wait_for "$url/healthz" "$name_server"
curl -fsS "$url/healthz" || { "${engine[@]}" logs "$name_server" >&2; fail "/healthz"; }
echo
readiness=$(curl -sS -o /dev/null -w '%{http_code}' "$url/readyz")
echo "/readyz before the migrations: $readiness"
[ "$readiness" = 503 ] || fail "/readyz answered $readiness before the migrations, not 503"

step "The documented migration step, once: flask db upgrade in a container of its own"
"${engine[@]}" run --rm "${run_flags[@]}" --no-healthcheck --network host --env-file "$env_file" \
  "$IMAGE" flask db upgrade

step "Served: / and /readyz answer 200, the image's health check passes, docker stop is graceful"
curl -fsS "$url/readyz" || { "${engine[@]}" logs "$name_server" >&2; fail "/readyz"; }
echo
home=$(curl -fsS "$url/") || fail "/ did not answer 200"
grep -q "<h1" <<<"$home" || fail "/ has no heading"
echo "/ 200"
if [ "${engine[0]}" = podman ]; then
  "${engine[@]}" healthcheck run "$name_server"
else
  for _ in $(seq 30); do
    [ "$("${engine[@]}" inspect -f '{{.State.Health.Status}}' "$name_server")" = healthy ] && break
    sleep 1
  done
fi
health=$("${engine[@]}" inspect -f '{{.State.Health.Status}}' "$name_server")
echo "health check: $health"
[ "$health" = healthy ] || fail "the image's HEALTHCHECK says $health"
"${engine[@]}" stop -t 25 "$name_server" >/dev/null
exit_code=$("${engine[@]}" inspect -f '{{.State.ExitCode}}' "$name_server")
echo "stopped, exit code $exit_code"
[ "$exit_code" = 0 ] || fail "gunicorn did not stop gracefully (exit code $exit_code)"
server_log=$("${engine[@]}" logs "$name_server" 2>&1)
grep -q "Shutting down: Master" <<<"$server_log" || fail "no graceful shutdown in the log"

step "The image's own BIND (0.0.0.0:8000) through a published port: /healthz 200"
port=$(free_port)
"${engine[@]}" run -d --name "$name_published" "${run_flags[@]}" --no-healthcheck \
  -p "127.0.0.1:$port:8000" --env-file "$env_file" "$IMAGE" >/dev/null
wait_for "http://127.0.0.1:$port/healthz" "$name_published"
curl -fsS "http://127.0.0.1:$port/healthz" || { "${engine[@]}" logs "$name_published" >&2; fail "published /healthz"; }
echo
step "Container checks passed."
