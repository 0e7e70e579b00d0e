# SPDX-License-Identifier: MIT
# Post-evaluation, cleanup campaigns, the higher-law register, point-in-time listings and the
# catalogue and statistics reports.

corpus=$NORMDOC_SOURCE_DIR/../shared/corpus

# Four documents in force from two issuers, and a draft, as of 2026; $validity (default 5y).
seed() {
  local period=${validity:-5y}
  printf '第一条 根据《中华人民共和国旅游法》《河南省旅游条例》等法律、法规，制定本办法。\n' >tourism.txt
  printf '第一条 依据《中华人民共和国旅游法》，制定本规定。\n' >scenic.txt
  printf '第一条 根据《中华人民共和国预算法》，制定本办法。\n' >fund.txt
  nd_ok add --title 旅游市场管理办法 --issuer 甲局 --text tourism.txt --validity "$period" --published 2023-03-01   # 1
  nd_ok add --title 景区管理规定 --issuer 甲局 --text scenic.txt --validity "$period" --published 2023-05-01        # 2
  nd_ok add --title 专项资金管理办法 --issuer 乙局 --text fund.txt --validity "$period" --published 2024-02-01      # 3
  nd_ok add --title 夜间经济措施 --issuer 乙局 --validity "$period" --published 2024-06-01                          # 4
  nd_ok add --title 草案 --issuer 甲局                                                          # 5
}

statuses() { # statuses AS_OF: "id=status …" of every document
  nd_ok list --as-of "$1" --format json
  jq -r '[.[] | "\(.id)=\(.status)"] | join(" ")' "$dir/stdout"
}

TEST "a cleanup campaign: scope, decisions by hand and from CSV, one close, the four lists"
seed
nd_ok cleanup open 2026年度清理 --scope issuer=甲局 --date 2026-06-01 --format json
expect_json '.documents' 2
expect_json '.scope' issuer=甲局
nd_ok cleanup status 2026年度清理
expect_stdout_contains '（范围：制定机关为甲局的现行文件；'
nd_ok cleanup open 全面清理 --date 2026-06-01 --format json
expect_json '.documents' 4
nd_ok cleanup decide 全面清理 1 keep
nd_ok cleanup decide 全面清理 2 amend --reason 第五条与上位法不一致
# An officer's file has Chinese headings and decisions; a script's has English ones.
printf '文件,决定,理由\n3,废止,资金已整合\n' >决定.csv
nd_ok cleanup import 全面清理 决定.csv
printf 'ref,decision,reason\n4,invalidate,阶段性任务已完成\n' >decisions.csv
nd_ok cleanup import 全面清理 decisions.csv
nd_ok cleanup status 全面清理 --format json
expect_json '.decided' 4
expect_json '.decisions.invalidate' 1
nd_ok cleanup close 全面清理 --date 2026-07-01
nd_ok log
expect_stdout_contains '清理决定  清理：全面清理；决定：修改；理由：第五条与上位法不一致'
! grep -q '"decision"' "$dir/stdout" || fail "log's table shows raw JSON: $(grep -m1 decision "$dir/stdout")"
nd_ok log --format json
expect_json '[.[] | select(.kind == "cleanup-decide")][1].payload.decision' amend
[ "$(statuses 2026-07-02)" = "1=published 2=published 3=repealed 4=invalidated 5=draft" ] ||
  fail "statuses after close: $(statuses 2026-07-02)"
[ "$(statuses 2026-06-30)" = "1=published 2=published 3=published 4=published 5=draft" ] ||
  fail "statuses before close: $(statuses 2026-06-30)"
nd_ok cleanup report 全面清理 --format json
expect_json '[.keep[].id, .amend[].id, .repeal[].id, .invalidate[].id] | map(tostring) | join(",")' 1,2,3,4
expect_json '.amend[0].cleanup_reason' 第五条与上位法不一致
nd_ok cleanup report 全面清理 --format md
expect_stdout_contains "## 四、宣布失效的规范性文件目录（1件）"
expect_stdout_contains "- **清理范围**：全部现行文件"
nd_ok cleanup report 全面清理 --format html
expect_html_well_formed
# The four lists are four catalogues: each after the first begins a new printed page.
[ "$(grep -c '^<div class="page-break"></div>$' "$dir/stdout")" = 3 ] || fail "the four lists are not on pages of their own"
grep -A1 '^<div class="page-break"></div>$' "$dir/stdout" | grep -q '^<h2>二、' || fail "a page break is not before a list"
nd_ok cleanup report 全面清理 --format csv
[ "$(wc -l <"$dir/stdout")" = 5 ] || fail "the CSV report should have a header and four rows"
expect_stdout_contains '决定,序号,标题,文号,登记编号,制定机关,发布日期,施行日期,有效期至,理由'
expect_stdout_contains '宣布失效,1,'
nd_ok cleanup report 全面清理 --format csv --header en
expect_stdout_contains 'decision,number,title,doc_no,reg_no,issuer,published,effective,expires,reason'
expect_stdout_contains 'invalidate,1,'
nd cleanup decide 全面清理 1 repeal --reason 晚了
expect_exit 3
expect_one_line_error

