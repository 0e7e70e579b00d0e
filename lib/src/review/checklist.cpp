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

#include <algorithm>
#include <array>
#include <functional>
#include <regex>
#include <set>
#include <unordered_set>

namespace normdoc::review {

namespace {

constexpr std::int64_t k_schema = 1;

constexpr std::array<util::Named<Severity>, 3> k_severities{{
  {Severity::info, "info", "提示"},
  {Severity::warning, "warning", "警告"},
  {Severity::error, "error", "错误"},
}};

constexpr std::array<util::Named<IssuerLevel>, 4> k_levels{{
  {IssuerLevel::county, "county", "县级"},
  {IssuerLevel::city, "city", "设区的市级"},
  {IssuerLevel::province, "province", "省级"},
  {IssuerLevel::national, "national", "国家级"},
}};

constexpr std::array<std::string_view, 4> k_municipalities{"北京市", "上海市", "天津市", "重庆市"};

bool contains(std::string_view text, std::string_view part)
{
  return text.find(part) != std::string_view::npos;
}

// Named classes used in a rule list: "{name}" stands for the class's words; "a|b" lists
// alternatives. Returns the expanded words, in order, without duplicates.
std::vector<std::string> expand(const std::map<std::string, std::vector<std::string>>& classes,
                                std::string_view written, const std::function<void(const std::string&)>& unknown)
{
  std::vector<std::string> words;
  const auto add = [&](const std::string& word) {
    if (std::find(words.begin(), words.end(), word) == words.end()) {
      words.push_back(word);
    }
  };
  for (const auto& part : util::split(written, '|')) {
    const std::string alternative = util::normalize_width(part);
    if (alternative.size() > 2 && alternative.front() == '{' && alternative.back() == '}') {
      const std::string name = alternative.substr(1, alternative.size() - 2);
      const auto found = classes.find(name);
      if (found == classes.end()) {
        unknown(name);
        continue;
      }
      for (const auto& word : found->second) {
        add(word);
      }
    } else if (!alternative.empty()) {
      add(alternative);
    }
  }
  return words;
}

class Reader
{
public:
  explicit Reader(std::string source) : m_source(std::move(source)) {}

  Location at(const toml::node& node, std::string_view field) const { return location_of(node, m_source, field); }

  void only(const toml::table& table, std::initializer_list<std::string_view> allowed) const
  {
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        const std::vector<std::string> names(allowed.begin(), allowed.end());
        const auto suggestion = util::closest_match(key.str(), names);
        throw DataError(fmt::format("未知的字段“{}”", key.str()),
                        Location{m_source, static_cast<int>(key.source().begin.line),
                                 static_cast<int>(key.source().begin.column), std::string(key.str())},
                        suggestion ? fmt::format("是否想写“{}”？", *suggestion)
                                   : "格式见 schemas/checklists/README.md");
      }
    }
  }

  std::string text(const toml::table& table, std::string_view field, bool required = true) const
  {
    const toml::node* node = table.get(field);
    if (!node) {
      if (required) {
        throw DataError("缺少此字段",
                        Location{m_source, static_cast<int>(table.source().begin.line), 0, std::string(field)});
      }
      return {};
    }
    const auto* value = node->as_string();
    if (!value || (required && util::trim(value->get()).empty())) {
      throw DataError("应为非空字符串", at(*node, field));
    }
    return value->get();
  }

  // A list of words where "{class}" and "a|b" are expanded.
  std::vector<std::string> words(const toml::table& table, std::string_view field,
                                 const std::map<std::string, std::vector<std::string>>& classes) const
  {
    std::vector<std::string> out;
    for (const auto& written : texts(table, field)) {
      for (auto& word :
           expand(classes, written, [&](const std::string& name) { unknown_class(table, field, name, classes); })) {
        if (std::find(out.begin(), out.end(), word) == out.end()) {
          out.push_back(std::move(word));
        }
      }
    }
    return out;
  }

