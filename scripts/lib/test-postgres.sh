#!/usr/bin/env bash
# Sourced by scripts/test-all.sh: makes sure a PostgreSQL server answers on 127.0.0.1:5432 (trust auth)
# with a database `test`, for the indexer's tests. Uses the one that runs; otherwise starts a throwaway
# one from Debian's `postgresql` package (installing it when root) in a temporary folder, stopped when
# the tests end; otherwise says what to install and fails.
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export INDEXER_TEST_POSTGRES=1

pg_answers() { node -e "
  const net = require('node:net'); const s = net.connect(5432, '127.0.0.1');
  s.on('connect', () => { s.end(); process.exit(0) }); s.on('error', () => process.exit(1))"; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)"
}

if pg_answers; then
  echo "PostgreSQL answers on 127.0.0.1:5432"
else
  bin="$(pg_bin || true)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      echo "No PostgreSQL: installing Debian's (apt-get install postgresql)…"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin="$(pg_bin)"
    else
      echo "The indexer's tests need PostgreSQL on 127.0.0.1:5432 (trust auth, database test)." >&2
      echo "Install it as root:  apt-get update && apt-get install -y postgresql   (npm test then starts one)" >&2
      exit 1
    fi
  fi
  pgdata="$(mktemp -d /tmp/prover-pool-pg.XXXXXX)"
  as_pg=()
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pgdata"
    as_pg=(runuser -u postgres --)
  fi
  echo "Starting a throwaway PostgreSQL ($bin) in $pgdata…"
  "${as_pg[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -o "-h 127.0.0.1 -p 5432 -k $pgdata" -l "$pgdata/log" -w start >/dev/null
  trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdata"' EXIT
fi
node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  c.connect().then(() => c.query(\"select 1 from pg_database where datname = 'test'\"))
    .then((r) => (r.rowCount ? null : c.query('create database test')))
    .then(() => c.end()).catch((e) => { console.error('PostgreSQL: ' + e.message); process.exit(1) })"
