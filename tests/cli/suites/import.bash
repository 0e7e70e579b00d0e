# SPDX-License-Identifier: MIT
# normdoc import: text, GB18030, HTML and .docx; metadata extraction; duplicates; overrides;
# per-file errors; the Henan corpus.

corpus=$NORMDOC_SOURCE_DIR/../shared/corpus/henan-local-regulations

write_notice() { # write_notice FILE: a 印发 notice as offices write it
  cp "$examples/imports/notice.txt" "$1"
}

# A minimal .docx of the lines of a text file, made with zip(1).
make_docx() { # make_docx TEXT DOCX
  local work
  work=$(mktemp -d)
  mkdir -p "$work/word" "$work/_rels"
  cat >"$work/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
XML
  cat >"$work/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
XML
  {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    while IFS= read -r line; do
      printf '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' "$(printf '%s' "$line" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g')"
    done <"$1"
    printf '</w:body></w:document>\n'
  } >"$work/word/document.xml"
  (cd "$work" && zip -q -X -r "$OLDPWD/$2" '[Content_Types].xml' _rels word)
  rm -rf "$work"
}

TEST "a notice as UTF-8, GB18030, HTML and .docx gives the same metadata"
if ! tool_missing zip zip; then
  mkdir in
  write_notice in/notice.txt
  iconv -f UTF-8 -t GB18030 in/notice.txt >in/notice-gbk.txt
  { printf '<html><head><meta charset="utf-8"><style>p{}</style></head><body>'
    sed -e 's|.*|<p>&</p>|' in/notice.txt
    printf '</body></html>\n'; } >in/notice.html
  make_docx in/notice.txt in/notice.docx
  nd_ok import in --dry-run --format json
  expect_json 'length' 4
  # In name order: the GB18030 copy and the UTF-8 file decode to the very same text, and so does
  # the .docx (its empty paragraphs are the text's blank lines); the HTML page drops its empty
  # blocks: the second of each pair is a duplicate within the batch.
  expect_json '[.[] | .file + "=" + .status] | join(",")' \
    in/notice-gbk.txt=would-add,in/notice.docx=duplicate,in/notice.html=would-add,in/notice.txt=duplicate
  expect_json '[.[].title.value] | unique | join(",")' 济源示范区文化广电和旅游局关于印发《济源示范区乡村民宿管理暂行办法》的通知
  expect_json '[.[].attached_title.value] | unique | join(",")' 济源示范区乡村民宿管理暂行办法
  expect_json '[.[].issuers | join("、")] | unique | join(",")' 济源示范区文化广电和旅游局
  expect_json '[.[].doc_no.value] | unique | join(",")' 济示文旅〔2024〕5号
  expect_json '[.[].issuer.value] | unique | join(",")' 济源示范区文化广电和旅游局
  expect_json '[.[].date.value] | unique | join(",")' 2024-08-14
  expect_json '[.[].trial] | unique | map(tostring) | join(",")' true
  expect_json '[.[] | select(.file | endswith("gbk.txt")) | .encoding] | join(",")' gb18030
  expect_json '.[0].attached_title.source' 印发通知
  nd_ok import in/notice.docx --as-published --format json
  expect_json '.[0].status' added
  nd_ok show 1 --format json
  expect_json '.published' 2024-08-14
  expect_json '.doc_no' 济示文旅〔2024〕5号
  expect_json '.trial' true
  # The same notice from another file (the HTML page: another text) is refused by its 文号.
  nd import in/notice.html --format json
  expect_exit 3
  expect_json '.[0].error | contains("济示文旅〔2024〕5号")' true
  nd_ok import in/notice.docx --format json
  expect_json '.[0].status' duplicate
  expect_json '.[0].document' 1
fi

