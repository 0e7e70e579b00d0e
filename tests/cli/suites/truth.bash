# SPDX-License-Identifier: MIT
# The registry tells the truth about every document, and mistakes can be corrected (issue 13):
# the clock override and dates not yet reached, dates and validity from the text, statuses,
# the way out of every due item, corrections, and defects of skipped steps.

office_config() {
  cat >normdoc.toml <<'TOML'
[office]
name = "济源示范区文化广电和旅游局"
code = "JYWL"
[filing]
bodies = ["示范区管委会"]
TOML
}

# A draft with a legality review and a deliberation, ready to publish without defects.
reviewed_draft() {
  nd_ok add --title "$1" --drafted 2026-09-01
  nd_ok record "$2" legality-review --received 2026-09-10 --date 2026-09-20 --result lawful
  nd_ok record "$2" deliberation --date 2026-09-25 --meeting 局务会议
}

TEST "NORMDOC_TODAY sets today: the default of --as-of, and a malformed value is a usage error"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 旧办法 --published 2026-10-01 --override-gate --reason 使用前印发
nd due --format json
expect_json '[.[] | "\(.kind):\(.days_left)"] | join(" ")' "filing:-29"
NORMDOC_TODAY=2026-10-20 nd due --format json
expect_json '[.[] | "\(.kind):\(.days_left)"] | join(" ")' "filing:13"
NORMDOC_TODAY=明天 nd due
expect_exit 2
expect_stderr_contains NORMDOC_TODAY

TEST "NORMDOC_NOW stops the clock: the log's times, today's date when NORMDOC_TODAY is unset, and a malformed value is a usage error"
office_config
export NORMDOC_NOW=2026-11-30T17:15:00Z
nd_ok add --title 草案
nd_ok log --format json
expect_json '.[0].at' 2026-11-30T17:15:00Z
nd_ok log
expect_stdout_contains '2026-12-01 01:15:00' # Shanghai, a day later than UTC
nd publish 1 --date 2026-12-02 --override-gate --reason 测试
expect_stderr_contains '晚于今天（2026-12-01）'
NORMDOC_TODAY=2026-11-20 nd publish 1 --date 2026-11-25 --override-gate --reason 测试
expect_stderr_contains '晚于今天（2026-11-20）'
NORMDOC_NOW=2026-11-30 nd list
expect_exit 2
expect_one_line_error
expect_stderr_contains NORMDOC_NOW

TEST "a date after today is refused unless --planned; a planned filing leaves the reminder and is not counted filed until its day"
office_config
export NORMDOC_TODAY=2026-12-01
reviewed_draft 草案 1
nd publish 1 --date 2026-12-05
expect_exit 3
expect_one_line_error
expect_stderr_contains '--date 2026-12-05 晚于今天（2026-12-01）'
expect_stderr_contains '--planned'
nd_ok publish 1 --date 2026-11-20
nd file 1 --to 示范区管委会 --date 2026-12-20
expect_exit 3
nd record 1 signing --date 2026-12-02
expect_exit 3
nd_ok file 1 --to 示范区管委会 --date 2026-12-15 --planned
nd due --format json
expect_json '[.[] | .kind] | join(",")' filing
nd due --as-of 2026-12-16 --format json
expect_json '[.[] | .kind] | join(",")' filing-review
nd_ok report filing --year 2026 --format json
expect_json '"\(.published) \(.filed) \(.filed_on_time)"' "1 0 0"
NORMDOC_TODAY=2026-12-16 nd_ok report filing --year 2026 --format json
expect_json '"\(.published) \(.filed) \(.filed_on_time)"' "1 1 1"
nd filing result 1 --to 示范区管委会 --result passed --date 2026-12-31
expect_exit 3
nd_ok add --title 另一草案
nd_ok review start 2 --checklist legality --received 2026-11-20
nd review conclude R1 --result lawful --date 2026-12-09
expect_exit 3

