# SPDX-License-Identifier: MIT
# Database location, schema version, transactions and concurrent writers.

TEST "the database path: --db, then NORMDOC_DB, then the config's db, then XDG_DATA_HOME"
unset NORMDOC_DB
nd_ok init --no-config
[ -f "$XDG_DATA_HOME/normdoc/registry.db" ] || fail "default database not under XDG_DATA_HOME"
mkdir -p office
printf 'db = "office.db"\n' >office/normdoc.toml
NORMDOC_CONFIG=$dir/office/normdoc.toml nd_ok init --no-config
[ -f office/office.db ] || fail "config db not resolved relative to the config file"
NORMDOC_CONFIG=$dir/office/normdoc.toml NORMDOC_DB=$dir/env.db nd_ok init --no-config
[ -f env.db ] || fail "NORMDOC_DB not preferred over the config"
NORMDOC_DB=$dir/env.db nd_ok --db "$dir/flag.db" init --no-config
[ -f flag.db ] || fail "--db not preferred over NORMDOC_DB"

TEST "a missing database is exit 4 with a hint to run init"
nd --db "$dir/none.db" list
expect_exit 4
expect_stderr_contains '数据库不存在'
expect_stderr_contains 'normdoc init'
[ ! -e none.db ] || fail "a read command created the database"

TEST "a database from a newer normdoc is refused and left untouched"
nd_ok add --title 办法 --issuer 某局
if on_postgresql; then
  db_sql 'UPDATE normdoc_schema SET version = 99'
else
  sqlite3 "$NORMDOC_DB" 'PRAGMA user_version = 99'
fi
before=$(db_digest)
nd list
expect_exit 4
expect_stderr_contains '结构版本 99'
expect_one_line_error
nd add --title 另一办法 --issuer 某局
expect_exit 4
[ "$(db_digest)" = "$before" ] || fail "database changed"

TEST "a file that is not a normdoc database is refused"
printf 'just text, not a database at all, long enough for a header........\n' >text.db
nd --db "$dir/text.db" list
expect_exit 4
sqlite3 other.db 'CREATE TABLE t (x)'
nd --db "$dir/other.db" list
expect_exit 4
expect_stderr_contains '不是 normdoc 数据库'

TEST "a command that fails leaves the database byte-for-byte unchanged"
nd_ok add --title 甲办法 --issuer 某局 --doc-no "某文〔2024〕1号"
before=$(db_digest)
nd add --title 乙办法 --issuer 某局 --doc-no "某文〔2024〕1号"
expect_exit 3
nd publish 1 --date 2024-01-01 --expires 2023-12-31
expect_exit 3
nd edit 1 --doc-no "not a number"
expect_exit 3
[ "$(db_digest)" = "$before" ] || fail "database changed"
nd_ok log --format json
expect_json 'length' 1

TEST "a second writer waits, then exits 4 with a clear message"
printf 'busy_timeout_ms = 300\n' >normdoc.toml
{ echo 'BEGIN IMMEDIATE;'; sleep 3; echo 'COMMIT;'; } | sqlite3 "$NORMDOC_DB" &
holder=$!
sleep 0.7
start=$(date +%s%N)
nd add --title 办法 --issuer 某局
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_exit 4
expect_stderr_contains '数据库正被另一个进程使用'
[ "$elapsed_ms" -ge 250 ] || fail "did not wait for the lock (${elapsed_ms} ms)"
wait "$holder"
nd_ok list --format json
expect_json 'length' 0

TEST "two processes writing at once both succeed and the log stays intact"
writer() {
  local i
  for i in $(seq 1 15); do
    "$NORMDOC" add --title "$1办法$i" --issuer 某局 >/dev/null 2>>"$dir/writer-$1.err" || echo "$1 $i" >>"$dir/writer-failures"
  done
}
writer 甲 &
first=$!
writer 乙 &
second=$!
wait "$first" "$second"
[ ! -e writer-failures ] || fail "some writes failed: $(cat writer-failures) $(cat writer-*.err)"
nd_ok list --format json
expect_json 'length' 30
nd_ok audit verify
nd_ok log --format json
expect_json 'length' 30
