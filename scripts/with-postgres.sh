#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on loopback: TEST_DATABASE_URL points at it.
# Usage: scripts/with-postgres.sh npx -y pnpm@12.4.2 test:postgres
# Installs Debian's postgresql package when missing (needs root); as root, the server runs as user postgres.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA=$(mktemp -d /tmp/newsfed-pg.XXXXXX)
PGPORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
as_pg "'$PGBIN/initdb' -D '$PGDATA' -A trust -U postgres --no-instructions >/dev/null"
as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' -l '$PGDATA/server.log' -w -o \"-p $PGPORT -k '$PGDATA' -c listen_addresses=127.0.0.1\" start >/dev/null"
stop() {
  as_pg "'$PGBIN/pg_ctl' -D '$PGDATA' -m fast -w stop >/dev/null" || true
  rm -rf "$PGDATA"
}
trap stop EXIT
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
"$@"
