# What .ci/run and .ci/container_check.sh share; each sources it first.

# The services the tests marked `servers` use (docs/testing.md). On GitHub the workflow
# names its service containers instead.
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"

# Each step prints its name, and the time the previous one took.
run_start=$(date +%s)
step_start=$run_start
step() {
  local now; now=$(date +%s)
  printf '\n==> %s   (previous step %ss, %ss so far)\n' "$*" "$((now - step_start))" "$((now - run_start))"
  step_start=$now
}

# Debian packages, as root (CI) or through sudo (a developer's machine).
as_root=$([ "$(id -u)" -eq 0 ] || echo sudo)
apt_install() {
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}
