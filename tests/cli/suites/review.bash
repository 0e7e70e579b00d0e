# SPDX-License-Identifier: MIT
# normdoc review: start, answer (one, file, terminal), dismiss, conclude, show, list, and the
# gates that read the conclusions.

draft=$examples/drafts/planted-violations.txt

# Writes answers.toml answering every item of review $1 with pass, except the items in $2… (fail).
answer_file() {
  local review=$1 item failing
  shift
  nd_ok review show "$review" --format json
  # Plain `ITEM = "pass"` lines first: after a [table] header, keys belong to that table.
  jq -r '.items[].id' "$dir/stdout" >items.txt
  : >answers.toml
  while read -r item; do
    for failing in "$@"; do [ "$item" = "$failing" ] && continue 2; done
    printf '%s = "pass"\n' "$item" >>answers.toml
  done <items.txt
  for failing in "$@"; do
    printf '[%s]\nanswer = "fail"\nnote = "第%s项存在问题"\n' "$failing" "$failing" >>answers.toml
  done
}

TEST "start screens the stored text: the planted legality findings, the checklist hash, reviewing"
nd_ok add --title "关于支持文化旅游产业发展的若干措施" --issuer 某局 --text "$draft"
nd_ok review start 1 --checklist legality --received 2026-11-02
expect_stdout_contains "R1"
nd_ok review show R1 --format json
cp "$dir/stdout" r1.json
expect_schema review.schema.json r1.json
expect_json '.checklist.sha256' "$(sha256sum "$NORMDOC_SOURCE_DIR/schemas/checklists/legality.toml" | cut -d' ' -f1)"
expect_json '.text_sha256' "$(sha256sum "$draft" | cut -d' ' -f1)"
expect_json '.status' open
expect_json '.items | length' 9
jq -r '.findings[] | "\(.line):\(.column) \(.severity) \(.rule)"' r1.json >got.txt
grep ' L' "$examples/drafts/planted-violations.expected" >want.txt
diff want.txt got.txt >/dev/null || fail "findings differ from the expected: $(diff want.txt got.txt | head -5)"
# Each finding keeps the words its rule matched when the review started, as check shows them.
nd check "$draft" --checklist legality --format json
[ "$(jq -c '[.[].matched]' "$dir/stdout")" = "$(jq -c '[.findings[].matched]' r1.json)" ] ||
  fail "the stored findings lack the matched words of check"
nd_ok show 1 --format json
expect_json '.status' reviewing
nd_ok show 1 --procedure
expect_stdout_contains "2026-11-02 收到"

TEST "a legality review concluded 应当予以修改 opens the deliberation gate; the opinion prints"
nd_ok add --title "关于支持文化旅游产业发展的若干措施" --issuer 某局 --text "$draft"
nd record 1 deliberation --date 2026-11-20
expect_exit 3
nd_ok review start 1 --checklist legality --received 2026-11-02
answer_file R1 L4
nd_ok review answer R1 --file answers.toml
expect_stdout_contains "尚余0项"
nd review conclude R1 --result lawful --date 2026-11-16
expect_exit 3
expect_one_line_error
expect_stderr_contains "L4"
nd review conclude R1 --result revise --date 2026-11-16
expect_exit 3
expect_stderr_contains "--opinion"
nd_ok review conclude R1 --result revise --date 2026-11-16 --opinion "删除第五条的审核同意前置和第七条的罚款 <见附件>"
expect_stdout_contains "应当予以修改"
nd_ok record 1 deliberation --date 2026-11-20 --meeting 局务会议
nd_ok show 1 --format json
expect_json '.status' approved
nd_ok review show R1 --format md
expect_stdout_contains "# 合法性审核意见书"
expect_stdout_contains "| L4 |"
nd_ok review show R1 --format html
expect_stdout_contains "&lt;见附件&gt;"
grep -qF "<见附件>" "$dir/stdout" && fail "html output does not escape the opinion"
expect_html_well_formed

