# SPDX-License-Identifier: MIT
# normdoc export and import --bundle: byte-identical round trips, conflicts, malformed bundles.

# A registry with every kind of record: published and draft documents, a text, procedure
# steps, a filing with its result, a concluded review, an evaluation with an amendment.
build_registry() {
  export NORMDOC_CONFIG=$examples/normdoc.toml
  for meta in "$examples"/documents/*.toml; do nd_ok add --from "$meta"; done
  nd_ok file 1 --to 济源示范区管委会 --date 2023-03-28
  nd_ok filing result 1 --to 济源示范区管委会 --result passed --date 2023-04-20
  nd_ok review start 5 --checklist legality --received 2026-11-02
  nd_ok review answer R1 --file "$examples/reviews/05-legality-answers.toml"
  nd_ok review conclude R1 --result revise --date 2026-11-16 --opinion 删除第十二条
  nd_ok review start 5 --checklist legality --received 2026-11-17
  nd_ok evaluate 2 --outcome amend --by 6 --date 2026-11-20
}

TEST "export → import into an empty registry → export gives the same documents; the sender's events are kept as its history"
build_registry
nd_ok export --all --output a.jsonl
head -1 a.jsonl >header.json
[ "$(jq -r '"\(.bundle) \(.version) \(.office) \(.head.events)"' header.json)" = "normdoc 1 济源示范区文化广电和旅游局 $(db_sql 'SELECT count(*) FROM event')" ] ||
  fail "header line: $(cat header.json)"
line_number=1
while IFS= read -r line; do
  line_number=$((line_number + 1))
  printf '%s\n' "$line" >"line$line_number.json"
  expect_schema bundle.schema.json "line$line_number.json"
done < <(tail -n +2 a.jsonl)
NORMDOC_DB=$dir/b.db nd_ok init --no-config
NORMDOC_DB=$dir/b.db nd_ok import --bundle a.jsonl
expect_stdout_contains "新增6"
NORMDOC_DB=$dir/b.db nd_ok export --all
[ "$(tail -n +2 a.jsonl | jq -c 'del(.events)')" = "$(tail -n +2 "$dir/stdout" | jq -c 'del(.events)')" ] ||
  fail "the second export's documents differ"
# Each document's events: the sender's, marked with its office, then this registry's import.
[ "$(tail -n +2 "$dir/stdout" | jq -r '.events[-1].kind' | sort -u)" = bundle-add ] || fail "no local bundle-add event last"
[ "$(tail -n +2 "$dir/stdout" | jq -r '.events[:-1][].office' | sort -u)" = 济源示范区文化广电和旅游局 ] ||
  fail "the sender's events lost their office"
[ "$(sqlite3 b.db 'SELECT count(*) FROM received_event')" = "$(db_sql 'SELECT count(*) FROM event WHERE document IS NOT NULL')" ] ||
  fail "not every sender event was kept"
NORMDOC_DB=$dir/b.db nd_ok doctor
NORMDOC_DB=$dir/b.db nd_ok review show R2 --format json
expect_json '.status' open
NORMDOC_DB=$dir/b.db nd_ok review show R1 --format json
expect_json '.superseded_by' 2
NORMDOC_DB=$dir/b.db nd_ok show 2 --format json
expect_json '.superseded_by' 6
NORMDOC_DB=$dir/b.db nd_ok search 乡村民宿 --format json
expect_json '.[0].id' 5

TEST "conflicts are refused with a report and nothing written; skip and replace"
build_registry
nd_ok export 1 2 --output two.jsonl
nd_ok export 1 --output one.jsonl
NORMDOC_DB=$dir/b.db nd_ok init --no-config
NORMDOC_DB=$dir/b.db nd_ok import --bundle one.jsonl
before=$(sha256sum b.db | cut -d' ' -f1)
NORMDOC_DB=$dir/b.db nd import --bundle two.jsonl
expect_exit 3
expect_stderr_contains "two.jsonl:2: 《济源示范区A级旅游景区管理办法》与已登记的 #1 登记编号相同"
[ "$(sha256sum b.db | cut -d' ' -f1)" = "$before" ] || fail "a refused bundle changed the database"
NORMDOC_DB=$dir/b.db nd_ok import --bundle two.jsonl --on-conflict skip
expect_stdout_contains "新增1，替换0，跳过1"
NORMDOC_DB=$dir/b.db nd import --bundle two.jsonl --on-conflict replace
expect_exit 2
expect_stderr_contains "two.jsonl:2: 将替换 #1（登记编号相同）"
expect_stderr_contains "--yes"
[ "$(sha256sum b.db | cut -d' ' -f1)" != "$before" ] || fail "skip wrote nothing"
before=$(sha256sum b.db | cut -d' ' -f1)
NORMDOC_DB=$dir/b.db nd import --bundle two.jsonl --on-conflict replace
[ "$(sha256sum b.db | cut -d' ' -f1)" = "$before" ] || fail "an unconfirmed replace changed the database"
NORMDOC_DB=$dir/b.db nd_ok import --bundle two.jsonl --on-conflict replace --yes
expect_stdout_contains "新增0，替换2，跳过0"
NORMDOC_DB=$dir/b.db nd_ok log 1 --format json
expect_json '[.[] | select(.kind == "publish")] | length' 0
expect_json '[.[] | select(.kind == "bundle-replace")] | length' 1

TEST "a refused bundle lists its first 20 conflicts and counts the rest; a pipe is refused"
for i in $(seq 1 25); do nd_ok add --title "办法$i" --issuer 某局; done
nd_ok export --all --output all.jsonl
nd import --bundle all.jsonl
expect_exit 3
listed=$(grep -c "》与已登记的 #" "$dir/stderr")
[ "$listed" = 20 ] || fail "listed $listed conflicts, expected the first 20"
expect_stderr_contains "all.jsonl: 另有5份冲突未列出"
cat all.jsonl | "$NORMDOC" import --bundle /dev/stdin >"$dir/stdout" 2>"$dir/stderr"
echo $? >"$dir/status"
expect_exit 3
expect_one_line_error
expect_stderr_contains "是管道"

TEST "a malformed bundle names its line and changes nothing"
build_registry
nd_ok export 1 --output one.jsonl
NORMDOC_DB=$dir/b.db nd_ok init --no-config
before=$(sha256sum b.db | cut -d' ' -f1)
{ cat one.jsonl; printf '{"document":{"id":9}}\n'; } >bad.jsonl
NORMDOC_DB=$dir/b.db nd import --bundle bad.jsonl
expect_exit 3
expect_one_line_error
expect_stderr_contains "bad.jsonl:3"
printf 'not json\n' >junk.jsonl
NORMDOC_DB=$dir/b.db nd import --bundle junk.jsonl
expect_exit 3
expect_stderr_contains "junk.jsonl:1"
{ cat one.jsonl; sed -e 's/"title":"[^"]*"/"title":""/' one.jsonl | tail -1 | sed -e 's/"reg_no":"[^"]*"/"reg_no":"X-1"/' -e 's/"sha256":"[0-9a-f]*"/"sha256":"0000000000000000000000000000000000000000000000000000000000000000"/'; } >invalid.jsonl
NORMDOC_DB=$dir/b.db nd import --bundle invalid.jsonl
expect_exit 3
[ "$(sha256sum b.db | cut -d' ' -f1)" = "$before" ] || fail "a rejected bundle changed the database"
nd export
expect_exit 2
nd export 99
expect_exit 3
