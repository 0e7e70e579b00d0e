# SPDX-License-Identifier: MIT
# search, backup and doctor.

TEST "search finds three-character and two-character Chinese queries, ranked, filtered"
printf '第一条 为了规范旅游市场，促进旅游市场健康发展。\n' >a.txt
printf '第三条 违反本办法的，处罚款。\n' >b.txt
nd_ok add --title 旅游市场管理办法 --issuer 甲局 --text a.txt --published 2024-01-01
nd_ok add --title 文化市场管理办法 --issuer 乙局 --text b.txt
nd_ok search 旅游市场 --format json
expect_json '[.[].id] | map(tostring) | join(",")' 1
expect_json '.[0].snippet | contains("【旅游市场】")' true
nd_ok search 罚款 --format json
expect_json '[.[].id] | map(tostring) | join(",")' 2
expect_json '.[0].snippet' "第三条 违反本办法的，处【罚款】。"
nd_ok search 市场管理 --format json
expect_json 'length' 2
nd_ok search 市场管理 --status draft --format json
expect_json '[.[].id] | map(tostring) | join(",")' 2
nd_ok search 不存在的词语
expect_stdout_empty
expect_stderr_contains 'normdoc: 没有找到与“不存在的词语”匹配的文件'
nd search ""
expect_exit 2

TEST "backup while another process writes: the copy is whole and passes doctor"
nd_ok add --title 第一份 --issuer 甲局
(
  for i in $(seq 1 40); do "$NORMDOC" add --title "并发写入 $i" --issuer 甲局 >/dev/null 2>&1 || exit 1; done
) &
writer=$!
sleep 0.2
nd_ok backup copy.db
wait "$writer" || fail "the concurrent writer failed"
NORMDOC_DB=$dir/copy.db nd_ok doctor --format json
expect_json '.ok' true
count=$(sqlite3 copy.db 'SELECT count(*) FROM document')
[ "$count" -ge 1 ] && [ "$count" -le 41 ] || fail "backup holds $count documents"
[ ! -e copy.db-wal ] || [ ! -s copy.db-wal ] || fail "the backup left a WAL file"
nd backup copy.db
expect_exit 3
expect_one_line_error
nd backup 没有的目录/copy.db
expect_exit 3
expect_stderr_contains '备份的目标目录 没有的目录 不存在'
[ ! -e 没有的目录 ] || fail "backup created the missing directory"
nd_ok doctor
expect_stdout_contains "操作日志哈希链"

TEST "doctor names the damage and exits 3; --fix rebuilds the search index"
nd_ok add --title 办法 --issuer 甲局
sqlite3 "$NORMDOC_DB" "UPDATE document_fts SET title = '别的标题' WHERE rowid = 1"
nd doctor --format json
expect_exit 3
expect_json '[.checks[] | select(.ok == false) | .key] | join(",")' search-index
nd_ok doctor --fix --format json
expect_json '.ok' true
nd_ok add --title 已发布办法 --issuer 甲局 --published 2026-01-05 --override-gate --reason 使用前印发
nd_ok due --as-of 2026-03-01 --fail-on never
sqlite3 "$NORMDOC_DB" "UPDATE due_item SET due = '2030-01-01'"
nd doctor --format json
expect_exit 3
expect_json '[.checks[] | select(.ok == false) | .key] | join(",")' due-reminders
nd_ok doctor --fix --format json
expect_json '.ok' true
nd due --as-of 2026-03-01 --format json
expect_json '.[0].due' 2026-02-04
sqlite3 "$NORMDOC_DB" "DROP TRIGGER event_no_update; UPDATE event SET actor = 'mallory' WHERE id = 1"
nd doctor
expect_exit 3
expect_stdout_contains "异常  操作日志哈希链"