TEST "the printed opinion is print-ready: header rows repeat, the signature block, the office and the date in the footer, no finding left 待核实 once concluded"
printf '[office]\nname = "甲局法规科"\ncode = "JJ"\n' >normdoc.toml
export NORMDOC_CONFIG=$dir/normdoc.toml
export NORMDOC_TODAY=2026-12-01
nd_ok add --title 措施 --text "$draft"
nd_ok review start 1 --checklist legality --received 2026-11-02
nd_ok review show R1
grep -q '处理：待核实' "$dir/stdout" || fail "an open review's findings are not 待核实"
expect_stdout_contains '日期：＿＿＿＿＿＿＿＿' # no conclusion yet: a line to date by hand
answer_file R1 L4
nd_ok review answer R1 --file answers.toml
nd_ok review conclude R1 --result revise --date 2026-11-16 --opinion 修改
nd_ok review show R1
! grep -q 待核实 "$dir/stdout" || fail "a finding still says 待核实 after the conclusion"
expect_stdout_contains '处理：已核实，L4 不通过'
expect_stdout_contains '审核机构（盖章）：甲局法规科'
expect_stdout_contains '审核人（签名）：＿＿＿＿＿＿＿＿'
expect_stdout_contains '日期：2026年11月16日'
grep -q '2026年12月1日' "$dir/stdout" && fail "the terminal text carries the printed page's footer"
nd_ok review show R1 --format html
expect_html_well_formed
[ "$(grep -c '<table>' "$dir/stdout")" = "$(grep -c '<thead><tr><th>' "$dir/stdout")" ] ||
  fail "a table without a <thead> (header rows repeat on each page only from a thead)"
expect_stdout_contains 'thead { display: table-header-group; }'
expect_stdout_contains '<footer>甲局法规科　2026年12月1日</footer>'
expect_stdout_contains '@bottom-center { content: "甲局法规科　2026年12月1日";'
expect_stdout_contains '<div class="signature">'
nd_ok review show R1 --format md
expect_stdout_contains '审核机构（盖章）：甲局法规科'
[ "$(tail -n 1 "$dir/stdout")" = "甲局法规科　2026年12月1日" ] || fail "the Markdown does not end with the footer"
nd_ok review show R1 --format json
cp "$dir/stdout" r1.json
expect_schema review.schema.json r1.json
expect_json '.result' revise
expect_json '[.items[] | select(.answer == "fail") | .id] | join(",")' L4

TEST "a concluded review cannot change; a new review supersedes it"
nd_ok add --title 措施 --issuer 某局 --text "$draft"
nd_ok review start 1 --checklist legality --received 2026-11-02
answer_file R1 L4
nd_ok review answer R1 --file answers.toml
nd_ok review conclude R1 --result revise --date 2026-11-16 --opinion 修改
before=$(db_digest)
nd review answer R1 L4 pass
expect_exit 3
expect_one_line_error
nd review dismiss R1 1 --reason 理由
expect_exit 3
[ "$(db_digest)" = "$before" ] || fail "a refused change altered the database"
nd_ok review start 1 --checklist legality --received 2026-11-18
nd_ok review list 1 --format json
expect_json '[.[] | .status] | join(",")' superseded,open
expect_json '.[0].superseded_by' 2
nd_ok review list
expect_stdout_contains "已被 R2 取代"

TEST "log says 审核 for a legality review's events and 审查 for a fair-competition review's"
# The log of the last command has a row (event name, then its summary) matching $1.
log_row() { grep -Eq "$1" "$dir/stdout" || fail "log has no row matching '$1'"; }
nd_ok add --title 措施 --issuer 某局 --text "$draft"
nd_ok review start 1 --checklist legality --received 2026-11-02
nd_ok review start 1 --checklist fair-competition --received 2026-11-03
answer_file R1 L4
nd_ok review answer R1 --file answers.toml
nd_ok review answer R2 F8-2 pass
nd_ok review conclude R1 --result revise --date 2026-11-16 --opinion 修改
nd_ok log 1
log_row '开始审核 +审核：R1；清单：合法性审核'
log_row '回答审核事项 +审核：R1；'
log_row '审核结论 +审核：R1；结果：应当予以修改'
log_row '开始审查 +审查：R2；清单：公平竞争审查'
log_row '回答审查事项 +审查：R2；'
! grep -Eq '审查：R1|审核：R2|开始审查 +审核|审核事项 +审查' "$dir/stdout" || fail "a review's events use the other review's word"
nd_ok log --format csv
grep -q ',开始审核,' "$dir/stdout" && grep -q ',开始审查,' "$dir/stdout" || fail "log csv mixes 审核 and 审查"
# Changing the text outdates the concluded reviews: each in its own word.
nd_ok add --title 办法 --issuer 某局 --text "$draft"
nd_ok record 2 legality-review --received 2026-11-02 --date 2026-11-12 --result lawful
nd_ok record 2 fair-competition-review --date 2026-11-13 --result compliant
printf '某办法\n第一条 为了规范管理。\n' >v2.txt
nd_ok edit 2 --text v2.txt
nd_ok log 2
log_row '审核结论不再适用 +步骤：[0-9]+；类别：合法性审核'
log_row '审查结论不再适用 +步骤：[0-9]+；类别：公平竞争审查'

