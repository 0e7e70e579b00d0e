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
  count=$(sqlite3 "$NORMDOC_DB" 'SELECT count(*) FROM document' 2>/dev/null || echo 0)
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
nd_ok add --title 第一份 --issuer 某局
chmod a-w "$NORMDOC_DB"
if [ -w "$NORMDOC_DB" ]; then
  echo "  (skipped: running as root, the file stays writable)"
  chmod u+w "$NORMDOC_DB"
else
  nd_ok list
  nd add --title 第二份 --issuer 某局
  expect_exit 4
  expect_one_line_error
  chmod u+w "$NORMDOC_DB"
fi

TEST "ten processes writing at once: every committed change is in the log, the chain intact"
pids=()
for writer in $(seq 1 10); do
  (
    for i in $(seq 1 15); do
      "$NORMDOC" add --title "写入者$writer 第$i份" --issuer 某局 >/dev/null 2>>"$dir/writers.err" ||
        echo "failed $writer $i" >>"$dir/writers.err"
    done
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
committed=$(sqlite3 "$NORMDOC_DB" 'SELECT count(*) FROM document')
logged=$(sqlite3 "$NORMDOC_DB" "SELECT count(*) FROM event WHERE kind = 'add'")
[ "$committed" = "$logged" ] || fail "$committed documents but $logged add events"
[ "$committed" = 150 ] || fail "only $committed of 150 writes committed: $(head -3 "$dir/writers.err" 2>/dev/null)"
nd_ok audit verify
nd_ok doctor
