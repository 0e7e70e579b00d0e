#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmark of `audit verify` (chain + replay + projection check) on a large log (run by hand,
# not by CI). Takes a registry built by scale.sh (its third argument keeps the work directory),
# copies it, and appends chained events until the log holds EVENTS in all, spread over the
# documents: half `acknowledge` (each with its acknowledgement row), a quarter `edit` of the
# title and a quarter `renew`, each restating the document's current values so the rows stay
# consistent — every event is read, hashed, parsed and replayed, and the acknowledgement rows
# compared.
# Prints the median wall time of 5 runs of `audit verify`, its CPU time and peak memory.
# Target (issue 15): 100,000 documents with 500,000 events in under 3 s.
# Usage: tests/bench/audit-verify.sh REGISTRY [EVENTS, default 500000] [path/to/normdoc]
# KEEP=DIR keeps the extended registry in DIR (to profile it), instead of a scratch directory.
set -euo pipefail

registry=$(realpath "${1:?usage: audit-verify.sh REGISTRY [EVENTS] [normdoc]}")
events=${2:-500000}
normdoc=$(realpath "${3:-build/cli/normdoc}")
. "$(dirname "$0")/common.sh"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else scratch_dir; fi
export NORMDOC_DB=$work/registry.db USER=bench
cp "$registry" "$NORMDOC_DB"

python3 - "$NORMDOC_DB" "$events" <<'EOF'
import hashlib, json, sqlite3, sys

path, wanted = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
documents = db.execute("SELECT id, title, expires, reg_no FROM document ORDER BY id").fetchall()
last, head = db.execute("SELECT event, hash FROM chain_head WHERE singleton = 1").fetchone()

def quoted(value):  # util::json_quote: UTF-8 as is, control characters escaped
    return json.dumps(value, ensure_ascii=False)

def unchanged(value):
    return '{"from":%s,"to":%s}' % (quoted(value), quoted(value))

at, actor = "2026-11-25T08:00:00Z", "bench"
rows = []
acknowledgements = []
for event_id in range(last + 1, wanted + 1):
    document, title, expires, reg_no = documents[event_id % len(documents)]
    if event_id % 4 == 2:
        kind, payload = "edit", '{"title":%s}' % unchanged(title)
    elif event_id % 4 == 3:
        kind = "renew"
        payload = '{"date":"2026-11-25","expires":%s,"reg_no":%s}' % (unchanged(expires), unchanged(reg_no))
    else:
        kind = "acknowledge"
        subject, reason = "bench-%d" % event_id, "使用 normdoc 前已向备案机关报送，纸质备案档案第%d卷" % (event_id % 97)
        payload = ('{"acknowledgement":%d,"subject":%s,"date":"2026-11-25","reason":%s}'
                   % (event_id, quoted(subject), quoted(reason)))
        acknowledgements.append((event_id, document, subject, "2026-11-25", reason, at))
    canonical = "[%d,%s,%s,%d,%s,%s]" % (event_id, quoted(at), quoted(actor), document, quoted(kind), payload)
    digest = hashlib.sha256((head + "\n" + canonical).encode()).hexdigest()
    rows.append((event_id, at, actor, document, kind, payload, head, digest))
    head = digest
db.executemany("INSERT INTO event (id, at, actor, document, kind, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)", rows)
db.executemany("INSERT INTO acknowledgement (id, document, subject, date, reason, recorded_at) VALUES (?,?,?,?,?,?)",
               acknowledgements)
db.execute("UPDATE chain_head SET event = ?, hash = ? WHERE singleton = 1", (wanted, head))
db.commit()
EOF

"$normdoc" audit verify >/dev/null || { echo "audit verify failed on the extended log" >&2; exit 1; }
documents=$(sqlite3 "$NORMDOC_DB" "SELECT count(*) FROM document")
times=()
cpu=()
peak=0
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$normdoc" audit verify >/dev/null
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
  read -r rss user system <"$work/rss"
  cpu+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  [ "$rss" -gt "$peak" ] && peak=$rss
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
printf 'audit verify: %s documents, %s events: %s ms wall (%s), %s ms CPU (%s), %.1f MB peak\n' "$documents" \
  "$events" "$(median "${times[@]}")" "${times[*]}" "$(median "${cpu[@]}")" "${cpu[*]}" \
  "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')"
