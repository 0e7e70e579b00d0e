# SPDX-License-Identifier: MIT
# Word output (--format docx): the 合法性审核意见书, the 公平竞争审查表, the 备案报告, the
# 现行有效目录 and the cleanup lists as .docx packages — unzipped, every XML part parsed, the
# content and the page checked, and (unless TESTS_SKIP_HEAVY) each converted to PDF by
# LibreOffice as a reader would open it.

draft=$examples/drafts/planted-violations.txt
python_ok=1
tool_missing python3 python3 && python_ok=0
heavy=1
if [ -n "${TESTS_SKIP_HEAVY:-}" ]; then
  heavy=0
else
  tool_missing soffice libreoffice-writer-nogui && heavy=0
fi

office_config() {
  cat >normdoc.toml <<'TOML'
[office]
name = "济源示范区司法局"
code = "JYSF"
[filing]
bodies = ["示范区管委会"]
TOML
}

# check_docx FILE: FILE is a zip whose parts are all well-formed XML, with the parts a Word
# reader needs; writes the body's text (paragraphs and table cells, one a line) to FILE.txt
# and facts about the layout to FILE.facts.
check_docx() {
  [ -s "$1" ] || { fail "$1 is missing or empty"; return; }
  [ "$python_ok" = 1 ] || return 0
  python3 - "$1" >"$dir/docx-check" 2>&1 <<'PY' || fail "$1: $(head -c 400 "$dir/docx-check")"
import sys, zipfile, xml.dom.minidom as minidom
path = sys.argv[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
with zipfile.ZipFile(path) as z:
    names = z.namelist()
    for need in ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                 "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"):
        if need not in names:
            sys.exit(f"part {need} missing")
    parts = {}
    for name in names:
        info = z.getinfo(name)
        if info.date_time != (1980, 1, 1, 0, 0, 0):
            sys.exit(f"{name} dated {info.date_time}")
        parts[name] = minidom.parseString(z.read(name))  # raises on malformed XML
doc = parts["word/document.xml"]
lines = []
for p in doc.getElementsByTagNameNS(W, "p"):
    lines.append("".join(t.firstChild.data if t.firstChild else "" for t in p.getElementsByTagNameNS(W, "t")))
open(path + ".txt", "w").write("\n".join(lines) + "\n")
size = doc.getElementsByTagNameNS(W, "pgSz")[0]
margin = doc.getElementsByTagNameNS(W, "pgMar")[0]
facts = [f"page {size.getAttributeNS(W, 'w')}x{size.getAttributeNS(W, 'h')}",
         "margins " + " ".join(margin.getAttributeNS(W, k) for k in ("top", "bottom", "left", "right")),
         f"tables {len(doc.getElementsByTagNameNS(W, 'tbl'))}",
         f"header-rows {len(doc.getElementsByTagNameNS(W, 'tblHeader'))}"]
styles = parts["word/styles.xml"]
for style in styles.getElementsByTagNameNS(W, "style"):
    fonts = style.getElementsByTagNameNS(W, "rFonts")
    if fonts:
        facts.append(f"style {style.getAttributeNS(W, 'styleId')} {fonts[0].getAttributeNS(W, 'eastAsia')}")
default = styles.getElementsByTagNameNS(W, "rPrDefault")[0].getElementsByTagNameNS(W, "rFonts")[0]
facts.append(f"style default {default.getAttributeNS(W, 'eastAsia')}")
open(path + ".facts", "w").write("\n".join(facts) + "\n")
PY
}

expect_docx_text() {
  [ "$python_ok" = 1 ] || return 0
  grep -qF -- "$2" "$1.txt" || fail "$1 lacks: $2"
}

expect_docx_fact() {
  [ "$python_ok" = 1 ] || return 0
  grep -qxF -- "$2" "$1.facts" || fail "$1: expected '$2', got: $(tr '\n' ';' <"$1.facts")"
}

# keep_for_pdf FILE…: kept for the last test, which has LibreOffice open them all in one run
# (one start of soffice, not one per test).
forms=$root/forms
mkdir -p "$forms"
keep_for_pdf() {
  local file
  for file in "$@"; do cp "$file" "$forms/$((passed + failed + 1))-$file"; done
}