TEST "drafting steps after publication are refused: a comment period or a deliberation of a published document"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 旧办法 --published 2023-01-10 --override-gate --reason 使用前印发
nd record 1 comment --from 2026-11-01 --to 2026-11-30 --channel 网站
expect_exit 3
expect_one_line_error
expect_stderr_contains '已于 2023-01-10 发布'
nd record 1 deliberation --date 2023-02-01
expect_exit 3
nd_ok record 1 deliberation --date 2023-01-05 --override-gate --reason 补记使用前的审议
nd_ok record 1 fair-competition-review --date 2026-11-20 --result compliant

TEST "publish --effective before --date is refused (exit 3)"
office_config
nd_ok add --title 草案
nd publish 1 --date 2024-08-14 --effective 2024-08-01
expect_exit 3
expect_one_line_error
expect_stderr_contains effective
nd_ok show 1 --format json
expect_json .status draft

TEST "施行日期 and 有效期 written in the text count on import, shown in --dry-run"
mkdir 历年文件
printf '济源示范区旅游民宿管理办法\n\n第一条 为了规范管理，制定本办法。\n第二十条 本办法自2023年4月1日起施行，有效期3年。\n\n济源示范区文化广电和旅游局\n2023年3月1日\n' >历年文件/民宿.txt
office_config
nd_ok import 历年文件 --dry-run --format json
expect_json '.[0].effective.value' 2023-04-01
expect_json '.[0].validity.value' 3y
expect_json '.[0].effective.source' 施行条款
nd_ok import 历年文件 --dry-run
expect_stdout_contains 2023-04-01
nd_ok import 历年文件 --as-published --format json
nd_ok show 1 --format json --as-of 2026-12-01
expect_json '"\(.published) \(.effective) \(.expires) \(.status)"' "2023-03-01 2023-04-01 2026-03-31 expired"
nd_ok report catalog --as-of 2026-12-01 --format json
expect_json 'map(.title) | join(",")' ""

TEST "add --text and edit --text take the dates the draft states; explicit options still win"
office_config
printf '某办法\n第十条 本办法自发布之日起施行，有效期至2027年12月31日。\n' >a.txt
printf '某办法\n第十条 本办法自2026年10月1日起实施，试行二年。\n' >b.txt
nd_ok add --title 某办法 --text a.txt
nd_ok publish 1 --date 2026-09-01 --format json
expect_json '"\(.effective) \(.expires)"' "2026-09-01 2027-12-31"
nd_ok add --title 另一办法 --text a.txt --validity 5y
nd_ok publish 2 --date 2026-09-01 --format json
expect_json .expires 2031-08-31
nd_ok add --title 第三办法 --text a.txt
nd_ok edit 3 --text b.txt
nd_ok publish 3 --date 2026-09-15 --format json
expect_json '"\(.effective) \(.expires)"' "2026-10-01 2028-09-30"
nd_ok log 3 --format json
expect_json '[.[] | select(.kind == "edit") | .payload.effective.to] | join(",")' 2026-10-01

TEST "statuses: 已登记待公布 before publication, 已公布待施行 before 施行; re-publishing says so"
office_config
export NORMDOC_TODAY=2026-12-01
reviewed_draft 办法 1
nd_ok publish 1 --date 2026-12-10 --effective 2027-01-01 --planned
nd_ok show 1 --format json
expect_json '"\(.status) \(.in_force)"' "scheduled false"
nd_ok show 1 --as-of 2026-12-20 --format json
expect_json '"\(.status) \(.in_force)"' "pending false"
nd_ok show 1 --as-of 2026-12-20
expect_stdout_contains 已公布待施行
nd_ok show 1 --as-of 2027-01-01 --format json
expect_json '"\(.status) \(.in_force)"' "published true"
nd publish 1 --date 2026-11-01
expect_exit 3
expect_stderr_contains '已于 2026-12-10 发布（登记编号 JYWL-2026-001）'