TEST "a bad CSV row leaves the database unchanged; GBK files are read"
seed
nd_ok cleanup open 清理 --date 2026-06-01
before=$(db_digest)
printf 'ref,decision,reason\n1,keep,\n2,abolish,理由\n' >bad.csv
nd cleanup import 清理 bad.csv
expect_exit 3
expect_one_line_error
expect_stderr_contains "bad.csv:3"
printf 'ref,decision,reason\n1,keep,\n5,repeal,草案不在范围\n' >outside.csv
nd cleanup import 清理 outside.csv
expect_exit 3
expect_stderr_contains "outside.csv:3"
printf 'ref,decision,reason\n"1,keep\n' >quote.csv
nd cleanup import 清理 quote.csv
expect_exit 3
[ "$(db_digest)" = "$before" ] || fail "a rejected file changed the database"
printf 'ref,decision,reason\n3,repeal,资金已整合\n' | iconv -f UTF-8 -t GB18030 >gbk.csv
nd_ok cleanup import 清理 gbk.csv
nd_ok cleanup status 清理 --format json
expect_json '.items[] | select(.document == 3) | .reason' 资金已整合
nd cleanup close 清理
expect_exit 3
expect_stderr_contains "--allow-undecided"
nd_ok cleanup close 清理 --allow-undecided --date 2026-07-01
[ "$(statuses 2026-07-02)" = "1=published 2=published 3=repealed 4=published 5=draft" ] ||
  fail "statuses: $(statuses 2026-07-02)"

TEST "the national catalogue, then one cited law repealed: exactly the citing documents are flagged"
if [ ! -f "$corpus/national-laws.csv" ]; then
  echo "  (skipped: $corpus/national-laws.csv not found)"
else
  # In force on any day this test runs: the reminder is counted from today.
  validity=50y seed
  # An empty register: nothing in a table (cron stays silent), an empty array in JSON.
  nd_ok basis list
  expect_stdout_empty
  nd_ok basis list --format json
  expect_json 'length' 0
  nd_ok basis import "$corpus/national-laws.csv" --format json
  expect_json '.added > 900' true
  nd_ok list --basis-changed --format json
  expect_json 'length' 0
  nd_ok basis change 中华人民共和国旅游法 --repealed 2026-01-01
  expect_stdout_contains "2件"
  # The register: only the laws the documents cite (预算法 and 旅游法; 河南省旅游条例 is no
  # national law), the one changed by hand, as a table, JSON and CSV.
  nd_ok basis list --cited --format json
  expect_json '[.[].name] | join(",")' 旅游法,预算法
  expect_json '.[0].cited_by' 2
  expect_json '.[0].repealed' true
  expect_json '.[0].last_change.kind' repealed
  expect_json '.[0].last_change.source' manual
  expect_json '.[1].last_change' null
  jq '.[0]' "$dir/stdout" >law.json
  expect_schema law.schema.json law.json
  nd_ok basis list --changed
  expect_stdout_contains "旅游法"
  expect_stdout_contains "已废止"
  expect_stdout_contains "废止（2026-01-01）"
  [ "$(wc -l <"$dir/stdout")" -eq 2 ] || fail "basis list --changed: $(cat "$dir/stdout")"
  nd_ok basis list --cited --changed --format csv --header en
  expect_stdout_contains "name,level,category,published,valid_from,repealed,cited_by,last_change,last_change_date"
  expect_stdout_contains ",true,2,repealed,2026-01-01"
  nd_ok list --basis-changed --format json
  expect_json '[.[].id] | map(tostring) | join(",")' 1,2
  # Due within the configured 3 months of when the change was recorded (today).
  nd_ok due --kind basis --within 4m --format json
  expect_json '[.[].document] | map(tostring) | join(",")' 1,2
  expect_json '.[0].what | contains("旅游法")' true
  nd_ok evaluate 1 --outcome continue --date 2026-02-10 --reason 已按新法评估
  nd_ok list --basis-changed --format json
  expect_json '[.[].id] | map(tostring) | join(",")' 2
  # Importing the same catalogue again records no change.
  nd_ok basis import "$corpus/national-laws.csv" --format json
  expect_json '.changes | length' 0
fi