# A document with a legality review concluded 应当予以修改 (L4 failed) and an open fair-competition review.
build_reviews() {
  office_config
  nd_ok add --title "关于支持文化旅游产业发展的若干措施" --doc-no "济示文旅〔2026〕5号" --issuer 济源示范区文化广电和旅游局 \
    --text "$draft"
  nd_ok review start 1 --checklist legality --received 2026-11-02
  nd_ok review show R1 --format json
  jq -r '.items[].id | select(. != "L4")' "$dir/stdout" | while read -r item; do printf '%s = "pass"\n' "$item"; done >answers.toml
  printf '[L4]\nanswer = "fail"\nnote = "第五条设定审核同意前置"\n' >>answers.toml
  nd_ok review answer R1 --file answers.toml
  nd_ok review conclude R1 --result revise --date 2026-11-16 --opinion "删除第五条 & 按程序印发 <附件>"
  nd_ok review start 1 --checklist fair-competition --received 2026-11-02
}

TEST "review show --format docx: the 意见书 with 审核机构, signature and seal lines, an A4 page with GB/T 9704 margins"
build_reviews
nd_ok review show R1 --format docx --output opinion.docx
expect_stdout_empty
check_docx opinion.docx
expect_docx_text opinion.docx "合法性审核意见书"
expect_docx_text opinion.docx "审核机构：济源示范区司法局"
expect_docx_text opinion.docx "关于支持文化旅游产业发展的若干措施"
expect_docx_text opinion.docx "济示文旅〔2026〕5号"
expect_docx_text opinion.docx "审核人（签名）：＿＿＿＿＿＿＿＿"
expect_docx_text opinion.docx "审核机构（盖章）：济源示范区司法局"
expect_docx_text opinion.docx "2026年11月16日"
# The opinion's & and <> reach the reader as written (escaped in the XML, parsed back).
expect_docx_text opinion.docx "删除第五条 & 按程序印发 <附件>"
# A concluded record says what became of each finding, never 待核实: checked, with the answer
# given to its item (L4 was answered 不通过).
expect_docx_text opinion.docx "已核实，L4 不通过"
[ "$python_ok" = 1 ] && grep -q "待核实" opinion.docx.txt && fail "a concluded opinion still says 待核实"
[ "$python_ok" = 1 ] && grep -q "审查" opinion.docx.txt && fail "a legality opinion says 审查: $(grep 审查 opinion.docx.txt | head -2)"
expect_docx_fact opinion.docx "page 11906x16838"
expect_docx_fact opinion.docx "margins 2098 1984 1587 1474"
expect_docx_fact opinion.docx "style default 仿宋_GB2312"
expect_docx_fact opinion.docx "style Title 方正小标宋简体"
expect_docx_fact opinion.docx "style Heading1 黑体"
expect_docx_fact opinion.docx "style Heading2 楷体_GB2312"
# The items and the findings tables, each with a header row repeated on every page.
expect_docx_fact opinion.docx "tables 2"
expect_docx_fact opinion.docx "header-rows 2"
# The same content as the other printed forms.
nd_ok review show R1 --format md
expect_stdout_contains "审核机构（盖章）：济源示范区司法局"
# Deterministic: the same review gives the same bytes, whatever the clock says.
NORMDOC_TODAY=2027-03-01 nd_ok review show R1 --format docx --output again.docx
cmp -s opinion.docx again.docx || fail "two renderings of R1 differ"
# To a pipe (not a terminal) the bytes go to standard output.
nd_ok review show R1 --format docx
cmp -s "$dir/stdout" opinion.docx || fail "stdout differs from --output"

TEST "review show --format docx: the 公平竞争审查表 in the rows of the official form"
build_reviews
nd_ok review show R2 --format docx -o form.docx
check_docx form.docx
expect_docx_text form.docx "公平竞争审查表"
for row in 政策措施名称 涉及行业领域 性质 起草单位 审查机构 征求意见情况 审查结论 适用例外规定 其他需要说明的情况; do
  expect_docx_text form.docx "$row"
done
expect_docx_text form.docx "《关于支持文化旅游产业发展的若干措施》（济示文旅〔2026〕5号）"
expect_docx_text form.docx "审查机构（盖章）：济源示范区司法局"
expect_docx_text form.docx "尚未作出"
expect_docx_text form.docx "待核实"
# Two form tables around the standards and the findings (those two with repeating headers).
expect_docx_fact form.docx "tables 4"
expect_docx_fact form.docx "header-rows 2"

