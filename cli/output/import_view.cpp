// SPDX-License-Identifier: MIT
#include "output/import_view.hpp"
#include "output/table.hpp"

#include <normdoc/util/json.hpp>

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

void write_field(util::JsonWriter& json, std::string_view key, const std::optional<ingest::Field>& field)
{
  json.key(key);
  if (!field) {
    json.null();
    return;
  }
  json.begin_object()
    .member("value", field->value)
    .member("source", field->source)
    .key("confidence")
    .raw(fmt::format("{:.2f}", field->confidence))
    .end_object();
}

std::string shown(const std::optional<ingest::Field>& field)
{
  if (!field) {
    return "";
  }
  return field->confidence < 0.6 ? field->value + "（？）" : field->value;
}

// 自发布之日起施行 reads as such, not as the key stored for it.
std::string effective_shown(const std::optional<ingest::Field>& field)
{
  return field && field->value == ingest::k_from_publication ? "发布之日" : shown(field);
}

} // namespace

std::string render_import(const std::vector<ingest::FileResult>& results, const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& result : results) {
      const ingest::Metadata& meta = result.metadata;
      json.begin_object()
        .member("file", result.file)
        .member("status", ingest::status_key(result.status))
        .member("document", result.document)
        .member("format", result.format ? std::optional<std::string>(ingest::format_key(*result.format)) : std::nullopt)
        .member("encoding", result.format ? std::optional(result.encoding) : std::nullopt)
        .member("pages", result.pages > 0 ? std::optional<std::int64_t>(result.pages) : std::nullopt)
        .member("ocr_pages", std::int64_t{result.ocr_pages})
        .member("ocr_confidence",
                result.ocr_confidence ? std::optional<std::int64_t>(*result.ocr_confidence) : std::nullopt);
      write_field(json, "title", meta.title);
      write_field(json, "doc_no", meta.doc_no);
      write_field(json, "attached_title", meta.attached_title);
      write_field(json, "issuer", meta.issuer);
      json.key("issuers").begin_array();
      for (const auto& name : meta.issuers) {
        json.value(name);
      }
      json.end_array();
      write_field(json, "date", meta.date);
      write_field(json, "effective", meta.validity.effective);
      write_field(json, "validity", meta.validity.validity);
      write_field(json, "expires", meta.validity.expires);
      json.member("trial", meta.trial).key("citations").begin_array();
      for (const auto& citation : meta.citations) {
        json.value(citation.law);
      }
      json.end_array().member("error", result.error.empty() ? std::nullopt : std::optional(result.error)).end_object();
    }
    json.end_array();
    return json.str() + "\n";
  }
  Table table({"文件", "结果", "编号", "标题", "文号", "制定机关", "日期", "施行", "有效期"});
  for (const auto& result : results) {
    const ingest::Metadata& meta = result.metadata;
    if (result.status == ingest::Status::error) {
      table.add_row({result.file, "出错", "", result.error, "", "", "", "", ""});
      continue;
    }
    table.add_row({result.file, std::string(ingest::status_label(result.status)),
                   result.document ? fmt::format("#{}", *result.document) : "", shown(meta.title), shown(meta.doc_no),
                   shown(meta.issuer), shown(meta.date), effective_shown(meta.validity.effective),
                   shown(meta.validity.expires ? meta.validity.expires : meta.validity.validity)});
  }
  return table.render();
}

} // namespace normdoc::cli