TEST "an expired document: repeal says what to do; acknowledge records 已失效 and clears due"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 到期办法 --published 2021-12-01 --override-gate --reason 使用前印发
nd_ok acknowledge 1 filed-before-registry --date 2026-12-01 --reason 纸质备案档案
nd due --format json
expect_json '[.[] | "\(.kind) \(.action)"] | join(";")' "expired normdoc acknowledge 1 expired --date 2026-12-01 --reason '…'"
nd due
expect_stdout_contains "→ normdoc acknowledge 1 expired --date 2026-12-01 --reason '…'"
nd repeal 1 --date 2026-12-01 --reason 过期
expect_exit 3
expect_stderr_contains 'normdoc acknowledge 1 expired'
nd evaluate 1 --outcome repeal --date 2026-12-01 --reason 过期
expect_exit 3
expect_stderr_contains 'normdoc acknowledge 1 expired'
nd acknowledge 1 published-without-deliberation --reason 无
expect_exit 3
nd_ok acknowledge 1 expired --reason 有效期届满，目录标注失效
nd due
expect_exit 0
expect_stdout_empty
nd due --as-of 2026-12-01 --format json
expect_json length 0
nd_ok log 1 --format json
expect_json '[.[] | select(.kind == "acknowledge") | .payload.subject] | join(",")' \
  "published-without-legality-review,published-without-deliberation,no-fair-competition-review,filed-before-registry,expired"
nd acknowledge 1 expired --reason 再次
expect_exit 3

TEST "an expired document is renewed by an evaluation decided before its expiry, recorded late"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 到期办法 --published 2021-12-01 --override-gate --reason 使用前印发
nd evaluate 1 --outcome continue --date 2026-12-01
expect_exit 3
expect_stderr_contains '用 --date 写明决定日期补记'
nd_ok evaluate 1 --outcome continue --date 2026-10-15 --format json
nd_ok show 1 --format json
expect_json '"\(.status) \(.expires)"' "published 2031-10-14"
nd due --kind expired --format json
expect_json length 0

TEST "a cleanup campaign can include expired documents: it confirms them as 已失效 or has them made again"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 甲办法 --published 2021-03-01 --validity 5y --override-gate --reason 使用前印发
nd_ok add --title 乙办法 --published 2024-03-01 --override-gate --reason 使用前印发
nd_ok add --title 丙办法 --published 2021-12-20 --validity 5y --override-gate --reason 使用前印发
nd_ok cleanup open 现行清理 --format json
expect_json '[.items[].document] | map(tostring) | join(",")' 2,3
nd_ok cleanup open 2026年度清理 --scope expired --format json
expect_json '[.items[].document] | map(tostring) | join(",")' 1,2,3
printf 'ref,decision,reason\n1,keep,\n' >keep.csv
nd cleanup import 2026年度清理 keep.csv
expect_exit 3
expect_stderr_contains 'keep.csv:2'
expect_stderr_contains invalidate
printf 'ref,decision,reason\n1,invalidate,有效期届满\n2,keep,\n3,repeal,已被新办法代替\n' >decisions.csv
nd_ok cleanup import 2026年度清理 decisions.csv
# 丙 runs out on 2026-12-19, during the campaign: its repeal is recorded as 已失效 too.
NORMDOC_TODAY=2026-12-21 nd_ok cleanup close 2026年度清理 --date 2026-12-21
nd_ok list --as-of 2026-12-21 --format json
expect_json '[.[] | "\(.id):\(.status)"] | join(" ")' "1:expired 2:published 3:expired"
nd_ok log --format json
expect_json '[.[] | select(.kind == "acknowledge" and .payload.subject == "expired") | "\(.document) \(.payload.reason)"] | join(",")' \
  "1 清理“2026年度清理”：有效期届满,3 清理“2026年度清理”：已被新办法代替"
NORMDOC_TODAY=2026-12-21 nd due --kind expired --format json
expect_json length 0
nd_ok cleanup open 2027年度清理 --scope expired --date 2026-12-21 --format json
expect_json '[.items[].document] | map(tostring) | join(",")' 2

TEST "skipped steps are procedure defects in show --procedure and due, unless overridden with a reason"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 未审核办法 --published 2026-11-20
nd_ok file 1 --to 示范区管委会 --date 2026-11-25
nd_ok show 1 --procedure --format json
expect_json '[.procedure.issues[].code] | join(",")' "published-without-legality-review,published-without-deliberation"
nd due --format json
expect_json '[.[] | select(.kind == "procedure") | .action] | join(";")' \
  "normdoc acknowledge 1 published-without-legality-review --date 2026-12-01 --reason '…';normdoc acknowledge 1 published-without-deliberation --date 2026-12-01 --reason '…'"
