// SPDX-License-Identifier: MIT
#include "output/review_view.hpp"
#include "output/detail.hpp"
#include "output/printed.hpp"
#include "output/table.hpp"

#include <normdoc/procedure/procedure.hpp>

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

std::string_view review_word(const review::Review& review)
{
  return review::review_word(review.checklist);
}

std::string status_label(const review::Review& review)
{
  if (review.superseded_by) {
    return fmt::format("已被 R{} 取代", *review.superseded_by);
  }
  return review.result ? "已作出结论" : fmt::format("{}中", review_word(review));
}

std::string result_label(const review::Review& review)
{
  return review.result ? std::string(procedure::conclusion_label(*review.result)) : "";
}

// The name of the written record: 合法性审核意见书 (国办发〔2018〕115号 (六)) or 公平竞争审查表.
std::string opinion_title(const review::Review& review)
{
  if (review.checklist == "legality") {
    return "合法性审核意见书";
  }
  if (review.checklist == "fair-competition") {
    return "公平竞争审查表";
  }
  return review.checklist_title + "记录";
}

std::string answered_count(const review::Review& review)
{
  std::size_t answered = 0;
  for (const auto& item : review.items) {
    answered += item.answer ? 1 : 0;
  }
  return fmt::format("{}/{}", answered, review.items.size());
}

std::string findings_count(const review::Review& review)
{
  std::size_t open = 0;
  for (const auto& recorded : review.findings) {
    open += recorded.dismissed_reason ? 0 : 1;
  }
  return fmt::format("{}/{}", open, review.findings.size());
}

void write_review_json(util::JsonWriter& json, const review::Review& review, const registry::Document& doc)
{
  json.begin_object();
  review::write_members(json, review, doc);
  json.end_object();
}

// What became of a screening finding: dismissed with a reason; while the review is open, still to
// be checked; once concluded, checked, and what the reviewer answered for its item.
std::string finding_outcome(const review::Review& review, const review::RecordedFinding& recorded)
{
  if (recorded.dismissed_reason) {
    return fmt::format("已排除：{}", *recorded.dismissed_reason);
  }
  if (!review.result) {
    return "待核实";
  }
  for (const auto& item : review.items) {
    if (item.item == recorded.finding.item && item.answer) {
      return fmt::format("已核实，{} {}", item.item, review::answer_label(*item.answer));
    }
  }
  return "已核实";
}

// The signature block of the written record: the reviewing office with space for its seal, the
// reviewer's and the head's signatures, the date of the conclusion (blank lines until there is
// one, to be filled by hand).
std::vector<std::pair<std::string, std::string>> signature_lines(const review::Review& review,
                                                                 const std::string& office)
{
  const std::string word(review_word(review));
  return {
    {fmt::format("{}机构（盖章）", word), office},
    {fmt::format("{}人（签名）", word), ""},
    {"负责人（签名）", ""},
    {"日期", review.concluded ? review.concluded->chinese() : ""},
  };
}

std::vector<std::vector<std::string>> item_rows(const review::Review& review)
{
  std::vector<std::vector<std::string>> items;
  for (const auto& item : review.items) {
    std::string note = item.note.value_or("");
    if (item.evidence) {
      note += (note.empty() ? "" : "；") + fmt::format("依据：{}", *item.evidence);
    }
    items.push_back({item.item, item.text, item.article,
                     item.answer ? std::string(review::answer_label(*item.answer)) : "未回答", note});
  }
  return items;
}

std::vector<std::vector<std::string>> finding_rows(const review::Review& review)
{
  std::vector<std::vector<std::string>> findings;
  for (const auto& recorded : review.findings) {
    const review::Finding& f = recorded.finding;
    findings.push_back({fmt::format("#{}", recorded.number), fmt::format("第{}行第{}列", f.line, f.column),
                        std::string(review::severity_label(f.severity)), f.item, f.message, f.excerpt,
                        finding_outcome(review, recorded)});
  }
  return findings;
}

const std::vector<std::string> k_item_header{"编号", "事项", "依据", "回答", "说明"};
const std::vector<std::string> k_finding_header{"编号", "位置", "级别", "条目", "说明", "摘录", "处理"};

