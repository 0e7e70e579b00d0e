// SPDX-License-Identifier: MIT
#include "ingest/layout.hpp"

#include <normdoc/util/text.hpp>

#include <algorithm>
#include <map>

namespace normdoc::ingest {

namespace {

bool is_space(char32_t c)
{
  return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00a0';
}

// "— 1 —", "- 12 -", "－3－", "第 2 页", "第2页 共5页", "2/5", "2": a page number alone.
bool is_page_number(const std::u32string& line)
{
  std::u32string rest;
  for (const char32_t c : line) {
    if (!is_space(c) && c != U'-' && c != U'—' && c != U'–' && c != U'－' && c != U'一' && c != U'_') {
      rest += c;
    }
  }
  if (rest.empty()) {
    return false;
  }
  bool digit = false;
  for (const char32_t c : rest) {
    if (c >= U'0' && c <= U'9') {
      digit = true;
    } else if (c != U'第' && c != U'页' && c != U'共' && c != U'/' && c != U'，' && c != U',') {
      return false;
    }
  }
  return digit;
}

// A header or footer differs between pages only in its page number.
std::u32string without_digits(const std::u32string& line)
{
  std::u32string out;
  for (const char32_t c : line) {
    if (!(c >= U'0' && c <= U'9') && !is_space(c)) {
      out += c;
    }
  }
  return out;
}

std::u32string trimmed(const std::string& line)
{
  std::u32string text = util::decode_utf8(line);
  const auto first = std::find_if_not(text.begin(), text.end(), is_space);
  const auto last = std::find_if_not(text.rbegin(), text.rend(), is_space).base();
  return first < last ? std::u32string(first, last) : std::u32string();
}

bool is_wide(char32_t c)
{
  return c >= 0x2E80;
}

bool is_ascii_alnum(char32_t c)
{
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Width in characters: a CJK character or full-width form counts one, ASCII half, spaces
// nothing (a justified line is spread with them).
double width_of(const std::u32string& line)
{
  double width = 0;
  for (const char32_t c : line) {
    width += is_space(c) ? 0 : is_wide(c) ? 1.0 : 0.5;
  }
  return width;
}

// PDF text layers space Latin digits off Chinese characters ("2017 年 8 月"), as placed by
// the typesetter; Chinese text has no such spaces, and dates and 文号 are read without them.
std::u32string without_layout_spaces(const std::u32string& line)
{
  std::u32string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == U' ' && !out.empty() && i + 1 < line.size() &&
        ((is_wide(out.back()) && is_ascii_alnum(line[i + 1])) ||
         (is_ascii_alnum(out.back()) && is_wide(line[i + 1])))) {
      continue;
    }
    out += line[i];
  }
  return out;
}

bool ends_sentence(const std::u32string& line)
{
  static constexpr std::u32string_view k_enders = U"。！？；：」』”）)】.!?;:";
  return !line.empty() && k_enders.find(line.back()) != std::u32string_view::npos;
}

} // namespace

std::string text_of_pages(const PageLines& pages)
{
  std::vector<std::vector<std::u32string>> kept(pages.size());
  std::map<std::u32string, std::size_t> edge_count; // first/last lines, page numbers aside
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto& line : pages[p]) {
      std::u32string text = without_layout_spaces(trimmed(line));
      if (!text.empty() && !is_page_number(text)) {
        kept[p].push_back(std::move(text));
      }
    }
    if (!kept[p].empty()) {
      ++edge_count[without_digits(kept[p].front())];
      if (kept[p].size() > 1) {
        ++edge_count[without_digits(kept[p].back())];
      }
    }
  }
  // A running header or footer: the same first or last line on at least three pages and on
  // most of them. The first page keeps its first line (a title is never a running header).
  const auto repeated = [&](const std::u32string& line) {
    const std::size_t count = edge_count[without_digits(line)];
    return count >= 3 && count * 2 > pages.size();
  };
  std::vector<std::u32string> lines;
  for (std::size_t p = 0; p < kept.size(); ++p) {
    auto& page = kept[p];
    if (!page.empty() && p > 0 && repeated(page.front())) {
      page.erase(page.begin());
    }
    if (page.size() > 1 && repeated(page.back())) {
      page.pop_back();
    }
    lines.insert(lines.end(), page.begin(), page.end());
  }
  // The width of a full line: the longest lines of the body, a few outliers aside.
  std::vector<double> widths;
  widths.reserve(lines.size());
  for (const auto& line : lines) {
    widths.push_back(width_of(line));
  }
  std::sort(widths.begin(), widths.end());
  // Fewer than three lines that wide and there is no page width to speak of (a one-page
  // notice of short lines): nothing is joined.
  double full = widths.empty() ? 0 : widths[widths.size() * 9 / 10];
  if (std::count_if(widths.begin(), widths.end(), [&](double w) { return w >= full - 1; }) < 3) {
    full = 0;
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (const char32_t c : lines[i]) {
      util::append_utf8(out, c);
    }
    const bool continues =
      full >= 10 && i + 1 < lines.size() && width_of(lines[i]) >= full - 2.5 && !ends_sentence(lines[i]);
    if (!continues) {
      out += '\n';
    }
  }
  return out;
}

} // namespace normdoc::ingest
