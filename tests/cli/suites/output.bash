# SPDX-License-Identifier: MIT
# JSON output matches the schemas in schemas/output/; the demo examples load.

if [ -z "$schema_validator" ]; then
  tool_missing jsonschema python3-jsonschema
  [ "$missing_tools" = 1 ] && exit 1
  exit 125
fi

TEST "every example registers, and show/list/log JSON match the schemas"
for meta in "$examples"/documents/*.toml; do
  nd_ok add --from "$meta" --format json
  cp "$dir/stdout" "added-$(basename "$meta" .toml).json"
  expect_schema document.schema.json "added-$(basename "$meta" .toml).json"
done
nd_ok repeal 1 --date 2025-01-01 --reason 测试
nd_ok amend 2 --by 5 --date 2026-01-01
nd_ok list --format json
while IFS= read -r line; do
  printf '%s\n' "$line" >one.json
  expect_schema document.schema.json one.json
done < <(jq -c '.[]' "$dir/stdout")
expect_json 'length' 6
nd_ok log --format json
while IFS= read -r line; do
  printf '%s\n' "$line" >event.json
  expect_schema event.schema.json event.json
done < <(jq -c '.[]' "$dir/stdout")
expect_json 'length' 20  # 6 adds, 4 publications, 2 gate overrides (3 defects acknowledged each), a repeal, an amendment

TEST "the example config loads and drives numbering"
NORMDOC_CONFIG=$examples/normdoc.toml nd_ok add --from "$examples/documents/02-culture-market.toml" --format json
expect_json '.reg_no' JYWL-2025-001
expect_json '.trial' true
expect_json '.expires' 2027-01-14