nd_ok acknowledge 1 published-without-legality-review --reason 补登记
expect_stdout_contains "发布前未经合法性审核"
nd_ok acknowledge 1 published-without-deliberation --reason 补登记
nd_ok log 1
expect_stdout_contains "事项：发布前未经集体审议决定"
nd due --format json
expect_json '[.[] | select(.kind == "procedure")] | length' 0
reviewed_draft 审核过的办法 2
nd_ok publish 2 --date 2026-11-20
nd_ok show 2 --procedure --format json
expect_json '.procedure.issues | length' 0

TEST "a short comment period is cured by a second one long enough"
office_config
nd_ok add --title 草案 --concerns-business
nd_ok record 1 comment --from 2026-10-01 --to 2026-10-10
nd due --as-of 2026-11-01 --format json
expect_json '[.[] | .kind] | join(",")' procedure
nd_ok record 1 comment --from 2026-10-15 --to 2026-11-14
nd due --as-of 2026-11-20 --format json
expect_json length 0

TEST "withdraw a draft: 已撤回, nothing due, no more steps or publication"
office_config
nd_ok add --title 草案
nd_ok record 1 legality-review --received 2026-11-02
nd due --as-of 2026-11-25 --format json
expect_json '[.[] | .kind] | join(",")' legality-review
nd_ok withdraw 1 --date 2026-11-20 --reason 上级已出台统一规定 --format json
expect_json .status withdrawn
nd due --as-of 2026-11-25 --format json
expect_json length 0
nd_ok show 1 --as-of 2026-11-10 --format json
expect_json .status draft
nd publish 1 --date 2026-11-25
expect_exit 3
nd record 1 deliberation --date 2026-11-25
expect_exit 3
nd_ok log 1 --format json
expect_json '.[-1] | "\(.kind) \(.payload.date) \(.payload.reason)"' "withdraw 2026-11-20 上级已出台统一规定"
nd_ok audit verify
nd_ok export 1 --output withdrawn.jsonl # the withdrawal travels in a bundle
NORMDOC_DB=$dir/other.db nd_ok init --no-config
NORMDOC_DB=$dir/other.db nd_ok import --bundle withdrawn.jsonl
NORMDOC_DB=$dir/other.db nd_ok show 1 --format json
expect_json .status withdrawn
NORMDOC_DB=$dir/other.db nd_ok audit verify
db_sql "UPDATE document SET withdrawn = NULL WHERE id = 1"
nd audit verify
expect_exit 3
expect_stderr_contains "文件 #1 的 withdrawn 为“（空）”，操作日志记录的是“2026-11-20”"

TEST "void a procedure step recorded by mistake: it stays, marked and logged; gates and checks follow"
office_config
nd_ok add --title 草案
nd_ok record 1 legality-review --received 2026-09-10 --date 2026-09-20 --result lawful
nd_ok record 1 deliberation --date 2026-09-25
nd_ok show 1 --procedure --format json
step=$(jq -r '.procedure.steps[] | select(.step == "legality-review") | .id' "$dir/stdout")
nd_ok void step "$step" --date 2026-11-01 --reason 录错了文件
nd_ok show 1 --procedure --format json
expect_json '[.procedure.issues[].code] | join(",")' deliberation-before-legality-review
nd_ok log 1 --format json
expect_json '.[-1] | "\(.kind) \(.payload.step) \(.payload.reason)"' "void-step $step 录错了文件"
nd void step "$step" --date 2026-11-01 --reason 再次
expect_exit 3
[ "$(db_sql "SELECT voided FROM procedure_step WHERE id = $step")" = 2026-11-01 ] ||
  fail "the voided step is not kept with its date"
nd_ok audit verify
nd_ok export 1 --output voided.jsonl # a bundle keeps the void step as void
NORMDOC_DB=$dir/other.db nd_ok init --no-config
NORMDOC_DB=$dir/other.db nd_ok import --bundle voided.jsonl
[ "$(sqlite3 "$dir/other.db" "SELECT count(*) FROM procedure_step WHERE voided = '2026-11-01'")" = 1 ] ||
  fail "the void step lost its mark in the bundle"

