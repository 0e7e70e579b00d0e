// SPDX-License-Identifier: MIT
#include "toml_source.hpp"

#include <normdoc/review/checklist.hpp>

#include "embedded_files.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/sha256.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <regex>
#include <set>

namespace normdoc::review {

namespace {

constexpr std::int64_t k_schema = 1;

constexpr std::array<util::Named<Severity>, 3> k_severities{{
  {Severity::info, "info", "提示"},
  {Severity::warning, "warning", "警告"},
  {Severity::error, "error", "错误"},
}};

class Reader
{
public:
  explicit Reader(std::string source) : m_source(std::move(source)) {}

  Location at(const toml::node& node, std::string_view field) const
  {
    return location_of(node, m_source, field);
  }

  void only(const toml::table& table, std::initializer_list<std::string_view> allowed) const
  {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        const std::vector<std::string> names(allowed.begin(), allowed.end());
        const auto suggestion = util::closest_match(key.str(), names);
        throw DataError(fmt::format("未知的字段“{}”", key.str()),
                        Location{m_source, static_cast<int>(key.source().begin.line),
                                 static_cast<int>(key.source().begin.column), std::string(key.str())},
                        suggestion ? fmt::format("是否想写“{}”？", *suggestion) : "格式见 schemas/checklists/README.md");
      }
    }
  }

  std::string text(const toml::table& table, std::string_view field, bool required = true) const
  {
    const toml::node* node = table.get(field);
    if (!node) {
      if (required) {
        throw DataError("缺少此字段", Location{m_source, static_cast<int>(table.source().begin.line), 0, std::string(field)});
      }
      return {};
    }
    const auto* value = node->as_string();
    if (!value || (required && util::trim(value->get()).empty())) {
      throw DataError("应为非空字符串", at(*node, field));
    }
    return value->get();
  }

  std::vector<std::string> texts(const toml::table& table, std::string_view field) const
  {
    std::vector<std::string> out;
    const toml::node* node = table.get(field);
    if (!node) {
      return out;
    }
    const auto* array = node->as_array();
    if (!array) {
      throw DataError("应为字符串数组", at(*node, field));
    }
    for (const auto& element : *array) {
      const auto* value = element.as_string();
      if (!value || value->get().empty()) {
        throw DataError("应为非空字符串", at(element, field));
      }
      out.push_back(util::normalize_width(value->get()));
    }
    return out;
  }

  const toml::array* tables(const toml::table& table, std::string_view field) const
  {
    const toml::node* node = table.get(field);
    if (!node) {
      return nullptr;
    }
    const auto* array = node->as_array();
    if (!array || !array->is_array_of_tables()) {
      throw DataError(fmt::format("应写作 [[{}]] 表数组", field), at(*node, field));
    }
    return array;
  }

  const std::string& source() const { return m_source; }

private:
  std::string m_source;
};

Rule parse_rule(const Reader& reader, const toml::table& table)
{
  reader.only(table, {"id", "severity", "message", "phrases", "regex", "near", "within", "unless"});
  Rule rule;
  rule.id = reader.text(table, "id");
  const std::string severity = reader.text(table, "severity");
  const auto parsed = parse_severity(severity);
  if (!parsed) {
    throw DataError(fmt::format("未知的严重程度“{}”，应为 error、warning 或 info", severity), reader.at(*table.get("severity"), "severity"));
  }
  rule.severity = *parsed;
  rule.message = reader.text(table, "message");
  rule.phrases = reader.texts(table, "phrases");
  rule.regex = util::normalize_width(reader.text(table, "regex", false));
  rule.near = reader.texts(table, "near");
  rule.unless = reader.texts(table, "unless");
  if (const toml::node* within = table.get("within")) {
    const auto value = within->value<std::int64_t>();
    if (!value || *value < 1 || *value > 200) {
      throw DataError("应为 1 到 200 之间的整数（字数）", reader.at(*within, "within"));
    }
    rule.within = static_cast<int>(*value);
  }
  if (rule.phrases.empty()) {
    throw DataError("规则须有 phrases（正则规则的 phrases 为预筛词，须与正则同时出现）",
                    Location{reader.source(), static_cast<int>(table.source().begin.line), 0, rule.id});
  }
  if (!rule.regex.empty()) {
    try {
      std::regex compiled(rule.regex);
    } catch (const std::regex_error& e) {
      throw DataError(fmt::format("正则表达式无效：{}", e.what()), reader.at(*table.get("regex"), "regex"));
    }
  }
  return rule;
}

} // namespace

