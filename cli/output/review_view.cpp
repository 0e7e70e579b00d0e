// SPDX-License-Identifier: MIT
#include "output/detail.hpp"
#include "output/printed.hpp"
#include "output/table.hpp"
#include "output/views.hpp"

#include <normdoc/procedure/procedure.hpp>

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

std::string_view status_key(const review::Review& review)
{
  if (review.superseded_by) {
    return "superseded";
  }
  return review.result ? "concluded" : "open";
}

// A legality review is 审核 (国办发〔2018〕115号), a fair-competition review 审查 (公平竞争审查条例).
std::string_view review_word(const review::Review& review)
{
  return review.checklist == "legality" ? "审核" : "审查";
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
  return review.result ? std::string(procedure::result_label(*review.result)) : "";
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
  json.begin_object()
    .key("id").value(review.id)
    .key("status").value(status_key(review))
    .key("document").begin_object()
      .key("id").value(doc.id)
      .key("title").value(doc.title)
      .key("doc_no").value(doc.doc_no)
      .key("issuer").value(doc.issuer)
      .key("drafting_unit").value(doc.drafting_unit)
    .end_object()
    .key("checklist").begin_object()
      .key("id").value(review.checklist)
      .key("title").value(review.checklist_title)
      .key("version").value(review.checklist_version)
      .key("sha256").value(review.checklist_sha256)
    .end_object()
    .key("text_sha256").value(review.text_sha256)
    .key("reviewer").value(review.reviewer)
    .key("received").value(util::to_iso(review.received))
    .key("started_at").value(review.started_at)
    .key("concluded").value(util::to_iso(review.concluded))
    .key("result").value(review.result)
    .key("result_label").value(review.result ? std::optional(result_label(review)) : std::nullopt)
    .key("opinion").value(review.opinion)
    .key("urgency").value(review.urgency)
    .key("exception");
  if (review.exception) {
    json.begin_object()
      .key("ground").value(review.exception->ground)
      .key("ground_label").value(review::ground_label(review.exception->ground))
      .key("alternatives").value(review.exception->alternatives)
      .key("until").value(review.exception->until.iso())
      .end_object();
  } else {
    json.null();
  }
  json.key("superseded_by").value(review.superseded_by).key("items").begin_array();
  for (const auto& item : review.items) {
    json.begin_object()
      .key("id").value(item.item)
      .key("category").value(item.category)
      .key("text").value(item.text)
      .key("article").value(item.article)
      .key("answer").value(item.answer ? std::optional<std::string>(review::answer_key(*item.answer)) : std::nullopt)
      .key("note").value(item.note)
      .key("evidence").value(item.evidence)
      .key("answered_by").value(item.answered_by)
      .key("answered_at").value(item.answered_at)
      .end_object();
  }
  json.end_array().key("findings").begin_array();
  for (const auto& recorded : review.findings) {
    json.begin_object().key("number").value(recorded.number);
    write_finding_fields(json, recorded.finding);
    json.key("dismissed");
    if (recorded.dismissed_reason) {
      json.begin_object()
        .key("reason").value(*recorded.dismissed_reason)
        .key("by").value(recorded.dismissed_by)
        .key("at").value(recorded.dismissed_at)
        .end_object();
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_array().end_object();
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
std::vector<std::pair<std::string, std::string>> signature_lines(const review::Review& review, const std::string& office)
{
  const std::string word(review_word(review));
  return {
    {fmt::format("{}机构（盖章）", word), office},
    {fmt::format("{}人（签名）", word), ""},
    {"负责人（签名）", ""},
    {"日期", review.concluded ? review.concluded->chinese() : ""},
  };
}

Printed printed_opinion(const review::Review& review, const registry::Document& doc, const RenderOptions& options)
{
  Printed out(opinion_title(review));
  out.section("一、基本情况");
  out.fields({
    {fmt::format("{}编号", review_word(review)), fmt::format("R{}", review.id)},
    {"文件", fmt::format("#{}《{}》", doc.id, doc.title)},
    {"文号", doc.doc_no.value_or("")},
    {"制定机关", doc.issuer},
    {"起草单位", doc.drafting_unit.value_or("")},
    {fmt::format("{}清单", review_word(review)), fmt::format("{} {}（SHA-256 {}）", review.checklist_title, review.checklist_version,
                             review.checklist_sha256.substr(0, 12))},
    {"送审文本", review.text_sha256 ? fmt::format("SHA-256 {}", review.text_sha256->substr(0, 12)) : "未存储正文，未自动筛查"},
    {fmt::format("{}人", review_word(review)), review.reviewer},
    {"收到日期", iso(review.received)},
    {fmt::format("开始{}", review_word(review)), local_time(review.started_at)},
    {"结论日期", iso(review.concluded)},
    {"状态", status_label(review)},
  });

  out.section(fmt::format("二、{}事项", review_word(review)));
  std::vector<std::vector<std::string>> items;
  for (const auto& item : review.items) {
    std::string note = item.note.value_or("");
    if (item.evidence) {
      note += (note.empty() ? "" : "；") + fmt::format("依据：{}", *item.evidence);
    }
    items.push_back({item.item, item.text, item.article,
                     item.answer ? std::string(review::answer_label(*item.answer)) : "未回答", note});
  }
  out.table({"编号", "事项", "依据", "回答", "说明"}, std::move(items));

  out.section("三、自动筛查发现");
  std::vector<std::vector<std::string>> findings;
  for (const auto& recorded : review.findings) {
    const review::Finding& f = recorded.finding;
    findings.push_back({fmt::format("#{}", recorded.number), fmt::format("第{}行第{}列", f.line, f.column),
                        std::string(review::severity_label(f.severity)), f.item, f.message, f.excerpt,
                        finding_outcome(review, recorded)});
  }
  out.table({"编号", "位置", "级别", "条目", "说明", "摘录", "处理"}, std::move(findings));

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
  out.signature(signature_lines(review, options.office));
  return out;
}

} // namespace

std::string render_review(const review::Review& review, const registry::Document& document, const RenderOptions& options)
{
  switch (options.format) {
  case Format::json: {
    util::JsonWriter json(2);
    write_review_json(json, review, document);
    return json.str() + "\n";
  }
  default:
    return render_printed(printed_opinion(review, document, options), options);
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
