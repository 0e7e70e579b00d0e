// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/basis/citation.hpp>
#include <normdoc/registry/meta_file.hpp>
#include <normdoc/util/date.hpp>
#include <normdoc/util/duration.hpp>

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
  std::string source; // Chinese: 标题行, 印发通知, 落款, 文件名 …
  double confidence = 0.0;
};

// 施行日期 and 有效期 as the text states them (the closing article: "本办法自2023年4月1日起施行，
// 有效期3年"). Each is what the registry uses unless an explicit option says otherwise.
struct Validity
{
  std::optional<Field> effective; // ISO date, or "published" for 自发布（公布、印发）之日起施行
  std::optional<Field> validity;  // a duration: "3y", "6m" (有效期N年, 试行N年)
  std::optional<Field> expires;   // ISO date: the last day in force (有效期至…)
};

struct Metadata
{
  std::optional<Field> title;          // the document's own title (a 印发 notice's: the notice's)
  std::optional<Field> attached_title; // what a 印发/转发 notice issues: 《X》
  std::optional<Field> doc_no;         // canonical form
  std::optional<Field> issuer;         // the issuers joined with 、
  std::vector<std::string> issuers;    // one entry per body (joint issuance)
  std::optional<Field> date;           // 成文日期, ISO
  bool trial = false;                  // 暂行/试行 in the title
  Validity validity;
  std::vector<basis::Citation> citations;
};

// The value of Validity::effective for a document in force from its publication day.
inline constexpr std::string_view k_from_publication = "published";

// Finds the commencement and validity clauses: 自…起施行 (also 实施、执行), 自发布之日起施行,
// 有效期N年 (or N个月), 有效期至…, 试行N年. The last commencement clause of the text counts (an
// attached 印发 notice closes with the document's own). Used by import, add --text, edit --text.
Validity extract_validity(std::string_view text);

// What the registry takes from those clauses: 自发布之日起施行 leaves `effective` open (the
// publication date is the default).
struct StatedTerms
{
  std::optional<util::Date> effective;
  std::optional<util::Duration> validity;
  std::optional<util::Date> expires;
};
StatedTerms stated_terms(const Validity& found);

// Fills what `meta` leaves open (explicit options and fields win) with what the text states:
// the publication's effective date, or the draft's; the validity period or last day, unless
// either was given.
void apply_stated_terms(registry::DocumentMeta& meta, const StatedTerms& terms);

// Reads the metadata of a Chinese official document from its text, following the layout of
// GB/T 9704-2012 and of government web pages: the title (a Markdown heading, or the heading
// lines at the top — wrapped over up to six lines, 发文机关标志/文号/份号/密级 lines skipped —
// that the 文号 or the 主送 line follows; a 印发 notice's own title, its 《…》 as the attached
// title), the 文号, the issuing bodies (signature block, the title's "XX关于/转发/批转/印发…",
// the 令 or 版头 line, the adoption history), the date (成文日期 of the signature block, in
// Arabic or Chinese numerals, or the latest date of the adoption history), the trial flag and
// the cited laws. `file_name` is the last resort for the title.
Metadata extract_metadata(std::string_view text, std::string_view file_name,
                          const std::vector<std::string>& trial_markers);

// Dates as written in documents: 2024年8月14日, with Arabic or Chinese numerals
// (二〇二四年八月十四日). Nothing when `text` holds no complete date.
std::optional<util::Date> parse_chinese_date(std::string_view text);

} // namespace normdoc::ingest
