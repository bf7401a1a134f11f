#!/usr/bin/env bash
# Stop the test PostgreSQL server started by scripts/start-postgres.sh.
#
#   scripts/stop-postgres.sh           # stop it, keep the data in .pg/
#   scripts/stop-postgres.sh --purge   # stop it and delete .pg/
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGDIR="${TEMOIN_PG_DIR:-$ROOT/.pg}"
DATA="$PGDIR/data"

say() { echo "stop-postgres: $*" >&2; }

find_pg_ctl() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
        echo "$(pg_config --bindir)/pg_ctl"
        return
    fi
    ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V -r | head -n 1
}

as_owner() {
    if [ "$(id -u)" = "0" ]; then
        local quoted
        printf -v quoted '%q ' "$@"
        su postgres -s /bin/sh -c "$quoted"
    else
        "$@"
    fi
}

PG_CTL="$(find_pg_ctl || true)"
if [ -f "$DATA/postmaster.pid" ] && [ -n "$PG_CTL" ]; then
    as_owner "$PG_CTL" -D "$DATA" -m fast -w stop >/dev/null && say "stopped"
else
    say "not running"
fi
rm -f "$PGDIR/url"
if [ "${1:-}" = "--purge" ]; then
    rm -rf "$PGDIR"
    say "removed $PGDIR"
fi
