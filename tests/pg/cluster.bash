# SPDX-License-Identifier: MIT
# A throwaway PostgreSQL cluster for tests, to be sourced (bash):
#
#   . tests/pg/cluster.bash
#   pg_cluster_require || exit $?   # 125: skip (no PostgreSQL, or TESTS_SKIP_HEAVY); 1: fail
#   pg_cluster_start                # sets PGHOST PGPORT PGUSER PGDATABASE PG_CLUSTER_URI
#   ...                             # stopped and removed at exit (trap), or by pg_cluster_stop
#
# The cluster lives in a temporary directory: initdb with UTF8 encoding and locale C.UTF-8 (the
# locale normdoc requires: pg_trgm must see Chinese characters as word characters; override
# with PG_CLUSTER_LOCALE to test a refusal), a free port on 127.0.0.1, its unix socket in the
# temporary directory, trust authentication for loopback only, no fsync (a test's data need
# not survive a crash of the machine). initdb refuses to run as root: as root the server runs
# as the `postgres` system user when there is one, else as `nobody`, owning the directory.
# Clusters go in memory (/dev/shm) when it has room; PG_CLUSTER_ROOT chooses another place.
# The server's programs (psql among them) come first in PATH.
# Clients connect over TCP as the bootstrap superuser `postgres`; the cluster holds an empty
# database `normdoc` beside `postgres`.
#
# TESTS_SKIP_HEAVY=1 (the sanitizer build) skips; TESTS_REQUIRE_TOOLS=1 (CI) makes a missing
# PostgreSQL a failure instead of a skip, since `.ci/install-deps --test` installs it.

pg_cluster_dir=""
pg_cluster_bindir=""
pg_cluster_root=""
pg_cluster_user=$(id -un)
pg_cluster_runas=()

# The server's programs: PG_BINDIR, else the newest Debian installation, else PATH.
pg_cluster_find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    pg_cluster_bindir=$PG_BINDIR
  else
    local dir
    pg_cluster_bindir=""
    for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
      [ -x "$dir/initdb" ] && pg_cluster_bindir=$dir
    done
    if [ -z "$pg_cluster_bindir" ] && command -v initdb >/dev/null; then
      pg_cluster_bindir=$(dirname "$(command -v initdb)")
    fi
  fi
  [ -n "$pg_cluster_bindir" ] && [ -x "$pg_cluster_bindir/initdb" ] && [ -x "$pg_cluster_bindir/pg_ctl" ] &&
    [ -x "$pg_cluster_bindir/postgres" ] && [ -x "$pg_cluster_bindir/psql" ]
}

# Returns 0 when a cluster can be started, else says why and returns 125 (skip) or 1 (fail).
pg_cluster_require() {
  if [ -n "${TESTS_SKIP_HEAVY:-}" ]; then
    echo "  (left out: PostgreSQL tests do not run under TESTS_SKIP_HEAVY)"
    return 125
  fi
  if ! pg_cluster_find_bindir; then
    if [ -n "${TESTS_REQUIRE_TOOLS:-}" ]; then
      echo "FAIL PostgreSQL (initdb, pg_ctl, postgres, psql) is not installed (apt-get install postgresql-15)"
      return 1
    fi
    echo "  (left out: PostgreSQL is not installed; apt-get install postgresql-15)"
    return 125
  fi
  return 0
}

pg_cluster_as_server() {
  "${pg_cluster_runas[@]}" "$@"
}

# Where clusters go: PG_CLUSTER_ROOT, else /dev/shm when it has 2 GB free (a copy of the
# template on a busy disk took 4.5 s, in memory a fraction of that), else TMPDIR.
pg_cluster_choose_root() {
  pg_cluster_root=${PG_CLUSTER_ROOT:-}
  if [ -z "$pg_cluster_root" ]; then
    pg_cluster_root=${TMPDIR:-/tmp}
    local free
    free=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $4}')
    if [ -w /dev/shm ] && [ "${free:-0}" -ge 2097152 ]; then
      pg_cluster_root=/dev/shm
    fi
  fi
}

# initdb takes 1 s on an idle machine and over 10 s on a busy one: it runs once per server
# version, locale and server user into a template beside the clusters (built aside, then renamed, so
# that tests starting together never see half of one), and each cluster is a copy of it.
pg_cluster_template() {
  local version key build
  version=$("$pg_cluster_bindir/postgres" --version | awk "{print \$3}")
  key="$version-$1-$pg_cluster_user"
  pg_cluster_template_dir="$pg_cluster_root/normdoc-pg-template-$key"
  [ -f "$pg_cluster_template_dir/data/PG_VERSION" ] && return 0
  build=$(mktemp -d "$pg_cluster_root/normdoc-pg-template-build-XXXXXX") || return 1
  chown "$pg_cluster_user" "$build"
  if ! pg_cluster_as_server "$pg_cluster_bindir/initdb" --pgdata="$build/data" --username=postgres \
    --encoding=UTF8 --locale="$1" --auth=trust --no-sync --no-instructions --wal-segsize=1 >"$build/initdb.log" 2>&1; then
    echo "pg cluster: initdb failed:" >&2
    cat "$build/initdb.log" >&2
    rm -rf "$build"
    return 1
  fi
  # The database tests use is made here too: CREATE DATABASE takes a second of its own.
  local port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
  if ! pg_cluster_as_server "$pg_cluster_bindir/pg_ctl" start --pgdata="$build/data" --wait --timeout=60 --silent \
    --log="$build/server.log" -o "-p $port -k $build -c listen_addresses= -c fsync=off" >/dev/null 2>&1 ||
    ! "$pg_cluster_bindir/psql" -X -q -h "$build" -p "$port" -U postgres -d postgres -c 'CREATE DATABASE normdoc' >/dev/null ||
    ! pg_cluster_as_server "$pg_cluster_bindir/pg_ctl" stop --pgdata="$build/data" --mode=fast --silent >/dev/null; then
    echo "pg cluster: the template's server failed:" >&2
    cat "$build/server.log" >&2
    pg_cluster_as_server "$pg_cluster_bindir/pg_ctl" stop --pgdata="$build/data" --mode=immediate >/dev/null 2>&1
    rm -rf "$build"
    return 1
  fi
  rm -f "$build/server.log"
  chmod 755 "$build"
  # Another test may have made the same template meanwhile: then its copy is used.
  mv -T "$build" "$pg_cluster_template_dir" 2>/dev/null || rm -rf "$build"
  [ -f "$pg_cluster_template_dir/data/PG_VERSION" ]
}

