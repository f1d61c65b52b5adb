#!/usr/bin/env bash
# Starts the throwaway services the test suite needs (MariaDB, Redis) when they are not already
# reachable, installing Debian's packages when missing (we run as root on these machines), then
# runs the given command with TEST_MYSQL_URL / TEST_REDIS_URL set, and stops what it started.
set -euo pipefail

MYSQL_PORT=${TEST_MYSQL_PORT:-33306}
REDIS_PORT=${TEST_REDIS_PORT:-36379}
STATE=$(mktemp -d /tmp/govpay-test-services.XXXXXX)
STARTED=()

log() { printf '[test-services] %s\n' "$*" >&2; }

cleanup() {
  for pid in "${STARTED[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  rm -rf "$STATE"
}
trap cleanup EXIT INT TERM

need_packages=()
command -v mariadbd >/dev/null 2>&1 || need_packages+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || need_packages+=(redis-server)
command -v xmllint >/dev/null 2>&1 || need_packages+=(libxml2-utils)
command -v pdftoppm >/dev/null 2>&1 || need_packages+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need_packages+=(zbar-tools)
command -v dmtxread >/dev/null 2>&1 || need_packages+=(dmtx-utils)
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing ${need_packages[*]} and not root: install them (apt-get install ${need_packages[*]}) and retry"
    exit 1
  fi
  log "installing ${need_packages[*]} from Debian (first run only, about a minute)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

if [ -z "${TEST_MYSQL_URL:-}" ]; then
  log "starting MariaDB on 127.0.0.1:$MYSQL_PORT"
  mkdir -p "$STATE/mysql"
  mariadb-install-db --user=root --datadir="$STATE/mysql/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$STATE/mysql/install.log" 2>&1
  mariadbd --no-defaults --user=root --datadir="$STATE/mysql/data" --socket="$STATE/mysql/sock" \
    --port="$MYSQL_PORT" --bind-address=127.0.0.1 --pid-file="$STATE/mysql/pid" \
    --log-error="$STATE/mysql/err.log" --skip-name-resolve --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit=2 --max-connections=500 &
  STARTED+=($!)
  for _ in $(seq 1 150); do
    mariadb-admin --socket="$STATE/mysql/sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb --socket="$STATE/mysql/sock" -uroot -e \
    "CREATE USER 'govpay'@'127.0.0.1' IDENTIFIED BY 'govpay'; GRANT ALL ON *.* TO 'govpay'@'127.0.0.1';"
  export TEST_MYSQL_URL="mysql://govpay:govpay@127.0.0.1:$MYSQL_PORT/govpay"
fi

if [ -z "${TEST_REDIS_URL:-}" ]; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --logfile "$STATE/redis.log" &
  STARTED+=($!)
  export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
fi

"$@"
