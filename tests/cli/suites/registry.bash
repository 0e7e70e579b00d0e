# SPDX-License-Identifier: MIT
# Registry commands: add, show, list, edit, publish, repeal, amend, log.

add_draft() {
  nd_ok add --title "$1" --issuer 济源示范区文化广电和旅游局 --format json "${@:2}"
}

TEST "add prints the new document as JSON"
add_draft "文化市场管理办法" --doc-no "济示文旅[2024]5号" --drafting-unit 市场管理科
expect_json '.id' 1
expect_json '.doc_no' '济示文旅〔2024〕5号'
expect_json '.status' draft
expect_json '.in_force' false
expect_json '.trial' false

TEST "add --from a metadata file registers a published document with its text"
nd_ok add --from "$examples/documents/01-scenic-area.toml" --format json
expect_json '.reg_no' ND-2023-001
expect_json '.published' 2023-03-10
expect_json '.effective' 2023-04-10
expect_json '.expires' 2028-04-09
expect_json '.text_sha256' "$(sha256sum "$examples/documents/01-scenic-area.txt" | cut -d' ' -f1)"
nd_ok show 1 --text
cmp -s "$dir/stdout" "$examples/documents/01-scenic-area.txt" || fail "stored text differs from the file"

TEST "publish assigns the registration number from the configured pattern"
cat >normdoc.toml <<'TOML'
[office]
name = "济源示范区文化广电和旅游局"
code = "JYWL"
TOML
nd_ok add --title "文化市场暂行管理办法" --format json
nd_ok publish 1 --date 2024年8月14日 --format json
expect_json '.reg_no' JYWL-2024-001
expect_json '.issuer' 济源示范区文化广电和旅游局
expect_json '.expires' 2026-08-13
nd_ok add --title "旅游管理办法" --format json
nd_ok publish 2 --date 2024-09-01 --effective 2024-10-01 --validity 3y --format json
expect_json '.reg_no' JYWL-2024-002
expect_json '.expires' 2027-09-30

TEST "REF resolves by id, registration number and any spelling of the 文号"
add_draft "文化市场管理办法" --doc-no "济示文旅〔2024〕5号"
nd_ok publish 1 --date 2024-08-14
for ref in 1 ND-2024-001 "济示文旅(2024)5号" "济示文旅［２０２４］５号"; do
  nd_ok show "$ref" --format json
  expect_json '.id' 1
done
nd show 42
expect_exit 3
expect_stderr_contains '找不到文件“42”'

TEST "list filters by status, issuer, year, in force and expiring window"
add_draft "甲办法"
nd_ok publish 1 --date 2020-01-01
add_draft "乙暂行办法"
nd_ok publish 2 --date 2025-03-01
add_draft "丙办法"
nd_ok add --title "丁办法" --issuer 其他局
nd_ok list --as-of 2026-11-25 --format json
expect_json 'length' 4
nd_ok list --as-of 2026-11-25 --status expired --format json
expect_json '[.[].title] | join(",")' 甲办法
nd_ok list --as-of 2026-11-25 --status 起草中 --format json
expect_json 'length' 2
nd_ok list --as-of 2026-11-25 --in-force --format json
expect_json '[.[].title] | join(",")' 乙暂行办法
nd_ok list --as-of 2026-11-25 --expiring-within 6m --format json
expect_json '[.[].expires] | join(",")' 2027-02-28
nd_ok list --as-of 2021-06-01 --in-force --format json
expect_json '[.[].title] | join(",")' 甲办法
nd_ok list --issuer 其他局 --format json
expect_json '[.[].title] | join(",")' 丁办法
nd_ok list --year 2020 --format json
expect_json 'length' 1
nd list --status archived
expect_exit 2
expect_one_line_error

TEST "list as CSV is RFC 4180 with Chinese headers, --header en for scripts, --bom for Excel"
add_draft "含,逗号的办法"
nd_ok list --format csv --bom
head -c 3 "$dir/stdout" | od -An -tx1 | grep -q 'ef bb bf' || fail "no BOM"
grep -q $'^\xEF\xBB\xBF文件编号,登记编号,文号,标题,制定机关,' "$dir/stdout" || fail "Chinese header"
grep -q ',否,否,' "$dir/stdout" || fail "yes/no cells not in Chinese: $(sed -n 2p "$dir/stdout")"
nd_ok list --format csv --header en
grep -q '^id,reg_no,doc_no,title,issuer,' "$dir/stdout" || fail "English header"
grep -q ',false,false,' "$dir/stdout" || fail "yes/no cells not true/false for scripts"
grep -qF '"含,逗号的办法"' "$dir/stdout" || fail "field with a comma not quoted"
grep -q $'\r$' "$dir/stdout" || fail "records not CRLF-terminated"

