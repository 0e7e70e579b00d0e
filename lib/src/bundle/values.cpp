// SPDX-License-Identifier: MIT
#include "values.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/date.hpp>
#include <normdoc/util/duration.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/sha256.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

namespace normdoc::bundle::detail {

namespace {

enum class Kind
{
  text,          // string or null
  required_text, // non-empty string
  date,          // YYYY-MM-DD or null
  instant,       // ISO 8601 UTC, e.g. 2026-12-01T10:40:21Z
  optional_instant,
  flag, // 0/1 (or true/false)
  id,   // integer >= 1
  optional_id,
  count,    // integer >= 0
  duration, // e.g. "5y", or null
  sha256,   // 64 lowercase hex digits, or null
  hex,      // lowercase hex digits, an even number of them (a key, a signature)
  choice,   // one of `allowed`, or null
};

struct Rule
{
  Kind kind;
  std::vector<std::string_view> allowed{};
};

using Rules = std::map<std::string_view, Rule>;

// Every column a bundle may carry, per table (schemas/sql/). A field not listed is refused:
// an unknown field is a bundle from a newer normdoc or not from normdoc at all.
const Rules& document_rules()
{
  static const Rules k_rules{
    {"id", {Kind::id}},
    {"reg_no", {Kind::text}},
    {"doc_no", {Kind::text}},
    {"title", {Kind::required_text}},
    {"issuer", {Kind::required_text}},
    {"drafting_unit", {Kind::text}},
    {"kind", {Kind::choice, {"normative", "other"}}},
    {"concerns_business", {Kind::flag}},
    {"trial", {Kind::flag}},
    {"status", {Kind::choice, {"draft", "reviewing", "approved", "published", "amended", "repealed", "invalidated"}}},
    {"validity", {Kind::duration}},
    {"drafted", {Kind::date}},
    {"published", {Kind::date}},
    {"effective", {Kind::date}},
    {"expires", {Kind::date}},
    {"repealed", {Kind::date}},
    {"repeal_reason", {Kind::text}},
    {"amended", {Kind::date}},
    {"invalidated", {Kind::date}},
    {"withdrawn", {Kind::date}},
    {"amends", {Kind::optional_id}},
    {"superseded_by", {Kind::optional_id}},
    {"index_no", {Kind::text}},
    {"subject", {Kind::text}},
    {"created_at", {Kind::instant}},
    {"updated_at", {Kind::instant}},
  };
  return k_rules;
}

const Rules& step_rules()
{
  static const Rules k_rules{
    {"step",
     {Kind::choice,
      {"assessment", "comment", "legality-review", "fair-competition-review", "deliberation", "signing",
       "publication"}}},
    {"date", {Kind::date}},
    {"date_from", {Kind::date}},
    {"date_to", {Kind::date}},
    {"received", {Kind::date}},
    {"channel", {Kind::text}},
    {"meeting", {Kind::text}},
    {"result", {Kind::text}},
    {"until", {Kind::date}},
    {"note", {Kind::text}},
    {"recorded_at", {Kind::instant}},
    {"urgency", {Kind::text}},
    {"voided", {Kind::date}},
    {"void_reason", {Kind::text}},
  };
  return k_rules;
}

const Rules& filing_rules()
{
  static const Rules k_rules{
    {"body", {Kind::required_text}}, {"filed", {Kind::date}},  {"materials", {Kind::text}},
    {"missing", {Kind::text}},       {"voided", {Kind::date}}, {"void_reason", {Kind::text}},
  };
  return k_rules;
}

const Rules& outcome_rules()
{
  static const Rules k_rules{
    {"kind", {Kind::choice, {"result", "corrected"}}},
    {"result", {Kind::choice, {"registered", "deferred", "refused", "passed", "correct", "revoke"}}},
    {"date", {Kind::date}},
    {"until", {Kind::date}},
    {"note", {Kind::text}},
  };
  return k_rules;
}

const Rules& review_rules()
{
  static const Rules k_rules{
    {"id", {Kind::id}},
    {"checklist", {Kind::required_text}},
    {"checklist_title", {Kind::required_text}},
    {"checklist_version", {Kind::required_text}},
    {"checklist_sha256", {Kind::required_text}},
    {"conclusions", {Kind::text}},
    {"exception_item", {Kind::text}},
    {"text_sha256", {Kind::sha256}},
    {"reviewer", {Kind::required_text}},
    {"received", {Kind::date}},
    {"started_at", {Kind::instant}},
    {"concluded", {Kind::date}},
    {"result", {Kind::text}},
    {"opinion", {Kind::text}},
    {"urgency", {Kind::text}},
    {"exception_ground", {Kind::choice, {"security", "innovation", "public-interest", "law"}}},
    {"alternatives", {Kind::text}},
    {"until", {Kind::date}},
    {"superseded_by", {Kind::optional_id}},
  };
  return k_rules;
}

const Rules& review_item_rules()
{
  static const Rules k_rules{
    {"position", {Kind::count}},   {"item", {Kind::required_text}},
    {"category", {Kind::text}},    {"text", {Kind::text}},
    {"article", {Kind::text}},     {"answer", {Kind::choice, {"pass", "fail", "na"}}},
    {"note", {Kind::text}},        {"evidence", {Kind::text}},
    {"answered_by", {Kind::text}}, {"answered_at", {Kind::optional_instant}},
  };
  return k_rules;
}

const Rules& review_finding_rules()
{
  static const Rules k_rules{
    {"number", {Kind::id}},
    {"line", {Kind::count}},
    {"col", {Kind::count}},
    {"rule", {Kind::text}},
    {"item", {Kind::text}},
    {"article", {Kind::text}},
    {"severity", {Kind::choice, {"info", "warning", "error"}}},
    {"message", {Kind::text}},
    {"excerpt", {Kind::text}},
    {"matched", {Kind::text}},
    {"dismissed_reason", {Kind::text}},
    {"dismissed_by", {Kind::text}},
    {"dismissed_at", {Kind::optional_instant}},
  };
  return k_rules;
}

const Rules& evaluation_rules()
{
  static const Rules k_rules{
    {"date", {Kind::date}},
    {"outcome", {Kind::choice, {"continue", "amend", "repeal"}}},
    {"reason", {Kind::text}},
    {"report", {Kind::text}},
    {"report_sha256", {Kind::sha256}},
    {"previous_expires", {Kind::date}},
    {"new_expires", {Kind::date}},
    {"previous_reg_no", {Kind::text}},
    {"new_reg_no", {Kind::text}},
    {"replacement", {Kind::optional_id}},
    {"recorded_at", {Kind::instant}},
    {"voided", {Kind::date}},
    {"void_reason", {Kind::text}},
  };
  return k_rules;
}

[[noreturn]] void bad(const std::string& field, const std::string& why)
{
  throw DataError(why, Location{{}, 0, 0, field});
}

bool is_iso_instant(const std::string& text)
{
  // 2026-12-01T10:40:21Z, optionally with fractions of a second.
  if (text.size() < 20 || text[10] != 'T' || text.back() != 'Z') {
    return false;
  }
  try {
    (void)util::Date::parse(text.substr(0, 10));
  } catch (const DataError&) {
    return false;
  }
  const auto digits = [&](std::size_t at) {
    return std::isdigit(static_cast<unsigned char>(text[at])) != 0 &&
           std::isdigit(static_cast<unsigned char>(text[at + 1])) != 0;
  };
  return digits(11) && text[13] == ':' && digits(14) && text[16] == ':' && digits(17);
}

bool is_hex(const std::string& text)
{
  return !text.empty() && text.size() % 2 == 0 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

void check_value(const std::string& field, const Json& value, const Rule& rule)
{
  const bool nullable = rule.kind != Kind::required_text && rule.kind != Kind::instant && rule.kind != Kind::id &&
                        rule.kind != Kind::flag && rule.kind != Kind::count && rule.kind != Kind::hex;
  if (value.is_null()) {
    if (!nullable) {
      bad(field, "不能为 null");
    }
    return;
  }
  switch (rule.kind) {
  case Kind::flag:
    if (value.is_boolean() ||
        (value.is_number_integer() && value.get<std::int64_t>() >= 0 && value.get<std::int64_t>() <= 1)) {
      return;
    }
    bad(field, "应为 0 或 1");
  case Kind::id:
  case Kind::optional_id:
  case Kind::count: {
    const std::int64_t minimum = rule.kind == Kind::count ? 0 : 1;
    if (!value.is_number_integer() || value.get<std::int64_t>() < minimum ||
        value.get<std::int64_t>() > (std::int64_t{1} << 53)) {
      bad(field, rule.kind == Kind::count ? "应为非负整数" : "应为正整数编号");
    }
    return;
  }
  default:
    break;
  }
  if (!value.is_string()) {
    bad(field, "应为字符串");
  }
  const auto& text = value.get_ref<const std::string&>();
  util::require_no_nul(text, {});
  switch (rule.kind) {
  case Kind::required_text:
    if (text.empty()) {
      bad(field, "不能为空");
    }
    return;
  case Kind::date:
    try {
      if (util::Date::parse(text).iso() != text) {
        bad(field, fmt::format("日期“{}”应写作 YYYY-MM-DD", text));
      }
    } catch (const DataError&) {
      bad(field, fmt::format("“{}”不是有效日期（YYYY-MM-DD）", text));
    }
    return;
  case Kind::instant:
  case Kind::optional_instant:
    if (!is_iso_instant(text)) {
      bad(field, fmt::format("“{}”不是 UTC 时间（如 2026-12-01T10:40:21Z）", text));
    }
    return;
  case Kind::duration:
    try {
      (void)util::Duration::parse(text);
    } catch (const DataError&) {
      bad(field, fmt::format("“{}”不是有效期限（如 5y、6m）", text));
    }
    return;
  case Kind::sha256:
    if (text.size() != 64 || !is_hex(text)) {
      bad(field, "应为64位小写十六进制的 SHA-256");
    }
    return;
  case Kind::hex:
    if (!is_hex(text)) {
      bad(field, "应为小写十六进制");
    }
    return;
  case Kind::choice:
    if (std::find(rule.allowed.begin(), rule.allowed.end(), text) == rule.allowed.end()) {
      std::string allowed;
      for (const auto choice : rule.allowed) {
        allowed += (allowed.empty() ? "" : "、") + std::string(choice);
      }
      bad(field, fmt::format("“{}”不是可用的值（{}）", text, allowed));
    }
    return;
  default:
    return;
  }
}

// `object` must be an object whose fields are all known to `rules` (arrays only where
// `nested` names them) and hold valid values; `required` fields must be present.
void check_row(const std::string& where, const Json& object, const Rules& rules,
               std::initializer_list<std::string_view> required, std::initializer_list<std::string_view> nested = {})
{
  if (!object.is_object()) {
    bad(where, "应为对象");
  }
  for (const auto name : required) {
    if (!object.contains(name)) {
      bad(fmt::format("{}.{}", where, name), "缺少此字段");
    }
  }
  for (const auto& [name, value] : object.items()) {
    const std::string field = fmt::format("{}.{}", where, name);
    if (std::find(nested.begin(), nested.end(), name) != nested.end()) {
      if (!value.is_array()) {
        bad(field, "应为数组");
      }
      continue;
    }
    const auto rule = rules.find(name);
    if (rule == rules.end()) {
      bad(field, "不是 normdoc 数据包的字段");
    }
    check_value(field, value, rule->second);
  }
}

template<typename Check> void each(const std::string& where, const Json& array, Check check)
{
  std::size_t index = 0;
  for (const Json& element : array) {
    check(fmt::format("{}[{}]", where, index++), element);
  }
}

void check_text(const Json& text, const Limits& limits)
{
  if (text.is_null()) {
    return;
  }
  if (!text.is_object() || !text.contains("text") || !text.at("text").is_string() || !text.contains("sha256")) {
    bad("text", "应为 null 或含 text、sha256、source 的对象");
  }
  for (const auto& [name, value] : text.items()) {
    if (name != "text" && name != "sha256" && name != "source") {
      bad("text." + name, "不是 normdoc 数据包的字段");
    }
  }
  const auto& content = text.at("text").get_ref<const std::string&>();
  if (content.size() > limits.max_text_bytes) {
    bad("text.text", fmt::format("全文超过登记的上限 {} MB", limits.max_text_bytes >> 20U));
  }
  util::require_no_nul(content, {});
  check_value("text.source", text.value("source", Json()), Rule{Kind::text});
  // The hash is what conflicts and reviews are matched by: it is recomputed, never taken.
  if (!text.at("sha256").is_string() || text.at("sha256").get<std::string>() != util::sha256_hex(content)) {
    bad("text.sha256", "与正文不符（正文或哈希被改动）");
  }
}

void check_event(const std::string& where, const Json& event)
{
  if (!event.is_object()) {
    bad(where, "应为对象");
  }
  for (const auto& [name, value] : event.items()) {
    const std::string field = fmt::format("{}.{}", where, name);
    if (name == "at") {
      check_value(field, value, Rule{Kind::instant});
    } else if (name == "actor" || name == "kind" || name == "office" || name == "db_role") {
      check_value(field, value, Rule{Kind::required_text});
    } else if (name == "id") {
      check_value(field, value, Rule{Kind::id});
    } else if (name == "prev_hash" || name == "hash") {
      check_value(field, value, Rule{Kind::sha256});
    } else if (name == "payload") {
      if (!value.is_string()) {
        bad(field, "应为字符串（JSON 对象的文本）");
      }
      Json parsed;
      try {
        parsed = Json::parse(value.get<std::string>());
      } catch (const Json::exception&) {
        bad(field, "不是有效的 JSON");
      }
      if (!parsed.is_object()) {
        bad(field, "应为 JSON 对象");
      }
    } else {
      bad(field, "不是 normdoc 数据包的字段");
    }
  }
  for (const char* name : {"at", "actor", "kind", "payload"}) {
    if (!event.contains(name)) {
      bad(fmt::format("{}.{}", where, name), "缺少此字段");
    }
  }
}

// The header's parts about the sender's chain (sender.hpp), each field required.
const std::map<std::string_view, Rules>& header_parts()
{
  static const std::map<std::string_view, Rules> parts{
    {"sent", {{"events", {Kind::count}}, {"digest", {Kind::sha256}}}},
    {"seal", {{"at", {Kind::instant}}, {"public_key", {Kind::hex}}, {"signature", {Kind::hex}}}},
    {"checkpoint",
     {{"events", {Kind::count}},
      {"hash", {Kind::sha256}},
      {"at", {Kind::instant}},
      {"office", {Kind::text}}, // empty when the office has no name configured
      {"public_key", {Kind::hex}},
      {"signature", {Kind::hex}}}}};
  return parts;
}

void check_object(const std::string& where, const Json& value, const Rules& rules)
{
  if (!value.is_object()) {
    bad(where, "应为对象");
  }
  for (const auto& [name, rule] : rules) {
    const std::string field = fmt::format("{}.{}", where, name);
    if (!value.contains(name) || value.at(name).is_null()) {
      bad(field, "缺少此字段");
    }
    check_value(field, value.at(name), rule);
  }
  for (const auto& [name, field_value] : value.items()) {
    if (!rules.contains(name)) {
      bad(fmt::format("{}.{}", where, name), "不是 normdoc 数据包的字段");
    }
  }
}

} // namespace

void check_line(const Json& line, const Limits& limits)
{
  if (!line.is_object()) {
    bad({}, "应为 JSON 对象");
  }
  for (const char* part : {"document", "text", "steps", "filings", "reviews", "evaluations", "events"}) {
    if (!line.contains(part)) {
      bad(part, "缺少此部分");
    }
  }
  for (const auto& [name, value] : line.items()) {
    if (name != "document" && name != "text" && !value.is_array()) {
      bad(name, name == "steps" || name == "filings" || name == "reviews" || name == "evaluations" || name == "events"
                  ? "应为数组"
                  : "不是 normdoc 数据包的部分");
    }
  }
  check_row("document", line.at("document"), document_rules(),
            {"id", "title", "issuer", "status", "created_at", "updated_at"});
  check_text(line.at("text"), limits);
  each("steps", line.at("steps"), [](const std::string& where, const Json& step) {
    check_row(where, step, step_rules(), {"step", "recorded_at"});
  });
  each("filings", line.at("filings"), [](const std::string& where, const Json& filing) {
    check_row(where, filing, filing_rules(), {"body", "filed", "materials", "missing"}, {"outcomes"});
    each(where + ".outcomes", filing.value("outcomes", Json::array()),
         [](const std::string& inner, const Json& outcome) {
           check_row(inner, outcome, outcome_rules(), {"kind", "date"});
         });
  });
  each("reviews", line.at("reviews"), [](const std::string& where, const Json& review) {
    check_row(where, review, review_rules(),
              {"id", "checklist", "checklist_title", "checklist_version", "checklist_sha256", "conclusions", "reviewer",
               "started_at"},
              {"items", "findings"});
    each(where + ".items", review.value("items", Json::array()), [](const std::string& inner, const Json& item) {
      check_row(inner, item, review_item_rules(), {"position", "item", "category", "text", "article"});
    });
    each(where + ".findings", review.value("findings", Json::array()),
         [](const std::string& inner, const Json& finding) {
           check_row(inner, finding, review_finding_rules(),
                     {"number", "line", "col", "rule", "item", "article", "severity", "message", "excerpt"});
         });
  });
  each("evaluations", line.at("evaluations"), [](const std::string& where, const Json& evaluation) {
    check_row(where, evaluation, evaluation_rules(), {"date", "outcome", "recorded_at"});
  });
  each("events", line.at("events"), check_event);
}

void check_header(const Json& header)
{
  if (!header.is_object() || header.value("bundle", Json()) != "normdoc" || header.value("version", Json()) != 1) {
    bad({}, "第一行应为 {\"bundle\":\"normdoc\",\"version\":1}");
  }
  for (const auto& [name, value] : header.items()) {
    if (name == "bundle" || name == "version") {
      continue;
    }
    if (name == "office") {
      check_value(name, value, Rule{Kind::required_text});
    } else if (name == "head") {
      if (!value.is_object() || !value.contains("events") || !value.contains("hash") || value.size() != 2) {
        bad(name, "应为 {\"events\": 事件数, \"hash\": 链头哈希}");
      }
      check_value("head.events", value.at("events"), Rule{Kind::count});
      check_value("head.hash", value.at("hash"), Rule{Kind::sha256});
    } else if (const auto fields = header_parts().find(name); fields != header_parts().end()) {
      check_object(name, value, fields->second);
    } else {
      bad(name, "不是 normdoc 数据包的字段");
    }
  }
}

} // namespace normdoc::bundle::detail
