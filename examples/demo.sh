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
fi

echo
echo "== 登记簿 =="
"$normdoc" list
echo
echo "== 6 个月内有效期届满、应当开展后评估的文件 =="
"$normdoc" list --expiring-within 6m
echo
echo "== 起草中的文件 =="
"$normdoc" list --status draft
echo
"$normdoc" audit verify
