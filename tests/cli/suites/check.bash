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
expect_stdout_contains "$draft:7:30: error [L4-permit-gate] "
expect_stdout_contains '    …所在镇人民政府备案，经审核同意后方可营业。'
expect_stdout_contains '检查了 1 个文件：错误 2 处，警告 1 处，提示 1 处'

TEST "JSON findings carry every key; --fail-on decides the exit code"
nd check "$draft" --checklist fair-competition --format json
expect_exit 1
expect_json '.[0] | keys | join(",")' article,checklist,column,excerpt,file,item,line,message,rule,severity
expect_json '[.[].checklist] | unique | join(",")' fair-competition
nd check "$draft" --fail-on never --format json
expect_exit 0
printf '第九条　各景区门票价格由经营者依法自主确定。\n' >clean.txt
nd check clean.txt
expect_exit 0
expect_stdout_contains '错误 0 处，警告 0 处，提示 0 处'
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
expect_stderr_contains '2 个文件无法读取'
jq -r .file "$dir/stdout" | sort -u | grep -qx good.txt || fail "good.txt not screened"
nd check
expect_exit 2
nd check "$draft" --checklist tax
expect_exit 2
