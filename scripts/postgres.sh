#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests' PostgreSQL lane and the benchmarks, from Debian's packages
# (.ci/run installs them; this script never does). It lives in $SALAM_PG_DIR (default /tmp/salam-pg), listens on
# 127.0.0.1:$SALAM_PG_PORT (default 55432) only, trusts local connections, and is never the machine's own cluster.
#
#   scripts/postgres.sh start [--for-tests]   start it (idempotent) and print the admin connection string
#   scripts/postgres.sh stop                  stop it
#   scripts/postgres.sh available             exit 0 when PostgreSQL's programs are installed
#
# --for-tests turns off fsync and synchronous commit: a test database is thrown away, so durability buys nothing there.
# Benchmarks start it without, so they measure the server as production runs it.
set -euo pipefail
PORT=${SALAM_PG_PORT:-55432}
DIR=${SALAM_PG_DIR:-/tmp/salam-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
URL="Host=127.0.0.1;Port=$PORT;Username=postgres"

as_owner() {
  # initdb and postgres refuse to run as root: the cluster belongs to the postgres user that Debian's package creates.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  available)
    [ -n "$BIN" ] && [ -x "$BIN/initdb" ] ;;
  start)
    [ -n "$BIN" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
      as_owner "$BIN/initdb" -D "$DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      extra=""
      [ "${2:-}" = "--for-tests" ] && extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 $extra" start >/dev/null
    fi
    echo "$URL" ;;
  stop)
    [ -f "$DIR/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null || true ;;
  *)
    sed -n '2,12p' "$0"; exit 2 ;;
esac
