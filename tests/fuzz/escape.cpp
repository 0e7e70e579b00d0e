// SPDX-License-Identifier: MIT
// The output escapes (cli/output/escape.hpp): whatever a title or a reason holds, what each
// writer emits keeps its promise. A broken promise aborts, which libFuzzer reports as a crash.
#include "fuzz_input.hpp"

#include "output/escape.hpp"

#include <normdoc/util/text.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool promise)
{
  if (!promise) {
    std::abort();
  }
}

bool has_control(std::string_view text, bool newline_allowed)
{
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && !(newline_allowed && byte == '\n')) || byte == 0x7F) {
      return true;
    }
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      return true; // a C1 control
    }
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace normdoc;
  const std::string_view text = fuzz::as_text(data, size);

  // Terminal: valid UTF-8 without controls (a line feed only where kept).
  for (const auto newlines : {cli::Newlines::keep, cli::Newlines::escape}) {
    const std::string shown = cli::terminal_text(text, newlines);
    require(!util::find_invalid_utf8(shown));
    require(!has_control(shown, newlines == cli::Newlines::keep));
  }

  // CSV: a spreadsheet never sees a formula at the start of the cell.
  const std::string field = cli::csv_field(text);
  const std::string_view cell = !field.empty() && field.front() == '"' ? std::string_view(field).substr(1) : field;
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    // Only a plain number may start so: `-3`, `+5`.
    require(std::all_of(cell.begin() + 1, cell.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }));
  }

  // iCalendar: no line break or control inside a value.
  require(!has_control(cli::ics_text(text), false));

  // HTML and Markdown: no tag can open.
  std::string html = cli::html_text(text);
  for (auto br = html.find("<br>"); br != std::string::npos; br = html.find("<br>")) {
    html.erase(br, 4); // the writer's own line break
  }
  require(html.find('<') == std::string::npos);
  require(cli::markdown_text(text).find('<') == std::string::npos);
  return 0;
}