  [[noreturn]] void unknown_class(const toml::table& table, std::string_view field, const std::string& name,
                                  const std::map<std::string, std::vector<std::string>>& classes) const
  {
    std::vector<std::string> names;
    names.reserve(classes.size());
    for (const auto& [known, words] : classes) {
      names.push_back(known);
    }
    const auto suggestion = util::closest_match(name, names);
    throw DataError(fmt::format("未定义的词类“{{{}}}”", name), at(*table.get(field), field),
                    suggestion ? fmt::format("是否想写“{{{}}}”？", *suggestion) : "词类在文件的 [classes] 中定义");
  }

  Scope scope(const toml::table& table, std::string_view field) const
  {
    const std::string value = text(table, field, false);
    if (value.empty() || value == "sentence") {
      return Scope::sentence;
    }
    if (value == "clause") {
      return Scope::clause;
    }
    throw DataError(fmt::format("未知的范围“{}”，应为 clause（分句）或 sentence（句）", value),
                    at(*table.get(field), field));
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

Severity severity_value(const Reader& reader, const toml::node& node, std::string_view field)
{
  const auto* value = node.as_string();
  const auto parsed = value ? parse_severity(value->get()) : std::nullopt;
  if (!parsed) {
    throw DataError(fmt::format("未知的严重程度“{}”，应为 error、warning 或 info", value ? value->get() : ""),
                    reader.at(node, field));
  }
  return *parsed;
}

std::vector<Element> parse_sequence(const Reader& reader, const toml::table& table,
                                    const std::map<std::string, std::vector<std::string>>& classes)
{
  std::vector<Element> sequence;
  const auto written = reader.texts(table, "sequence");
  if (written.size() > k_max_elements) {
    throw DataError(fmt::format("sequence 最多{}个元素", k_max_elements),
                    reader.at(*table.get("sequence"), "sequence"));
  }
  std::vector<std::int64_t> gaps(written.size(), 0);
  if (const toml::node* gap = table.get("gap")) {
    const auto bad = [&] {
      return DataError("gap 应为 1 到 200 之间的整数，或每个元素一个这样的整数（第一个写 0）", reader.at(*gap, "gap"));
    };
    if (const auto* list = gap->as_array()) {
      if (list->size() != written.size()) {
        throw bad();
      }
      for (std::size_t i = 0; i < list->size(); ++i) {
        gaps[i] = list->get(i)->value<std::int64_t>().value_or(-1);
      }
    } else {
      std::fill(gaps.begin() + (gaps.empty() ? 0 : 1), gaps.end(), gap->value<std::int64_t>().value_or(-1));
    }
    if (std::any_of(gaps.begin(), gaps.end(), [](std::int64_t g) { return g < 0 || g > 200; })) {
      throw bad();
    }
  }
  for (std::size_t i = 0; i < written.size(); ++i) {
    Element element;
    const std::string& w = written[i];
    for (const auto& part : util::split(w, '|')) {
      if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
        element.classes.push_back(part.substr(1, part.size() - 2));
      }
    }
    element.words =
      expand(classes, w, [&](const std::string& name) { reader.unknown_class(table, "sequence", name, classes); });
    element.gap = static_cast<int>(gaps[i]);
    sequence.push_back(std::move(element));
  }
  return sequence;
}

Rule parse_rule(const Reader& reader, const toml::table& table,
                const std::map<std::string, std::vector<std::string>>& classes)
{
  reader.only(table, {"id", "severity", "severity_at", "message", "phrases", "regex", "near", "within", "sequence",
                      "gap", "any_order", "scope", "unless", "unless_scope", "negation"});
  Rule rule;
  rule.id = reader.text(table, "id");
  reader.text(table, "severity");
  rule.severity = severity_value(reader, *table.get("severity"), "severity");
  if (const toml::node* at = table.get("severity_at")) {
    const auto* levels = at->as_table();
    if (!levels) {
      throw DataError("应写作 { national = \"info\" } 这样的表", reader.at(*at, "severity_at"));
    }
    for (const auto& [key, node] : *levels) {
      const auto level = parse_issuer_level(key.str());
      if (!level) {
        throw DataError(fmt::format("未知的制定机关层级“{}”，应为 county、city、province 或 national", key.str()),
                        reader.at(node, "severity_at"));
      }
      rule.severity_at.emplace_back(*level, severity_value(reader, node, "severity_at"));
    }
  }
  rule.message = reader.text(table, "message");
  rule.phrases = reader.words(table, "phrases", classes);
  rule.regex = util::normalize_width(reader.text(table, "regex", false));
  rule.near = reader.words(table, "near", classes);
  rule.unless = reader.words(table, "unless", classes);
  rule.unless_written = reader.texts(table, "unless");
  rule.sequence = parse_sequence(reader, table, classes);
  rule.any_order = table["any_order"].value_or(false);
  rule.negation = table["negation"].value_or(true);
  rule.scope = reader.scope(table, "scope");
  rule.unless_scope = reader.scope(table, "unless_scope");
  if (const toml::node* within = table.get("within")) {
    const auto value = within->value<std::int64_t>();
    if (!value || *value < 1 || *value > 200) {
      throw DataError("应为 1 到 200 之间的整数（字数）", reader.at(*within, "within"));
    }
    rule.within = static_cast<int>(*value);
  }
  const Location here{reader.source(), static_cast<int>(table.source().begin.line), 0, rule.id};
  if (rule.phrases.empty() == rule.sequence.empty()) {
    throw DataError("规则须有 phrases 或 sequence 之一（正则规则的 phrases 为预筛词，须与正则同时出现）", here);
  }
  if (!rule.sequence.empty() && (!rule.regex.empty() || !rule.near.empty())) {
    throw DataError("sequence 规则不用 regex、near：把条件写成序列的元素", here);
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

std::map<std::string, std::vector<std::string>> parse_classes(const Reader& reader, const toml::table& table)
{
  std::map<std::string, std::vector<std::string>> classes;
  classes[std::string(k_place_class)] = {std::string(k_place_word)};
  const toml::node* node = table.get("classes");
  if (!node) {
    return classes;
  }
  const auto* list = node->as_table();
  if (!list) {
    throw DataError("应写作 [classes] 表：词类名 = [\"词\", …]", reader.at(*node, "classes"));
  }
  for (const auto& [name, words] : *list) {
    if (name.str() == k_place_class) {
      throw DataError("{place} 是内置词类（行政区划名称，schemas/gazetteer/），不能在文件中定义",
                      reader.at(words, name.str()));
    }
    classes[std::string(name.str())] = reader.texts(*list, name.str());
    if (classes[std::string(name.str())].empty()) {
      throw DataError("词类不能为空", reader.at(words, name.str()));
    }
  }
  return classes;
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

std::string_view issuer_level_key(IssuerLevel level)
{
  return util::named(k_levels, level).key;
}

std::string_view issuer_level_label(IssuerLevel level)
{
  return util::named(k_levels, level).label;
}

std::optional<IssuerLevel> parse_issuer_level(std::string_view key)
{
  return util::parse_named(k_levels, key);
}

IssuerLevel issuer_level_of(std::string_view issuer)
{
  // The most local unit named decides: 郑州市金水区人民政府 is a county-level body.
  const bool county =
    contains(issuer, "县") || contains(issuer, "旗") || (contains(issuer, "区") && !contains(issuer, "自治区"));
  if (county) {
    return IssuerLevel::county;
  }
  const bool municipality = std::any_of(k_municipalities.begin(), k_municipalities.end(),
                                        [&](std::string_view name) { return issuer.starts_with(name); });
  if (!municipality && (contains(issuer, "市") || contains(issuer, "自治州") || contains(issuer, "盟"))) {
    return IssuerLevel::city;
  }
  if (municipality || contains(issuer, "省") || contains(issuer, "自治区")) {
    return IssuerLevel::province;
  }
  const bool national = contains(issuer, "国务院") || issuer.starts_with("国家") ||
                        issuer.starts_with("中华人民共和国") || issuer.starts_with("中共中央") ||
                        issuer.ends_with("部") || issuer.ends_with("总局") || issuer.ends_with("委员会") ||
                        issuer.ends_with("署");
  return national ? IssuerLevel::national : IssuerLevel::county;
}

Severity Rule::severity_for(IssuerLevel level) const
{
  for (const auto& [at, severity_there] : severity_at) {
    if (at == level) {
      return severity_there;
    }
  }
  return severity;
}

Checklist parse_checklist(std::string_view toml_text, const std::string& source)
{
  const toml::table table = parse_toml(toml_text, source);
  const Reader reader(source);
  reader.only(table,
              {"schema", "id", "version", "title", "source", "conclusions", "exception_item", "classes", "items"});
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
  checklist.classes = parse_classes(reader, table);
  std::set<std::string> ids;
  const auto* items = reader.tables(table, "items");
  if (!items || items->empty()) {
    throw DataError("清单没有任何条目（[[items]]）", Location{source, 0, 0, "items"});
  }
  for (const auto& node : *items) {
    const toml::table& item_table = *node.as_table();
    reader.only(item_table, {"id", "category", "text", "article", "quote", "rules"});
    Item item;
    item.id = reader.text(item_table, "id");
    item.category = reader.text(item_table, "category");
    item.text = reader.text(item_table, "text");
    item.article = reader.text(item_table, "article");
    item.quote = reader.text(item_table, "quote", false);
    if (!ids.insert(item.id).second) {
      throw DataError(fmt::format("条目编号“{}”重复", item.id), reader.at(*item_table.get("id"), "id"));
    }
    if (const auto* rules = reader.tables(item_table, "rules")) {
      for (const auto& rule_node : *rules) {
        Rule rule = parse_rule(reader, *rule_node.as_table(), checklist.classes);
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
      throw DataError(known ? "有例外条目的清单，conclusions 须含 \"exception\""
                            : fmt::format("没有编号为“{}”的条目", checklist.exception_item),
                      reader.at(*table.get("exception_item"), "exception_item"));
    }
  }
  return checklist;
}

namespace {

// Every name of schemas/gazetteer/*.txt (one a line, # comments), as views of the embedded text.
const std::unordered_set<std::string_view>& place_names()
{
  static const std::unordered_set<std::string_view> k_names = [] {
    std::unordered_set<std::string_view> names;
    for (const EmbeddedFile& file : gazetteer_files()) {
      std::string_view text = file.text;
      while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view name = util::trim(text.substr(0, end));
        if (!name.empty() && name.front() != '#') {
          names.insert(name);
        }
        text.remove_prefix(std::min(end + 1, text.size()));
      }
    }
    return names;
  }();
  return k_names;
}

// Whether the three bytes at `p` are 省 市 县 区 州 旗 盟, the last character of every name.
bool is_place_suffix(const char* p)
{
  const auto code = (static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) << 16) |
                    (static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8) |
                    static_cast<unsigned char>(p[2]);
  switch (code) {
  case 0xE79C81: // 省
  case 0xE5B882: // 市
  case 0xE58EBF: // 县
  case 0xE58CBA: // 区
  case 0xE5B79E: // 州
  case 0xE69797: // 旗
  case 0xE79B9F: // 盟
    return true;
  default:
    return false;
  }
}

constexpr int k_longest_place = 12; // characters (克孜勒苏柯尔克孜自治州 has 11)

} // namespace

std::size_t place_name_before(std::string_view text, std::size_t end)
{
  if (end < 6 || end > text.size() || !is_place_suffix(text.data() + end - 3)) {
    return std::string_view::npos;
  }
  const auto& names = place_names();
  std::size_t found = std::string_view::npos;
  std::size_t begin = end - 3;
  for (int chars = 2; chars <= k_longest_place && begin > 0; ++chars) {
    do {
      --begin; // to the previous character's first byte
    } while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80);
    if (names.contains(text.substr(begin, end - begin))) {
      found = begin; // the longest name ending here: 内蒙古自治区, not a shorter tail
    }
  }
  return found;
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
    throw UsageError(fmt::format("未知的审查清单“{}”", which),
                     "可用：legality（合法性审核）、fair-competition（公平竞争审查）、all");
  }
  return selected;
}

} // namespace normdoc::review

namespace normdoc::review {

std::optional<RuleInfo> find_rule(std::string_view id)
{
  for (const auto& checklist : builtin_checklists()) {
    for (const auto& item : checklist.items) {
      for (const auto& rule : item.rules) {
        if (rule.id == id) {
          return RuleInfo{&checklist, &item, &rule};
        }
      }
    }
  }
  return std::nullopt;
}

} // namespace normdoc::review
