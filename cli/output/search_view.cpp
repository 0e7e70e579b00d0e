// SPDX-License-Identifier: MIT
#include "output/search_view.hpp"
#include "output/detail.hpp"
#include "output/escape.hpp"

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

// On a terminal the 【】 marks become bold; in pipes and files they stay as written.
std::string emphasize(std::string text)
{
  for (const auto& [mark, ansi] : {std::pair<std::string_view, std::string_view>{"【", "\x1b[1m"}, {"】", "\x1b[0m"}}) {
    for (std::size_t pos = text.find(mark); pos != std::string::npos; pos = text.find(mark, pos + ansi.size())) {
      text.replace(pos, mark.size(), ansi);
    }
  }
  return text;
}

} // namespace

std::string render_search_hits(const std::vector<search::Hit>& hits, const RenderOptions& options, bool terminal)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& hit : hits) {
      json.begin_object();
      write_document_fields(json, hit.document, options.as_of);
      json.member("match_title", hit.title)
        .member("snippet", hit.snippet)
        .key("score")
        .raw(fmt::format("{:.4f}", hit.score));
      json.end_object();
    }
    json.end_array();
    return json.str() + "\n";
  }
  std::string out;
  for (const auto& hit : hits) {
    // Escaped before the 【】 marks become the only controls on the line.
    const std::string title = terminal_text(
      fmt::format("#{}《{}》{}", hit.document.id, hit.title, hit.document.doc_no ? " " + *hit.document.doc_no : ""),
      Newlines::escape);
    const std::string snippet = terminal_text(hit.snippet, Newlines::escape);
    out += fmt::format("{}  {}\n    {}\n", terminal ? emphasize(title) : title,
                       registry::status_label(hit.document.status_on(options.as_of)),
                       snippet.empty() ? "（没有保存正文）"
                       : terminal      ? emphasize(snippet)
                                       : snippet);
  }
  return out;
}

} // namespace normdoc::cli