TEST "void a filing recorded by mistake: kept and shown as void, the reminder and the report follow, it can be filed again"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 甲办法 --published 2026-11-02 --override-gate --reason 使用前印发
nd_ok file 1 --to 示范区管委会 --date 2026-11-10
nd_ok report filing --year 2026 --format json
expect_json .filed 1
nd void filing 1 --to 示范区管委会
expect_exit 2
nd_ok void filing 1 --to 示范区管委会 --reason 误录：实际尚未报送
nd due --format json
expect_json '[.[].kind] | join(",")' filing
nd_ok report filing --year 2026 --format json
expect_json .filed 0
nd_ok show 1 --procedure --format json
expect_json '.procedure.filings[0] | "\(.voided) \(.void_reason)"' "2026-12-01 误录：实际尚未报送"
nd_ok show 1 --procedure
expect_stdout_contains "已作废：误录：实际尚未报送"
nd void filing 1 --to 示范区管委会 --reason 再次
expect_exit 3
nd_ok file 1 --to 示范区管委会 --date 2026-11-30
nd_ok show 1 --procedure --format json
expect_json '[.procedure.filings[] | "\(.filed):\(.voided)"] | join(" ")' "2026-11-10:2026-12-01 2026-11-30:null"
nd due --format json
expect_json '[.[].kind] | join(",")' filing-review
nd_ok log 1 --format json
expect_json '[.[] | select(.kind == "void-filing") | "\(.payload.body) \(.payload.filed) \(.payload.reason)"] | join(",")' \
  "示范区管委会 2026-11-10 误录：实际尚未报送"
nd_ok audit verify
nd_ok export 1 --output filed.jsonl
NORMDOC_DB=$dir/other.db nd_ok init --no-config
NORMDOC_DB=$dir/other.db nd_ok import --bundle filed.jsonl
[ "$(sqlite3 "$dir/other.db" "SELECT count(*) FROM filing WHERE voided IS NOT NULL")" = 1 ] ||
  fail "the void filing lost its mark in the bundle"

TEST "schema 16 rebuilds the filing table keeping every filing, its outcomes and their ids"
rm "$NORMDOC_DB"
for sql in "$NORMDOC_SOURCE_DIR"/schemas/sql/0*.sql; do
  [ "$(basename "$sql" | cut -c1-3)" -lt 15 ] && sqlite3 "$NORMDOC_DB" <"$sql"
done
sqlite3 "$NORMDOC_DB" "PRAGMA application_id = 1313099587; PRAGMA user_version = 14;
  INSERT INTO document (id, title, issuer, status, published, effective, expires, created_at, updated_at)
    VALUES (4, '甲办法', '某局', 'published', '2026-03-02', '2026-03-02', '2031-03-01', '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z');
  INSERT INTO filing (id, document, body, filed, materials, missing) VALUES (7, 4, '示范区管委会', '2026-03-20', '备案报告', '');
  INSERT INTO filing_outcome (id, filing, kind, result, date) VALUES (3, 7, 'result', 'correct', '2026-04-01');"
export NORMDOC_TODAY=2026-12-01
nd_ok show 4 --procedure --format json
expect_json '.procedure.filings[0] | "\(.body) \(.filed) \(.outcomes[0].result)"' "示范区管委会 2026-03-20 correct"
latest=$(basename "$(ls "$NORMDOC_SOURCE_DIR"/schemas/sql/0*.sql | tail -1)" | cut -c1-3 | sed 's/^0*//')
[ "$(sqlite3 "$NORMDOC_DB" "PRAGMA user_version; SELECT id || ':' || filing FROM filing_outcome; PRAGMA foreign_key_check;" | tr '\n' ' ')" = "$latest 3:7 " ] ||
  fail "the migrated filing outcome lost its id or its link"
nd file 4 --to 示范区管委会 --date 2026-11-20
expect_exit 3
nd_ok void filing 4 --to 示范区管委会 --reason 误录
nd_ok file 4 --to 示范区管委会 --date 2026-11-20

