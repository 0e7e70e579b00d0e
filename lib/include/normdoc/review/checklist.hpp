// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::review {

enum class Severity
{
  info,
  warning,
  error
};

std::string_view severity_key(Severity severity);
std::string_view severity_label(Severity severity);
std::optional<Severity> parse_severity(std::string_view key);

// The level of the body that issues a document. A State Council department may grant what a
// county bureau may not (公平竞争审查条例 第十条: "没有法律、行政法规依据或者未经国务院批准");
// when the issuer is unknown the strictest level, a county-level body, applies.
enum class IssuerLevel
{
  county,
  city,
  province,
  national
};

std::string_view issuer_level_key(IssuerLevel level);
std::string_view issuer_level_label(IssuerLevel level);
std::optional<IssuerLevel> parse_issuer_level(std::string_view key);
// The level read from an issuer's name (国务院、…部 → national; …省… → province; …市… →
// city; anything else, 县、区 and unknown names included → county).
IssuerLevel issuer_level_of(std::string_view issuer);

// Where the parts of a match must lie: one clause (between ，；。：！？) or one sentence
// (between 。；！？).
enum class Scope
{
  clause,
  sentence
};

// One element of an ordered co-occurrence: any of `words` (named classes expanded, and
// literals). `classes` names the classes it refers to; `gap` is the most characters allowed
// between the previous element and this one (0: anywhere in the scope).
// The most elements a sequence may have (the screener keeps them in fixed arrays).
constexpr std::size_t k_max_elements = 8;

// The built-in word class {place}: the names of China's administrative divisions (province,
// prefecture, county level; schemas/gazetteer/). Too many for the automaton, so the class holds
// this one word, which no line can contain (it has a line break); the screener looks the names up
// on a line only where a rule using {place} has all its other elements.
constexpr std::string_view k_place_class = "place";
constexpr std::string_view k_place_word = "\n{place}";
// Whether `text` at byte `end` is preceded by a gazetteer name; its first byte, or npos.
std::size_t place_name_before(std::string_view text, std::size_t end);

struct Element
{
  std::vector<std::string> classes;
  std::vector<std::string> words;
  int gap = 0;
};

// An automatic screening rule (format: schemas/checklists/README.md). It matches either
//  - a hit of any `phrases` (literal, compared after full-width forms are folded) or of
//    `regex` (then `phrases` are its anchors: the regex runs only on lines holding one), counted
//    only when one of `near` occurs within `within` characters of it; or
//  - a `sequence`: its elements in order (or in any order, `any_order`) inside one clause or
//    sentence (`scope`), each within its gap of the one before.
// A match does not count when one of `unless` occurs in the same clause or sentence
// (`unless_scope`), nor, when `negation` holds, after a prohibition word (the checklist's
// `prohibition` class: 不得、禁止…) earlier in the same sentence: "不得以在本地注册为条件" states
// the rule, it does not break it. The severity may depend on the issuer's level.
struct Rule
{
  std::string id;
  Severity severity = Severity::warning;
  std::vector<std::pair<IssuerLevel, Severity>> severity_at; // overrides for some levels
  std::string message;
  std::vector<std::string> phrases;
  std::string regex;
  std::vector<std::string> near;
  int within = 20;
  std::vector<Element> sequence;
  bool any_order = false;
  Scope scope = Scope::sentence;
  std::vector<std::string> unless;
  std::vector<std::string> unless_written; // as written in the file, classes unexpanded
  Scope unless_scope = Scope::sentence;
  bool negation = true;

  Severity severity_for(IssuerLevel level) const;
};

struct Item
{
  std::string id;
  std::string category;
  std::string text;    // the question, in Chinese
  std::string article; // where it comes from
  std::string quote;   // the article's text, read from the primary source (optional)
  std::vector<Rule> rules;
};

// A checklist from schemas/checklists/ (format: schemas/checklists/README.md).
struct Checklist
{
  std::string id;
  std::string version;
  std::string title;
  std::string source;
  std::vector<std::string> conclusions;
  std::vector<Item> items;
  // The item that asks whether a restrictive measure falls under an exception (公平竞争审查条例
  // 第十二条); empty when the checklist has none. Answering it is what allows the `exception`
  // conclusion despite failed items.
  std::string exception_item;
  // Named word classes ([classes]), referred to as "{name}" in rules. `prohibition` holds the
  // words that turn a matched structure into a prohibition of it.
  std::map<std::string, std::vector<std::string>> classes;
  std::string sha256; // of the file's text, recorded with every review that uses it
};

// Parses and validates a checklist. Throws DataError with file:line for a bad schema version,
// a missing or unknown field, a duplicate id, an empty rule or an invalid regex.
Checklist parse_checklist(std::string_view toml_text, const std::string& source);

// The checklists shipped in schemas/checklists/ (compiled in), in file-name order.
const std::vector<Checklist>& builtin_checklists();

// The shipped checklists named by `which` (`legality`, `fair-competition` or `all`). Throws
// UsageError for an unknown name.
std::vector<const Checklist*> select_checklists(std::string_view which);

// A rule of the shipped checklists by id, with its item and checklist; nullopt when unknown.
struct RuleInfo
{
  const Checklist* checklist;
  const Item* item;
  const Rule* rule;
};
std::optional<RuleInfo> find_rule(std::string_view id);

} // namespace normdoc::review
