#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for temoin's tests, on 127.0.0.1 only.
#
#   scripts/start-postgres.sh          # prints the URL and writes it to .pg/url
#   TEMOIN_PG_DIR=/tmp/pg scripts/start-postgres.sh
#
# Installs PostgreSQL from the Debian packages when no server binaries are found
# (unless TEMOIN_PG_NO_INSTALL=1), initialises a cluster in .pg/ (git-ignored)
# with a random password, starts it on a free port with Unix sockets off, and
# writes postgresql://temoin:PASSWORD@127.0.0.1:PORT/temoin to .pg/url (mode 600).
# Running as root, the cluster is owned by and run as the "postgres" user.
# Idempotent: if the server in .pg/ is already running, it only prints the URL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGDIR="${TEMOIN_PG_DIR:-$ROOT/.pg}"
DATA="$PGDIR/data"
URL_FILE="$PGDIR/url"
LOG="$PGDIR/server.log"

say() { echo "start-postgres: $*" >&2; }

find_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return
        fi
    done
}

install_postgres() {
    if [ "${TEMOIN_PG_NO_INSTALL:-0}" = "1" ]; then
        say "no PostgreSQL server binaries and TEMOIN_PG_NO_INSTALL=1"
        exit 3
    fi
    local sudo=""
    if [ "$(id -u)" != "0" ]; then
        command -v sudo >/dev/null 2>&1 || { say "PostgreSQL is not installed and I am not root"; exit 3; }
        sudo="sudo"
    fi
    say "installing PostgreSQL from the Debian packages"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# Run a command as the cluster's owner: "postgres" when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" = "0" ]; then
        local quoted
        printf -v quoted '%q ' "$@"
        su postgres -s /bin/sh -c "$quoted"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

BIN="$(find_bindir || true)"
if [ -z "$BIN" ]; then
    install_postgres
    BIN="$(find_bindir || true)"
    [ -n "$BIN" ] || { say "PostgreSQL installed but initdb not found"; exit 3; }
fi

if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

mkdir -p "$PGDIR"
chmod 711 "$PGDIR"  # the postgres user must reach data/; url and password stay 600

if [ -f "$URL_FILE" ] && [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "already running"
    cat "$URL_FILE"
    exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    mkdir -p "$DATA"
    PASSWORD="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    PWFILE="$(mktemp)"
    echo "$PASSWORD" >"$PWFILE"
    echo "$PASSWORD" >"$PGDIR/password"
    chmod 600 "$PGDIR/password"
    if [ "$(id -u)" = "0" ]; then
        chown postgres "$DATA" "$PWFILE"
    fi
    as_owner "$BIN/initdb" -D "$DATA" -U temoin --pwfile="$PWFILE" --auth-local=scram-sha-256 \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
        || { rm -f "$PWFILE"; say "initdb failed, see $PGDIR/initdb.log"; exit 4; }
    rm -f "$PWFILE"
fi
PASSWORD="$(cat "$PGDIR/password")"

PORT="$(free_port)"
touch "$LOG"
if [ "$(id -u)" = "0" ]; then chown postgres "$LOG"; fi
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories= -c fsync=on" start >/dev/null \
    || { say "the server did not start, see $LOG"; exit 4; }

export PGPASSWORD="$PASSWORD"
if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U temoin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'temoin'" \
        | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U temoin temoin
fi

URL="postgresql://temoin:$PASSWORD@127.0.0.1:$PORT/temoin"
umask 077
echo "$URL" >"$URL_FILE"
say "running on 127.0.0.1:$PORT (data in $DATA); URL in $URL_FILE"
echo "$URL"
