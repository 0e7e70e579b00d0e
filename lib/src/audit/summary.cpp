// SPDX-License-Identifier: MIT
#include <normdoc/audit/summary.hpp>

#include <normdoc/basis/register.hpp>
#include <normdoc/deadline/due.hpp>
#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/lifecycle/cleanup.hpp>
#include <normdoc/lifecycle/evaluation.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/review/review.hpp>
#include <normdoc/util/duration.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <unordered_map>
#include <utility>

namespace normdoc::audit {

namespace {

using Json = nlohmann::ordered_json;

// The payload keys written by the library's events (grep `.key("` in lib/src).
constexpr std::array<std::pair<std::string_view, std::string_view>, 92> k_key_labels{{
  {"title", "标题"},
  {"issuer", "制定机关"},
  {"doc_no", "文号"},
  {"reg_no", "登记编号"},
  {"drafting_unit", "起草单位"},
  {"kind", "类别"},
  {"concerns_business", "涉及市场主体"},
  {"trial", "暂行/试行"},
  {"validity", "有效期"},
  {"effective", "施行日期"},
  {"expires", "有效期至"},
  {"published", "发布日期"},
  {"text_sha256", "全文"},
  {"sha256", "清单哈希"},
  {"date", "日期"},
  {"reason", "理由"},
  {"from", "自"},
  {"to", "至"},
  {"review", "审查"},
  {"office", "机关"},
  {"note", "说明"},
  {"body", "备案机关"},
  {"voided", "作废"},
  {"source", "来源"},
  {"result", "结果"},
  {"events", "事件"},
  {"cleanup", "清理"},
  {"version", "版本"},
  {"until", "期限"},
  {"step", "步骤"},
  {"received", "收到"},
  {"outcome", "结论"},
  {"hash", "哈希"},
  {"findings", "筛查发现"},
  {"evaluation", "后评估"},
  {"documents", "文件数"},
  {"document", "文件"},
  {"added", "新增"},
  {"urgency", "紧急程度"},
  {"undecided", "未决定"},
  {"text", "正文"},
  {"subject", "事项"},
  {"steps", "程序步骤"},
  {"skipped", "跳过"},
  {"signature", "签名"},
  {"sender_head", "发送方链头"},
  {"scope", "范围"},
  {"rule", "规则"},
  {"reviews", "审查"},
  {"restored", "恢复"},
  {"report", "评估报告"},
  {"replaced", "替换"},
  {"public_key", "公钥"},
  {"outcomes", "结论"},
  {"opinion", "意见"},
  {"missing", "缺少的材料"},
  {"meeting", "会议"},
  {"materials", "报送材料"},
  {"line", "行"},
  {"laws", "法律"},
  {"law", "法律"},
  {"items", "事项"},
  {"item", "事项"},
  {"head", "链头"},
  {"gate", "把关"},
  {"finding", "筛查发现"},
  {"filings", "备案"},
  {"filing", "备案"},
  {"filed", "报送日期"},
  {"field", "字段"},
  {"evidence", "依据"},
  {"evaluations", "后评估"},
  {"decision", "决定"},
  {"decided", "已决定"},
  {"checklist", "清单"},
  {"channel", "公开渠道"},
  {"changes", "变更"},
  {"change", "变更"},
  {"by", "由"},
  {"before", "原为"},
  {"at", "时间"},
  {"answers", "回答"},
  {"answer", "回答"},
  {"after", "改为"},
  {"acknowledgement", "确认"},
  {"name", "名称"},
  {"level", "层级"},
  {"amends", "修改的文件"},
  {"members", "清理的文件"},
  {"step_id", "步骤编号"},
  {"sender_checked", "发送方历史的核对"},
  {"report_sha256", "评估报告哈希"},
}};

std::string label_of(const std::string& key)
{
  for (const auto& [name, label] : k_key_labels) {
    if (name == key) {
      return std::string(label);
    }
  }
  return key;
}

// The label of a code that `parse` knows, else the code itself.
template<typename Parse, typename Label> std::string coded(const std::string& value, Parse parse, Label label)
{
  const auto code = parse(value);
  return code ? std::string(label(*code)) : value;
}

// Codes stored in payloads, said as the rest of the program says them.
std::string value_label(std::string_view kind, const std::string& key, const std::string& value)
{
  if (key == "decision") {
    return coded(value, lifecycle::parse_decision, lifecycle::decision_label);
  }
  if (key == "outcome") {
    return coded(value, lifecycle::parse_outcome, lifecycle::outcome_label);
  }
  if (key == "step") {
    return coded(value, procedure::parse_step, procedure::step_label);
  }
  if (key == "answer") {
    return coded(value, review::parse_answer, review::answer_label);
  }
  if (key == "result") {
    if (kind == "filing-result") {
      return coded(value, filing::parse_result, [](filing::Result r) { return filing::result_label(r); });
    }
    return coded(value, procedure::parse_conclusion,
                 [](procedure::Conclusion c) { return procedure::conclusion_label(c); });
  }
  if (key == "checklist") {
    return value == "legality" ? "合法性审核" : value == "fair-competition" ? "公平竞争审查" : value;
  }
  if (key == "kind" && (kind == "void-step" || kind == "outdate-review")) { // the voided step's kind
    return coded(value, procedure::parse_step, procedure::step_label);
  }
  if (key == "kind") {
    return value == "normative" ? "规范性文件" : value == "other" ? "其他文件" : value;
  }
  if (key == "change" && kind == "basis-change") {
    return coded(value, basis::parse_change, basis::change_label);
  }
  if (key == "subject" && kind == "acknowledge") {
    return std::string(deadline::acknowledgement_subject_label(value));
  }
  if (key == "validity") {
    try {
      return util::Duration::parse(value).chinese(); // 5y → 5年, as `show` says it
    } catch (const DataError&) {
      return value;
    }
  }
  if (key == "gate") {
    return value == "publication" ? "发布" : value;
  }
  if (key == "sender_checked") { // bundle/sender.hpp
    return value == "none"          ? "未能核对（旧版数据包）"
           : value == "hashes"      ? "只核对了哈希（数据包未签名）"
           : value == "bundle-key"  ? "用数据包自带的公钥核对"
           : value == "trusted-key" ? "用发送方交来的公钥核对"
                                    : value;
  }
  // A hash is checked by machines; its first digits are enough for a person to match it.
  if (value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string::npos) {
    return value.substr(0, 12) + "…";
  }
  return value;
}

std::string said(std::string_view kind, const std::string& key, const Json& value, std::string_view review_word);

std::string said_object(std::string_view kind, const Json& object, std::string_view separator,
                        std::string_view review_word)
{
  std::string out;
  for (const auto& [key, value] : object.items()) {
    if (value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
        (value.is_array() && value.empty())) {
      continue;
    }
    if (!out.empty()) {
      out += separator;
    }
    out += key == "review" ? std::string(review_word) : label_of(key);
    out += "：";
    out += said(kind, key, value, review_word);
  }
  return out;
}

std::string said(std::string_view kind, const std::string& key, const Json& value, std::string_view review_word)
{
  if (value.is_string()) {
    return value_label(kind, key, value.get<std::string>());
  }
  if (key == "review" && value.is_number_integer()) {
    return fmt::format("R{}", value.get<std::int64_t>()); // as `review` commands name it
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "是" : "否";
  }
  // A change (edit, renew, void-evaluation): what it was and what it became.
  if (value.is_object() && value.size() == 2 && value.contains("from") && value.contains("to")) {
    const auto side = [&](const Json& part) {
      return part.is_null() ? std::string("（空）") : said(kind, key, part, review_word);
    };
    if (value.at("from") == value.at("to")) {
      return side(value.at("to")) + "（未变）";
    }
    return fmt::format("由{}改为{}", side(value.at("from")), side(value.at("to")));
  }
  if (value.is_object()) {
    return fmt::format("（{}）", said_object(kind, value, "，", review_word));
  }
  if (value.is_array()) {
    std::string out;
    for (const auto& element : value) {
      if (!out.empty()) {
        out += "、";
      }
      out += element.is_object() ? said_object(kind, element, " ", review_word) : said(kind, key, element, review_word);
    }
    return out;
  }
  return value.dump();
}

} // namespace

std::string summarize(std::string_view kind, std::string_view payload, std::string_view review_word)
{
  const Json json = Json::parse(payload, nullptr, false);
  if (!json.is_object()) {
    return std::string(payload);
  }
  return said_object(kind, json, "；", review_word);
}

std::vector<std::string_view> review_words(const std::vector<Event>& events)
{
  std::unordered_map<std::int64_t, std::string_view> started; // review id → its word
  std::vector<std::string_view> words;
  words.reserve(events.size());
  for (const auto& event : events) {
    const bool about_review = event.kind == "review-start" || event.kind == "review-answer" ||
                              event.kind == "review-dismiss" || event.kind == "review-conclude";
    if (!about_review && event.kind != "outdate-review") {
      words.push_back(review::review_word(""));
      continue;
    }
    const Json json = Json::parse(event.payload, nullptr, false);
    const auto text = [&](const char* key) {
      return json.is_object() && json.contains(key) && json.at(key).is_string() ? json.at(key).get<std::string>()
                                                                                : std::string();
    };
    if (event.kind == "outdate-review") {
      words.push_back(review::review_word(text("kind") == "legality-review" ? "legality" : ""));
      continue;
    }
    const bool named = json.is_object() && json.contains("review") && json.at("review").is_number_integer();
    const std::int64_t id = named ? json.at("review").get<std::int64_t>() : 0;
    if (event.kind == "review-start") {
      started[id] = review::review_word(text("checklist"));
    }
    const auto found = started.find(id);
    words.push_back(found == started.end() ? review::review_word("") : found->second);
  }
  return words;
}

} // namespace normdoc::audit