TEST "a bad answers file names its line and applies nothing"
nd_ok add --title 措施 --issuer 某局 --text "$draft"
nd_ok review start 1 --checklist legality
printf 'L1 = "pass"\nL2 = "pass"\nL3 = "maybe"\n' >answers.toml
before=$(db_digest)
nd review answer R1 --file answers.toml
expect_exit 3
expect_one_line_error
expect_stderr_contains "answers.toml:3:"
printf 'L1 = "pass"\nL99 = "pass"\n' >unknown.toml
nd review answer R1 --file unknown.toml
expect_exit 3
expect_stderr_contains "L99"
[ "$(db_digest)" = "$before" ] || fail "a rejected answers file changed the database"
printf '\xff\xfe' >binary.toml
nd review answer R1 --file binary.toml
expect_exit 3
nd review answer R1 --file missing.toml
expect_exit 3
expect_stderr_contains "missing.toml"

TEST "usage errors: bad ids, answers, no item off a terminal"
nd_ok add --title 措施 --issuer 某局
nd_ok review start 1 --checklist legality
nd review answer X1 L1 pass
expect_exit 2
nd review answer R1 L1 maybe
expect_exit 2
nd review answer R1
expect_exit 2
expect_stderr_contains "终端"
nd review show R99
expect_exit 3
nd review start 1 --checklist legal
expect_exit 2
nd review dismiss R1 one --reason x
expect_exit 2
# An exception's part with another result: refused by the agreement rule (data), named as
# the option given.
nd review conclude R1 --result lawful --until 2027-01-01
expect_exit 3
expect_stderr_contains "--until: "

TEST "findings on passed items must be dismissed, with a reason, before 合法"
nd_ok add --title 措施 --issuer 某局 --text "$draft"
nd_ok review start 1 --checklist legality --received 2026-11-02
answer_file R1
nd_ok review answer R1 --file answers.toml
nd review conclude R1 --result lawful --date 2026-11-16
expect_exit 3
expect_stderr_contains "review dismiss"
nd_ok review show R1 --format json
for number in $(jq -r '.findings[] | select(.severity == "error") | .number' "$dir/stdout"); do
  nd_ok review dismiss R1 "#$number" --reason "已依照上位法写明依据"
done
nd_ok review conclude R1 --result lawful --date 2026-11-16 --format json
expect_json '.result' lawful
expect_json '[.findings[] | select(.dismissed != null)] | length' 2

TEST "fair-competition exception: three parts of 第十二条, the publication gate, the reminder"
nd_ok add --title 措施 --issuer 某局 --text "$draft" --concerns-business
nd publish 1 --date 2026-12-01
expect_exit 3
expect_stderr_contains "公平竞争审查"
nd_ok review start 1 --checklist fair-competition --received 2026-11-02
answer_file R1 F9-3
nd_ok review answer R1 --file answers.toml
nd_ok review show R1 --format json
for number in $(jq -r '.findings[] | select(.severity == "error" and .item != "F9-3") | .number' "$dir/stdout"); do
  nd_ok review dismiss R1 "$number" --reason 已核实
done
nd review conclude R1 --result exception --date 2026-11-16 --opinion 救灾需要 --exception-ground public-interest --until 2027-11-15
expect_exit 3
expect_stderr_contains "--alternatives"
nd review conclude R1 --result exception --date 2026-11-16 --opinion 救灾需要 --exception-ground nonsense --alternatives x --until 2027-11-15
expect_exit 2
nd_ok review conclude R1 --result exception --date 2026-11-16 --opinion "为救灾救助，临时优先本地应急物资" --exception-ground public-interest --alternatives "统一采购与补贴均不能满足时限" --until 2027-11-15 --format json
cp "$dir/stdout" r1.json
expect_schema review.schema.json r1.json
expect_json '.exception.ground' public-interest
expect_json '.exception.until' 2027-11-15
# The draft says 自2025年1月1日起施行: the actual date is given.
nd_ok publish 1 --date 2026-12-01 --effective 2026-12-01
nd_ok due --as-of 2027-11-01 --kind exception --format json
expect_json '.[0].due' 2027-11-15

TEST "answering on a terminal: one item at a time, each answer saved"
if ! tool_missing script bsdutils; then
  nd_ok add --title 措施 --issuer 某局 --text "$draft"
  nd_ok review start 1 --checklist legality
  printf 'y\nnote\n第五条设定许可\nn\nmaybe\nna\nq\n' |
    script -qec "'$NORMDOC' review answer R1" /dev/null >walk.txt 2>&1
  grep -qF "行政许可法" walk.txt || fail "the walk did not show the article of L4"
  grep -qF "命中：方可营业" walk.txt || fail "the walk did not show the words L4 matched"
  nd_ok review show R1 --format json
  expect_json '[.items[] | select(.answer != null) | "\(.id)=\(.answer)"] | join(",")' L1=pass,L2=fail,L3=na
  expect_json '.items[1].note' 第五条设定许可
fi
