// SPDX-License-Identifier: MIT
#include <normdoc/ingest/metadata.hpp>

#include <normdoc/error.hpp>
#include <normdoc/registry/doc_no.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <regex>

namespace normdoc::ingest {

namespace {

// How far from the top the heading, the 文号 and a 印发 sentence are looked for.
constexpr std::size_t k_head_lines = 40;
// How far from the end the signature block (落款) is looked for.
constexpr std::size_t k_tail_lines = 8;
// Longer lines are body text, not a heading or a signature.
constexpr std::size_t k_heading_chars = 40;

constexpr std::array<std::string_view, 24> k_document_types{
  "办法", "规定", "通知", "意见", "决定", "细则", "措施", "方案", "规则", "条例", "公告", "通告",
  "批复", "规划", "标准", "目录", "清单", "指引", "指南", "纪要", "制度", "规程", "守则", "公约"};
constexpr std::array<std::string_view, 12> k_body_suffixes{
  "局", "委", "办", "厅", "政府", "委员会", "办公室", "院", "部", "室", "中心", "管委会"};

// A CJK character in UTF-8 (U+4E00–U+9FFF start with E4–E9).
const std::string k_cjk = "(?:[\\xE4-\\xE9][\\x80-\\xBF]{2})";
const std::string k_cn_digit = "(?:[0-9]|〇|零|一|二|三|四|五|六|七|八|九|十)";

const std::regex& date_pattern()
{
  static const std::regex k_date("(" + k_cn_digit + "{4})年(" + k_cn_digit + "{1,3})月(" + k_cn_digit + "{1,3})日");
  return k_date;
}

std::size_t chars(std::string_view text)
{
  return util::decode_utf8(text).size();
}

bool ends_with_any(std::string_view text, const auto& suffixes)
{
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
  });
}

// 二〇二四 → 2024 (digit by digit); 十二 → 12, 二十五 → 25 (with 十); Arabic digits as they are.
int numeral_value(const std::string& text, bool positional)
{
  static const std::array<std::pair<std::string_view, int>, 11> k_digits{{
    {"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
  }};
  int value = 0;
  int pending = -1; // a digit waiting for 十
  bool saw_ten = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + (text[pos] - '0');
      ++pos;
      continue;
    }
    if (text.compare(pos, 3, "十") == 0) {
      value += (pending < 0 ? 1 : pending) * 10;
      pending = -1;
      saw_ten = true;
      pos += 3;
      continue;
    }
    const auto digit = std::find_if(k_digits.begin(), k_digits.end(),
                                    [&](const auto& entry) { return text.compare(pos, entry.first.size(), entry.first) == 0; });
    if (digit == k_digits.end()) {
      return -1;
    }
    if (positional) {
      value = value * 10 + digit->second;
    } else {
      pending = digit->second;
    }
    pos += digit->first.size();
  }
  if (!positional) {
    value += pending < 0 ? 0 : pending;
    if (!saw_ten && pending < 0 && value == 0) {
      return -1;
    }
  }
  return value;
}

std::vector<util::Date> dates_in(std::string_view line)
{
  std::vector<util::Date> found;
  const std::string normalized = util::normalize_width(line);
  for (std::sregex_iterator it(normalized.begin(), normalized.end(), date_pattern()), end; it != end; ++it) {
    const int year = numeral_value((*it)[1].str(), true);
    const int month = numeral_value((*it)[2].str(), false);
    const int day = numeral_value((*it)[3].str(), false);
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) {
      continue;
    }
    try {
      found.push_back(util::Date::from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
    } catch (const DataError&) {
      // 2月30日 and the like: not a date.
    }
  }
  return found;
}

std::vector<std::string> lines_of(std::string_view text)
{
  std::vector<std::string> lines;
  for (const auto& line : util::split(text, '\n')) {
    std::string trimmed = util::remove_spaces(util::trim(line));
    if (!trimmed.empty()) {
      lines.push_back(std::move(trimmed));
    }
  }
  return lines;
}

std::optional<std::string> as_doc_no(std::string_view line)
{
  std::string candidate(line);
  // A 文号 standing alone, perhaps in brackets under the title: （济政办〔2024〕5号）.
  for (const std::string_view bracket : {"（", "("}) {
    if (candidate.starts_with(bracket)) {
      candidate.erase(0, bracket.size());
    }
  }
  for (const std::string_view bracket : {"）", ")"}) {
    if (candidate.ends_with(bracket)) {
      candidate.erase(candidate.size() - bracket.size());
    }
  }
  if (!candidate.ends_with("号") || chars(candidate) > 20) {
    return std::nullopt;
  }
  try {
    return registry::DocNo::parse(candidate).canonical();
  } catch (const DataError&) {
    return std::nullopt;
  }
}

bool is_date_line(std::string_view line)
{
  const auto dates = dates_in(line);
  return !dates.empty() && chars(line) <= 16;
}

// Lines that sit above a title without being part of it.
bool is_heading_noise(std::string_view line)
{
  return line.ends_with("文件") || as_doc_no(line) || is_date_line(line) || line.starts_with("签发人") ||
         line.ends_with("：") || line.ends_with(":");
}

