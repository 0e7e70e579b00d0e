# SPDX-License-Identifier: MIT
# Faults: a process killed mid-import, a full disk, a read-only database, many writers.

make_files() { # make_files N: N distinct text files under in/
  mkdir -p in
  for i in $(seq 1 "$1"); do
    printf '某局关于第%d项工作的通知\n\n各单位：\n第一条 根据《中华人民共和国旅游法》，制定本通知。编号 %d。\n\n某局\n2024年1月%d日\n' \
      "$i" "$i" $(((i % 28) + 1)) >"in/$(printf '%04d' "$i").txt"
  done
}

TEST "kill -9 in the middle of an import: doctor passes and a re-run completes without doubling"
make_files 600
"$NORMDOC" import in >/dev/null 2>&1 &
importer=$!
# Wait until the first batch has been committed, then kill without warning.
for _ in $(seq 1 100); do
  count=$(db_sql 'SELECT count(*) FROM document' 2>/dev/null || echo 0)
  [ "$count" -gt 0 ] && break
  sleep 0.05
done
kill -9 "$importer" 2>/dev/null || true
wait "$importer" 2>/dev/null || true
nd_ok doctor
nd import in --format json
expect_json '[.[] | select(.status == "error")] | length' 0
nd_ok list --format json
expect_json 'length' 600
expect_json '[.[].title] | unique | length' 600
nd_ok audit verify

TEST "a full disk (ulimit -f) is a clear error and leaves the database as it was"
nd_ok add --title 第一份 --issuer 某局
yes 第一条　本办法的每一行都是一样的内容。 | head -n 100000 >big.txt
limit_kb=$(( $(stat -c %s "$NORMDOC_DB") / 1024 + 64 ))
(
  trap '' XFSZ
  ulimit -f "$limit_kb"
  "$NORMDOC" add --title 大文件 --issuer 某局 --text big.txt >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/status"
)
expect_exit 4
expect_one_line_error
expect_stderr_contains "数据库未改动"
nd_ok doctor
nd_ok list --format json
expect_json 'length' 1

TEST "a read-only database: reading works, writing exits 4 with a clear message"
nd_ok add --title 第一份 --issuer 某局 --published 2026-01-05
chmod a-w "$NORMDOC_DB"
# Root writes to any file, so as root the commands run as nobody (the directory stays
# writable for SQLite's -shm and -wal files; only the database file is read-only).
as_reader=()
if [ "$(id -u)" -eq 0 ]; then
  chmod 777 "$dir"
  chmod o+x "$(dirname "$dir")"
  as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if ! "${as_reader[@]}" "$NORMDOC" --version >/dev/null 2>&1; then
  echo "  (skipped: cannot run normdoc as an unprivileged user here)"
else
  "${as_reader[@]}" "$NORMDOC" list >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/status"
  expect_exit 0
  expect_stdout_contains 第一份
  # The reminders stored for due are stale (nothing has run due yet) and cannot be rewritten:
  # due computes them from the records instead.
  "${as_reader[@]}" "$NORMDOC" due --as-of 2026-03-01 >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/status"
  expect_exit 1
  expect_stdout_contains 报送备案
  "${as_reader[@]}" "$NORMDOC" add --title 第二份 --issuer 某局 >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/status"
  expect_exit 4
  expect_one_line_error
  expect_stderr_contains "无法写入数据库"
  expect_stderr_contains "$NORMDOC_DB"
fi
chmod u+w "$NORMDOC_DB"
nd_ok list --format json
expect_json 'length' 1

TEST "kill -9 in the middle of a cleanup close: all decisions or none, and closing again completes"
make_files 3000
nd_ok import --as-published in
nd_ok cleanup open 清理 --date 2026-01-01
{
  echo ref,decision,reason
  for i in $(seq 1 3000); do echo "$i,repeal,已不适应管理需要"; done
} >decisions.csv
nd_ok cleanup import 清理 decisions.csv
"$NORMDOC" cleanup close 清理 --date 2026-02-01 >/dev/null 2>&1 &
closer=$!
sleep 0.3
kill -9 "$closer" 2>/dev/null || true
wait "$closer" 2>/dev/null || true
nd_ok doctor
repealed=$(db_sql "SELECT count(*) FROM document WHERE status = 'repealed'")
case "$repealed" in
  0) nd_ok cleanup close 清理 --date 2026-02-01 ;;
  3000) echo "  (the close finished before the kill; atomicity still checked)" ;;
  *) fail "a killed close left $repealed of 3000 documents repealed" ;;
esac
nd_ok cleanup status 清理 --format json
expect_json '.closed_on' 2026-02-01
[ "$(db_sql "SELECT count(*) FROM document WHERE status = 'repealed'")" = 3000 ] ||
  fail "not every decision was applied after closing again"
nd_ok audit verify

TEST "ten processes writing at once for a minute: every committed change is in the log, the chain intact"
# FAULTS_WRITERS_SECONDS shortens the minute for a quick local run.
seconds=${FAULTS_WRITERS_SECONDS:-60}
pids=()
for writer in $(seq 1 10); do
  (
    i=0
    end=$((SECONDS + seconds))
    while [ "$SECONDS" -lt "$end" ]; do
      i=$((i + 1))
      if "$NORMDOC" add --title "写入者$writer 第$i份" --issuer 某局 >/dev/null 2>>"$dir/writers.err"; then
        echo "写入者$writer 第$i份" >>"$dir/committed.$writer"
      fi
    done
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
cat "$dir"/committed.* | sort >committed.txt
db_sql 'SELECT title FROM document' | sort >stored.txt
db_sql "$(on_postgresql && echo "SELECT payload::json->>'title'" || echo "SELECT json_extract(payload, '\$.title')") FROM event WHERE kind = 'add'" |
  sort >logged.txt
cmp -s committed.txt stored.txt || fail "the documents differ from the writes that reported success"
cmp -s stored.txt logged.txt || fail "the add events differ from the documents"
# At least 100 writes a minute.
[ "$(wc -l <committed.txt)" -ge $((seconds * 100 / 60)) ] || fail "only $(wc -l <committed.txt) writes in $seconds s: $(head -3 "$dir/writers.err" 2>/dev/null)"
nd_ok audit verify
nd_ok doctor
