# SPDX-License-Identifier: MIT
# Issue 15: input that cannot crash or exhaust the program, and bundles that cannot forge the
# registry. Each attack is refused (exit 2/3/5) and leaves the database as it was.

# A bundle of one published document with a text, for the bundle attacks.
one_document_bundle() {
  printf '第一条 为了规范管理，制定本办法。\n' >text.txt
  nd_ok add --title 管理办法 --issuer 甲局 --text text.txt --published 2024-01-01 --doc-no "甲文〔2024〕1号"
  nd_ok export 1 --output one.jsonl
}

# check_tampering SQL EXPECTED: after SQL on a copy of clean.db, audit verify and doctor exit 3,
# verify naming the change.
check_tampering() { # SQL EXPECTED: the change is named by audit verify and doctor
  cp clean.db "$NORMDOC_DB"
  sqlite3 "$NORMDOC_DB" "$1"
  nd audit verify
  expect_exit 3
  expect_stderr_contains "$2"
  nd doctor
  expect_exit 3
}

# answered_review: review R1 of document 1 (legality, received 2026-11-02), every item answered
# pass, finding #1 dismissed; $first is the first item's id.
answered_review() {
  nd_ok review start 1 --checklist legality --received 2026-11-02
  nd_ok review show R1 --format json
  jq -r '.items[] | "\(.id) = \"pass\""' "$dir/stdout" >answers.toml
  first=$(jq -r '.items[0].id' "$dir/stdout")
  nd_ok review answer R1 --file answers.toml
  nd_ok review dismiss R1 "#1" --reason 已写明依据
}

TEST "a device, a FIFO and a symlink to a device are refused up front wherever a path is read"
nd_ok add --title 已有的文件 --issuer 甲局
before=$(db_digest)
mkfifo pipe.txt
ln -s /dev/zero zero.txt
for path in /dev/zero zero.txt pipe.txt; do
  nd import "$path"
  expect_exit 3
  nd add --title 办法 --issuer 甲局 --text "$path"
  expect_exit 3
  expect_one_line_error
  nd check "$path"
  expect_exit 3
  nd import --bundle "$path"
  expect_exit 3
  expect_one_line_error
done
expect_stderr_contains "是管道，不是普通文件"
nd add --title 办法 --issuer 甲局 --text zero.txt
expect_stderr_contains "zero.txt: 是设备，不是普通文件"
NORMDOC_CONFIG=zero.txt nd list
expect_exit 3
[ "$(db_digest)" = "$before" ] || fail "a refused input changed the database"

TEST "a NUL byte is refused with its line; a text over limits.text_mb is refused"
printf '第一条\n第二条\0隐藏\n' >nul.txt
nd add --title 办法 --issuer 甲局 --text nul.txt
expect_exit 3
expect_one_line_error
expect_stderr_contains "nul.txt:2: 含有 NUL 字节（第20字节）"
printf '[limits]\ntext_mb = 1\n' >normdoc.toml
yes 第一条 内容。 | head -n 60000 >big.txt # 1.2 MB
nd add --title 办法 --issuer 甲局 --text big.txt
expect_exit 3
expect_stderr_contains "big.txt: text: 全文有 1 MB，超过登记的上限 1 MB"
nd import big.txt --issuer 甲局
expect_exit 3
expect_stdout_contains "超过登记的上限 1 MB"
# Refused by its size before it is read: a sparse 300 MB file is not read through.
truncate -s 300M huge.txt
nd import huge.txt --issuer 甲局
expect_exit 3
expect_stdout_contains "全文有 300 MB，超过登记的上限 1 MB"
printf 'title = "办法"\nissuer = "甲局"\ntext = "big.txt"\n' >meta.toml
nd add --from meta.toml
expect_exit 3
expect_stderr_contains "超过登记的上限 1 MB"
[ "$(sqlite3 "$NORMDOC_DB" 'SELECT count(*) FROM document')" = 0 ] || fail "a refused text was registered"
printf '[limits]\ntext_mb = 0\n' >normdoc.toml
nd list
expect_exit 3
expect_stderr_contains "limits.text_mb"

