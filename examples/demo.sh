#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Registers the example documents in the default database (once) and shows the registry and
# what needs attention. Usage: examples/demo.sh [path/to/normdoc]
set -euo pipefail

normdoc=${1:-build/cli/normdoc}
here=$(cd "$(dirname "$0")" && pwd)
export NORMDOC_CONFIG="$here/normdoc.toml"

"$normdoc" init --no-config
if [ "$("$normdoc" list --format csv | wc -l)" -gt 1 ]; then
  echo "演示登记簿已有文件，跳过登记。"
else
  for meta in "$here"/documents/*.toml; do
    "$normdoc" add --from "$meta" --format json >/dev/null
    echo "已登记：$(basename "$meta")"
  done
  # What the office did after publication and while drafting, as it would record it.
  "$normdoc" record 济示文旅〔2023〕2号 fair-competition-review --date 2023-02-20 --result compliant >/dev/null
  "$normdoc" file 济示文旅〔2023〕2号 --to 济源示范区管委会 --date 2023-03-28 >/dev/null
  "$normdoc" filing result 济示文旅〔2023〕2号 --to 济源示范区管委会 --result passed --date 2023-04-20 >/dev/null
  "$normdoc" file 济示文旅〔2025〕1号 --to 济源示范区管委会 --date 2025-02-10 --materials 备案报告,正式文本,起草说明 >/dev/null
  "$normdoc" filing result 济示文旅〔2025〕1号 --to 济源示范区管委会 --result correct --date 2025-03-20 \
    --note "第四条处罚依据不明确" >/dev/null
  "$normdoc" filing corrected 济示文旅〔2025〕1号 --to 济源示范区管委会 --date 2025-04-10 \
    --note "第四条改为依照有关法律法规处罚" >/dev/null
  "$normdoc" record 5 comment --from 2026-10-22 --to 2026-11-21 --channel 济源示范区人民政府网站 >/dev/null 2>&1
  # The legality review of the draft: screened on start, answered from a file, left open.
  "$normdoc" review start 5 --checklist legality --received 2026-11-23 >/dev/null 2>&1
  "$normdoc" review answer R1 --file "$here/reviews/05-legality-answers.toml" >/dev/null
  echo "已记录备案、制定程序和合法性审核。"
fi

echo
echo "== 登记簿 =="
"$normdoc" list
echo
echo "== 到期和逾期事项（normdoc due） =="
"$normdoc" due --within 60d --fail-on never
echo
echo "== 起草中的文件 =="
"$normdoc" list --status draft
echo
echo "== 审查（normdoc review） =="
"$normdoc" review list
echo
"$normdoc" audit verify
