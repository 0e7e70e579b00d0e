# SPDX-License-Identifier: MIT
# normdoc due, record, file, filing, show --procedure and report filing, as of fixed dates.

office_config() {
  cat >normdoc.toml <<'TOML'
[office]
name = "济源示范区文化广电和旅游局"
code = "JYWL"
[filing]
bodies = ["示范区管委会"]
TOML
}

# Documents in every state, as of 2026-11-25.
build_registry() {
  office_config
  nd_ok add --title "草稿办法" --concerns-business                       # 1 draft
  nd_ok add --title "新发布办法" --published 2026-11-10 --override-gate --reason 使用前印发  # 2 filing due 12-10
  nd_ok add --title "逾期未备案办法" --published 2026-09-01 --override-gate --reason 使用前印发  # 3 filing overdue since 10-08
  nd_ok add --title "已备案办法" --published 2026-09-01 --override-gate --reason 使用前印发  # 4 filed, review running
  nd_ok file 4 --to 示范区管委会 --date 2026-09-20
  nd_ok filing result 4 --to 示范区管委会 --result correct --date 2026-11-02   # correction due 12-02
  nd_ok add --title "即将到期办法" --published 2022-01-01 --override-gate --reason 使用前印发  # 5 expires 2026-12-31
  nd_ok file 5 --to 示范区管委会 --date 2022-01-10
  nd_ok filing result 5 --to 示范区管委会 --result passed --date 2022-02-01
  nd_ok add --title "已废止办法" --published 2023-05-04 --override-gate --reason 使用前印发  # 6 repealed: nothing due
  nd_ok repeal 6 --date 2024-01-02 --reason 上位法废止
  nd_ok add --title "审查中办法" --published 2026-09-01 --override-gate --reason 使用前印发  # 7 filed, review overdue
  nd_ok file 7 --to 示范区管委会 --date 2026-09-20
}

TEST "nothing due: no output, exit 0 (the cron contract)"
nd_ok add --title 草稿 --issuer 某局
nd due --as-of 2026-11-25
expect_exit 0
expect_stdout_empty
nd due --as-of 2026-11-25 --format json
expect_exit 0
expect_json 'length' 0

TEST "due lists every kind with its date, and exits 1 when something is overdue"
build_registry
nd due --as-of 2026-11-25 --format json
expect_exit 1
expect_json '[.[] | "\(.kind):\(.document):\(.due):\(.days_left)"] | join(" ")' \
  "filing:3:2026-10-08:-48 filing-review:7:2026-10-20:-36 correction:4:2026-12-02:7 filing:2:2026-12-10:15 evaluation:5:2026-12-31:36"
nd due --as-of 2026-11-25 --within 2m --format json
expect_json '[.[] | select(.kind == "evaluation") | .document] | join(",")' 5
expect_json '[.[] | select(.overdue) | .document] | unique | join(",")' 3,7
nd due --as-of 2026-11-25
expect_stdout_contains '2026-10-08  逾期48天  [报送备案] #3《逾期未备案办法》向示范区管委会报送备案'

TEST "--fail-on, --kind and --issuer"
build_registry
nd due --as-of 2026-11-25 --kind filing,correction --fail-on never --format json
expect_exit 0
expect_json '[.[].kind] | unique | join(",")' correction,filing
nd due --as-of 2026-11-25 --kind correction --fail-on overdue
expect_exit 0
nd due --as-of 2026-11-25 --kind correction --fail-on due
expect_exit 1
nd due --as-of 2026-11-25 --issuer 其他局 --format json
expect_exit 0
expect_json 'length' 0
nd due --kind fling
expect_exit 2
expect_stderr_contains '是否想用 filing'

TEST "recording the filing and the correction clears the items"
build_registry
nd_ok file 3 --to 示范区管委会 --date 2026-11-24 --materials "备案报告、正式文本"
nd_ok filing corrected 4 --to 示范区管委会 --date 2026-11-20 --note "删去第五条罚款规定"
nd_ok filing result 3 --to 示范区管委会 --result registered --date 2026-11-25
nd due --as-of 2026-11-25 --kind filing,correction --format json
expect_json '[.[] | "\(.kind):\(.document)"] | join(" ")' "filing:2"
nd_ok show 3 --procedure --format json
expect_json '.procedure.filings[0].missing | join(",")' 起草说明,制定依据,合法性审核意见,公平竞争审查结论
nd filing corrected 3 --to 示范区管委会 --date 2026-11-25 --note x
expect_exit 3
nd file 1 --to 示范区管委会 --date 2026-11-25
expect_exit 3
expect_stderr_contains '尚未发布'