TEST "void an evaluation recorded by mistake: the document is as before it, logged, replayed"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 甲办法 --published 2022-01-10 --validity 5y --override-gate --reason 使用前印发
nd_ok add --title 乙办法 --published 2022-02-10 --validity 5y --override-gate --reason 使用前印发
nd_ok evaluate 1 --outcome continue --date 2026-11-20 --validity 3y
nd_ok show 1 --format json
expect_json .expires 2029-11-19
nd void evaluation 1 --reason " "
expect_exit 3
nd_ok void evaluation 1 --reason 误录：评估尚未完成
nd_ok report stats --year 2026 --format json
expect_json '.evaluations.continue // 0' 0
nd_ok show 1 --format json
expect_json '"\(.expires) \(.reg_no)"' "2027-01-09 JYWL-2022-001"
nd due --kind evaluation --format json
expect_json '[.[].document] | map(tostring) | join(",")' 1,2
nd void evaluation 1 --reason 再次
expect_exit 3
nd_ok evaluate 2 --outcome repeal --date 2026-11-25 --reason 上位法已废止
nd_ok void evaluation 2 --reason 误录为乙办法
nd_ok show 2 --format json
expect_json '"\(.status) \(.repealed)"' "published null"
nd_ok add --title 乙办法（修订） --published 2026-11-26 --override-gate --reason 使用前印发
nd_ok evaluate 2 --outcome amend --date 2026-11-26 --by 3
nd_ok void evaluation 2 --reason 修订稿尚未通过
nd_ok show 2 --format json
expect_json '"\(.status) \(.superseded_by)"' "published null"
nd_ok show 3 --format json
expect_json .amends null
nd_ok log 2 --format json
expect_json '[.[] | select(.kind == "void-evaluation") | .payload.restored[] | "\(.field):\(.to)"] | join(" ")' \
  "status:published repealed:null status:published amended:null superseded_by:null amends:null"
nd_ok evaluate 1 --outcome continue --date 2026-11-27
nd_ok repeal 1 --date 2026-11-28 --reason 另行制定
nd void evaluation 1 --reason 录错
expect_exit 3
expect_stderr_contains 之后已有变动
nd_ok audit verify
nd_ok export 1 --output evaluated.jsonl
NORMDOC_DB=$dir/other.db nd_ok init --no-config
NORMDOC_DB=$dir/other.db nd_ok import --bundle evaluated.jsonl
[ "$(sqlite3 "$dir/other.db" "SELECT count(*) FROM evaluation WHERE voided = '2026-12-01'")" = 1 ] ||
  fail "the void evaluation lost its mark in the bundle"

TEST "demo registry: every due item from 2026-12-01 to 2027-12-31 is cleared by the command it names"
export NORMDOC_TODAY=2026-12-01
"$examples/demo.sh" "$NORMDOC" >/dev/null 2>&1 || fail "demo.sh failed"
export NORMDOC_CONFIG=$examples/normdoc.toml
day=2026-12-01
cleared=0
while [ "$day" \< 2028-01-01 ]; do
  export NORMDOC_TODAY=$day
  nd due --as-of "$day" --format json
  if [ "$(jq length "$dir/stdout")" = 0 ]; then
    [ "$(cat "$dir/status")" = 0 ] || { fail "$day: nothing due but exit $(cat "$dir/status")"; break; }
    # Skip the quiet days: the next day on which a reminder starts to apply (due_window, days
    # since 1970-01-01) or comes within due_within (30 days) of its date.
    if on_postgresql; then
      next=$(db_sql "WITH w AS (SELECT first_day, last_day, (due::date - date '1970-01-01') - 30 AS near FROM due_window JOIN due_item USING (id)), today(d) AS (SELECT date '$day' - date '1970-01-01') SELECT (date '1970-01-01' + min(day))::text FROM (SELECT first_day AS day FROM w UNION ALL SELECT near FROM w WHERE near BETWEEN first_day AND last_day) AS days, today WHERE day > d")
    else
      next=$(sqlite3 "$NORMDOC_DB" "WITH w AS (SELECT first_day, last_day, CAST(julianday(due) - 2440587.5 AS INTEGER) - 30 AS near FROM due_window JOIN due_item USING (id)), today(d) AS (SELECT CAST(julianday('$day') - 2440587.5 AS INTEGER)) SELECT date(min(day) * 86400, 'unixepoch') FROM (SELECT first_day AS day FROM w UNION ALL SELECT near FROM w WHERE near BETWEEN first_day AND last_day), today WHERE day > d")
    fi
    day=$(date -d "$day + 1 day" +%F)
    [ -n "$next" ] || break
    if [ "$next" \> "$day" ]; then day=$next; fi
    continue
  fi
  while read -r action; do
    [ -n "$action" ] || continue
    case $action in
      normdoc\ *) ;;
      *) fail "$day: item without a command: $action"; break 2 ;;
    esac
    eval "\"\$NORMDOC\" ${action#normdoc } >\"\$dir/action.out\" 2>&1" ||
      { fail "$day: $action failed: $(head -2 "$dir/action.out")"; break 2; }
    cleared=$((cleared + 1))
    echo "$day $action" >>"$dir/cleared"
  done < <(jq -r '.[].action | gsub("…"; "演示登记簿补办")' "$dir/stdout")
  nd due --as-of "$day"
  if [ "$(cat "$dir/status")" != 0 ] || [ -s "$dir/stdout" ]; then
    fail "$day: due not silent after clearing: $(head -2 "$dir/stdout")"
    break
  fi
  day=$(date -d "$day + 1 day" +%F)