std::optional<Field> markdown_title(const std::vector<std::string>& lines)
{
  if (!lines.empty() && lines.front().starts_with("#")) {
    // A line of only '#' marks (found by fuzz_metadata) is no heading.
    const auto text_begins = lines.front().find_first_not_of('#');
    const auto title = text_begins == std::string::npos ? std::string_view{}
                                                        : util::trim(std::string_view(lines.front()).substr(text_begins));
    if (!title.empty()) {
      return Field{std::string(title), "Markdown 标题", 0.95};
    }
  }
  return std::nullopt;
}

// 关于印发《X》的通知 / 现将《X》印发给你们: the document is X.
std::optional<Field> issued_title(const std::vector<std::string>& lines)
{
  static const std::regex k_issued("印发《([^》]+)》|《([^》]+)》(?:已经[^，。]*，)?(?:现)?印发给");
  std::string head;
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    head += lines[i];
  }
  std::smatch match;
  if (std::regex_search(head, match, k_issued)) {
    return Field{match[1].matched ? match[1].str() : match[2].str(), "印发通知", 0.9};
  }
  return std::nullopt;
}

// The heading at the top: one to three short lines ending with a document type.
std::optional<Field> heading_title(const std::vector<std::string>& lines)
{
  const std::size_t top = std::min(lines.size(), k_head_lines);
  for (std::size_t start = 0; start < top; ++start) {
    std::string joined;
    for (std::size_t end = start; end < top && end < start + 3; ++end) {
      if (is_heading_noise(lines[end]) || chars(lines[end]) > k_heading_chars) {
        break;
      }
      joined += lines[end];
      if (ends_with_any(joined, k_document_types)) {
        return Field{joined, end == start ? "标题行" : "标题行（跨行）", 0.8};
      }
    }
  }
  return std::nullopt;
}

std::optional<Field> find_doc_no(const std::vector<std::string>& lines)
{
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    if (auto doc_no = as_doc_no(lines[i])) {
      return Field{*doc_no, "文号行", 0.9};
    }
  }
  return std::nullopt;
}

std::optional<Field> find_issuer(const std::vector<std::string>& lines, const std::optional<Field>& title)
{
  // The signature block: a body's name just above the closing date.
  const std::size_t first_tail = lines.size() > k_tail_lines ? lines.size() - k_tail_lines : 0;
  for (std::size_t i = lines.size(); i-- > first_tail;) {
    if (is_date_line(lines[i]) && i > 0 && chars(lines[i - 1]) <= 30 && ends_with_any(lines[i - 1], k_body_suffixes)) {
      return Field{lines[i - 1], "落款", 0.8};
    }
  }
  if (title) {
    const std::size_t about = title->value.find("关于");
    if (about != std::string::npos && about > 0 && ends_with_any(title->value.substr(0, about), k_body_suffixes)) {
      return Field{title->value.substr(0, about), "标题", 0.75};
    }
  }
  for (std::size_t i = 0; i < lines.size() && i < 3; ++i) {
    if (lines[i].ends_with("文件") && chars(lines[i]) <= 30) {
      return Field{lines[i].substr(0, lines[i].size() - std::string_view("文件").size()), "版头", 0.7};
    }
  }
  // Local regulations: "2018年8月30日洛阳市第十四届人民代表大会常务委员会第四十一次会议通过",
  // or adopted by the congress itself ("…第十一届人民代表大会第三次会议通过").
  static const std::regex k_congress("日(" + k_cjk + "{2,12}?)第" + k_cjk + "{1,4}届(人民代表大会(?:常务委员会)?|人大常委会)");
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    std::smatch match;
    if (lines[i].find("通过") != std::string::npos && std::regex_search(lines[i], match, k_congress)) {
      const std::string body = match[2].str() == "人大常委会" ? "人民代表大会常务委员会" : match[2].str();
      return Field{match[1].str() + body, "制定沿革", 0.6};
    }
  }
  return std::nullopt;
}

std::optional<Field> find_date(const std::vector<std::string>& lines)
{
  const std::size_t first_tail = lines.size() > k_tail_lines ? lines.size() - k_tail_lines : 0;
  for (std::size_t i = lines.size(); i-- > first_tail;) {
    if (is_date_line(lines[i])) {
      return Field{dates_in(lines[i]).front().iso(), "落款", 0.85};
    }
  }
  // Adoption history above the articles (地方性法规): the latest date.
  const auto info_end = std::find(lines.begin(), lines.end(), "<!--INFOEND-->");
  std::optional<util::Date> latest;
  for (auto it = lines.begin(); it != info_end && it != lines.end(); ++it) {
    for (const auto& date : dates_in(*it)) {
      latest = latest ? std::max(*latest, date) : date;
    }
  }
  if (latest && info_end != lines.end()) {
    return Field{latest->iso(), "制定沿革", 0.5};
  }
  return std::nullopt;
}