TEST "procedure steps: warnings when recorded, show --procedure, due"
office_config
nd_ok add --title "民宿扶持办法" --concerns-business
nd record 1 comment --from 2026-11-01 --to 2026-11-20 --channel 政府网站
expect_exit 0
expect_stderr_contains 'normdoc: 警告：公开征求意见期 2026-11-01 至 2026-11-20 不足30日'
nd_ok record 1 legality-review --received 2026-11-23
nd record 1 deliberation --date 2026-11-24 --meeting 局党组会议
expect_exit 3
expect_stderr_contains '不得提交集体审议（国办发〔2018〕115号 (七)）'
nd record 1 deliberation --date 2026-11-24 --override-gate
expect_exit 2
nd_ok record 1 deliberation --date 2026-11-24 --meeting 局党组会议 --override-gate --reason "补登记：纸质审核记录已归档"
nd_ok log 1 --format json
expect_json '[.[] | select(.kind == "gate-override") | .payload.gate] | join(",")' deliberation
nd_ok show 1 --procedure --format json
expect_json '[.procedure.issues[].code] | join(",")' \
  comment-too-short,deliberation-before-legality-review,no-fair-competition-review
expect_json '[.procedure.steps[].step] | join(",")' comment,legality-review,deliberation
nd due --as-of 2026-11-25 --kind legality-review --format json
expect_json '.[0].due' 2026-12-14
nd record 1 legality-review --date 2026-11-24 --result revise
expect_exit 3
expect_stderr_contains '不足5个工作日'
nd_ok record 1 legality-review --date 2026-11-24 --result revise --urgency "执行上级紧急决定"
expect_stdout_contains '紧急审核：执行上级紧急决定'
nd_ok show 1 --procedure --format json
expect_json '[.procedure.steps[] | select(.step == "legality-review") | .urgency] | last' 执行上级紧急决定
nd due --as-of 2026-11-25 --kind legality-review --format json
expect_json 'length' 0
nd record 1 legality-review --date 2026-11-24
expect_exit 3
expect_stderr_contains '--result'
nd record 1 hearing --date 2026-11-24
expect_exit 2
nd record 1 fair-competition-review --date 2026-11-24 --result exception
expect_exit 3
expect_stderr_contains 'until'

TEST "due points a legality review under way to its next step in review: answer, then the conclusion the answers allow"
office_config
nd_ok add --title 民宿扶持办法 --issuer 甲局
nd_ok review start 1 --checklist legality --received 2026-11-02
nd_ok due --as-of 2026-11-05 --kind legality-review --format json
expect_json '.[0].action' "normdoc review answer R1"
nd_ok review show R1 --format json
jq -r '.items[] | "\(.id) = \"pass\""' "$dir/stdout" >answers.toml
first=$(jq -r '.items[0].id' "$dir/stdout")
nd_ok review answer R1 --file answers.toml
nd_ok due --as-of 2026-11-05 --kind legality-review --format json
expect_json '.[0].action' "normdoc review conclude R1 --result lawful --date 2026-11-05"
nd_ok review answer R1 "$first" fail --note 缺少依据
nd_ok due --as-of 2026-11-05 --kind legality-review --format json
expect_json '.[0].action' "normdoc review conclude R1 --result revise --opinion '…' --date 2026-11-05"
nd_ok review answer R1 "$first" pass
nd_ok review conclude R1 --result lawful --date 2026-11-20
nd_ok due --as-of 2026-11-21 --kind legality-review --format json
expect_json 'length' 0

