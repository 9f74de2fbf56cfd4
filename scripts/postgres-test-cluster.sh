#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster for the tests, bound to 127.0.0.1 only.
#   eval "$(scripts/postgres-test-cluster.sh start)"   # exports TOUCHPOINT_TEST_PG_URL and TOUCHPOINT_TEST_PG_DIR
#   scripts/postgres-test-cluster.sh stop "$TOUCHPOINT_TEST_PG_DIR"
# initdb refuses to run as root, so as root the cluster belongs to the 'postgres' system user.
set -euo pipefail

bin_dir() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
BIN=$(bin_dir)
[ -x "$BIN/initdb" ] || { echo "[touchpoint] PostgreSQL not found: run scripts/ensure-system-deps.sh" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/touchpoint-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$BIN/initdb" -D "$dir/data" -A trust -U postgres --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "export TOUCHPOINT_TEST_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export TOUCHPOINT_TEST_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: stop DIR}
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
