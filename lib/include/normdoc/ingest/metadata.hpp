// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/basis/citation.hpp>
#include <normdoc/util/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::ingest {

// One extracted fact, with where it came from and how sure the extractor is (0–1), so that
// an officer can check the unsure ones before registering.
struct Field
{
  std::string value;
  std::string source;      // Chinese: 标题行, 印发通知, 落款, 文件名 …
  double confidence = 0.0;
};

struct Metadata
{
  std::optional<Field> title;
  std::optional<Field> doc_no;  // canonical form
  std::optional<Field> issuer;
  std::optional<Field> date;    // 成文日期, ISO
  bool trial = false;           // 暂行/试行 in the title
  std::vector<basis::Citation> citations;
};

// Reads the metadata of a Chinese official document from its text: the title (a Markdown
// heading, the heading lines at the top — possibly wrapped over two or three lines — or the
// 《…》 of a 印发 notice), the 文号, the issuing body (signature block or the title's
// "XX关于…"), the date (成文日期 in the signature block, or the latest date of the adoption
// history), the trial flag and the cited laws. `file_name` is the last resort for the title.
Metadata extract_metadata(std::string_view text, std::string_view file_name,
                          const std::vector<std::string>& trial_markers);

// Dates as written in documents: 2024年8月14日, with Arabic or Chinese numerals
// (二〇二四年八月十四日). Nothing when `text` holds no complete date.
std::optional<util::Date> parse_chinese_date(std::string_view text);

} // namespace normdoc::ingest