std::string file_stem(std::string_view file_name)
{
  std::string stem(file_name.substr(0, file_name.rfind('.')));
  // 标题(2019-01-15).md
  static const std::regex k_dated("\\([0-9]{4}-[0-9]{2}-[0-9]{2}\\)$");
  return std::regex_replace(stem, k_dated, "");
}

} // namespace

Validity extract_validity(std::string_view text)
{
  const std::string flat = util::remove_spaces(util::normalize_width(text));
  const std::string date = "(" + k_cn_digit + "{4}年" + k_cn_digit + "{1,3}月" + k_cn_digit + "{1,3}日)";
  const std::string verb = "起(?:施行|实施|执行|生效)";
  static const std::regex k_from_date("自" + date + verb);
  static const std::regex k_from_issue("自(?:发布|公布|印发|发文)之日起(?:施行|实施|执行|生效)");
  // Optional characters are grouped: the regex works on bytes, and `X?` would make only the
  // last byte of X optional.
  static const std::regex k_period("(?:有效期(?:限)?|试行(?:期)?)(?:为|暂定(?:为)?)?(" + k_cn_digit + "{1,3})(年|个月)");
  static const std::regex k_until("有效期(?:至|到|截至)" + date);
  Validity found;
  // The last clause wins: a 印发 notice quoting an older one comes first.
  std::size_t effective_at = 0;
  for (std::sregex_iterator it(flat.begin(), flat.end(), k_from_date), end; it != end; ++it) {
    if (const auto day = parse_chinese_date((*it)[1].str())) {
      found.effective = Field{day->iso(), "施行条款", 0.9};
      effective_at = static_cast<std::size_t>(it->position());
    }
  }
  for (std::sregex_iterator it(flat.begin(), flat.end(), k_from_issue), end; it != end; ++it) {
    if (!found.effective || static_cast<std::size_t>(it->position()) > effective_at) {
      found.effective = Field{std::string(k_from_publication), "施行条款", 0.9};
      effective_at = static_cast<std::size_t>(it->position());
    }
  }
  for (std::sregex_iterator it(flat.begin(), flat.end(), k_period), end; it != end; ++it) {
    const int count = numeral_value((*it)[1].str(), false);
    if (count > 0) {
      found.validity = Field{fmt::format("{}{}", count, (*it)[2].str() == "年" ? "y" : "m"), "有效期条款", 0.85};
    }
  }
  for (std::sregex_iterator it(flat.begin(), flat.end(), k_until), end; it != end; ++it) {
    if (const auto day = parse_chinese_date((*it)[1].str())) {
      found.expires = Field{day->iso(), "有效期条款", 0.9};
    }
  }
  return found;
}

StatedTerms stated_terms(const Validity& found)
{
  StatedTerms terms;
  if (found.effective && found.effective->value != k_from_publication) {
    terms.effective = util::Date::parse(found.effective->value);
  }
  if (found.validity) {
    terms.validity = util::Duration::parse(found.validity->value);
  }
  if (found.expires) {
    terms.expires = util::Date::parse(found.expires->value);
  }
  return terms;
}

void apply_stated_terms(registry::DocumentMeta& meta, const StatedTerms& terms)
{
  registry::NewDocument& doc = meta.document;
  if (!doc.validity && !doc.expires) {
    doc.validity = terms.validity;
    doc.expires = terms.expires;
  }
  if (meta.publication) {
    if (!meta.publication->effective) {
      meta.publication->effective = terms.effective;
    }
    if (!meta.publication->validity && !meta.publication->expires) {
      meta.publication->validity = doc.validity;
      meta.publication->expires = doc.expires;
    }
  } else if (!doc.effective) {
    doc.effective = terms.effective;
  }
}

std::optional<util::Date> parse_chinese_date(std::string_view text)
{
  const auto dates = dates_in(text);
  return dates.empty() ? std::nullopt : std::optional(dates.front());
}

Metadata extract_metadata(std::string_view text, std::string_view file_name, const std::vector<std::string>& trial_markers)
{
  const std::vector<std::string> lines = lines_of(text);
  Metadata meta;
  meta.title = markdown_title(lines);
  if (auto issued = issued_title(lines)) {
    meta.title = std::move(issued);
  }
  if (!meta.title) {
    meta.title = heading_title(lines);
  }
  // The heading as written ("XX关于印发…的通知") names the issuer even when the title is the
  // attached document's.
  const std::optional<Field> heading = heading_title(lines);
  if (!meta.title) {
    const std::string stem = file_stem(file_name);
    if (!stem.empty()) {
      meta.title = Field{stem, "文件名", 0.3};
    }
  }
  meta.doc_no = find_doc_no(lines);
  meta.issuer = find_issuer(lines, heading ? heading : meta.title);
  meta.date = find_date(lines);
  meta.trial = meta.title && std::any_of(trial_markers.begin(), trial_markers.end(), [&](const std::string& marker) {
                 return !marker.empty() && meta.title->value.find(marker) != std::string::npos;
               });
  meta.validity = extract_validity(text);
  meta.citations = basis::extract_citations(text);
  return meta;
}

} // namespace normdoc::ingest