done
[ "$cleared" -ge 7 ] || fail "only $cleared items were cleared"
nd_ok audit verify # every command the walk ran is replayed from the log

TEST "import --as-filed --override-gate: years of documents issued and filed on paper leave nothing due"
office_config
export NORMDOC_TODAY=2026-12-01
mkdir 历年文件
printf '济源示范区甲办法\n第九条 本办法自发布之日起施行。\n\n济源示范区文化广电和旅游局\n2025年3月1日\n' >历年文件/甲.txt
printf '济源示范区乙办法\n第九条 本办法自发布之日起施行。\n\n济源示范区文化广电和旅游局\n2025年6月1日\n' >历年文件/乙.txt
nd import 历年文件 --as-filed
expect_exit 2
nd_ok import 历年文件 --as-published --as-filed
nd due --kind filing --format json
expect_json length 0
nd_ok log 2 --format json
expect_json '[.[] | select(.kind == "acknowledge") | "\(.payload.subject) \(.payload.date)"] | join(",")' \
  "filed-before-registry 2025-03-01"  # 乙 sorts before 甲: document 2 is 甲
nd due --format json
expect_json '[.[].kind] | unique | join(",")' procedure
db_fresh && nd_ok init --no-config
nd import 历年文件 --as-published --override-gate
expect_exit 2
nd_ok import 历年文件 --as-published --as-filed --override-gate --reason 使用前印发
nd due --format json
expect_json length 0
nd_ok log 1 --format json
expect_json '[.[] | select(.kind == "gate-override") | .payload.reason] | join(",")' 使用前印发