// 公平竞争审查表 in the rows of the official form: 《公平竞争审查制度实施细则》（国市监反垄规
// 〔2021〕2号）附件《公平竞争审查表》— 政策措施名称、涉及行业领域、性质、起草机构（联系人、电话）、
// 审查机构（联系人、电话）、征求意见情况、专家咨询意见（可选）、竞争影响评估（审查标准逐项）、
// 审查结论、适用例外规定、其他需要说明的情况, then the signature. Read from a copy an office
// republished (苏州市水利局, https://m.wenke99.com/p-1138033.html); the 2021 text itself was not
// at hand. The names follow 公平竞争审查条例 (2024): 起草单位 for 起草机构.
Printed printed_fair_competition_form(const review::Review& review, const registry::Document& doc,
                                      const std::string& office)
{
  Printed out(opinion_title(review));
  out.form({
    {"审查编号", fmt::format("R{}", review.id)},
    {"政策措施名称", fmt::format("《{}》{}", doc.title, doc.doc_no ? fmt::format("（{}）", *doc.doc_no) : "")},
    {"涉及行业领域", ""},
    {"性质", "规范性文件"},
    {"起草单位", fmt::format("{}\n联系人：　　　　电话：", doc.drafting_unit.value_or(doc.issuer))},
    {"审查机构", fmt::format("{}\n联系人：{}　　　　电话：", office, review.reviewer)},
    {"征求意见情况", "□征求利害关系人意见　□向社会公开征求意见\n具体情况（时间、对象、意见反馈和采纳情况）："},
    {"专家咨询意见（可选）", ""},
  });
  out.section("竞争影响评估（逐项对照审查标准）");
  out.table(k_item_header, item_rows(review));
  out.section("自动筛查发现");
  out.table(k_finding_header, finding_rows(review));
  std::string exception = "否";
  if (review.exception) {
    exception = fmt::format("是。情形：{}；没有对公平竞争影响更小的替代方案：{}；实施期限至 {}",
                            review::ground_label(review.exception->ground), review.exception->alternatives,
                            review.exception->until.iso());
  }
  out.form({
    {"审查结论", review.result ? result_label(review) + (review.opinion ? "\n" + *review.opinion : "") : "尚未作出"},
    {"适用例外规定", review.result ? exception : ""},
    {"其他需要说明的情况",
     fmt::format("收到日期：{}；清单：{} {}（SHA-256 {}）；状态：{}", iso(review.received), review.checklist_title,
                 review.checklist_version, review.checklist_sha256.substr(0, 12), status_label(review))},
  });
  out.signature(signature_lines(review, office));
  return out;
}

Printed printed_opinion(const review::Review& review, const registry::Document& doc, const std::string& office)
{
  if (review.checklist == "fair-competition") {
    return printed_fair_competition_form(review, doc, office);
  }
  Printed out(opinion_title(review));
  out.section("一、基本情况");
  out.fields({
    {fmt::format("{}编号", review_word(review)), fmt::format("R{}", review.id)},
    {"文件", fmt::format("#{}《{}》", doc.id, doc.title)},
    {"文号", doc.doc_no.value_or("")},
    {"制定机关", doc.issuer},
    {"起草单位", doc.drafting_unit.value_or("")},
    {fmt::format("{}机构", review_word(review)), office},
    {fmt::format("{}清单", review_word(review)),
     fmt::format("{} {}（SHA-256 {}）", review.checklist_title, review.checklist_version,
                 review.checklist_sha256.substr(0, 12))},
    {"送审文本",
     review.text_sha256 ? fmt::format("SHA-256 {}", review.text_sha256->substr(0, 12)) : "未存储正文，未自动筛查"},
    {fmt::format("{}人", review_word(review)), review.reviewer},
    {"收到日期", iso(review.received)},
    {fmt::format("开始{}", review_word(review)), local_time(review.started_at)},
    {"结论日期", iso(review.concluded)},
    {"状态", status_label(review)},
  });

  out.section(fmt::format("二、{}事项", review_word(review)));
  out.table(k_item_header, item_rows(review));

  out.section("三、自动筛查发现");
  out.table(k_finding_header, finding_rows(review));

  out.section(fmt::format("四、{}结论", review_word(review)));
  out.fields({
    {"结论", review.result ? result_label(review) : "尚未作出"},
    {"意见", review.opinion.value_or("")},
    {"紧急审核理由", review.urgency.value_or("")},
  });
  if (review.exception) {
    out.section("五、适用例外的说明（公平竞争审查条例第十二条、第十七条第二款）");
    out.fields({
      {"情形", std::string(review::ground_label(review.exception->ground))},
      {"没有影响更小的替代方案", review.exception->alternatives},
      {"实施期限至", review.exception->until.iso()},
    });
  }
  out.signature(signature_lines(review, office));
  return out;
}

} // namespace

std::string render_review(const review::Review& review, const registry::Document& document,
                          const RenderOptions& options)
{
  switch (options.format) {
  case Format::json: {
    util::JsonWriter json(2);
    write_review_json(json, review, document);
    return json.str() + "\n";
  }
  default:
    return render_printed(printed_opinion(review, document, options.office), options);
  }
}

std::string render_reviews(const std::vector<std::pair<review::Review, registry::Document>>& reviews,
                           const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& [review, doc] : reviews) {
      write_review_json(json, review, doc);
    }
    json.end_array();
    return json.str() + "\n";
  }
  // The list mixes both kinds: the headings name both words.
  Table table({"审核/审查", "文件", "清单", "审核/审查人", "收到", "状态", "结论", "已答", "待核实发现"});
  table.shorten_first(1);
  // On 80 columns the status (审核中/审查中) still tells the two kinds apart without 清单.
  for (const std::size_t column : {4U, 2U, 3U, 7U}) {
    table.leave_out_first(column);
  }
  table.right_align(7);
  table.right_align(8);
  for (const auto& [review, doc] : reviews) {
    table.add_row({fmt::format("R{}", review.id), fmt::format("#{} {}", doc.id, doc.title), review.checklist_title,
                   review.reviewer, iso(review.received), status_label(review), result_label(review),
                   answered_count(review), findings_count(review)});
  }
  return table.render();
}

} // namespace normdoc::cli
