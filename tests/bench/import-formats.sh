#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmark (run by hand, not by CI): peak memory of `normdoc import` over a folder of N files
# (default 1,000) of every format the real-document set has — .pdf, .docx, .html, .txt, .md —
# copied round-robin from tests/documents/files (text formats get a line of their own so that
# they are new documents; PDF and .docx copies are read and then found to be duplicates, which
# still reads and extracts every one of them; copies of a document with a 文号 are refused as
# already registered, after being read). Prints the peak RSS and wall time for N/4 and N
# files: memory stays flat when the two peaks are about the same.
# Usage: tests/bench/import-formats.sh [path/to/normdoc, default build-release/cli/normdoc] [files]
set -euo pipefail

normdoc=$(realpath "${1:-build-release/cli/normdoc}")
count=${2:-1000}
. "$(dirname "$0")/common.sh"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
scratch_dir
mapfile -t sources < <(ls "$here"/tests/documents/files/*.{pdf,docx,html,txt,md})

make_folder() { # make_folder DIR N
  mkdir -p "$1"
  for ((i = 0; i < $2; i++)); do
    local source=${sources[$((i % ${#sources[@]}))]} ext
    ext=${source##*.}
    case "$ext" in
      pdf | docx) cp "$source" "$1/$(printf '%05d' "$i").$ext" ;;
      *) { cat "$source"; printf '\n（副本 %d）\n' "$i"; } >"$1/$(printf '%05d' "$i").$ext" ;;
    esac
  done
}

for n in $((count / 4)) "$count"; do
  make_folder "$work/files-$n" "$n"
  export NORMDOC_DB=$work/registry-$n.db USER=bench
  "$normdoc" init --no-config >/dev/null
  /usr/bin/time -f '%M %e' -o "$work/time" "$normdoc" import "$work/files-$n" --issuer 某机关 --no-ocr \
    >/dev/null 2>"$work/stderr" || true
  # time(1) writes "Command exited with non-zero status 3" first when files were refused.
  read -r rss seconds < <(tail -n 1 "$work/time")
  echo "import of $n files: peak RSS $rss KB, $seconds s; $(tail -n 1 "$work/stderr")"
done