TEST "post-evaluation: continue renews, amend links, repeal ends; listings answer for any date"
seed
nd_ok evaluate 1 --outcome continue --date 2026-06-01 --validity 3y --format json
expect_json '.new_expires' 2029-05-31
expect_json '.previous_expires' 2028-02-29
nd_ok add --title 景区管理规定（修订） --issuer 甲局 --published 2026-09-01
nd_ok evaluate 2 --outcome amend --by 6 --date 2026-09-01 --format json
expect_json '.replacement' 6
nd evaluate 3 --outcome repeal --date 2026-10-01
expect_exit 3
expect_stderr_contains "--reason"
nd_ok evaluate 3 --outcome repeal --date 2026-10-01 --reason 资金政策到期
nd evaluate 4 --outcome continue --date 2026-10-01 --by 1
expect_exit 2
[ "$(statuses 2026-08-31)" = "1=published 2=published 3=published 4=published 5=draft 6=scheduled" ] ||
  fail "2026-08-31: $(statuses 2026-08-31)"
[ "$(statuses 2026-10-02)" = "1=published 2=amended 3=repealed 4=published 5=draft 6=published" ] ||
  fail "2026-10-02: $(statuses 2026-10-02)"
nd_ok show 3 --as-of 2026-09-30 --format json
expect_json '.status' published
nd_ok list --in-force --as-of 2026-10-02 --format json
expect_json '[.[].id] | map(tostring) | join(",")' 1,4,6
nd_ok log 1 --format json
expect_json '[.[].kind] | join(",")' add,publish,renew,evaluate

TEST "report catalog: in force on the date, grouped by issuer; the html stands alone"
seed
nd_ok repeal 3 --date 2025-01-01 --reason 废止
nd_ok report catalog --as-of 2025-06-01 --format json
expect_json '[.[].id] | map(tostring) | join(",")' 1,2,4
nd_ok report catalog --as-of 2024-03-01 --format json
expect_json '[.[].id] | map(tostring) | join(",")' 1,2,3
nd_ok report catalog --as-of 2025-06-01 --format md
expect_stdout_contains "## 甲局（2件）"
expect_stdout_contains "## 乙局（1件）"
nd_ok report catalog --as-of 2025-06-01 --format html
expect_stdout_contains "<!DOCTYPE html>"
expect_stdout_contains "现行有效规范性文件目录（截至2025年6月1日）"
grep -Eq '(src|href)=' "$dir/stdout" && fail "the html page loads something from elsewhere"
expect_html_well_formed
nd_ok report catalog --as-of 2025-06-01 --format csv --bom
head -c 3 "$dir/stdout" | od -An -tx1 | grep -q "ef bb bf" || fail "no BOM"

TEST "report stats: issued per issuer and month, evaluations, cleanups"
seed
nd_ok evaluate 3 --outcome repeal --date 2024-10-01 --reason 到期
nd_ok report stats --year 2024 --format json
expect_json '.issued["乙局"] | map(tostring) | join(",")' 0,1,0,0,0,1,0,0,0,0,0,0
expect_json '.issued_total' 2
expect_json '.evaluations.repeal' 1
nd_ok report stats --year 2024
expect_stdout_contains "发文数量（共2件）"

TEST "report stats --format html draws its figures as SVG bar charts: by month and issuer, on-time filing by year, conclusions, expiring soon"
seed
export NORMDOC_TODAY=2028-01-10
nd_ok file 1 --to 示范区管委会 --date 2023-03-20
nd_ok report stats --year 2024
expect_stdout_contains "五、按时备案率（按年）"
grep -qE '^ *2023 +2 +1 +50\.0%$' "$dir/stdout" || fail "2023: 2 published, 1 filed on time, 50.0%"
grep -qE '^ *2020 +0 +0 +—$' "$dir/stdout" || fail "a year without documents has no rate"
grep -qE '^ *2028年2月 +1$' "$dir/stdout" || fail "the document published 2023-03-01 for 5 years ends in February 2028"
grep -qE '^ *2028年4月 +1$' "$dir/stdout" || fail "the second document ends in April 2028"
nd_ok report stats --year 2024 --format html
expect_html_well_formed
[ "$(grep -c '^<svg ' "$dir/stdout")" = 4 ] || fail "four charts expected"
grep -Eq '<script|(src|href)=' "$dir/stdout" && fail "the charts load or run something"
expect_stdout_contains '<title>6月 乙局：1</title>'
expect_stdout_contains '>50.0%</text>'
nd_ok report stats --year 2024 --format md
grep -q '<svg' "$dir/stdout" && fail "Markdown carries the SVG (its tables give the figures)"
nd_ok report stats --year 2024 --format json
expect_json 'has("expiring")' false
