// SPDX-License-Identifier: MIT
#include "output/document_view.hpp"

#include "output/csv.hpp"
#include "output/detail.hpp"
#include "output/table.hpp"

#include <normdoc/audit/summary.hpp>
#include <normdoc/error.hpp>
#include <normdoc/util/duration.hpp>
#include <normdoc/util/json.hpp>

#include <fmt/format.h>

#include <ctime>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <variant>

namespace normdoc::cli {

namespace {

using registry::Document;
using Value = std::variant<std::monostate, std::string, std::int64_t, bool>;

struct Field
{
  std::string_view key;   // JSON and CSV
  std::string_view label; // people
  std::function<Value(const Document&, const util::Date&)> get;
};

Value of(const std::optional<std::string>& text)
{
  return text ? Value(*text) : Value();
}

Value of(const std::optional<util::Date>& date)
{
  return date ? Value(date->iso()) : Value();
}

Value of(const std::optional<std::int64_t>& number)
{
  return number ? Value(*number) : Value();
}

// Every document field, in the order JSON, CSV and `show` present them.
const std::vector<Field>& document_fields()
{
  static const std::vector<Field> k_fields = {
    {"id", "文件编号", [](const Document& d, const util::Date&) { return Value(d.id); }},
    {"reg_no", "登记编号", [](const Document& d, const util::Date&) { return of(d.reg_no); }},
    {"doc_no", "文号", [](const Document& d, const util::Date&) { return of(d.doc_no); }},
    {"title", "标题", [](const Document& d, const util::Date&) { return Value(d.title); }},
    {"issuer", "制定机关", [](const Document& d, const util::Date&) { return Value(d.issuer); }},
    {"drafting_unit", "起草单位", [](const Document& d, const util::Date&) { return of(d.drafting_unit); }},
    {"kind", "类别", [](const Document& d, const util::Date&) { return Value(d.kind); }},
    {"status", "状态",
     [](const Document& d, const util::Date& as_of) {
       return Value(std::string(registry::status_key(d.status_on(as_of))));
     }},
    {"status_label", "状态说明",
     [](const Document& d, const util::Date& as_of) {
       return Value(std::string(registry::status_label(d.status_on(as_of))));
     }},
    {"in_force", "是否有效", [](const Document& d, const util::Date& as_of) { return Value(d.in_force_on(as_of)); }},
    {"trial", "暂行/试行", [](const Document& d, const util::Date&) { return Value(d.trial); }},
    {"concerns_business", "涉及市场主体经济活动",
     [](const Document& d, const util::Date&) { return Value(d.concerns_business); }},
    {"drafted", "起草日期", [](const Document& d, const util::Date&) { return of(d.drafted); }},
    {"published", "发布日期", [](const Document& d, const util::Date&) { return of(d.published); }},
    {"effective", "施行日期", [](const Document& d, const util::Date&) { return of(d.effective); }},
    {"expires", "有效期至", [](const Document& d, const util::Date&) { return of(d.expires); }},
    {"validity", "有效期", [](const Document& d, const util::Date&) { return of(d.validity); }},
    {"repealed", "废止日期", [](const Document& d, const util::Date&) { return of(d.repealed); }},
    {"repeal_reason", "废止理由", [](const Document& d, const util::Date&) { return of(d.repeal_reason); }},
    {"amended", "修改日期", [](const Document& d, const util::Date&) { return of(d.amended); }},
    {"invalidated", "宣布失效日期", [](const Document& d, const util::Date&) { return of(d.invalidated); }},
    {"amends", "修改的文件", [](const Document& d, const util::Date&) { return of(d.amends); }},
    {"superseded_by", "被以下文件修改", [](const Document& d, const util::Date&) { return of(d.superseded_by); }},
    {"index_no", "索引号", [](const Document& d, const util::Date&) { return of(d.index_no); }},
    {"subject", "主题分类", [](const Document& d, const util::Date&) { return of(d.subject); }},
    {"text_sha256", "全文 SHA-256", [](const Document& d, const util::Date&) { return of(d.text_sha256); }},
    {"text_source", "全文来源", [](const Document& d, const util::Date&) { return of(d.text_source); }},
    {"created_at", "登记时间", [](const Document& d, const util::Date&) { return Value(d.created_at); }},
    {"updated_at", "更新时间", [](const Document& d, const util::Date&) { return Value(d.updated_at); }},
  };
  return k_fields;
}

void write_json(util::JsonWriter& json, const Value& value)
{
  std::visit(
    [&](const auto& v) {
      if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) {
        json.null();
      } else {
        json.value(v);
      }
    },
    value);
}

std::string to_text(const Value& value, std::string_view yes, std::string_view no)
{
  if (const auto* text = std::get_if<std::string>(&value)) {
    return *text;
  }
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    return std::to_string(*number);
  }
  if (const auto* flag = std::get_if<bool>(&value)) {
    return std::string(*flag ? yes : no);
  }
  return {};
}

} // namespace