TEST "list as a table aligns Chinese text by display width"
add_draft "文化市场管理办法"
nd_ok add --title "A办法" --issuer 某局
nd_ok list
# The status column starts at the same display column on every line (wc -L counts CJK as 2).
starts=$(while IFS= read -r line; do
  prefix=${line%%起草中*}
  [ "$prefix" != "$line" ] || prefix=${line%%状态*}
  printf '%s\n' "$prefix" | wc -L
done <"$dir/stdout" | sort -u | wc -l)
[ "$starts" = 1 ] || fail "status column not aligned: $(cat "$dir/stdout")"
[ "$(wc -l <"$dir/stdout")" = 3 ] || fail "expected a header and two rows"

TEST "edit records the change in the log"
add_draft "文化市场管理办法"
nd_ok edit 1 --title "文化市场暂行管理办法" --format json
expect_json '.trial' true
nd_ok log 1 --format json
expect_json '.[1].kind' edit
expect_json '.[1].payload.title.to' 文化市场暂行管理办法
nd edit 1 --title "文化市场暂行管理办法"
expect_exit 2

TEST "repeal and amend change status and link versions"
add_draft "旧办法" --doc-no "济示文旅〔2022〕1号"
nd_ok publish 1 --date 2022-05-01
add_draft "新办法" --doc-no "济示文旅〔2025〕2号"
nd_ok amend 1 --by "济示文旅〔2025〕2号" --date 2025-06-01 --format json
expect_json '.status' amended
expect_json '.superseded_by' 2
nd_ok show 2 --format json
expect_json '.amends' 1
add_draft "另一办法"
nd_ok publish 3 --date 2023-01-01
nd_ok repeal 3 --date 2024-01-01 --reason "上位法已废止" --format json
expect_json '.status' repealed
expect_json '.repeal_reason' 上位法已废止
nd_ok show 3 --as-of 2023-06-01 --format json
expect_json '.status' published

TEST "illegal transitions are errors that change nothing"
add_draft "草稿办法"
add_draft "已发布办法"
nd_ok publish 2 --date 2024-01-01
nd_ok repeal 2 --date 2024-06-01 --reason 过时
before=$(db_digest)
nd repeal 1 --date 2024-06-01 --reason 过时
expect_exit 3
expect_stderr_contains '尚未发布'
expect_one_line_error
nd publish 2 --date 2024-07-01
expect_exit 3
expect_stderr_contains '已于 2024-01-01 发布'
nd amend 1 --by 1 --date 2024-07-01
expect_exit 3
add_draft "另一已发布办法"
nd_ok publish 3 --date 2024-01-01
before=$(db_digest)
# The date named in Chinese by what it is the date of (was "date: date 2023-12-01 早于…").
nd repeal 3 --date 2023-12-01 --reason 过时
expect_exit 3
expect_stderr_contains 'date: 废止日期 2023-12-01 早于发布日期 2024-01-01'
expect_one_line_error
nd amend 3 --by 1 --date 2023-12-01
expect_exit 3
expect_stderr_contains '修改日期 2023-12-01 早于发布日期'
[ "$(db_digest)" = "$before" ] || fail "database changed"
[ ! -e "$NORMDOC_DB-wal" ] || [ ! -s "$NORMDOC_DB-wal" ] || fail "WAL left behind"

TEST "bad input: impossible date, malformed 文号, empty or undecodable text; a GBK text is converted"
nd add --title 办法 --issuer 某局 --doc-no "济示文旅2024-5"
expect_exit 3
expect_one_line_error
# The field the library names is said as the option that was typed.
expect_stderr_contains '--doc-no: “济示文旅2024-5”不是有效的文号'
expect_stderr_contains '济示文旅〔2024〕5号'
add_draft "办法"
nd publish 1 --date 2024-02-30
expect_exit 3
expect_stderr_contains '--date: 日期不存在：2024年2月没有30日'
printf '' >empty.txt
nd add --title 办法二 --issuer 某局 --text empty.txt
expect_exit 3
expect_stderr_contains 'empty.txt: 文件为空'
# A GBK text is read as import reads it; bytes that are neither UTF-8 nor GB18030 are refused.
printf '\xb5\xda\xd2\xbb\xcc\xf5\n' >gbk.txt
nd_ok add --title 办法三 --issuer 某局 --text gbk.txt
nd_ok show 2 --text
expect_stdout_contains 第一条
printf '\x80\x80\xff\n' >binary.txt
nd add --title 办法四 --issuer 某局 --text binary.txt
expect_exit 3
expect_stderr_contains 'binary.txt:1: 既不是 UTF-8 也不是 GB18030/GBK'
nd add --title 办法五 --issuer 某局 --text no-such-file.txt
expect_exit 3
nd_ok list --format json
expect_json 'length' 2

TEST "usage errors exit 2 with a hint"
nd add --issuer 某局
expect_exit 2
expect_stderr_contains 'normdoc: 错误：缺少标题'
nd publsh 1 --date 2024-01-01
expect_exit 2
expect_stderr_contains '是否想用 normdoc publish'
nd list --frobnicate
expect_exit 2
expect_stderr_contains 'normdoc list 没有选项“--frobnicate”'
nd publish 1
expect_exit 2
expect_stderr_contains '缺少必需的参数 --date'
nd
expect_exit 2
expect_stderr_contains 'normdoc 后面缺少子命令（init、add、show、list'

