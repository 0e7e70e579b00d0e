// SPDX-License-Identifier: MIT
#include "toml_source.hpp"

#include <normdoc/registry/meta_file.hpp>
#include <normdoc/util/file.hpp>

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/registry/doc_no.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace normdoc::registry {

namespace {

const std::vector<std::string> k_meta_keys = {
  "title",   "issuer",   "doc_no",  "drafting_unit", "kind",      "concerns_business", "validity", "expires",
  "drafted", "index_no", "subject", "text",          "published", "effective",         "reg_no",   "override_gate",
};

class MetaReader
{
public:
  MetaReader(const toml::table& table, std::string source) : m_table(table), m_source(std::move(source)) {}

  Location where(const toml::node& node, std::string_view key) const { return location_of(node, m_source, key); }

  std::optional<std::string> text(std::string_view key) const
  {
    const toml::node* node = m_table.get(key);
    if (!node) {
      return std::nullopt;
    }
    if (const auto* value = node->as_string()) {
      return value->get();
    }
    throw DataError("应为字符串（用双引号括起）", where(*node, key));
  }

  std::optional<bool> flag(std::string_view key) const
  {
    const toml::node* node = m_table.get(key);
    if (!node) {
      return std::nullopt;
    }
    if (const auto* value = node->as_boolean()) {
      return value->get();
    }
    throw DataError("应为 true 或 false", where(*node, key));
  }

  std::optional<util::Date> date(std::string_view key) const
  {
    const toml::node* node = m_table.get(key);
    if (!node) {
      return std::nullopt;
    }
    try {
      if (const auto* value = node->as_date()) {
        const toml::date d = value->get();
        return util::Date::from_ymd(d.year, d.month, d.day);
      }
      if (const auto* value = node->as_string()) {
        return util::Date::parse(value->get());
      }
    } catch (const DataError& e) {
      throw e.located(where(*node, key));
    }
    throw DataError("应为日期，例如 2024-08-14", where(*node, key));
  }

  std::optional<util::Duration> duration(std::string_view key) const
  {
    const auto value = text(key);
    if (!value) {
      return std::nullopt;
    }
    try {
      return util::Duration::parse(*value);
    } catch (const DataError& e) {
      throw e.located(where(*m_table.get(key), key));
    }
  }

  // Applies `parse` to a string value, locating its errors.
  template<typename Check> void check(std::string_view key, Check check_value) const
  {
    if (const toml::node* node = m_table.get(key)) {
      try {
        check_value();
      } catch (const DataError& e) {
        throw e.located(where(*node, key));
      }
    }
  }

private:
  const toml::table& m_table;
  std::string m_source;
};

} // namespace

DocumentMeta parse_meta(std::string_view toml_text, const std::filesystem::path& source,
                        std::optional<std::uint64_t> max_text_bytes)
{
  const std::string name = source.string();
  if (const auto bad = util::find_invalid_utf8(toml_text)) {
    throw DataError(fmt::format("不是有效的 UTF-8 文本（第{}字节）", *bad + 1), Location{name, 0, 0, {}},
                    "请以 UTF-8 保存，例如 iconv -f GB18030 -t UTF-8");
  }
  const toml::table table = parse_toml(toml_text, name);
  const MetaReader reader(table, name);
  for (const auto& [key, node] : table) {
    const std::string key_text(key.str());
    if (std::find(k_meta_keys.begin(), k_meta_keys.end(), key_text) == k_meta_keys.end()) {
      const auto suggestion = util::closest_match(key_text, k_meta_keys);
      throw DataError(fmt::format("未知的字段“{}”", key_text),
                      Location{name, static_cast<int>(key.source().begin.line),
                               static_cast<int>(key.source().begin.column), key_text},
                      suggestion ? fmt::format("是否想写“{}”？", *suggestion) : "可用字段见 man normdoc");
    }
  }
  DocumentMeta meta;
  NewDocument& doc = meta.document;
  doc.title = reader.text("title").value_or("");
  doc.issuer = reader.text("issuer").value_or("");
  doc.doc_no = reader.text("doc_no");
  doc.drafting_unit = reader.text("drafting_unit");
  doc.kind = reader.text("kind").value_or("normative");
  doc.concerns_business = reader.flag("concerns_business").value_or(false);
  doc.validity = reader.duration("validity");
  doc.expires = reader.date("expires");
  doc.drafted = reader.date("drafted");
  doc.index_no = reader.text("index_no");
  doc.subject = reader.text("subject");
  reader.check("doc_no", [&] {
    if (doc.doc_no) {
      DocNo::parse(*doc.doc_no);
    }
  });
  if (const auto text_path = reader.text("text")) {
    const std::filesystem::path resolved = std::filesystem::path(*text_path).is_absolute()
                                             ? std::filesystem::path(*text_path)
                                             : source.parent_path() / *text_path;
    reader.check("text", [&] { doc.text = read_document_text(resolved, max_text_bytes); });
  }
  meta.override_gate = reader.text("override_gate");
  if (const auto published = reader.date("published")) {
    meta.publication =
      Publication{*published, reader.date("effective"), doc.expires, doc.validity, reader.text("reg_no")};
  } else if (table.contains("effective") || table.contains("reg_no")) {
    const std::string_view key = table.contains("effective") ? "effective" : "reg_no";
    throw DataError("只有已发布的文件（写明 published）才能有此字段", reader.where(*table.get(key), key));
  }
  return meta;
}

DocumentMeta load_meta(const std::filesystem::path& path, std::optional<std::uint64_t> max_text_bytes)
{
  return parse_meta(util::read_file(path, "文件"), path, max_text_bytes);
}

DocumentText read_document_text(const std::filesystem::path& path, std::optional<std::uint64_t> max_text_bytes)
{
  return DocumentText{ingest::extract(path, ingest::ExtractOptions{true, max_text_bytes}).text,
                      path.filename().string()};
}

} // namespace normdoc::registry
