#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes the PDF and Word fixtures of tests/files from a real text of the corpus (README.md):
# LibreOffice writes the PDF (text layer) and the .doc, poppler renders the first page, and
# pgm2pdf.py wraps that image into a PDF without a text layer, as a scanner makes one.
# Needs libreoffice-writer-nogui, poppler-utils and python3. Run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_text="$here/../../../shared/corpus/henan-local-regulations/河南省规章设定罚款限额规定(2016-03-29).md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source_text" "$work/罚款限额规定.txt"
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to pdf --outdir "$work" "$work/罚款限额规定.txt" >/dev/null
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to doc --outdir "$work" "$work/罚款限额规定.txt" >/dev/null
cp "$work/罚款限额规定.pdf" "$work/罚款限额规定.doc" "$here/"
# The scan: the top of the first page at 150 dpi, grey.
pdftoppm -r 150 -f 1 -l 1 -gray -y 0 -H 800 -W 1240 "$work/罚款限额规定.pdf" "$work/page"
python3 "$here/pgm2pdf.py" "$work"/page-1.pgm "$here/罚款限额规定-扫描件.pdf" 150
