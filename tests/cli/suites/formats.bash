# SPDX-License-Identifier: MIT
# Every format an office keeps: PDF (text layer, and scans read by OCR), OFD, .doc and .wps
# (through LibreOffice), .docx, HTML and text, in import, check and add --text; every file
# of a folder either read or reported. TESTS_SKIP_HEAVY=1 (the sanitizer build) leaves out
# the LibreOffice and OCR cases, which run in the main build.

files=$NORMDOC_SOURCE_DIR/tests/files
heavy=1
if [ -n "${TESTS_SKIP_HEAVY:-}" ]; then
  heavy=0
else
  # Both are checked (and reported) before the cases that need them are left out.
  tool_missing soffice libreoffice-writer-nogui && heavy=0
  # normdoc reads scans with libtesseract: the Chinese model is what it needs, not the program.
  chi_sim=$(find /usr/share/tesseract-ocr -name chi_sim.traineddata -print -quit 2>/dev/null)
  tool_missing "${chi_sim:-/usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata}" tesseract-ocr-chi-sim && heavy=0
fi

# A folder with one file of each format, and a photo that is not a document.
make_folder() {
  mkdir 文件夹
  cp "$files/罚款限额规定.pdf" "$files/路桥区卫生局批复.ofd" 文件夹/
  cp "$NORMDOC_SOURCE_DIR/tests/fuzz/corpus/docx/minimal.docx" 文件夹/管理办法.docx
  cp "$examples/imports/notice.txt" 文件夹/通知.txt
  printf '<html><head><meta charset="utf-8"></head><body><p>关于加强某某管理的通知</p><p>各有关单位：</p></body></html>\n' >文件夹/网页.html
  printf '\xff\xd8\xff\xe0 not really a photo' >文件夹/照片.jpg
  if [ "$heavy" = 1 ]; then
    cp "$files/罚款限额规定.doc" 文件夹/
    cp "$files/罚款限额规定.doc" 文件夹/罚款限额规定-wps.wps
    cp "$files/罚款限额规定-扫描件.pdf" 文件夹/
  fi
}

TEST "import of a folder: every supported format read, the photo reported, exit 3"
make_folder
nd import 文件夹 --issuer 某局 --format json
expect_exit 3
expect_json '[.[] | select(.status == "error") | .file] | join(",")' "文件夹/照片.jpg"
expect_json '[.[] | select(.status == "error") | .error] | .[0] | contains("不支持的文件类型")' true
expect_json '[.[] | select(.file | endswith(".pdf")) | select(.ocr_pages == 0) | .format] | .[0]' pdf
expect_json '[.[] | select(.format == "ofd") | .title.value] | .[0]' 关于同意张阿三同志辞职的批复
expect_json '[.[] | select(.format == "ofd") | .doc_no.value] | .[0]' 路卫发〔2011〕76号
expect_stderr_contains "按格式："
if [ "$heavy" = 1 ]; then
  expect_json '[.[] | select(.status == "added" or .status == "duplicate")] | length' 8
  # The .doc and the .wps hold the PDF's text: read through LibreOffice, they are one text.
  expect_json '[.[] | select(.format == "doc") | .status] | sort | join(",")' "added,duplicate"
  expect_json '[.[] | select(.ocr_pages > 0) | .encoding] | join(",")' ocr
  expect_json '[.[] | select(.ocr_pages > 0) | .ocr_confidence > 50] | .[0]' true
  expect_stderr_contains "文字识别1份，须与原件核对"
  ocr=$(jq -r '.[] | select(.ocr_pages > 0) | .document' "$dir/stdout")
  nd_ok show "$ocr" --text
  expect_stdout_contains "罚款的限额"
else
  expect_json '[.[] | select(.status == "added")] | length' 5
fi

TEST "check screens every file of the same folder and reports the photo"
make_folder
nd check 文件夹 --checklist legality --fail-on never
expect_exit 3
expect_stderr_contains "照片.jpg: 不支持的文件类型"
expected=5
[ "$heavy" = 1 ] && expected=8
expect_stdout_contains "检查了${expected}个文件"
expect_stdout_contains "1个文件无法读取"

TEST "add --text and check take a PDF and an OFD; a false PDF is refused in one line"
nd_ok add --title 罚款限额规定 --issuer 河南省人大常委会 --text "$files/罚款限额规定.pdf"
nd_ok show 1 --text
expect_stdout_contains "第五条 本规定自2016年5月1日起施行。"
nd_ok check "$files/路桥区卫生局批复.ofd"
printf '这不是 PDF\n' >假的.pdf
nd check 假的.pdf
expect_exit 3
expect_one_line_error
expect_stderr_contains "假的.pdf: 不是有效的 PDF 文件"
nd add --title x --issuer y --text 假的.pdf
expect_exit 3
[ "$(db_sql 'SELECT count(*) FROM document')" = 1 ] || fail "a document was added from a false PDF"

TEST "a .doc without LibreOffice: a clear per-file error naming the package, the rest imported"
mkdir 旧文件
cp "$files/罚款限额规定.doc" "$examples/imports/notice.txt" 旧文件/
PATH=/nonexistent nd import 旧文件 --format json
expect_exit 3
expect_json '[.[] | select(.status == "error") | .error | contains("libreoffice-writer-nogui")] | .[0]' true
expect_json '[.[] | select(.status == "added")] | length' 1

TEST "the readers module is loaded only to read HTML, .docx or OFD; without it, a per-file error naming it"
printf '<html><body><p>关于某某的通知</p></body></html>\n' >通知.html
nd_ok add --title 关于某某的办法 --issuer 某局
# A command that reads no such file loads neither the module nor libxml2, libzip or libcrypto.
LD_DEBUG=files "$NORMDOC" show 1 >/dev/null 2>loaded.txt || fail "show 1 failed"
grep -q 'file=libsqlite3' loaded.txt || fail "LD_DEBUG=files lists no libraries"
# libpq, loaded for a server registry, brings libcrypto (TLS) with it.
forbidden='libxml2|libzip|libcrypto|[^ ]*normdoc-readers'
on_postgresql && forbidden='libxml2|libzip|[^ ]*normdoc-readers'
grep -qE "file=($forbidden)" loaded.txt && fail "show 1 loaded: $(grep -oE 'file=[^ ]+' loaded.txt | sort -u | tr '\n' ' ')"
LD_DEBUG=files "$NORMDOC" check 通知.html >/dev/null 2>loaded.txt
grep -qE 'file=[^ ]*normdoc-readers.so' loaded.txt || fail "check of an HTML file did not load the readers module"
NORMDOC_READERS=$dir/nowhere.so nd import 通知.html "$examples/imports/notice.txt" --format json
expect_exit 3
expect_json '[.[] | select(.status == "error") | .error | contains("nowhere.so")] | .[0]' true
expect_json '[.[] | select(.status == "added")] | length' 1

if [ "$heavy" = 1 ]; then
  TEST "--no-ocr: a scan is reported as such, not read, and the rest imported"
  mkdir 扫描
  cp "$files/罚款限额规定-扫描件.pdf" "$files/罚款限额规定.pdf" 扫描/
  nd import 扫描 --no-ocr --format json
  expect_exit 3
  expect_json '[.[] | select(.status == "error") | .error | contains("扫描图像")] | .[0]' true
  expect_json '[.[] | select(.status == "added")] | length' 1
fi