TEST "ics output is valid iCalendar with UID and DTSTAMP in every VTODO"
build_registry
nd due --as-of 2026-11-25 --within 2m --format ics
expect_exit 1
errors=$(python3 - "$dir/stdout" <<'PY'

import sys
data = open(sys.argv[1], 'rb').read()
errors = []
if not data.endswith(b'\r\n'):
    errors.append('no CRLF at end')
raw_lines = data.split(b'\r\n')[:-1]
for raw in raw_lines:
    if b'\n' in raw or b'\r' in raw:
        errors.append('bare line break')
    if len(raw) > 75:
        errors.append('line over 75 octets')
    raw.decode('utf-8')
lines = []
for raw in raw_lines:
    text = raw.decode('utf-8')
    if text.startswith(' '):
        lines[-1] += text[1:]
    else:
        lines.append(text)
stack, todos, props = [], 0, set()
for line in lines:
    name = line.split(':', 1)[0].split(';', 1)[0]
    if name == 'BEGIN':
        stack.append(line.split(':', 1)[1]); props = set()
    elif name == 'END':
        if not stack or stack.pop() != line.split(':', 1)[1]:
            errors.append('unbalanced ' + line)
        if line == 'END:VTODO':
            todos += 1
            for required in ('UID', 'DTSTAMP', 'DUE', 'SUMMARY'):
                if required not in props:
                    errors.append('VTODO without ' + required)
    else:
        props.add(name)
if stack or lines[0] != 'BEGIN:VCALENDAR' or 'VERSION:2.0' not in lines:
    errors.append('not a calendar')
if todos != 5:
    errors.append('expected 5 VTODOs, got %d' % todos)
print('; '.join(errors))
PY
)
[ -z "$errors" ] || fail "ics does not parse: $errors"

TEST "report filing counts published, filed and on time"
build_registry
nd_ok file 3 --to 示范区管委会 --date 2026-11-24
nd_ok report filing --year 2026 --format json
expect_json '"\(.published) \(.filed) \(.filed_on_time) \(.open_corrections)"' "4 3 2 1"
expect_json '.filing_rate' 0.75
nd_ok report filing --year 2026 --format md
expect_stdout_contains '| 按时备案率 | 50.0% |'

TEST "a working-day filing deadline and the office's own calendar file"
cat >normdoc.toml <<'TOML'
[filing]
deadline = "15wd"
[calendar]
files = ["cal-2027.toml"]
TOML
cat >cal-2027.toml <<'TOML'
schema = 1
year = 2027
holidays = [2027-01-01]
workdays = []
TOML
nd_ok add --title 办法 --issuer 某局 --published 2026-12-20
nd due --as-of 2027-01-05 --kind filing --format json
# 15 working days after Sunday 2026-12-20: 12-21 … 12-31 (9), 2027-01-04 … 01-11 (6; 01-01 off).
expect_json '.[0].due' 2027-01-11
printf 'schema = 1\nyear = 2027\nholidays = ["2027-01-01"]\n' >cal-2027.toml
nd due --as-of 2027-01-05
expect_exit 3
expect_stderr_contains 'cal-2027.toml:3:'

TEST "the reminders due keeps between runs follow the records and the settings"
nd_ok add --title 办法 --issuer 某局 --published 2026-09-01
nd due --as-of 2026-10-09 --kind filing --format json
expect_json '.[0].due' 2026-10-08 # 30 days end on 10-01 (国庆节): the next working day
printf '[filing]\ndeadline = "15d"\n' >normdoc.toml
nd due --as-of 2026-10-09 --kind filing --format json
expect_json '.[0].due' 2026-09-16
nd_ok file 1 --to 示范区管委会 --date 2026-09-10
nd due --as-of 2026-10-09 --kind filing --format json
expect_json 'length' 0
expect_exit 0
stale=$(db_sql "SELECT count(*) FROM due_stale")
[ "$stale" = 0 ] || fail "reminders of $stale documents left stale after due"

TEST "publishing a business document needs a fair-competition review, or a logged override"
office_config
nd_ok add --title "民宿扶持办法" --concerns-business
nd publish 1 --date 2026-11-25
expect_exit 3
expect_stderr_contains '公平竞争审查条例第十八条'
nd_ok record 1 fair-competition-review --date 2026-11-20 --result compliant
nd_ok publish 1 --date 2026-11-25 --format json
expect_json '.status' published
nd add --title "旧的扶持办法" --concerns-business --published 2020-05-06
expect_exit 3
nd_ok add --title "旧的扶持办法" --concerns-business --published 2020-05-06 --override-gate --reason "纸质审查表已归档"
nd_ok log 2 --format json
expect_json '[.[].kind] | join(",")' add,gate-override,acknowledge,acknowledge,acknowledge,publish
nd_ok report filing --year 2020 --format json
expect_json '.gate_overrides' 1
