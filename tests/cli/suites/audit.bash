# SPDX-License-Identifier: MIT
# The hash-chained event log: actor, verification, tampering behind the tool's back.

make_history() {
  nd_ok add --title 甲办法 --issuer 某局
  nd_ok publish 1 --date 2024-01-01
  nd_ok add --title 乙办法 --issuer 某局
  nd_ok repeal 1 --date 2024-06-01 --reason 过时
}

TEST "audit verify passes on an intact log and prints the head hash"
make_history
nd_ok audit verify
expect_stdout_contains '4条事件'
head=$(db_sql 'SELECT hash FROM event ORDER BY id DESC LIMIT 1')
expect_stdout_contains "$head"

TEST "every change names its actor: --as, then config user, then USER"
nd_ok --as 王科长 add --title 甲办法 --issuer 某局
printf 'user = "李干事"\n' >normdoc.toml
nd_ok add --title 乙办法 --issuer 某局
rm normdoc.toml
nd_ok add --title 丙办法 --issuer 某局
nd_ok log --format json
expect_json '[.[].actor] | join(",")' 王科长,李干事,tester
expect_json '.[0].prev_hash' 0000000000000000000000000000000000000000000000000000000000000000
expect_json '.[1].prev_hash == .[0].hash' true

TEST "an event edited with the sqlite3 shell makes audit verify exit 3 naming it"
make_history
drop_event_trigger event_no_update
db_sql "UPDATE event SET payload = replace(payload, '过时', '笔误') WHERE id = 4"
nd audit verify
expect_exit 3
expect_stderr_contains '事件 4'
expect_one_line_error

TEST "an edited actor with a recomputed-looking hash is caught at the next event"
make_history
drop_event_trigger event_no_update
db_sql "UPDATE event SET actor = 'x', hash = '$(printf '%064d' 1)' WHERE id = 2"
nd audit verify
expect_exit 3
expect_stderr_contains '事件 2'

TEST "deleted events are detected, the newest one too"
make_history
drop_event_trigger event_no_delete
db_sql "DELETE FROM event WHERE id = 2"
nd audit verify
expect_exit 3
expect_stderr_contains '缺少事件 2'
TEST "deleting the newest event is detected through the chain head"
make_history
drop_event_trigger event_no_delete
db_sql "DELETE FROM event WHERE id = 4"
nd audit verify
expect_exit 3
expect_stderr_contains '事件 4'

TEST "the log refuses UPDATE and DELETE while its triggers stand"
make_history
if db_sql "UPDATE event SET actor = 'x' WHERE id = 1" 2>/dev/null; then
  fail "update accepted"
fi
nd_ok audit verify