TEST "a .docx of millions of empty paragraphs is read in bounded memory"
python3 - <<'PY'
import zipfile
body = '<w:p/>' * 12_000_000 + '<w:p><w:r><w:t>第一条 为了规范管理，制定本办法。</w:t></w:r></w:p>'
xml = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + '</w:body></w:document>'
with zipfile.ZipFile('empty.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('word/document.xml', xml)
PY
[ "$(stat -c %s empty.docx)" -lt 1000000 ] || fail "the test .docx is not small"
/usr/bin/time -f %M -o rss.txt "$NORMDOC" import empty.docx --dry-run --issuer 甲局 --format json >"$dir/stdout" 2>"$dir/stderr"
[ "$(jq -r '.[0].status' "$dir/stdout")" = would-add ] || fail "the .docx was not read: $(head -c 300 "$dir/stderr")"
# 72 MB of XML: the old tree-building reader took over a gigabyte.
[ "$(cat rss.txt)" -lt 400000 ] || fail "peak memory $(cat rss.txt) KB"

# (A text node over libxml2's 10 MB limit: tests/unit/test_ingest_extract.cpp; the metadata
# extraction over one 10 MB line takes seconds.)
TEST "HTML: deep nesting is read completely; GBK without a charset is decoded"
python3 - <<'PY'
open('deep.html', 'w', encoding='utf-8').write('<html><body>' + '<div>' * 100_000 + '第一条 深层内容。' + '</div>' * 100_000 + '</body></html>')
open('gbk.html', 'wb').write('<html><body><h1>济源示范区文化市场管理办法</h1><p>第一条 为了规范文化市场。</p></body></html>'.encode('gbk'))
PY
nd_ok import deep.html --issuer 甲局
[ "$(sqlite3 "$NORMDOC_DB" "SELECT text FROM document_text")" = "第一条 深层内容。" ] || fail "the deep text was not read"
nd_ok import gbk.html --dry-run --issuer 甲局 --format json
expect_json '.[0].title.value' 济源示范区文化市场管理办法

TEST "standard output that cannot be written is an error with exit 5"
nd_ok add --title 办法 --issuer 甲局
"$NORMDOC" list >/dev/full 2>"$dir/stderr"
echo $? >"$dir/status"
expect_exit 5
expect_one_line_error
expect_stderr_contains "无法写入标准输出"
"$NORMDOC" show 1 --format json >/dev/full 2>"$dir/stderr"
echo $? >"$dir/status"
expect_exit 5

TEST "a hostile title reaches no terminal, spreadsheet, calendar or Markdown page as code"
title=$'=HYPERLINK("http://x","点此")\e[2J\e]0;伪造\a<script>alert(1)</script>\r伪造行'
nd_ok add --title "$title" --issuer 甲局 --published 2026-11-20
controls=$'\e\a\r'
for args in "list" "show 1" "log 1" "search alert" "due --as-of 2026-12-01" "show 1 --procedure"; do
  # shellcheck disable=SC2086 # the arguments are split on purpose
  nd $args
  ! grep -q "[$controls]" "$dir/stdout" || fail "normdoc $args printed a control character"
  # log shows the payload as JSON, whose escapes are \u001b.
  [ "$args" = "log 1" ] || expect_stdout_contains '\x1B[2J\x1B]0;伪造\x07'
done
nd_ok list --format csv
expect_stdout_contains "\"'=HYPERLINK(\"\"http://x\"\""
! grep -q '^[^,]*,[^,]*,[^,]*,[=+@-]' "$dir/stdout" || fail "a CSV title cell starts with a formula character"
nd due --as-of 2026-12-01 --format csv
expect_stdout_contains ",\"'=HYPERLINK("
nd due --as-of 2026-12-01 --format ics
tr -d '\r\n ' <"$dir/stdout" | grep -qF '</script>\n伪造行' || fail "the CR in the title is not escaped in the calendar"
[ "$(grep -c $'\r$' "$dir/stdout")" = "$(wc -l <"$dir/stdout")" ] || fail "a calendar line ends without CRLF"
! grep -q $'\e' "$dir/stdout" || fail "ESC in the calendar"
nd_ok report catalog --as-of 2026-12-01 --format md
expect_stdout_contains '&lt;script&gt;alert(1)&lt;/script&gt;'
! grep -q '<script' "$dir/stdout" || fail "Markdown carries the HTML of a title"
nd_ok report catalog --as-of 2026-12-01 --format html
! grep -q '<script' "$dir/stdout" || fail "HTML carries the HTML of a title"
# The office's name goes into the style sheet too (the page footer): it cannot end it.
printf '[office]\nname = "乙局</style><script>alert(1)</script>\\"x"\n' >office.toml
NORMDOC_CONFIG=office.toml nd_ok report catalog --as-of 2026-12-01 --format html
! grep -q '<script' "$dir/stdout" || fail "HTML carries the HTML of the office's name"
expect_html_well_formed

TEST "export -o and backup leave no partial file behind when the write fails"
yes 第一条　本办法的每一行都是一样的内容。 | head -n 20000 >big.txt
nd_ok add --title 大文件 --issuer 甲局 --text big.txt
(
  trap '' XFSZ
  ulimit -f 64
  "$NORMDOC" export --all -o out.jsonl >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/status"
)
expect_exit 3
expect_one_line_error
expect_stderr_contains "out.jsonl: 写入失败"
(
  trap '' XFSZ
  ulimit -f 64
  "$NORMDOC" backup copy.db >"$dir/stdout" 2>"$dir/stderr"
  echo $? >"$dir/status"
)
expect_exit 4
[ -z "$(ls | grep -v -x -e big.txt -e 'registry.db.*' -e config -e 'std.*' -e status)" ] || fail "left behind: $(ls)"
# A symlink planted at the name the old code wrote to is not followed.
ln -s victim out.jsonl.partial
nd_ok export --all -o out.jsonl
[ ! -e victim ] || fail "export followed a symlink"
nd_ok backup copy.db
[ "$(ls | grep -c partial)" = 1 ] || fail "partial files: $(ls)"

TEST "bundle: a numeric title, a garbage date, a wrong status are refused with line and field; nothing written"
one_document_bundle
NORMDOC_DB=$dir/b.db nd_ok init --no-config
before=$(sha256sum b.db | cut -d' ' -f1)
for edit in '.document.title = 42' '.document.published = "garbage"' '.document.status = "gone"' \
  '.document.id = "7"' '.events[0].payload = "{oops"' '.steps = [{"step":"vote","recorded_at":"2026-01-01T00:00:00Z"}]'; do
  { head -1 one.jsonl; tail -1 one.jsonl | jq -c "$edit"; } >bad.jsonl
  NORMDOC_DB=$dir/b.db nd import --bundle bad.jsonl
  expect_exit 3
  expect_one_line_error
  expect_stderr_contains "bad.jsonl:2: "
done
expect_stderr_contains "bad.jsonl:2: steps[0].step: “vote”不是可用的值"
[ "$(sha256sum b.db | cut -d' ' -f1)" = "$before" ] || fail "a refused bundle changed the database"
NORMDOC_DB=$dir/b.db nd_ok list
NORMDOC_DB=$dir/b.db nd_ok audit verify

TEST "bundle: a forged text hash cannot overwrite another document; replace lists the change and is logged"
one_document_bundle
printf '第一条 别的内容。\n' >other.txt
nd_ok add --title 别的办法 --issuer 乙局 --text other.txt --published 2024-02-01
other_hash=$(sqlite3 "$NORMDOC_DB" "SELECT sha256 FROM document_text WHERE document = 2")
{ head -1 one.jsonl; tail -1 one.jsonl | jq -c --arg h "$other_hash" '.text.sha256 = $h | .document.reg_no = null | .document.doc_no = "伪文〔2024〕9号" | .document.title = "伪造的标题"'; } >forged.jsonl
before=$(db_digest)
nd import --bundle forged.jsonl --on-conflict replace --yes
expect_exit 3
expect_stderr_contains "forged.jsonl:2: text.sha256: 与正文不符"
[ "$(db_digest)" = "$before" ] || fail "a forged bundle changed the database"
# An honest replacement: listed, confirmed, recorded in the document's own log.
{ head -1 one.jsonl; tail -1 one.jsonl | jq -c '.document.title = "管理办法（修订）"'; } >newer.jsonl
nd import --bundle newer.jsonl --on-conflict replace
expect_exit 2
expect_stderr_contains "newer.jsonl:2: 将替换 #1（登记编号相同）：标题：管理办法 → 管理办法（修订）"
[ "$(db_digest)" = "$before" ] || fail "an unconfirmed replace changed the database"
nd_ok import --bundle newer.jsonl --on-conflict replace --yes
nd_ok log 1 --format json
expect_json '.[-1].kind' bundle-replace
expect_json '.[-1].payload.before.title' 管理办法
expect_json '.[-1].payload.after.title' 管理办法（修订）

TEST "bundle: the sender's events are kept as its history, not chained as acts of this registry"
one_document_bundle
# An old bundle (no hashes of the sender's chain) whose event was changed on the way: kept as it
# came, with a notice that the sender's history could not be checked.
{ head -1 one.jsonl | jq -c 'del(.sent, .seal, .checkpoint)'
  tail -1 one.jsonl | jq -c '.events[0].actor = "局长" | .events[0].at = "2019-01-01T00:00:00Z" | del(.events[].id, .events[].prev_hash, .events[].hash)'
} >history.jsonl
NORMDOC_DB=$dir/b.db nd_ok init --no-config
NORMDOC_DB=$dir/b.db nd_ok import --bundle history.jsonl
expect_stderr_contains "normdoc: 提示：history.jsonl: 数据包不含发送方日志的哈希（较早版本导出的数据包），发送方的操作历史未能核对"
NORMDOC_DB=$dir/b.db nd_ok log 1 --format json
expect_json '[.[].kind] | join(",")' bundle-add
expect_json '[.[].actor] | join(",")' tester
[ "$(sqlite3 b.db "SELECT actor || ' ' || at || ' ' || office FROM received_event ORDER BY id LIMIT 1")" = "局长 2019-01-01T00:00:00Z 数据包 history.jsonl" ] ||
  fail "the sender's event was not kept as it came"
NORMDOC_DB=$dir/b.db nd_ok audit verify

# rehash DOCUMENT: the event on stdin with its hash recomputed as the sender's chain defines it
# (audit/event_log.hpp: prev_hash, LF, [id, at, actor, document, kind, payload]).
rehash() {
  local event
  event=$(cat)
  jq -c --arg h "$(jq -j --argjson d "$1" '.prev_hash + "\n[" + (.id | tostring) + "," + (.at | tojson) + "," +
    (.actor | tojson) + "," + ($d | tostring) + "," + (.kind | tojson) + "," + .payload + "]"' <<<"$event" |
    sha256sum | cut -d' ' -f1)" '.hash = $h' <<<"$event"
}

# refused_bundle FILE EXPECTED [OPTION…]: importing FILE into b.db (a receiver with its own configuration
# directory) exits 3 naming EXPECTED; b.db unchanged.
refused_bundle() {
  local file=$1 expected=$2 before
  shift 2
  before=$(sha256sum b.db | cut -d' ' -f1)
  XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/b.db nd import --bundle "$file" "$@"
  expect_exit 3
  expect_one_line_error
  expect_stderr_contains "$expected"
  [ "$(sha256sum b.db | cut -d' ' -f1)" = "$before" ] || fail "refused bundle $file changed the database"
}

TEST "bundle: the sender's history is checked against its chain, head, checkpoint and seal before anything is written"
keydir=$XDG_CONFIG_HOME/normdoc
printf '第一条 为了规范管理，制定本办法。\n' >text.txt
nd_ok add --title 管理办法 --issuer 甲局 --text text.txt --published 2024-01-01
nd_ok add --title 第二个办法 --issuer 甲局 --published 2024-02-01
nd_ok audit checkpoint
nd_ok repeal 2 --date 2025-01-01 --reason 上位法已废止
nd_ok export --all -o all.jsonl
[ "$(head -1 all.jsonl | jq -c '[.head.events, .sent.events, .checkpoint.events, (.seal.signature | length)]')" = "[5,5,4,128]" ] ||
  fail "header: $(head -1 all.jsonl)"
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/b.db nd_ok init --no-config
line2=$(sed -n 2p all.jsonl)
line3=$(sed -n 3p all.jsonl)
header=$(head -1 all.jsonl)
# An event's content changed.
{ echo "$header"; echo "$line2"; jq -c '.events[2].payload = "{\"date\":\"2026-01-01\",\"reason\":\"上位法已废止\"}"' <<<"$line3"; } >a.jsonl
refused_bundle a.jsonl "a.jsonl:3: events[2].hash: 与事件内容不符（发送方的事件被改动）"
# Changed and its hash recomputed: the next event no longer links to it.
forged=$(jq -c '.events[1]' <<<"$line3" | jq -c '.payload = "{\"reg_no\":\"ND-2024-009\",\"published\":\"2024-02-01\",\"effective\":\"2024-02-01\",\"expires\":\"2029-01-31\"}"' | rehash 2)
{ echo "$header"; echo "$line2"; jq -c --argjson e "$forged" '.events[1] = $e' <<<"$line3"; } >b.jsonl
refused_bundle b.jsonl "b.jsonl:3: events[2].prev_hash: 与发送方事件 4 的哈希不符"
# The newest event dropped (truncated history), then also its digest recomputed.
{ echo "$header"; echo "$line2"; jq -c 'del(.events[2])' <<<"$line3"; } >c.jsonl
refused_bundle c.jsonl "c.jsonl:1: sent.digest: 与数据包中的4条事件不符"
digest=$(jq -r '.events[] | "\(.id) \(.hash)"' <(echo "$line2") <(jq -c 'del(.events[2])' <<<"$line3") | sha256sum | cut -d' ' -f1)
{ jq -c --arg d "$digest" '.sent = {events: 4, digest: $d}' <<<"$header"; echo "$line2"; jq -c 'del(.events[2])' <<<"$line3"; } >d.jsonl
refused_bundle d.jsonl "d.jsonl:1: seal.signature: 签名无效"
# … and the seal removed: only a key the receiver already trusts shows it.
jq -c 'del(.seal)' <(head -1 d.jsonl) >e.jsonl
tail -n +2 d.jsonl >>e.jsonl
refused_bundle e.jsonl "e.jsonl:1: seal: 数据包没有发送方的签名，无法用发送方交来的公钥核对" --sender-key "$keydir/normdoc-audit.key.pub"
# Events reordered within a document, lines swapped, the head changed.
{ echo "$header"; echo "$line2"; jq -c '.events |= [.[1], .[0], .[2]]' <<<"$line3"; } >f.jsonl
refused_bundle f.jsonl "f.jsonl:3: events[1].id: 事件顺序被改动"
{ echo "$header"; echo "$line3"; echo "$line2"; } >g.jsonl
refused_bundle g.jsonl "g.jsonl:1: sent.digest"
{ jq -c '.head.hash = "'"$(printf 0%.0s {1..64})"'"' <<<"$header"; echo "$line2"; echo "$line3"; } >h.jsonl
refused_bundle h.jsonl "h.jsonl:1: head.hash: 与数据包中发送方事件 5 的哈希不符"
# The checkpoint edited (not re-signable without the key).
{ jq -c '.checkpoint.events = 3' <<<"$header"; echo "$line2"; echo "$line3"; } >i.jsonl
refused_bundle i.jsonl "i.jsonl:1: checkpoint.signature: 签名无效"
# A forger's registry with its own key: sealed consistently, refused against the trusted key.
mkdir forger
XDG_CONFIG_HOME=$dir/forger NORMDOC_DB=$dir/forger.db nd_ok init --no-config
XDG_CONFIG_HOME=$dir/forger NORMDOC_DB=$dir/forger.db nd_ok add --title 管理办法 --issuer 甲局 --text text.txt --published 2024-01-01
XDG_CONFIG_HOME=$dir/forger NORMDOC_DB=$dir/forger.db nd_ok export --all -o forged.jsonl
refused_bundle forged.jsonl "forged.jsonl:1: seal.public_key: 不是发送方交来的公钥" --sender-key "$keydir/normdoc-audit.key.pub"
# The sender's log cut back below its checkpoint (events 4 and 5 deleted, the head rewritten).
cp registry.db cut.db
sqlite3 cut.db "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id > 3;
  UPDATE chain_head SET event = 3, hash = (SELECT hash FROM event WHERE id = 3)"
NORMDOC_DB=$dir/cut.db nd_ok export 1 -o cut.jsonl
refused_bundle cut.jsonl "cut.jsonl:1: checkpoint.events: 发送方日志比其检查点短：检查点记录了4条事件，链头为事件 3"
# The honest bundle: checked with the trusted key, recorded as such; the receiver's log verifies;
# sent on again, the receiver's own events are checked in the next registry.
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/b.db nd_ok import --bundle all.jsonl --sender-key "$keydir/normdoc-audit.key.pub"
[ ! -s "$dir/stderr" ] || fail "notice with a trusted key: $(cat "$dir/stderr")"
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/b.db nd_ok log --format json
expect_json '.[-1].payload.sender_checked' trusted-key
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/b.db nd_ok audit verify
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/b.db nd_ok export --all -o again.jsonl
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/c.db nd_ok init --no-config
# The history the receiver itself received is sealed with the rest: changed on the way, refused.
{ head -1 again.jsonl; sed -n 2p again.jsonl | jq -c '.events[0].actor = "别人"'; tail -n +3 again.jsonl; } >j.jsonl
before=$(sha256sum c.db | cut -d' ' -f1)
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/c.db nd import --bundle j.jsonl
expect_exit 3
expect_stderr_contains "j.jsonl:1: sent.digest"
[ "$(sha256sum c.db | cut -d' ' -f1)" = "$before" ] || fail "refused bundle j.jsonl changed the database"
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/c.db nd_ok import --bundle again.jsonl
expect_stderr_contains "发送方的签名只用数据包自带的公钥核对"
XDG_CONFIG_HOME=$dir/receiver NORMDOC_DB=$dir/c.db nd_ok audit verify

TEST "audit verify and doctor compare the documents with the replayed log"
printf '第一条 为了规范管理，制定本办法。\n' >text.txt
nd_ok add --title 管理办法 --issuer 甲局 --text text.txt --published 2024-01-01
nd_ok add --title 第二个办法 --issuer 甲局 --published 2024-02-01
nd_ok repeal 2 --date 2025-01-01 --reason 上位法已废止
nd_ok audit verify
expect_stdout_contains "2份文件的登记与日志重放结果一致"
cp "$NORMDOC_DB" clean.db
# A status changed in the table alone.
sqlite3 "$NORMDOC_DB" "UPDATE document SET status = 'repealed' WHERE id = 1"
nd audit verify
expect_exit 3
expect_one_line_error
expect_stderr_contains "文件 #1 的 status 为“repealed”，操作日志记录的是“published”"
nd doctor --format json
expect_exit 3
expect_json '[.checks[] | select(.ok == false) | .key] | join(",")' audit-replay
# Every event and the head deleted while the documents remain.
cp clean.db "$NORMDOC_DB"
sqlite3 "$NORMDOC_DB" "DROP TRIGGER event_no_delete; DELETE FROM event; DELETE FROM chain_head"
nd audit verify
expect_exit 3
expect_stderr_contains "文件 #1 在操作日志中没有登记记录"
# The newest event (the repeal) truncated and the head rewritten to match.
cp clean.db "$NORMDOC_DB"
sqlite3 "$NORMDOC_DB" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = (SELECT max(id) FROM event);
  UPDATE chain_head SET event = event - 1, hash = (SELECT hash FROM event WHERE id = (SELECT max(id) FROM event))"
nd audit verify
expect_exit 3
expect_stderr_contains "文件 #2 的 status 为“repealed”，操作日志记录的是“published”"
cp clean.db "$NORMDOC_DB"
nd_ok doctor

TEST "audit verify and doctor compare the evaluation rows with the evaluate events"
nd_ok add --title 办法 --issuer 甲局 --published 2020-01-01
nd_ok evaluate 1 --outcome continue --date 2024-06-01 --reason 仍然适用
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
sqlite3 "$NORMDOC_DB" "UPDATE evaluation SET reason = '改了'"
nd audit verify
expect_exit 3
expect_stderr_contains "文件 #1 的后评估记录 1 的 reason 为“改了”，操作日志记录的是“仍然适用”"
nd doctor
expect_exit 3
cp clean.db "$NORMDOC_DB"
sqlite3 "$NORMDOC_DB" "DELETE FROM evaluation"
nd audit verify
expect_exit 3
expect_stderr_contains "操作日志记录的后评估记录 1（文件 #1）不在评估表中"
cp clean.db "$NORMDOC_DB"
sqlite3 "$NORMDOC_DB" "INSERT INTO evaluation (document, date, outcome, recorded_at) VALUES (1, '2025-01-01', 'continue', '2026-01-01T00:00:00Z')"
nd audit verify
expect_exit 3
expect_stderr_contains "后评估记录 2 在操作日志中没有记录"
# A document received in a bundle brings its evaluations without events of this registry.
cp clean.db "$NORMDOC_DB"
nd_ok export 1 -o one.jsonl
rm -f "$NORMDOC_DB"*
"$NORMDOC" init --no-config >/dev/null
nd_ok import --bundle one.jsonl
nd_ok audit verify

TEST "audit verify compares the filing rows and their outcomes with the filing events"
nd_ok add --title 办法 --issuer 甲局 --published 2026-01-05
nd_ok file 1 --to 管委会 --date 2026-01-20
nd_ok filing result 1 --to 管委会 --result correct --date 2026-02-01 --until 2026-03-01
nd_ok filing corrected 1 --to 管委会 --date 2026-02-20 --note 改了第五条
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE filing SET filed = '2026-01-06'" "向“管委会”报送备案的 filed 为“2026-01-06”，操作日志记录的是“2026-01-20”"
check_tampering "UPDATE filing_outcome SET result = 'passed' WHERE kind = 'result'" "第1条备案结果的 result 为“passed”"
check_tampering "DELETE FROM filing_outcome WHERE kind = 'corrected'" "备案结果条数 为“1”，操作日志记录的是“2”"
check_tampering "DELETE FROM filing_outcome; DELETE FROM filing" "向“管委会”报送备案（文件 #1）不在备案表中"
check_tampering "INSERT INTO filing (document, body, filed, materials, missing) VALUES (1, '省政府', '2026-01-06', '', '')" \
  "向“省政府”报送备案的记录在操作日志中没有记录"

TEST "audit verify compares the review rows with review-start and review-conclude"
nd_ok add --title 办法 --issuer 甲局
nd_ok review start 1 --checklist legality --received 2026-11-02
nd_ok review show R1 --format json
jq -r '.items[] | "\(.id) = \"pass\""' "$dir/stdout" >answers.toml
nd_ok review answer R1 --file answers.toml
nd_ok review conclude R1 --result lawful --date 2026-11-10 --opinion 合法
nd_ok review start 1 --checklist legality --received 2026-11-12
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
# A forger drops the trigger that keeps a concluded review as it is.
check_tampering "DROP TRIGGER review_frozen; UPDATE review SET result = 'revise' WHERE id = 1" "审查 R1 的 result 为“revise”，操作日志记录的是“lawful”"
check_tampering "DROP TRIGGER review_frozen; UPDATE review SET opinion = '同意' WHERE id = 1" "审查 R1 的 opinion 为“同意”"
check_tampering "UPDATE review SET superseded_by = NULL WHERE id = 1" "审查 R1 的 superseded_by 为“（空）”，操作日志记录的是“2”"
check_tampering "UPDATE review SET reviewer = '别人' WHERE id = 2" "审查 R2 的 reviewer 为“别人”，操作日志记录的是“tester”"

TEST "audit verify compares the answers and the dismissed findings of a review with its events"
nd_ok add --title 措施 --issuer 某局 --text "$examples/drafts/planted-violations.txt"
answered_review
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "DROP TRIGGER review_item_frozen; UPDATE review_item SET answer = 'fail' WHERE item = '$first'" \
  "文件 #1 的审查 R1 条目 $first 的 answer 为“fail”，操作日志记录的是“pass”"
check_tampering "DROP TRIGGER review_item_frozen; UPDATE review_item SET answered_by = '别人'" "的 answered_by 为“别人”，操作日志记录的是“tester”"
check_tampering "DROP TRIGGER review_item_not_deleted; DELETE FROM review_item WHERE item = '$first'" \
  "操作日志记录的审查 R1 条目 $first 的回答不在审查条目表中（被删除）"
check_tampering "DROP TRIGGER review_finding_frozen; UPDATE review_finding SET dismissed_reason = NULL, dismissed_by = NULL, dismissed_at = NULL WHERE number = 1" \
  "文件 #1 的审查 R1 第1号发现的 dismissed_reason 为“（空）”，操作日志记录的是“已写明依据”"
check_tampering "DROP TRIGGER review_finding_frozen; UPDATE review_finding SET dismissed_reason = '伪造', dismissed_by = 'x', dismissed_at = 'y' WHERE number = 2" \
  "第2号发现的 dismissed_reason 为“伪造”"
check_tampering "DROP TRIGGER review_finding_not_deleted; DELETE FROM review_finding WHERE number = 2" \
  "处自动筛查发现，操作日志记录的是"
check_tampering "INSERT INTO review_item (review, position, item, category, text, article) VALUES (1, 99, 'X9', '其他', '伪造', '无')" \
  "个条目，操作日志记录的是"

TEST "audit verify compares the cleanup campaigns and decisions with the cleanup events"
nd_ok add --title 甲办法 --issuer 甲局 --published 2025-01-05
nd_ok add --title 乙办法 --issuer 甲局 --published 2025-01-06
nd_ok cleanup open 清理 --date 2026-02-01
nd_ok cleanup decide 清理 1 repeal --reason 先废止
nd_ok cleanup decide 清理 1 keep
nd_ok cleanup decide 清理 2 repeal --reason 已不适应
nd_ok cleanup close 清理 --date 2026-03-01
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE cleanup_item SET decision = 'repeal', reason = '改' WHERE document = 1" \
  "文件 #1 在清理“清理”中的 decision 为“repeal”，操作日志记录的是“keep”"
check_tampering "UPDATE cleanup SET closed_by = '别人'" "清理“清理”的 closed_by 为“别人”，操作日志记录的是“tester”"
check_tampering "DELETE FROM cleanup_item WHERE document = 1" "清理“清理”的 items 为“1”，操作日志记录的是“2”"
check_tampering "INSERT INTO cleanup (name, scope, opened_on, opened_at, opened_by) VALUES ('假', '', '2026-01-01', 'x', 'y')" \
  "清理“假”在操作日志中没有记录"
# Which documents are in it: cleanup-open lists them.
cp clean.db "$NORMDOC_DB"
nd_ok add --title 丙办法 --issuer 甲局 --published 2025-01-07
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE cleanup_item SET document = 3 WHERE document = 2" \
  "文件 #3 在清理“清理”中，操作日志记录的清理范围不含此文件"

TEST "audit verify compares the acknowledgements with the acknowledge events"
nd_ok add --title 甲办法 --issuer 甲局 --published 2025-01-05
nd_ok acknowledge 1 filed-before-registry --date 2026-12-01 --reason 纸质备案档案
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE acknowledgement SET reason = '改过的理由'" "文件 #1 的确认记录 1 的 reason 为“改过的理由”，操作日志记录的是“纸质备案档案”"
check_tampering "DELETE FROM acknowledgement" "操作日志记录的确认记录 1（文件 #1）不在确认表中（被删除）"
check_tampering "INSERT INTO acknowledgement (document, subject, date, reason, recorded_at) VALUES (1, 'expired', '2026-12-01', '假', 'x')" \
  "文件 #1 的确认记录 2 在操作日志中没有记录"

TEST "audit verify compares the procedure steps with the record events"
nd_ok add --title 办法 --issuer 甲局
nd_ok record 1 comment --from 2026-10-01 --to 2026-10-30 --channel 政府网站
nd_ok record 1 legality-review --received 2026-11-02
nd_ok record 1 legality-review --date 2026-11-20 --result lawful
nd_ok audit verify
[ "$(sqlite3 "$NORMDOC_DB" 'SELECT count(*) FROM procedure_step')" = 2 ] || fail "the conclusion did not close the open review"
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE procedure_step SET result = 'revise' WHERE step = 'legality-review'" \
  "文件 #1 的第2条制定程序步骤的 result 为“revise”，操作日志记录的是“lawful”"
check_tampering "UPDATE procedure_step SET date_to = '2026-10-10' WHERE step = 'comment'" "第1条制定程序步骤的 date_to 为“2026-10-10”"
check_tampering "DELETE FROM procedure_step WHERE step = 'legality-review'" "制定程序步骤有1条，操作日志记录的是2条"
check_tampering "INSERT INTO procedure_step (document, step, date, meeting, recorded_at) VALUES (1, 'deliberation', '2026-11-25', '局务会议', 'x')" \
  "第3条制定程序步骤在操作日志中没有记录"
# A voided step: the void names the step's row, which the record event named too.
cp clean.db "$NORMDOC_DB"
nd_ok record 1 deliberation --date 2026-11-25 --meeting 局务会议
nd_ok void step 3 --date 2026-11-26 --reason 录错了文件
nd_ok record 1 legality-review --received 2026-11-27
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE procedure_step SET voided = NULL, void_reason = NULL WHERE id = 3" \
  "文件 #1 的第3条制定程序步骤的 voided 为“（空）”，操作日志记录的是“2026-11-26”"
check_tampering "UPDATE procedure_step SET void_reason = '别的理由' WHERE id = 3" "第3条制定程序步骤的 void_reason 为“别的理由”"
check_tampering "UPDATE procedure_step SET voided = '2026-11-28', void_reason = '伪造' WHERE id = 4" \
  "第4条制定程序步骤的 voided 为“2026-11-28”"

TEST "audit verify compares what a bundle brought — steps, filings, evaluations, reviews — and what was done to it since"
nd_ok add --title 办法 --issuer 甲局 --text "$examples/drafts/planted-violations.txt"
nd_ok record 1 comment --from 2026-10-01 --to 2026-10-30 --channel 政府网站
answered_review
nd_ok publish 1 --date 2026-11-20 --effective 2026-11-20
nd_ok file 1 --to 管委会 --date 2026-11-25
nd_ok evaluate 1 --outcome continue --date 2026-11-26 --reason 仍然适用
nd_ok export 1 -o one.jsonl
rm -f "$NORMDOC_DB"*
"$NORMDOC" init --no-config >/dev/null
nd_ok import --bundle one.jsonl
nd_ok audit verify
# Acts of this registry on what it received: a result for the received filing, a new review.
nd_ok filing result 1 --to 管委会 --result correct --date 2026-11-28 --until 2026-12-28
nd_ok review start 1 --checklist legality --received 2026-11-29
nd_ok audit verify
cp "$NORMDOC_DB" clean.db
check_tampering "UPDATE procedure_step SET channel = '报纸' WHERE step = 'comment'" "第1条制定程序步骤的 channel 为“报纸”，操作日志记录的是“政府网站”"
check_tampering "UPDATE filing SET filed = '2026-11-21'" "向“管委会”报送备案的 filed 为“2026-11-21”，操作日志记录的是“2026-11-25”"
check_tampering "DELETE FROM filing_outcome" "备案结果条数 为“0”，操作日志记录的是“1”"
check_tampering "UPDATE evaluation SET reason = '改了'" "后评估记录 1 的 reason 为“改了”，操作日志记录的是“仍然适用”"
check_tampering "DROP TRIGGER review_item_frozen; UPDATE review_item SET answer = 'fail' WHERE item = '$first'" \
  "审查 R1 条目 $first 的 answer 为“fail”，操作日志记录的是“pass”"
check_tampering "UPDATE review_finding SET dismissed_reason = NULL, dismissed_by = NULL, dismissed_at = NULL WHERE number = 1" \
  "第1号发现的 dismissed_reason 为“（空）”，操作日志记录的是“已写明依据”"
check_tampering "UPDATE review SET superseded_by = NULL WHERE id = 1" "审查 R1 的 superseded_by 为“（空）”，操作日志记录的是“2”"
# Replaced by a later export of the same document: compared as it now is.
cp clean.db "$NORMDOC_DB"
nd_ok export 1 -o again.jsonl
nd_ok import --bundle again.jsonl --on-conflict replace --yes
nd_ok audit verify

TEST "a registry from before the replay gets one baseline event on first use"
nd_ok add --title 管理办法 --issuer 甲局 --published 2024-01-01
# As migration 13 leaves a registry that already held documents.
sqlite3 "$NORMDOC_DB" "INSERT INTO replay_baseline_due (singleton) VALUES (1)"
nd_ok list
[ "$(sqlite3 "$NORMDOC_DB" "SELECT kind FROM event ORDER BY id DESC LIMIT 1")" = baseline ] || fail "no baseline event"
[ "$(sqlite3 "$NORMDOC_DB" "SELECT count(*) FROM replay_baseline_due")" = 0 ] || fail "the baseline stays due"
nd_ok audit verify
nd_ok list
[ "$(sqlite3 "$NORMDOC_DB" "SELECT count(*) FROM event WHERE kind = 'baseline'")" = 1 ] || fail "a second baseline"

TEST "signed checkpoints outside the database detect a truncated log and a rewritten chain"
keydir=$XDG_CONFIG_HOME/normdoc
[ -f "$keydir/normdoc-audit.key" ] && [ -f "$keydir/normdoc-audit.key.pub" ] || fail "init made no key pair"
[ "$(stat -c %a "$keydir/normdoc-audit.key")" = 600 ] || fail "the private key is readable by others"
nd_ok due
expect_stderr_contains "还没有做过日志检查点"
nd_ok add --title 管理办法 --issuer 甲局 --published 2024-01-01
cp "$NORMDOC_DB" two-events.db
nd_ok add --title 第二个办法 --issuer 甲局
nd_ok audit checkpoint --format json
expect_json '.events' 3
cp "$keydir/checkpoints.jsonl" supervisor.jsonl
nd due
! grep -q 检查点 "$dir/stderr" || fail "due still reminds after a checkpoint: $(cat "$dir/stderr")"
nd due --as-of 2099-01-01
expect_stderr_contains "没有做日志检查点（上次 "
nd_ok audit verify
expect_stdout_contains "与1个签名检查点相符"
cp "$NORMDOC_DB" good.db
# The newest event and its document removed, the head rewritten: consistent, but shorter.
cp two-events.db "$NORMDOC_DB"
nd audit verify
expect_exit 3
expect_one_line_error
expect_stderr_contains "日志比检查点短"
# A different history of the same length with a valid chain (as a forger recomputing it).
nd_ok edit 1 --title 改过的标题
nd audit verify
expect_exit 3
expect_stderr_contains "事件 3 的哈希与检查点"
# The office's own file removed too: only the supervising body's copy shows it.
rm "$keydir/checkpoints.jsonl"
nd_ok audit verify
expect_stdout_contains "没有检查点可对照"
nd audit verify --checkpoints supervisor.jsonl
expect_exit 3
expect_stderr_contains "supervisor.jsonl: 操作日志与检查点不符"
# A checkpoint edited after signing.
cp good.db "$NORMDOC_DB"
jq -c '.events = 2' supervisor.jsonl >edited.jsonl
nd audit verify --checkpoints edited.jsonl
expect_exit 3
expect_stderr_contains "签名无效"
nd_ok audit verify --checkpoints supervisor.jsonl
