# SPDX-License-Identifier: MIT
# Issue 15 item 6: commands that only read work on a database the user cannot write, also in
# a read-only directory where SQLite cannot create its -wal and -shm files.
if on_postgresql; then
  echo "  (left out on PostgreSQL: file permissions and an old schema in a read-only file are SQLite matters; on a server the roles decide (tests/pg/roles))"
  return 0
fi

# as_reader CMD…: runs CMD as nobody (root writes anything, so permissions mean nothing to it).
as_reader() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
  else
    "$@"
  fi
}

# nd_reader ARGS…: nd as the reader.
nd_reader() {
  as_reader "$NORMDOC" "$@" >"$dir/stdout" 2>"$dir/stderr" </dev/null
  echo $? >"$dir/status"
}

TEST "a read-only database in a read-only directory: every read command works, writes exit 4"
if ! as_reader "$NORMDOC" --version >/dev/null 2>&1; then
  echo "  (skipped: cannot run normdoc as an unprivileged user here)"
else
  mkdir ro
  export NORMDOC_DB=$dir/ro/registry.db
  "$NORMDOC" init --no-config >/dev/null
  nd_ok add --title 第一份 --issuer 某局 --published 2026-01-05
  nd_ok review start 1 --checklist legality --received 2026-01-02
  nd_ok cleanup open 清理 --date 2026-02-01
  nd_ok audit checkpoint
  # A clean close leaves no -wal or -shm; the directory and file become read-only for all.
  [ -z "$(ls ro | grep -v -x registry.db)" ] || fail "files beside the database: $(ls ro)"
  before=$(db_digest)
  chmod a-w ro/registry.db
  chmod 555 ro
  chmod 755 "$dir"
  chmod -R a+rX "$dir/config"
  chmod o+x "$(dirname "$dir")"
  for args in "list" "show 1" "show 1 --procedure" "log" "search 第一份" "audit verify" "report catalog" \
    "report filing --year 2026" "report stats --year 2026" "review show R1" "review list" "cleanup status 清理" \
    "cleanup report 清理" "doctor"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    nd_reader $args
    [ "$(cat "$dir/status")" = 0 ] || fail "normdoc $args exited $(cat "$dir/status"): $(head -1 "$dir/stderr")"
  done
  nd_reader due --as-of 2026-03-01
  expect_exit 1
  expect_stdout_contains 报送备案
  nd_reader export --all
  expect_exit 0
  expect_stdout_contains 第一份
  nd_reader add --title 第二份 --issuer 某局
  expect_exit 4
  expect_one_line_error
  expect_stderr_contains "无法写入数据库"
  [ -z "$(ls ro | grep -v -x registry.db)" ] || fail "files beside the database: $(ls ro)"
  [ "$(db_digest)" = "$before" ] || fail "the database changed"
  chmod 755 ro
  chmod u+w ro/registry.db
fi

TEST "a read-only database in a writable directory reads; an old schema is not migrated read-only"
if ! as_reader "$NORMDOC" --version >/dev/null 2>&1; then
  echo "  (skipped: cannot run normdoc as an unprivileged user here)"
else
  nd_ok add --title 第一份 --issuer 某局
  version=$(sqlite3 "$NORMDOC_DB" 'PRAGMA user_version')
  sqlite3 "$NORMDOC_DB" "PRAGMA user_version = $((version - 1))"
  chmod a-w "$NORMDOC_DB"
  chmod 777 "$dir"
  chmod o+x "$(dirname "$dir")"
  nd_reader list
  expect_exit 4
  expect_one_line_error
  expect_stderr_contains "需要升级"
  chmod u+w "$NORMDOC_DB"
  sqlite3 "$NORMDOC_DB" "PRAGMA user_version = $version"
  chmod a-w "$NORMDOC_DB"
  nd_reader list
  expect_exit 0
  expect_stdout_contains 第一份
  chmod u+w "$NORMDOC_DB"
fi
