// SPDX-License-Identifier: MIT
#include <normdoc/basis/citation.hpp>

#include <normdoc/util/text.hpp>

#include <algorithm>
#include <array>

namespace normdoc::basis {

namespace {

constexpr std::array<std::string_view, 4> k_triggers{"根据", "依据", "依照", "按照"};
constexpr std::array<std::string_view, 6> k_clause_ends{"，", "；", "。", "\n", ";", ","};
constexpr std::string_view k_open = "《";
constexpr std::string_view k_close = "》";
// The state's name, and a misspelling found in real texts (《中国人民共和国森林法》).
constexpr std::array<std::string_view, 2> k_state_prefixes{"中华人民共和国", "中国人民共和国"};

bool ends_with(std::string_view text, std::string_view suffix)
{
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// An edition note in brackets: （2018年修正）, (2019修订).
bool is_edition_note(std::string_view note)
{
  return note.find("修正") != std::string_view::npos || note.find("修订") != std::string_view::npos ||
         note.find("年") != std::string_view::npos;
}

// The first of k_clause_ends at or after `from`, or the end. One pass: searching for each stop
// in turn read the rest of a long text once per stop and per trigger (an ASCII ';' or ',' is
// seldom there), which made citation extraction quadratic in the text's length.
std::size_t clause_end(std::string_view text, std::size_t from)
{
  constexpr std::string_view k_first_bytes = "\n;,\xEF\xE3"; // of k_clause_ends: ，；are EF…, 。 is E3…
  for (std::size_t at = text.find_first_of(k_first_bytes, from); at != std::string_view::npos;
       at = text.find_first_of(k_first_bytes, at + 1)) {
    if (std::any_of(k_clause_ends.begin(), k_clause_ends.end(),
                    [&](std::string_view stop) { return text.compare(at, stop.size(), stop) == 0; })) {
      return at;
    }
  }
  return text.size();
}

} // namespace

std::string normalize_law_name(std::string_view name)
{
  std::string normalized = util::remove_spaces(util::normalize_width(name));
  for (const auto prefix : k_state_prefixes) {
    if (std::string_view(normalized).substr(0, prefix.size()) == prefix) {
      normalized.erase(0, prefix.size());
      break;
    }
  }
  if (ends_with(normalized, ")")) {
    const std::size_t open = normalized.rfind('(');
    if (open != std::string::npos && open > 0 && is_edition_note(std::string_view(normalized).substr(open))) {
      normalized.erase(open);
    }
  }
  return normalized;
}

std::vector<Citation> extract_citations(std::string_view text)
{
  std::vector<Citation> found;
  // Where each trigger word next occurs; searched again only once passed (a word that is not in
  // the text is not looked for again at every clause).
  std::array<std::size_t, k_triggers.size()> next{};
  for (std::size_t k = 0; k < k_triggers.size(); ++k) {
    next[k] = text.find(k_triggers[k]);
  }
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t trigger = std::string_view::npos;
    std::size_t trigger_size = 0;
    for (std::size_t k = 0; k < k_triggers.size(); ++k) {
      if (next[k] != std::string_view::npos && next[k] < pos) {
        next[k] = text.find(k_triggers[k], pos);
      }
      const std::size_t at = next[k];
      const std::string_view word = k_triggers[k];
      if (at < trigger) {
        trigger = at;
        trigger_size = word.size();
      }
    }
    if (trigger == std::string_view::npos) {
      break;
    }
    const std::size_t begin = trigger + trigger_size;
    const std::size_t end = clause_end(text, begin);
    std::size_t open = text.find(k_open, begin);
    while (open < end) {
      const std::size_t name_begin = open + k_open.size();
      const std::size_t close = text.find(k_close, name_begin);
      if (close == std::string_view::npos || close > end) {
        break;
      }
      const std::string cited(text.substr(name_begin, close - name_begin));
      const std::string law = normalize_law_name(cited);
      const bool seen = std::any_of(found.begin(), found.end(), [&](const Citation& c) { return c.law == law; });
      if (!law.empty() && !seen) {
        found.push_back(Citation{law, cited});
      }
      open = text.find(k_open, close + k_close.size());
    }
    pos = std::max(end, begin);
  }
  return found;
}

} // namespace normdoc::basis