std::string_view severity_key(Severity severity)
{
  return util::named(k_severities, severity).key;
}

std::string_view severity_label(Severity severity)
{
  return util::named(k_severities, severity).label;
}

std::optional<Severity> parse_severity(std::string_view key)
{
  return util::parse_named(k_severities, key);
}

Checklist parse_checklist(std::string_view toml_text, const std::string& source)
{
  const toml::table table = parse_toml(toml_text, source);
  const Reader reader(source);
  reader.only(table, {"schema", "id", "version", "title", "source", "conclusions", "exception_item", "items"});
  if (table["schema"].value<std::int64_t>() != k_schema) {
    throw DataError(fmt::format("不支持的清单格式版本，应为 schema = {}", k_schema), Location{source, 1, 0, "schema"});
  }
  Checklist checklist;
  checklist.id = reader.text(table, "id");
  checklist.version = reader.text(table, "version");
  checklist.title = reader.text(table, "title");
  checklist.source = reader.text(table, "source");
  checklist.conclusions = reader.texts(table, "conclusions");
  checklist.sha256 = util::sha256_hex(toml_text);
  std::set<std::string> ids;
  const auto* items = reader.tables(table, "items");
  if (!items || items->empty()) {
    throw DataError("清单没有任何条目（[[items]]）", Location{source, 0, 0, "items"});
  }
  for (const auto& node : *items) {
    const toml::table& item_table = *node.as_table();
    reader.only(item_table, {"id", "category", "text", "article", "rules"});
    Item item;
    item.id = reader.text(item_table, "id");
    item.category = reader.text(item_table, "category");
    item.text = reader.text(item_table, "text");
    item.article = reader.text(item_table, "article");
    if (!ids.insert(item.id).second) {
      throw DataError(fmt::format("条目编号“{}”重复", item.id), reader.at(*item_table.get("id"), "id"));
    }
    if (const auto* rules = reader.tables(item_table, "rules")) {
      for (const auto& rule_node : *rules) {
        Rule rule = parse_rule(reader, *rule_node.as_table());
        if (!ids.insert(rule.id).second) {
          throw DataError(fmt::format("规则编号“{}”重复", rule.id), reader.at(*rule_node.as_table()->get("id"), "id"));
        }
        item.rules.push_back(std::move(rule));
      }
    }
    checklist.items.push_back(std::move(item));
  }
  checklist.exception_item = reader.text(table, "exception_item", false);
  if (!checklist.exception_item.empty()) {
    const auto& all = checklist.items;
    const bool known =
      std::any_of(all.begin(), all.end(), [&](const Item& item) { return item.id == checklist.exception_item; });
    const auto& results = checklist.conclusions;
    const bool concludable = std::find(results.begin(), results.end(), "exception") != results.end();
    if (!known || !concludable) {
      throw DataError(known ? "有例外条目的清单，conclusions 须含 \"exception\"" : fmt::format("没有编号为“{}”的条目", checklist.exception_item),
                      reader.at(*table.get("exception_item"), "exception_item"));
    }
  }
  return checklist;
}

const std::vector<Checklist>& builtin_checklists()
{
  static const std::vector<Checklist> k_checklists = [] {
    std::vector<Checklist> loaded;
    for (const EmbeddedFile& file : checklist_files()) {
      loaded.push_back(parse_checklist(file.text, "schemas/checklists/" + std::string(file.name)));
    }
    return loaded;
  }();
  return k_checklists;
}

std::vector<const Checklist*> select_checklists(std::string_view which)
{
  std::vector<const Checklist*> selected;
  for (const auto& checklist : builtin_checklists()) {
    if (which == "all" || checklist.id == which) {
      selected.push_back(&checklist);
    }
  }
  if (selected.empty()) {
    throw UsageError(fmt::format("未知的审查清单“{}”", which), "可用：legality（合法性审核）、fair-competition（公平竞争审查）、all");
  }
  return selected;
}

} // namespace normdoc::review