TEST "usage errors are said in Chinese with a suggestion at every level"
nd lsit
expect_exit 2
expect_one_line_error
expect_stderr_contains 'normdoc: 提示：是否想用 normdoc list？'
nd review lst
expect_exit 2
expect_stderr_contains 'normdoc review 没有子命令“lst”'
expect_stderr_contains '是否想用 normdoc review list？'
nd list csv --formt
expect_exit 2
expect_stderr_contains 'normdoc list 没有选项“--formt”'
expect_stderr_contains '是否想用 --format？'
nd publish 1 --dat 2024-01-01
expect_exit 2
expect_stderr_contains '是否想用 --date？'
nd review
expect_exit 2
expect_stderr_contains 'normdoc review 后面缺少子命令（start、answer'
expect_stderr_contains '运行 normdoc review --help 查看用法'
nd list --format
expect_exit 2
expect_stderr_contains '--format 后面缺少取值'
nd list --format jsn
expect_exit 2
expect_stderr_contains '--format 的取值“jsn”无效，可选：table、json、csv'
expect_stderr_contains '是否想用 json？'
nd list --year abc
expect_exit 2
expect_stderr_contains '--year 的取值“abc”无效，应在 1900 到 2199 之间'
nd add --title 甲 --issuer 乙 --validity 5y --expires 2030-01-01
expect_exit 2
expect_stderr_contains '--validity 与 --expires 不能同时使用'
nd show 1 2
expect_exit 2
expect_stderr_contains '多余的参数“2”'
nd --help
expect_exit 0
expect_stdout_contains '子命令'
nd --version
expect_exit 0

TEST "the same 文号 twice for one issuer is refused"
add_draft "甲办法" --doc-no "济示文旅〔2024〕5号"
nd add --title 乙办法 --issuer 济源示范区文化广电和旅游局 --doc-no "济示文旅[2024]5号"
expect_exit 3
expect_stderr_contains '已有文号为 济示文旅〔2024〕5号 的文件 #1'
nd_ok add --title 乙办法 --issuer 其他局 --doc-no "济示文旅[2024]5号"
nd show "济示文旅〔2024〕5号"
expect_exit 3
expect_stderr_contains '对应多个文件'

TEST "an empty listing prints nothing as a table, an empty array as JSON, a header as CSV"
nd_ok list --status published
expect_stdout_empty
nd_ok list --status published --format json
expect_json 'length' 0
nd_ok list --status published --format csv
[ "$(wc -l <"$dir/stdout")" = 1 ] || fail "CSV header missing"

TEST "tables fit the terminal width (--wide shows all); long output goes through the pager on a terminal"
title=济源示范区关于进一步规范文化市场经营行为维护公平竞争秩序促进文化产业高质量发展的若干规定
add_draft "$title"
COLUMNS=80 nd_ok list
expect_stdout_contains '济源示范区'
expect_stdout_contains '…'
! grep -qF "$title" "$dir/stdout" || fail "the title was not shortened to 80 columns"
[ "$(wc -L <"$dir/stdout")" -le 80 ] || fail "a line is wider than 80 columns: $(cat "$dir/stdout")"
# Columns an officer can spare go before the title is cut to a few characters.
expect_stdout_contains '济源示范区关于进一步规范文化'
! grep -q '登记编号\|制定机关' "$dir/stdout" || fail "登记编号/制定机关 kept on 80 columns: $(head -1 "$dir/stdout")"
expect_stdout_contains '有效期至'
COLUMNS=80 nd_ok list --wide
expect_stdout_contains "$title"
expect_stdout_contains '登记编号'
nd_ok review start 1 --checklist legality
COLUMNS=80 nd_ok review list
expect_stdout_contains "R1"
[ "$(wc -L <"$dir/stdout")" -le 80 ] || fail "review list wider than 80 columns: $(cat "$dir/stdout")"
nd_ok list  # not a terminal and no COLUMNS: scripts get everything
expect_stdout_contains "$title"
if command -v script >/dev/null; then
  LINES=1 NORMDOC_PAGER='sed s/^/翻页：/' script -qec "$NORMDOC list" /dev/null >paged.txt </dev/null
  grep -q '^翻页：编号' paged.txt || fail "long output on a terminal did not go through NORMDOC_PAGER: $(head -3 paged.txt)"
  LINES=1 NORMDOC_PAGER='sed s/^/翻页：/' script -qec "$NORMDOC list --no-pager" /dev/null >paged.txt </dev/null
  ! grep -q '翻页：' paged.txt || fail "--no-pager still paged"
  LINES=50 NORMDOC_PAGER='sed s/^/翻页：/' script -qec "$NORMDOC list" /dev/null >paged.txt </dev/null
  ! grep -q '翻页：' paged.txt || fail "output shorter than the screen was paged"
fi
