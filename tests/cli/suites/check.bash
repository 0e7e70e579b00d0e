# SPDX-License-Identifier: MIT
# normdoc check: findings, formats, encodings, exit codes.

draft=$examples/drafts/planted-violations.txt

TEST "the planted draft gives exactly the expected findings"
nd check "$draft" --format jsonl
expect_exit 1
jq -r '"\(.line):\(.column) \(.severity) \(.rule)"' "$dir/stdout" >got.txt
grep -v '^#' "$examples/drafts/planted-violations.expected" >want.txt
diff -u want.txt got.txt >diff.txt || fail "findings differ: $(cat diff.txt)"

TEST "text output is compiler-style with the excerpt and a summary"
nd check "$draft" --checklist legality
expect_exit 1
expect_stdout_contains "$draft:7:30: 错误 [L4-permit-gate] "
expect_stdout_contains '    …所在镇人民政府备案，经审核同意后方可营业。'
expect_stdout_contains '检查了1个文件：错误2处，警告1处，提示1处'

TEST "JSON findings carry every key; --fail-on decides the exit code"
nd check "$draft" --checklist fair-competition --format json
expect_exit 1
expect_json '.[0] | keys | join(",")' article,checklist,column,excerpt,file,item,line,matched,message,rule,severity
expect_json '.[0].matched' '在…注册…奖励'
expect_json '[.[].checklist] | unique | join(",")' fair-competition
nd check "$draft" --fail-on never --format json
expect_exit 0
printf '第九条　各景区门票价格由经营者依法自主确定。\n' >clean.txt
nd check clean.txt
expect_exit 0
expect_stdout_contains '错误0处，警告0处，提示0处'
printf '执法人员有权随时进入经营场所检查。\n' >warning.txt
nd check warning.txt
expect_exit 0
nd check warning.txt --fail-on warning
expect_exit 1

TEST "GB18030 files, stdin and directories"
iconv -f UTF-8 -t GB18030 "$draft" >gbk.txt
nd check gbk.txt --format jsonl
jq -r '"\(.line):\(.column) \(.severity) \(.rule)"' "$dir/stdout" >got.txt
grep -v '^#' "$examples/drafts/planted-violations.expected" >want.txt
diff -u want.txt got.txt >/dev/null || fail "GB18030 findings differ from UTF-8 ones"
"$NORMDOC" check - --format jsonl <"$draft" >stdin.jsonl
[ "$(wc -l <stdin.jsonl)" = "$(wc -l <want.txt)" ] || fail "stdin gave other findings"
grep -q '"file":"-"' stdin.jsonl || fail "stdin not named -"
mkdir -p batch/sub
cp "$draft" batch/a.txt
cp "$draft" batch/sub/b.md
printf 'not screened\n' >batch/c.docx
nd check batch --format jsonl
[ "$(jq -r .file "$dir/stdout" | sort -u | tr '\n' ' ')" = "batch/a.txt batch/sub/b.md " ] || fail "directory walk"

TEST "an unreadable or binary file is reported and the batch goes on"
printf '\xff\xfe\xfd\x80\x81\n' >binary.txt
cp "$draft" good.txt
nd check binary.txt good.txt missing.txt --format jsonl
expect_exit 3
expect_stderr_contains 'binary.txt:1: 既不是 UTF-8 也不是 GB18030/GBK'
expect_stderr_contains 'missing.txt: 无法读取文件'
expect_stderr_contains '2个文件无法读取'
jq -r .file "$dir/stdout" | sort -u | grep -qx good.txt || fail "good.txt not screened"
nd check
expect_exit 2
nd check "$draft" --checklist tax
expect_exit 2

TEST "the issuer's level decides severities; unknown is a county-level body"
printf '对入驻园区的企业给予税收返还。\n' >relief.txt
nd check relief.txt --format jsonl
expect_json '.severity' warning
nd check relief.txt --format jsonl --issuer 财政部
expect_json '.severity' info
nd check relief.txt --format jsonl --issuer-level national
expect_json '.severity' info
nd check relief.txt --format jsonl --issuer 郑州市金水区人民政府
expect_json '.severity' warning
nd check relief.txt --issuer-level town
expect_exit 2

TEST "the office's jurisdiction names count as local"
printf '示范区注册登记的企业，享受本办法奖励。\n' >names.txt
nd check names.txt --format jsonl --fail-on never
jq -r .rule "$dir/stdout" | grep -qx F10-2-local-condition && fail "found without the names"
printf '[screening]\njurisdiction_names = ["济源", "示范区"]\n' >normdoc.toml
nd check names.txt --format jsonl
expect_exit 1
jq -r .rule "$dir/stdout" | grep -qx F10-2-local-condition || fail "the names were not used"
rm normdoc.toml

TEST "--explain prints a rule's article, what makes it fire and what it leaves alone"
nd check --explain F10-1-tax
expect_exit 0
expect_stdout_contains '规则 F10-1-tax（公平竞争审查 F10-1）'
expect_stdout_contains '严重程度：警告；国家级制定机关：提示'
expect_stdout_contains '依据：公平竞争审查条例 第十条第（一）项；实施办法 第十八条'
expect_stdout_contains '条文：起草单位起草的政策措施，没有法律、行政法规依据或者未经国务院批准'
expect_stdout_contains '不计（同一分句内有）：{restating}'
nd check --explain F10-2-local-condition
expect_stdout_contains '  1. {local} {place} 本地、本市'
expect_stdout_contains '（距前一项不超过12字）'
expect_stdout_contains '不计：同一句中前面有禁止性用语（不得、禁止'
nd check --explain F10-4-deposit
expect_exit 2
expect_stderr_contains '没有编号为“F10-4-deposit”的规则'
