# SPDX-License-Identifier: MIT
# The golden cases (sourced by tests/golden/run after the registry is built): golden NAME ARGS…
# compares `normdoc ARGS…` with expected/NAME. NAME is <command>-<subject>.<format>; one line
# per printed form and format (golden_docx NAME ARGS… compares the .docx's word/document.xml).
# Adding a case: a line here, then tests/golden/update BUILD_DIR.

# The printed review records: legality concluded (R1), fair competition concluded (R2),
# legality received and not yet answered (R3).
for rid in R1 R2 R3; do
  for format in text md html json; do
    golden "review-show-$rid.$format" review show "$rid" --format "$format"
  done
  golden_docx "review-show-$rid.docx.xml" review show "$rid"
done
golden review-list.table review list
golden review-list.json review list --format json

# Reports.
for format in table json csv md html; do
  golden "report-filing-2025.$format" report filing --year 2025 --format "$format"
done
golden report-filing-2025-en.csv report filing --year 2025 --format csv --header en
golden_docx report-filing-2025.docx.xml report filing --year 2025
for format in md html text csv json; do
  golden "report-catalog.$format" report catalog --format "$format"
done
golden report-catalog-en.csv report catalog --format csv --header en
golden_docx report-catalog.docx.xml report catalog
golden report-catalog-2024.md report catalog --as-of 2024-06-30 --format md
for format in text md html json; do
  golden "report-stats-2025.$format" report stats --year 2025 --format "$format"
  golden "report-stats-2026.$format" report stats --format "$format"
done

# The cleanup campaign.
for format in md html text csv json; do
  golden "cleanup-report.$format" cleanup report 2026年度清理 --format "$format"
done
golden cleanup-report-en.csv cleanup report 2026年度清理 --format csv --header en
golden_docx cleanup-report.docx.xml cleanup report 2026年度清理
for format in text json; do
  golden "cleanup-status.$format" cleanup status 2026年度清理 --format "$format"
done

# The registry.
for format in table json csv; do
  golden "list.$format" list --format "$format"
  golden "log.$format" log --format "$format"
done
golden list-en.csv list --format csv --header en
golden list-bom.csv list --format csv --bom
golden list-in-force.table list --in-force
golden log-5.table log 5
for ref in 1 2 3 4 5 6; do
  golden "show-$ref.text" show "$ref"
  golden "show-$ref.json" show "$ref" --format json
done
golden show-5-procedure.text show 5 --procedure
golden show-5-procedure.json show 5 --procedure --format json
golden show-1-procedure.text show 1 --procedure

# Reminders.
for format in text json csv ics; do
  golden "due.$format" due --fail-on never --format "$format"
done
golden due-en.csv due --fail-on never --format csv --header en
golden due-within-1y.text due --fail-on never --within 1y

# Screening (a relative name: the file's path is printed) and search.
cp "$examples/drafts/planted-violations.txt" .
for format in text json jsonl; do
  golden "check-planted.$format" check planted-violations.txt --fail-on never --format "$format"
done
golden search-minsu.table search 民宿
golden search-minsu.json search 民宿 --format json
