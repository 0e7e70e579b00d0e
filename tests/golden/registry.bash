# SPDX-License-Identifier: MIT
# Builds the golden registry (sourced by tests/golden/run): the example documents of examples/
# as the demo registers them, then what an office does with them over a month, so that every
# printed form has something to print. Runs in the current directory, with the environment
# tests/golden/run sets (office config from examples/normdoc.toml).

# clock DATE: what follows is done on DATE at 09:30 in Shanghai, so that the log and the
# reviews record times as an office's would, in order.
clock() {
  export NORMDOC_TODAY=$1 NORMDOC_NOW=${1}T01:30:00Z
}

setup() {
  local meta item
  clock 2026-11-02
  for meta in "$examples"/documents/*.toml; do
    step add --from "$meta"
  done
  # Records of what was done before: the drafting unit's fair-competition review, filings and
  # their results.
  step record 济示文旅〔2023〕2号 fair-competition-review --date 2023-02-20 --result compliant
  step file 济示文旅〔2023〕2号 --to 济源示范区管委会 --date 2023-03-28
  step filing result 济示文旅〔2023〕2号 --to 济源示范区管委会 --result passed --date 2023-04-20
  step file 济示文旅〔2025〕1号 --to 济源示范区管委会 --date 2025-02-10 --materials 备案报告,正式文本,起草说明
  step filing result 济示文旅〔2025〕1号 --to 济源示范区管委会 --result correct --date 2025-03-20 \
    --note 第四条处罚依据不明确
  step filing corrected 济示文旅〔2025〕1号 --to 济源示范区管委会 --date 2025-04-10 \
    --note 第四条改为依照有关法律法规处罚
  step file 济示文旅〔2021〕9号 --to 济源示范区管委会 --date 2022-02-20

  clock 2026-11-10
  cp "$examples/tour/评估报告.txt" . # a relative name: the log records it
  step evaluate 济示文旅〔2021〕9号 --outcome continue --date 2026-11-10 --report 评估报告.txt

  # The draft (#5): public comment, a legality review concluded with revisions, a
  # fair-competition review concluded noncompliant after one screening finding was dismissed.
  clock 2026-11-23
  step record 5 comment --from 2026-10-22 --to 2026-11-21 --channel 济源示范区人民政府网站
  step review start 5 --checklist legality --received 2026-11-23
  clock 2026-11-24
  step review start 5 --checklist fair-competition --received 2026-11-24
  clock 2026-11-27
  step review answer R1 --file "$examples/reviews/05-legality-answers.toml"
  for item in F8-2 F8-4 F8-5 F9-1 F9-2 F9-3 F9-4 F9-5 F9-6 F10-1 F10-3 F10-4 F11-1 F11-2 F11-3 F11-4 F12; do
    step review answer R2 "$item" pass
  done
  step review answer R2 F8-1 fail --note 第五条以备案、审核同意作为营业前提 --evidence 公平竞争审查条例第八条
  step review answer R2 F8-3 fail --note 第六条限定向旅游商品服务中心采购 --evidence 公平竞争审查条例第八条
  step review answer R2 F10-2 fail --note 第三条按纳税留成给予奖励 --evidence 公平竞争审查条例第十条
  step review dismiss R2 4 --reason 等级评定奖励的条件公开、明确，不限定经营者
  # The other draft (#6): a legality review received and not yet answered.
  step review start 6 --checklist legality --received 2026-11-27
  clock 2026-11-30
  step review conclude R1 --result revise --date 2026-11-30 \
    --opinion 删除第五条“经审核同意后方可营业”，改为备案后即可营业
  step review conclude R2 --result noncompliant --date 2026-11-30 \
    --opinion 删除第三条、第六条，第五条改为告知性备案

  # The year's cleanup: the expired regulation declared invalid, one to amend, the others kept.
  clock 2026-12-01
  step cleanup open 2026年度清理 --scope issuer=济源示范区文化广电和旅游局,expired
  step cleanup decide 2026年度清理 济示文旅（2019）6号 invalidate --reason 有效期届满，已不适用
  step cleanup decide 2026年度清理 济示文旅〔2023〕2号 keep
  step cleanup decide 2026年度清理 济示文旅〔2025〕1号 amend --reason 执法依据已调整
  step cleanup decide 2026年度清理 济示文旅〔2021〕9号 keep
  step cleanup close 2026年度清理
}