pg_cluster_start() {
  [ -n "$pg_cluster_bindir" ] || pg_cluster_find_bindir || return 1
  local locale=${PG_CLUSTER_LOCALE:-C.UTF-8}
  pg_cluster_choose_root
  pg_cluster_dir=$(mktemp -d "$pg_cluster_root/normdoc-pg-XXXXXX") || return 1
  trap pg_cluster_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  pg_cluster_runas=()
  if [ "$(id -u)" -eq 0 ]; then
    local user=nobody
    getent passwd postgres >/dev/null && user=postgres
    chown "$user" "$pg_cluster_dir"
    # setpriv switches user without opening a PAM session as runuser does (0.3 s a call on a
    # busy machine, and a cluster takes four).
    if command -v setpriv >/dev/null; then
      pg_cluster_runas=(setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups --)
    else
      pg_cluster_runas=(runuser -u "$user" --)
    fi
    pg_cluster_user=$user
  fi
  pg_cluster_template "$locale" || return 1
  if ! pg_cluster_as_server cp -R "$pg_cluster_template_dir/data" "$pg_cluster_dir/data"; then
    # The server user must reach the directory through its parents.
    echo "pg cluster: cannot copy the template to $pg_cluster_dir (set PG_CLUSTER_ROOT to a directory the server user can write)" >&2
    return 1
  fi
  # Loopback only: initdb's pg_hba.conf trusts local connections, and the server listens on
  # 127.0.0.1 and its private socket, nothing else.
  local port
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    # Something already listening: try another port.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    if pg_cluster_as_server "$pg_cluster_bindir/pg_ctl" start --pgdata="$pg_cluster_dir/data" --wait --timeout=30 \
      --log="$pg_cluster_dir/server.log" --silent \
      -o "-p $port -k $pg_cluster_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null 2>&1; then
      export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=normdoc
      export PG_CLUSTER_URI="postgresql://postgres@127.0.0.1:$port/normdoc"
      export PG_CLUSTER_DIR=$pg_cluster_dir
      unset PGPASSWORD PGSERVICE PGSERVICEFILE PGOPTIONS
      # The server's own psql first: Debian's /usr/bin/psql is a Perl wrapper that takes
      # longer to start than the query it runs.
      export PATH="$pg_cluster_bindir:$PATH"
      return 0
    fi
    # A port taken between the check and the start (another test) fails the bind: try again.
    grep -q "could not bind\|could not create any TCP/IP sockets" "$pg_cluster_dir/server.log" 2>/dev/null || break
    : >"$pg_cluster_dir/server.log"
  done
  echo "pg cluster: the server did not start:" >&2
  cat "$pg_cluster_dir/server.log" >&2
  return 1
}

pg_cluster_stop() {
  [ -n "$pg_cluster_dir" ] || return 0
  if [ -f "$pg_cluster_dir/data/postmaster.pid" ]; then
    pg_cluster_as_server "$pg_cluster_bindir/pg_ctl" stop --pgdata="$pg_cluster_dir/data" --mode=immediate --silent \
      >/dev/null 2>&1
  fi
  rm -rf "$pg_cluster_dir"
  pg_cluster_dir=""
}

# pg_cluster_createdb NAME: a fresh database in the running cluster; prints its URI. FILE_COPY:
# with fsync off its checkpoints cost nothing, and it does not write the template to the WAL.
pg_cluster_createdb() {
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE \"$1\" STRATEGY = FILE_COPY" >/dev/null || return 1
  echo "postgresql://postgres@127.0.0.1:$PGPORT/$1"
}

# pg_cluster_migrate SOURCE_DIR [DATABASE]: applies schemas/sql/postgresql/NNN_*.sql in order,
# each in a transaction of its own as the program applies them, with one psql for all (an
# error names the file and line).
pg_cluster_migrate() {
  local file script
  script=$(for file in "$1"/schemas/sql/postgresql/[0-9][0-9][0-9]_*.sql; do
    printf 'BEGIN;\n\\i %s\nCOMMIT;\n' "$file"
  done)
  psql -X -q -v ON_ERROR_STOP=1 -o /dev/null -d "${2:-$PGDATABASE}" <<<"$script"
}