void write_document_fields(util::JsonWriter& json, const Document& doc, const util::Date& as_of)
{
  for (const auto& field : document_fields()) {
    json.key(field.key);
    write_json(json, field.get(doc, as_of));
  }
}

void write_document_json(util::JsonWriter& json, const Document& doc, const util::Date& as_of)
{
  json.begin_object();
  write_document_fields(json, doc, as_of);
  json.end_object();
}

std::string local_time(std::string_view utc)
{
  std::tm parts{};
  const std::string text(utc);
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  if (!end || *end != '\0') {
    return text;
  }
  const std::time_t when = timegm(&parts);
  std::tm local{};
  localtime_r(&when, &local);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                     local.tm_hour, local.tm_min, local.tm_sec);
}

std::string iso(const std::optional<util::Date>& date)
{
  return date ? date->iso() : "";
}

std::string render_printed(Printed printed, const RenderOptions& options)
{
  if (options.printed_on) {
    printed.footer(options.office, *options.printed_on);
  }
  switch (options.format) {
  case Format::md:
    return printed.markdown();
  case Format::html:
    return printed.html();
  case Format::docx:
    return printed.docx();
  default:
    return printed.text();
  }
}

std::string csv_of(const std::vector<CsvColumn>& columns, const std::vector<std::vector<std::string>>& rows,
                   const RenderOptions& options)
{
  std::string out = options.bom ? std::string(k_utf8_bom) : std::string();
  std::vector<std::string> header;
  for (const auto& column : columns) {
    header.emplace_back(options.english_header ? column.key : column.label);
  }
  out += csv_record(header);
  for (const auto& row : rows) {
    out += csv_record(row);
  }
  return out;
}

std::string csv_flag(bool value, const RenderOptions& options)
{
  if (options.english_header) {
    return value ? "true" : "false";
  }
  return value ? "是" : "否";
}

DocumentStream::DocumentStream(const RenderOptions& options, std::function<void(const std::string&)> out)
    : m_options(options), m_out(std::move(out))
{
  if (m_options.format == Format::json) {
    m_json.begin_array();
    m_out(m_json.take());
    return;
  }
  std::vector<std::string> header;
  for (const auto& field : document_fields()) {
    header.emplace_back(m_options.english_header ? field.key : field.label);
  }
  m_out((m_options.bom ? std::string(k_utf8_bom) : std::string()) + csv_record(header));
}

void DocumentStream::add(const Document& doc)
{
  if (m_options.format == Format::json) {
    write_document_json(m_json, doc, m_options.as_of);
    m_out(m_json.take());
    return;
  }
  std::vector<std::string> row;
  for (const auto& field : document_fields()) {
    row.push_back(to_text(field.get(doc, m_options.as_of), csv_flag(true, m_options), csv_flag(false, m_options)));
  }
  m_out(csv_record(row));
}

void DocumentStream::finish()
{
  if (m_options.format == Format::json) {
    m_json.end_array();
    m_out(m_json.take() + "\n");
  }
}

std::string render_documents(const std::vector<Document>& documents, const RenderOptions& options)
{
  if (options.format == Format::json || options.format == Format::csv) {
    std::string out;
    DocumentStream stream(options, [&](const std::string& part) { out += part; });
    for (const auto& doc : documents) {
      stream.add(doc);
    }
    stream.finish();
    return out;
  }
  Table table({"编号", "登记编号", "文号", "标题", "制定机关", "状态", "施行日期", "有效期至"});
  table.right_align(0);
  table.shorten_first(3);
  table.shorten_first(4);
  // On 80 columns: 编号, 文号, 标题, 状态, 有效期至 (an office knows its own issuer).
  for (const std::size_t column : {1U, 6U, 4U}) {
    table.leave_out_first(column);
  }
  for (const auto& doc : documents) {
    table.add_row({std::to_string(doc.id), doc.reg_no.value_or("-"), doc.doc_no.value_or("-"), doc.title, doc.issuer,
                   std::string(registry::status_label(doc.status_on(options.as_of))),
                   doc.effective ? doc.effective->iso() : "-", doc.expires ? doc.expires->iso() : "-"});
  }
  return table.render();
}