TEST "report filing, report catalog and cleanup report as .docx"
office_config
nd_ok add --title "文化市场管理办法" --doc-no "济示文旅〔2026〕1号" --published 2026-03-01 --override-gate --reason 使用前印发
nd_ok add --title "旅游景区管理办法" --published 2026-04-01 --override-gate --reason 使用前印发
nd_ok file 1 --to 示范区管委会 --date 2026-03-20
nd_ok report filing --year 2026 --format docx --output filing.docx
check_docx filing.docx
expect_docx_text filing.docx "2026年规范性文件备案报告"
expect_docx_text filing.docx "报送材料"
expect_docx_text filing.docx "备案报告、正式文本"
expect_docx_text filing.docx "未报送备案"
expect_docx_text filing.docx "济示文旅〔2026〕1号"
expect_docx_fact filing.docx "header-rows 2"
nd_ok report filing --year 2026 --format md
expect_stdout_contains "## 二、报送备案的文件及材料"
# The same report as a print-ready page (item 2): both tables with a header row to repeat.
nd_ok report filing --year 2026 --format html
expect_stdout_contains "<h2>二、报送备案的文件及材料</h2>"
expect_stdout_contains "<td>未报送备案</td>"
[ "$(grep -c '<thead>' "$dir/stdout")" = 2 ] || fail "report filing html: expected two <thead>"
expect_stdout_contains "@page"
nd_ok report catalog --as-of 2026-12-01 --format docx --output catalog.docx
check_docx catalog.docx
expect_docx_text catalog.docx "现行有效规范性文件目录"
expect_docx_text catalog.docx "旅游景区管理办法"
nd_ok cleanup open 全面清理 --date 2026-06-01
nd_ok cleanup decide 全面清理 1 keep
nd_ok cleanup decide 全面清理 2 repeal --reason 已被新办法取代
nd_ok cleanup close 全面清理 --date 2026-07-01
nd_ok cleanup report 全面清理 --format docx --output cleanup.docx
check_docx cleanup.docx
expect_docx_text cleanup.docx "全面清理结果"
expect_docx_text cleanup.docx "已被新办法取代"
expect_docx_fact cleanup.docx "tables 2"
keep_for_pdf filing.docx catalog.docx cleanup.docx

TEST "a title with XML specials and control characters still makes a well-formed .docx"
build_reviews
nd_ok add --title $'A&B<C>"引号"\x01\x1b办法' --published 2026-05-01 --override-gate --reason 使用前印发
nd_ok report catalog --as-of 2026-12-01 --format docx --output odd.docx
check_docx odd.docx
expect_docx_text odd.docx 'A&B<C>"引号"'
nd_ok review show R1 --format docx --output opinion.docx
nd_ok review show R2 --format docx --output form.docx
keep_for_pdf opinion.docx form.docx odd.docx

TEST "a .docx is refused on a terminal and an unwritable --output leaves nothing behind"
build_reviews
if ! tool_missing script bsdutils; then
  script -qec "$NORMDOC review show R1 --format docx" /dev/null >tty.out 2>&1
  status=$?
  [ "$status" = 2 ] || fail "docx to a terminal: expected exit 2, got $status"
  grep -qF "不能输出到终端" tty.out || fail "no terminal refusal: $(head -c 200 tty.out)"
fi
nd review show R1 --format docx --output missing-dir/opinion.docx
expect_exit 3
expect_one_line_error
expect_stderr_contains "missing-dir/opinion.docx"
[ -z "$(find . -name '*.partial*' -o -name 'opinion.docx')" ] || fail "a partial file was left: $(find . -name '*.partial*')"
# Other formats take --output too.
nd_ok review show R1 --format md --output opinion.md
grep -qF "# 合法性审核意见书" opinion.md || fail "--output did not get the Markdown"

TEST "LibreOffice opens every .docx above and converts it to PDF"
if [ "$heavy" = 1 ]; then
  [ "$(find "$forms" -name '*.docx' | wc -l)" = 6 ] || fail "expected 6 forms, got $(ls "$forms")"
  timeout 120 soffice --headless "-env:UserInstallation=file://$dir/lo-profile" --convert-to pdf --outdir "$dir/pdf" \
    "$forms"/*.docx >soffice.log 2>&1 || fail "soffice failed: $(head -c 300 soffice.log)"
  for file in "$forms"/*.docx; do
    file=${file##*/}
    [ -s "pdf/${file%.docx}.pdf" ] || fail "no PDF from $file: $(head -c 300 soffice.log)"
  done
fi