TEST "re-importing changes nothing; errors are per file and the batch goes on"
mkdir in
write_notice in/a.txt
printf '某县人民政府关于加强安全生产的通知\n\n各乡镇：\n正文。\n\n某县人民政府\n2023年3月1日\n' >in/b.txt
: >in/empty.txt
printf 'PK\003\004broken' >in/broken.docx
printf '\xff\xfe\xfa' >in/binary.txt
nd import in
expect_exit 3
expect_stderr_contains "已登记2"
expect_stderr_contains "出错3"
expect_stdout_contains "in/empty.txt: 文件为空"
expect_stdout_contains "in/broken.docx"
before=$(db_digest)
nd import in --format json
expect_exit 3
expect_json '[.[] | select(.status == "duplicate")] | length' 2
[ "$(db_digest)" = "$before" ] || fail "a re-run changed the database"
nd import in/missing.txt
expect_exit 3
nd import nothing-here/
expect_exit 3
nd_ok list --format json
expect_json 'length' 2
nd_ok search 安全生产 --format json
expect_json '.[0].title' 某县人民政府关于加强安全生产的通知

TEST "an override file fills and corrects fields; --as-published needs a date"
mkdir in
printf '关于做好某项工作的意见\n\n正文没有落款。\n' >in/undated.txt
write_notice in/notice.txt
nd import in --as-published --issuer 某局
expect_exit 3
expect_stdout_contains "成文日期"
printf 'file,title,published,drafting_unit\nundated.txt,关于做好某项工作的实施意见,2023-05-06,法制科\n' >fix.csv
nd_ok import in --as-published --meta fix.csv --issuer 某局 --format json
expect_json '[.[] | select(.status == "added")] | length' 1
nd_ok show 2 --format json
expect_json '.title' 关于做好某项工作的实施意见
expect_json '.published' 2023-05-06
expect_json '.drafting_unit' 法制科
printf '["undated.txt"]\ntitel = "x"\n' >bad.toml
nd import in --meta bad.toml
expect_exit 3
expect_stderr_contains "bad.toml:2"

TEST "a text that names no issuer takes it from the registered documents of the same 文号 agency code"
mkdir in
printf '关于做好某项工作的意见\n\n济示文旅〔2024〕9号\n\n各镇人民政府：\n正文没有落款。\n' >in/unsigned.txt
nd import in --dry-run --format json
expect_exit 3
expect_json '.[0].error | contains("制定机关")' true
write_notice in/notice.txt
nd_ok import in/notice.txt --format json
nd_ok import in/unsigned.txt --dry-run --format json
expect_json '.[0].issuer.value' 济源示范区文化广电和旅游局
expect_json '.[0].issuer.source' 文号代字（已登记文件）
expect_json '.[0].issuers | join("、")' 济源示范区文化广电和旅游局

TEST "every file of the Henan corpus imports; titles match the file names"
if [ ! -d "$corpus" ]; then
  echo "  (skipped: $corpus not found)"
else
  nd_ok import "$corpus" --format json
  cp "$dir/stdout" imported.json
  total=$(jq 'length' imported.json)
  added=$(jq '[.[] | select(.status == "added")] | length' imported.json)
  # File names shorten the laws named in titles and drop heading spaces (see the unit test).
  right=$(jq '[.[] | (.file | split("/") | last | sub("(\\([0-9-]+\\))?\\.md$"; "") | gsub("中华人民共和国| |　"; "")) as $want
              | select((.title.value // "" | gsub("中华人民共和国| |　"; "")) == $want)] | length' imported.json)
  dated=$(jq '[.[] | select(.file | test("\\([0-9-]+\\)\\.md$"))] | length' imported.json)
  dates=$(jq '[.[] | (.file | capture("\\((?<d>[0-9-]+)\\)\\.md$").d // null) as $d | select($d != null and .date.value == $d)] | length' imported.json)
  echo "  corpus: $added/$total imported; titles $right/$total; dates $dates/$dated (file-name dates are publication dates, mostly absent from the texts)"
  [ "$added" = "$total" ] || fail "only $added of $total imported"
  [ $((right * 100)) -ge $((total * 98)) ] || fail "titles right: $right of $total"
fi