std::string render_document_text(const Document& doc, const RenderOptions& options)
{
  Table table({"项目", "内容"});
  for (const auto& field : document_fields()) {
    if (field.key == "status") {
      continue; // the label line says the same in words
    }
    std::string text = to_text(field.get(doc, options.as_of), "是", "否");
    if (field.key == "kind") {
      text = doc.kind == "normative" ? "规范性文件" : "其他文件";
    }
    if (field.key == "created_at" || field.key == "updated_at") {
      text = local_time(text);
    }
    if (field.key == "validity" && doc.validity) {
      text = util::Duration::parse(*doc.validity).chinese(); // 5y → 5年
    }
    if (!text.empty()) {
      table.add_row({std::string(field.label), text});
    }
  }
  const std::string rendered = table.render();
  // Drop the header line: a detail view reads as labelled lines, not as a table.
  return rendered.substr(rendered.find('\n') + 1);
}

std::string render_document(const Document& doc, const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    write_document_json(json, doc, options.as_of);
    return json.str() + "\n";
  }
  return render_document_text(doc, options);
}

std::string event_label(std::string_view kind, std::string_view review_word)
{
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 32> k_labels{{
    {"add", "登记"},
    {"publish", "发布"},
    {"repeal", "废止"},
    {"amend", "修改"},
    {"edit", "更正"},
    {"record", "程序步骤"},
    {"gate-override", "越过把关"},
    {"file", "报送备案"},
    {"filing-result", "备案结果"},
    {"filing-corrected", "纠正"},
    {"review-start", "开始{}"},
    {"review-answer", "回答{}事项"},
    {"review-dismiss", "排除筛查发现"},
    {"review-conclude", "{}结论"},
    {"evaluate", "后评估"},
    {"renew", "延续有效期"},
    {"invalidate", "宣布失效"},
    {"withdraw", "撤回"},
    {"acknowledge", "确认"},
    {"void-step", "作废程序记录"},
    {"outdate-review", "{}结论不再适用"},
    {"void-filing", "作废备案记录"},
    {"void-evaluation", "作废后评估"},
    {"cleanup-open", "开始清理"},
    {"cleanup-decide", "清理决定"},
    {"cleanup-close", "结束清理"},
    {"basis-import", "导入上位法目录"},
    {"basis-change", "上位法变化"},
    {"bundle-add", "从文件包登记"},
    {"bundle-replace", "从文件包替换"},
    {"bundle-import", "导入文件包"},
    {"baseline", "日志基线"},
  }};
  for (const auto& [key, label] : k_labels) {
    if (key == kind) {
      return fmt::format(fmt::runtime(label), review_word); // labels without {} stay as they are
    }
  }
  return std::string(kind);
}

std::string render_events(const std::vector<audit::Event>& events, const RenderOptions& options)
{
  const auto words = audit::review_words(events);
  switch (options.format) {
  case Format::json: {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& event : events) {
      json.begin_object()
        .member("id", event.id)
        .member("at", event.at)
        .member("actor", event.actor)
        .member("document", event.document)
        .member("kind", event.kind)
        .key("payload")
        .raw(event.payload)
        .member("prev_hash", event.prev_hash)
        .member("hash", event.hash);
      // Only events written on a PostgreSQL server have one (schema 19); a SQLite log prints
      // as it did.
      if (event.db_role) {
        json.member("db_role", *event.db_role);
      }
      json.end_object();
    }
    json.end_array();
    return json.str() + "\n";
  }
  case Format::csv: {
    // The database role's column comes when some event has one (a registry on a server).
    const bool roles =
      std::any_of(events.begin(), events.end(), [](const audit::Event& event) { return event.db_role.has_value(); });
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& event = events[i];
      rows.push_back({std::to_string(event.id), event.at, event.actor,
                      event.document ? std::to_string(*event.document) : "",
                      options.english_header ? event.kind : event_label(event.kind, words[i]), event.payload,
                      event.prev_hash, event.hash});
      if (roles) {
        rows.back().push_back(event.db_role.value_or(""));
      }
    }
    std::vector<CsvColumn> columns = {
      {"id", "序号"},   {"at", "时间"},      {"actor", "经办人"},           {"document", "文件"},
      {"kind", "事件"}, {"payload", "内容"}, {"prev_hash", "前一事件哈希"}, {"hash", "哈希"}};
    if (roles) {
      columns.push_back({"db_role", "数据库角色"});
    }
    return csv_of(columns, rows, options);
  }
  default:
    break;
  }
  Table table({"序号", "时间", "经办人", "文件", "事件", "内容"});
  table.right_align(0);
  table.shorten_first(5);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& event = events[i];
    // On a server the officer's name comes with the database role that wrote the event.
    const std::string actor = event.db_role ? fmt::format("{}（{}）", event.actor, *event.db_role) : event.actor;
    table.add_row({std::to_string(event.id), local_time(event.at), actor,
                   event.document ? fmt::format("#{}", *event.document) : "-", event_label(event.kind, words[i]),
                   audit::summarize(event.kind, event.payload, words[i])});
  }
  return table.render();
}

} // namespace normdoc::cli
