// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::review {

enum class Severity { info, warning, error };

std::string_view severity_key(Severity severity);
std::string_view severity_label(Severity severity);
std::optional<Severity> parse_severity(std::string_view key);

// An automatic screening rule: a hit of any `phrases` (literal, compared after full-width
// forms are folded to half-width) or of `regex`, counted only when one of `near` occurs within
// `within` characters of it, and not when one of `unless` occurs in the same sentence. A regex
// rule's `phrases` are its anchors: the regex runs only on lines where one of them occurs,
// which keeps the single automaton pass the only full scan.
struct Rule
{
  std::string id;
  Severity severity = Severity::warning;
  std::string message;
  std::vector<std::string> phrases;
  std::string regex;
  std::vector<std::string> near;
  int within = 20;
  std::vector<std::string> unless;
};

struct Item
{
  std::string id;
  std::string category;
  std::string text;    // the question, in Chinese
  std::string article; // where it comes from
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

} // namespace normdoc::review