TEST "file --import: past filings in bulk, all or none, errors name the line"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 甲办法 --doc-no 济示文旅〔2024〕1号 --published 2024-03-01 --override-gate --reason 使用前印发
nd_ok add --title 乙办法 --published 2025-06-02 --override-gate --reason 使用前印发
nd_ok add --title 丙办法 --published 2025-09-01 --override-gate --reason 使用前印发
printf 'ref,body,date,materials\n济示文旅〔2024〕1号,示范区管委会,2024-03-20,备案报告、正式文本\n2,示范区管委会,2025-06-20,\n3,示范区管委会,2025-13-01,\n' >备案.csv
before=$(db_digest)
nd file --import 备案.csv
expect_exit 3
expect_one_line_error
expect_stderr_contains '备案.csv:4'
expect_stderr_contains 'date'
[ "$(db_digest)" = "$before" ] || fail "a failed import wrote something"
printf 'ref,body,date\n1,示范区管委会,2024-03-20\n9,示范区管委会,2025-06-20\n' >unknown.csv
nd file --import unknown.csv
expect_exit 3
expect_stderr_contains 'unknown.csv:3'
printf 'ref,body,date\n1,示范区管委会,2024-03-20\n1,示范区管委会,2024-03-21\n' >twice.csv
nd file --import twice.csv
expect_exit 3
expect_stderr_contains 'twice.csv:3'
printf 'ref,body,date\n3,示范区管委会,2026-12-02\n' >future.csv
nd file --import future.csv
expect_exit 3
expect_stderr_contains 晚于今天
nd file 1 --import 备案.csv
expect_exit 2
[ "$(db_digest)" = "$before" ] || fail "a refused import wrote something"
# The same records under the Chinese headings an officer writes.
sed -i 's/2025-13-01/2025-09-10/; 1s/.*/文件,备案机关,报送日期,报送材料/' 备案.csv
nd_ok file --import 备案.csv
expect_stdout_contains "已记录3条报送备案记录（3份文件）"
nd due --kind filing --format json
expect_json length 0
nd_ok show 1 --procedure --format json
expect_json '.procedure.filings[0] | "\(.filed) \(.materials | join("、"))"' "2024-03-20 备案报告、正式文本"
nd_ok report filing --year 2025 --format json
expect_json '"\(.filed) \(.filed_on_time)"' "2 2"
nd_ok audit verify

TEST "acknowledge --year: mark a year of history at once; documents it does not apply to are left alone"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 甲办法 --published 2022-03-01 --override-gate --reason 使用前印发
nd_ok add --title 乙办法 --published 2022-06-02 --override-gate --reason 使用前印发
nd_ok add --title 丙办法 --published 2023-09-01 --override-gate --reason 使用前印发
nd_ok add --title 丁草案
nd_ok acknowledge 2 filed-before-registry --reason 纸质档案
nd_ok acknowledge --year 2022 filed-before-registry --reason 2022年文件均已报送备案（纸质档案）
expect_stdout_contains "1份文件已确认"
nd due --kind filing --format json
expect_json '[.[].document] | map(tostring) | join(",")' 3
nd acknowledge --year 2022 filed-before-registry --reason 再次
expect_exit 3
nd acknowledge 1 --year 2022 filed-before-registry --reason 再次
expect_exit 2
nd_ok log --format json
expect_json '[.[] | select(.kind == "acknowledge" and .payload.subject == "filed-before-registry") | .document] | map(tostring) | join(",")' 2,1

TEST "edit --text of a reviewed draft outdates its reviews: the gate closes and it says so"
office_config
export NORMDOC_TODAY=2026-12-01
printf '某办法\n第一条 为了规范管理。\n' >v1.txt
printf '某办法\n第一条 为了规范管理，制定本办法。\n' >v2.txt
nd_ok add --title 某办法 --text v1.txt
nd_ok record 1 legality-review --received 2026-11-02 --date 2026-11-12 --result lawful
nd_ok edit 1 --text v1.txt --drafting-unit 法规科
[ ! -s "$dir/stderr" ] || fail "the same text outdated the review"
nd_ok edit 1 --text v2.txt
expect_stderr_contains '合法性审核（2026-11-12 结论：合法）不再适用'
nd record 1 deliberation --date 2026-11-20
expect_exit 3
nd_ok log 1 --format json
expect_json '[.[] | select(.kind == "outdate-review") | .payload.kind] | join(",")' legality-review
nd_ok record 1 legality-review --received 2026-11-16 --date 2026-11-23 --result lawful
nd_ok record 1 deliberation --date 2026-11-25
nd_ok audit verify

TEST "report filing counts the documents with a procedure defect not acknowledged"
office_config
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 甲办法 --published 2026-03-01
nd_ok add --title 乙办法 --published 2026-04-01 --override-gate --reason 使用前印发
nd_ok report filing --year 2026 --format json
expect_json .procedure_defects 1
nd_ok acknowledge 1 published-without-legality-review --reason 补登记
expect_stdout_contains "发布前未经合法性审核"
nd_ok acknowledge 1 published-without-deliberation --reason 补登记
nd_ok log 1
expect_stdout_contains "事项：发布前未经集体审议决定"
nd_ok report filing --year 2026 --format json
expect_json .procedure_defects 0
