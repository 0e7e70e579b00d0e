// SPDX-License-Identifier: MIT
#include <normdoc/ingest/metadata.hpp>

#include <normdoc/error.hpp>
#include <normdoc/registry/doc_no.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace normdoc::ingest {

namespace {

// How far from the top the heading, the 文号 and a 印发 sentence are looked for.
constexpr std::size_t k_head_lines = 40;
// How far from the end the signature block (落款) is looked for.
constexpr std::size_t k_tail_lines = 8;
// Longer lines are body text, not a heading or a signature, unless they have no comma: a
// one-line title of a web page runs to 60 characters and more.
constexpr std::size_t k_heading_chars = 40;
constexpr std::size_t k_long_title_chars = 100;
// A title in 2号 type wraps over up to six lines of a PDF page.
constexpr std::size_t k_title_lines = 6;

// The kinds of official documents (党政机关公文处理工作条例 第八条) and of the normative
// documents and regulations they issue.
constexpr std::array<std::string_view, 34> k_document_types{
  "法",   "办法", "规定", "通知", "意见", "决定", "细则", "措施", "方案", "规则", "条例", "公告",
  "通告", "批复", "规划", "标准", "目录", "清单", "指引", "指南", "纪要", "制度", "规程", "守则",
  "公约", "决议", "通报", "报告", "函",   "预案", "纲要", "计划", "要点", "命令"};
constexpr std::array<std::string_view, 15> k_body_suffixes{
  "局", "委", "办", "厅", "政府", "委员会", "办公室", "院", "部", "室", "中心", "管委会", "常委会", "公署", "署"};

// The patterns below are scanned by hand, not with std::regex (a quarter of a file import's time
// went into it, issue 18). Each scanner matches exactly what the regular expression it replaced
// matched, byte for byte, so the fields found are unchanged; the former pattern is quoted
// beside each one. Where a pattern had a bracketed class of Chinese characters, std::regex read
// it as a class of their UTF-8 bytes, and the scanner does the same.

// A CJK character at `pos` (`[\xE4-\xE9][\x80-\xBF]{2}`: U+4E00–U+9FFF start with E4–E9).
bool cjk_at(std::string_view text, std::size_t pos)
{
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  return pos + 2 < text.size() && byte(pos) >= 0xE4 && byte(pos) <= 0xE9 && (byte(pos + 1) & 0xC0) == 0x80 &&
         (byte(pos + 2) & 0xC0) == 0x80;
}

// The end of `count` CJK characters at `pos`, or npos.
std::size_t cjk_run_end(std::string_view text, std::size_t pos, std::size_t count)
{
  for (std::size_t i = 0; i < count; ++i, pos += 3) {
    if (pos == std::string_view::npos || !cjk_at(text, pos)) {
      return std::string_view::npos;
    }
  }
  return pos;
}

// The end of the longest run of bytes at `pos` none of which is in `excluded` (the byte-wise
// class `[^…]*` of a pattern on UTF-8 bytes).
std::size_t run_end(std::string_view text, std::size_t pos, std::string_view excluded)
{
  const std::size_t end = text.find_first_of(excluded, pos);
  return end == std::string_view::npos ? text.size() : end;
}

// A numeral of a date or a count at `pos` (the pattern `[0-9]|〇|○|O|Ｏ|零|一|…|十`): zero is also
// written ○ (U+25CB), O and Ｏ in published dates: 二○○八年, 二OO六年. Its length in bytes, 0 if none.
std::size_t numeral_at(std::string_view text, std::size_t pos)
{
  static constexpr std::array<std::string_view, 14> k_numerals{"〇", "○",  "Ｏ", "零", "一", "二", "三",
                                                               "四", "五", "六", "七", "八", "九", "十"};
  if (pos >= text.size()) {
    return 0;
  }
  const char c = text[pos];
  if ((c >= '0' && c <= '9') || c == 'O') {
    return 1;
  }
  const auto found = std::find_if(k_numerals.begin(), k_numerals.end(), [&](std::string_view numeral) {
    return text.compare(pos, numeral.size(), numeral) == 0;
  });
  return found == k_numerals.end() ? 0 : found->size();
}

// The end of the longest run of at most `most` numerals at `pos` if it has `least`, or npos: the
// greedy `N{least,most}`. What follows it in every pattern here is no numeral, so a shorter run
// never matches where the longest did not.
std::size_t numerals_end(std::string_view text, std::size_t pos, int least, int most)
{
  int count = 0;
  for (std::size_t length; count < most && (length = numeral_at(text, pos)) > 0; ++count) {
    pos += length;
  }
  return count >= least ? pos : std::string_view::npos;
}

// The end of `literal` at `pos`, or npos.
std::size_t literal_end(std::string_view text, std::size_t pos, std::string_view literal)
{
  return pos != std::string_view::npos && text.substr(std::min(pos, text.size())).starts_with(literal)
           ? pos + literal.size()
           : std::string_view::npos;
}

// The end of `literal` at `pos` if it is there (the greedy `(?:literal)?`), else `pos`.
std::size_t optional_end(std::string_view text, std::size_t pos, std::string_view literal)
{
  const std::size_t end = literal_end(text, pos, literal);
  return end == std::string_view::npos ? pos : end;
}

// The end of the first of `literals` at `pos`, or npos.
std::size_t any_end(std::string_view text, std::size_t pos, std::initializer_list<std::string_view> literals)
{
  for (const std::string_view literal : literals) {
    if (const std::size_t end = literal_end(text, pos, literal); end != std::string_view::npos) {
      return end;
    }
  }
  return std::string_view::npos;
}

// A written date: `(N{4})年(N{1,3})月(N{1,3})日`.
struct DateMatch
{
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view year;
  std::string_view month;
  std::string_view day;
};

// The date that begins exactly at `pos`, if one does.
std::optional<DateMatch> date_at(std::string_view text, std::size_t pos)
{
  const std::size_t year_end = numerals_end(text, pos, 4, 4);
  const std::size_t month_begin = literal_end(text, year_end, "年");
  const std::size_t month_end =
    month_begin == std::string_view::npos ? month_begin : numerals_end(text, month_begin, 1, 3);
  const std::size_t day_begin = literal_end(text, month_end, "月");
  const std::size_t day_end = day_begin == std::string_view::npos ? day_begin : numerals_end(text, day_begin, 1, 3);
  const std::size_t end = literal_end(text, day_end, "日");
  if (end == std::string_view::npos) {
    return std::nullopt;
  }
  return DateMatch{pos, end, text.substr(pos, year_end - pos), text.substr(month_begin, month_end - month_begin),
                   text.substr(day_begin, day_end - day_begin)};
}

// The leftmost date at or after `from`. A date's 年 follows its four numerals (at most 12 bytes),
// so only the bytes before each 年 can begin one.
std::optional<DateMatch> next_date(std::string_view text, std::size_t from)
{
  constexpr std::string_view k_year = "年";
  for (std::size_t year = text.find(k_year, from); year != std::string_view::npos;
       year = text.find(k_year, year + k_year.size())) {
    for (std::size_t begin = std::max(from, year >= 12 ? year - 12 : 0); begin + 4 <= year; ++begin) {
      if (auto date = date_at(text, begin)) {
        return date;
      }
    }
  }
  return std::nullopt;
}

// Every date in `text`, left to right, as std::regex_iterator would find them.
std::vector<DateMatch> dates_matched(std::string_view text)
{
  std::vector<DateMatch> found;
  for (auto date = next_date(text, 0); date; date = next_date(text, date->end)) {
    found.push_back(*date);
  }
  return found;
}

// A clause giving the date a text takes effect: `(?:自)?DATE起(?:施行|…)`, with the verbs given.
struct DatedClause
{
  std::size_t begin = 0;
  std::size_t end = 0;
  DateMatch date;
};

std::optional<DatedClause> next_dated_clause(std::string_view text, std::size_t from,
                                             std::initializer_list<std::string_view> verbs)
{
  constexpr std::string_view k_from = "自";
  for (auto date = next_date(text, from); date; date = next_date(text, date->end)) {
    const std::size_t end = any_end(text, literal_end(text, date->end, "起"), verbs);
    if (end != std::string_view::npos) {
      const bool with_from =
        date->begin >= from + k_from.size() && text.substr(date->begin - k_from.size(), k_from.size()) == k_from;
      return DatedClause{with_from ? date->begin - k_from.size() : date->begin, end, *date};
    }
  }
  return std::nullopt;
}

std::size_t chars(std::string_view text)
{
  return util::code_point_count(text);
}

bool ends_with_any(std::string_view text, const auto& suffixes)
{
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
  });
}

// 二〇二四 → 2024 (digit by digit); 十二 → 12, 二十五 → 25 (with 十); Arabic digits as they are.
int numeral_value(std::string_view text, bool positional)
{
  static const std::array<std::pair<std::string_view, int>, 14> k_digits{{
    {"〇", 0},
    {"○", 0},
    {"O", 0},
    {"Ｏ", 0},
    {"零", 0},
    {"一", 1},
    {"二", 2},
    {"三", 3},
    {"四", 4},
    {"五", 5},
    {"六", 6},
    {"七", 7},
    {"八", 8},
    {"九", 9},
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
    const auto digit = std::find_if(k_digits.begin(), k_digits.end(), [&](const auto& entry) {
      return text.compare(pos, entry.first.size(), entry.first) == 0;
    });
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
  for (const DateMatch& date : dates_matched(normalized)) {
    const int year = numeral_value(date.year, true);
    const int month = numeral_value(date.month, false);
    const int day = numeral_value(date.day, false);
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

// A non-empty line of the text: without its spaces (Chinese text has none; PDF and justified
// lines do), as written (to split names a signature spaces apart), and whether blank lines
// stood above it.
struct Line
{
  std::string text;
  std::string raw;
  bool gap_before = false;
};

std::vector<Line> lines_of(std::string_view text)
{
  std::vector<Line> lines;
  bool gap = false;
  for (const auto& piece : util::split(text, '\n')) {
    const std::string_view raw = util::trim(piece);
    std::string trimmed = util::remove_spaces(raw);
    if (trimmed.empty()) {
      gap = true;
      continue;
    }
    lines.push_back(Line{std::move(trimmed), std::string(raw), gap && !lines.empty()});
    gap = false;
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

// A line holding a date and nothing else (brackets aside): the 成文日期 of a signature, not
// a clause that ends "自2002年1月1日起施行" nor the 印发日期 of the 版记 ("2024年8月14日印发").
bool is_date_line(std::string_view line)
{
  if (chars(line) > 16 || dates_in(line).empty()) {
    return false;
  }
  // Outside its dates the line holds nothing but brackets. The former `[()（）]` matched bytes,
  // so the bytes of （ and ） count one by one, as they did.
  const std::string normalized = util::normalize_width(line);
  std::size_t pos = 0;
  const auto only_brackets = [&](std::size_t end) {
    for (; pos < end; ++pos) {
      if (std::string_view("()\xEF\xBC\x88\x89").find(normalized[pos]) == std::string_view::npos) {
        return false;
      }
    }
    return true;
  };
  for (const DateMatch& date : dates_matched(normalized)) {
    if (!only_brackets(date.begin)) {
      return false;
    }
    pos = date.end;
  }
  return only_brackets(normalized.size());
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> parts)
{
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view part) { return text.find(part) != std::string_view::npos; });
}

// A dated note in brackets under a title: "(1996年9月26日……通过 1996年10月1日起施行)",
// "(1991年3月26日济南市人民政府令19号发布)". It says how the text was made, it is not part of
// the title.
bool is_dated_note(std::string_view line)
{
  return (line.starts_with("(") || line.starts_with("（")) && (line.ends_with(")") || line.ends_with("）")) &&
         !dates_in(line).empty();
}

// The number line of a 令 (GB/T 9704-2012 10.2): "渝府令第121号", "第82号", "省政府令[2001]第3号".
bool is_order_number(std::string_view line)
{
  if (chars(line) > 24 || (line.find("令") == std::string_view::npos && !line.starts_with("第"))) {
    return false;
  }
  // The whole line matches `^(?:CJK{0,12}令)?[〔\[（(]?(?:[0-9]{4})?[〕\]）)]?(?:第)?[0-9一…零]+号[）)]?$`,
  // whose bracketed classes were byte-wise (a class holds the bytes of its characters): every
  // way through it is tried, as the matcher did.
  const std::string text = util::normalize_width(line);
  const auto in = [&](std::size_t pos, std::string_view bytes) {
    return pos < text.size() && bytes.find(text[pos]) != std::string_view::npos;
  };
  constexpr std::string_view k_numeral_bytes = "0123456789一二三四五六七八九十百〇零";
  const auto numbers_to_end = [&](std::size_t pos) {
    for (const std::string_view tail : {"号", "号)", "号\xEF", "号\xBC", "号\x89"}) {
      if (text.size() >= pos + tail.size() + 1 && text.ends_with(tail) &&
          text.find_first_not_of(k_numeral_bytes, pos) >= text.size() - tail.size()) {
        return true;
      }
    }
    return false;
  };
  std::vector<std::size_t> starts{0};
  for (std::size_t count = 0; count <= 12 && cjk_run_end(text, 0, count) != std::string::npos; ++count) {
    if (const std::size_t end = literal_end(text, count * 3, "令"); end != std::string::npos) {
      starts.push_back(end);
    }
  }
  for (const std::size_t start : starts) {
    for (const std::size_t open : {start, in(start, "\xE3\x80\x94[\xEF\xBC\x88(") ? start + 1 : std::string::npos}) {
      const bool year =
        open != std::string::npos && open + 4 <= text.size() &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(open),
                    text.begin() + static_cast<std::ptrdiff_t>(open + 4), [](char c) { return c >= '0' && c <= '9'; });
      for (const std::size_t number : {open, year ? open + 4 : std::string::npos}) {
        for (const std::size_t close :
             {number, in(number, "\xE3\x80\x95]\xEF\xBC\x89)") ? number + 1 : std::string::npos}) {
          for (const std::size_t digits : {close, literal_end(text, close, "第")}) {
            if (digits != std::string::npos && numbers_to_end(digits)) {
              return true;
            }
          }
        }
      }
    }
  }
  return false;
}

// `[0-9]{4}-[0-9]{2}-[0-9]{2}.*` matched whole: an ISO date, then anything on the same line.
bool starts_with_iso_date(std::string_view line)
{
  static constexpr std::string_view k_shape = "0000-00-00";
  if (line.size() < k_shape.size() || line.find_first_of("\n\r", k_shape.size()) != std::string_view::npos) {
    return false;
  }
  for (std::size_t i = 0; i < k_shape.size(); ++i) {
    if (k_shape[i] == '-' ? line[i] != '-' : (line[i] < '0' || line[i] > '9')) {
      return false;
    }
  }
  return true;
}

// The label cells of a web page's information table (信息公开目录).
constexpr std::array<std::string_view, 16> k_labels{
  "索引号",   "主题分类", "发布机构", "发文机关", "发文机构", "成文日期", "发文日期", "发布日期",
  "生成日期", "有效性",   "时效性",   "文号",     "发文字号", "名称",     "主题词",   "来源"};

// A label cell alone on its line, with or without a colon, whose value is the next line:
// "有效性" / "有效", "发文日期:" / "2024年04月06日 16:40" (tests/documents N05, N25). 名称 is
// left out: its value is the title.
bool is_bare_label(std::string_view line)
{
  for (const std::string_view colon : {":", "："}) {
    if (line.ends_with(colon)) {
      line.remove_suffix(colon.size());
    }
  }
  return line != "名称" && std::find(k_labels.begin(), k_labels.end(), line) != k_labels.end();
}

// A web page's information table (信息公开目录): "发布日期:2013-10-08", "索引号：…", or the
// label and the value in cells of their own ("发布机构" / "…", "成文日期" / "2011-09-01").
bool is_label_line(std::string_view line)
{
  const std::size_t colon = std::min(line.find(':'), line.find("："));
  return (colon != std::string_view::npos && colon + 1 < line.size() && chars(line.substr(0, colon)) <= 8) ||
         std::find(k_labels.begin(), k_labels.end(), line) != k_labels.end() || starts_with_iso_date(line);
}

// Where the 主送机关 line is: it ends with a colon (GB/T 9704-2012 7.3.4).
bool ends_with_colon(std::string_view line)
{
  return line.ends_with("：") || line.ends_with(":");
}

// Lines that sit above or between title lines without being part of a title: the 发文机关标志
// "……文件" (7.2.2), 份号/密级/紧急程度, 文号 (7.2.3), dates, 签发人, 令 numbers, a page's
// information table and the 主送 line.
bool is_heading_noise(std::string_view line)
{
  return line.ends_with("文件") || line == "目录" || is_dated_note(line) || as_doc_no(line) || is_date_line(line) ||
         line.starts_with("签发人") || ends_with_colon(line) || is_order_number(line) || is_label_line(line) ||
         line.starts_with("(此件") || line.starts_with("（此件") || contains_any(line, {"★", "特急", "加急", "平急"}) ||
         (chars(line) <= 8 && line.find_first_not_of("0123456789") == std::string_view::npos);
}

// Titles carry no sentence punctuation (GB/T 9704-2012 7.3.3); a long line is a title only
// without commas either.
bool is_heading_like(const Line& line)
{
  if (is_heading_noise(line.text) || contains_any(line.text, {"。", "；", "："})) {
    return false;
  }
  const std::size_t length = chars(line.text);
  return length <= k_heading_chars || (length <= k_long_title_chars && !contains_any(line.text, {"，", ","}));
}

// A line naming an issuing body only: "浠水县人民政府", "财政部、司法部", "云南省财政厅   云南省人力资源和社会保障厅".
bool is_body(std::string_view name)
{
  return !name.empty() && chars(name) <= 30 && ends_with_any(name, k_body_suffixes) &&
         !contains_any(name, {"关于", "。", "，", "：", ":", "《", "》", "实施", "届"}) &&
         name.find_first_of("0123456789") == std::string_view::npos;
}

std::vector<std::string> body_names(const Line& line)
{
  std::vector<std::string> names;
  // Names a signature line separates with 、, ideographic or ordinary spaces or tabs.
  std::string spaced;
  for (std::size_t pos = 0; pos < line.raw.size();) {
    const std::size_t end = any_end(line.raw, pos, {"、", "　", "\t"});
    spaced += end == std::string_view::npos ? line.raw[pos] : ' ';
    pos = end == std::string_view::npos ? pos + 1 : end;
  }
  for (const auto& part : util::split(spaced, ' ')) {
    if (!util::trim(part).empty()) {
      names.emplace_back(util::trim(part));
    }
  }
  if (names.size() > 1 && std::all_of(names.begin(), names.end(), [](const std::string& n) { return is_body(n); })) {
    return names;
  }
  return is_body(line.text) ? std::vector<std::string>{line.text} : std::vector<std::string>{};
}

// The 发文机关标志 above a title (GB/T 9704-2012 7.2.2): one body or several; a reprint's
// header cuts a long list short with 等 ("教育部 劳动人事部 财政部 等").
bool is_issuer_mark(const Line& line)
{
  Line names = line;
  if (names.text.ends_with("等") && names.text.size() > std::string_view("等").size()) {
    names.text.resize(names.text.size() - std::string_view("等").size());
    names.raw = std::string(util::trim(line.raw));
    names.raw.resize(names.raw.size() - std::string_view("等").size());
  }
  return !body_names(names).empty();
}

// A title that names no issuer before its subject: "关于印发…", "转发…", "批转…".
bool names_no_issuer(std::string_view title)
{
  return title.starts_with("关于") || title.starts_with("转发") || title.starts_with("批转") ||
         title.starts_with("印发");
}

// Several bodies run together in a joint title ("中共岳阳市委办公室岳阳市人民政府办公室印发…"):
// a new name starts after a body suffix where 中共 or the first name's place follows.
std::vector<std::string> split_joint(const std::string& names)
{
  std::vector<std::string> parts;
  if (names.find("、") != std::string::npos) {
    std::string rest = names;
    for (std::size_t at; (at = rest.find("、")) != std::string::npos;) {
      parts.push_back(rest.substr(0, at));
      rest.erase(0, at + std::string_view("、").size());
    }
    parts.push_back(rest);
    return parts;
  }
  const std::string_view party = "中共";
  const std::string first = names.starts_with(party) ? names.substr(party.size()) : names;
  const std::string place = first.substr(0, std::min<std::size_t>(first.size(), 6)); // two characters
  std::size_t begin = 0;
  for (std::size_t at = 0; at < names.size(); ++at) {
    for (const std::string_view suffix : k_body_suffixes) {
      const std::size_t end = at + suffix.size();
      if (end < names.size() && names.compare(at, suffix.size(), suffix) == 0 && end - begin > suffix.size() &&
          (names.compare(end, party.size(), party) == 0 || names.compare(end, place.size(), place) == 0)) {
        parts.push_back(names.substr(begin, end - begin));
        begin = end;
        break;
      }
    }
  }
  parts.push_back(names.substr(begin));
  return parts;
}

std::string joined(const std::vector<std::string>& names)
{
  std::string out;
  for (const auto& name : names) {
    out += out.empty() ? "" : "、";
    out += name;
  }
  return out;
}

std::optional<Field> markdown_title(const std::vector<Line>& lines)
{
  if (!lines.empty() && lines.front().text.starts_with("#")) {
    // A line of only '#' marks (found by fuzz_metadata) is no heading.
    const std::string& first = lines.front().raw;
    const auto text_begins = first.find_first_not_of('#');
    const auto title =
      text_begins == std::string::npos ? std::string_view{} : util::trim(std::string_view(first).substr(text_begins));
    if (!title.empty()) {
      return Field{util::remove_spaces(title), "Markdown 标题", 0.95};
    }
  }
  return std::nullopt;
}

// The document a 印发/转发 notice issues: 关于印发《X》的通知, 现将《X》印发给你们.
std::optional<Field> issued_title(const std::vector<Line>& lines)
{
  std::string head;
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    head += lines[i].text;
  }
  // `印发《([^》]+)》|《([^》]+)》(?:已经[^，。]*，)?(?:现)?(?:印发|转发)给|将《([^》]+)》(?:印发|转发)`,
  // leftmost. Its classes were byte-wise: a quoted title ends at the first byte of 》 (E3 80 8B)
  // that occurs, and the clause at the first byte of ， or 。, as before.
  constexpr std::string_view k_open = "《";
  const auto quoted = [&](std::size_t open) -> std::pair<std::size_t, std::size_t> {
    const std::size_t begin = open + k_open.size();
    const std::size_t end = run_end(head, begin, "\xE3\x80\x8B");
    return {end > begin ? end : std::string::npos, literal_end(head, end, "》")};
  };
  for (std::size_t open = head.find(k_open); open != std::string::npos; open = head.find(k_open, open + 1)) {
    const auto [title_end, after] = quoted(open);
    if (title_end == std::string::npos || after == std::string::npos) {
      continue;
    }
    const std::string title = head.substr(open + k_open.size(), title_end - open - k_open.size());
    if (open >= 6 && head.compare(open - 6, 6, "印发") == 0) {
      return Field{title, "印发通知", 0.9};
    }
    if (open >= 3 && head.compare(open - 3, 3, "将") == 0 &&
        any_end(head, after, {"印发", "转发"}) != std::string::npos) {
      return Field{title, "印发通知", 0.9};
    }
    std::size_t verb = after;
    if (const std::size_t clause = literal_end(head, after, "已经"); clause != std::string::npos) {
      const std::size_t comma = literal_end(head, run_end(head, clause, "\xEF\xBC\x8C\xE3\x80\x82"), "，");
      verb = comma == std::string::npos ? after : comma;
    }
    if (literal_end(head, any_end(head, optional_end(head, verb, "现"), {"印发", "转发"}), "给") != std::string::npos) {
      return Field{title, "印发通知", 0.9};
    }
  }
  return std::nullopt;
}

// A title found at the top: its text and its first and last line.
struct Heading
{
  std::string text;
  std::size_t first = 0;
  std::size_t last = 0;
};

// Every title at the top: runs of title-like lines closed by a line ending with a document
// type, up to six lines (a long title in 2号 type wraps over several). A body's name alone
// above a title is the 发文机关标志 (GB/T 9704-2012 7.2.2) unless the title goes on right
// under it without naming an issuer ("济宁市人民政府" / "关于持续深化……的实施意见": 7.3.3, the
// issuer is part of the title); a blank line between them also marks the name as a header.
std::vector<Heading> headings(const std::vector<Line>& lines)
{
  std::vector<Heading> found;
  const std::size_t top = std::min(lines.size(), k_head_lines);
  std::size_t i = 0;
  while (i < top) {
    std::string text;
    std::size_t end = i;
    bool closed = false;
    for (; end < top && end < i + k_title_lines && is_heading_like(lines[end]) &&
           !(end > 0 && is_bare_label(lines[end - 1].text));
         ++end) {
      text += lines[end].text;
      if (ends_with_any(text.ends_with("》") ? text.substr(0, text.size() - 3) : text, k_document_types)) {
        closed = true;
        break;
      }
    }
    if (!closed) {
      ++i;
      continue;
    }
    std::size_t first = i;
    while (first < end && is_issuer_mark(lines[first]) &&
           (!names_no_issuer(lines[first + 1].text) || lines[first + 1].gap_before)) {
      ++first;
    }
    // A page title repeating the document's title with a note ("……的通知(2019修订)" above
    // "……的通知"): the document's own line is the title.
    std::string above;
    for (std::size_t k = first; k < end; ++k) {
      above += lines[k].text;
    }
    if (!above.empty() && above.starts_with(lines[end].text)) {
      first = end;
    }
    std::string title;
    for (std::size_t k = first; k <= end; ++k) {
      title += lines[k].text;
    }
    // A reprint quoting the whole title: 《厦门市人民政府关于印发……的通知》.
    if (title.starts_with("《") && title.ends_with("》") && title.find("《", 3) == std::string::npos) {
      title = title.substr(3, title.size() - 6);
    }
    found.push_back(Heading{title, first, end});
    i = end + 1;
  }
  return found;
}

// The document's own title: the one the 文号 or the 主送 line follows (web pages, GB/T 9704
// 7.3.3–7.3.4) or the 文号 precedes (the 版头, 7.2.3); else the first. A 令 or 公告 number
// ("第三十七号") follows the 公告's heading, not the title of what it publishes.
std::optional<Heading> document_heading(const std::vector<Line>& lines)
{
  const auto all = headings(lines);
  for (const auto& heading : all) {
    const std::size_t next = heading.last + 1;
    if ((next < lines.size() && (as_doc_no(lines[next].text) || ends_with_colon(lines[next].text))) ||
        (heading.first > 0 && as_doc_no(lines[heading.first - 1].text))) {
      return heading;
    }
  }
  return all.empty() ? std::nullopt : std::optional(all.front());
}

std::optional<Field> find_doc_no(const std::vector<Line>& lines)
{
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    if (auto doc_no = as_doc_no(lines[i].text)) {
      return Field{*doc_no, "文号行", 0.9};
    }
    // A web page's information table: "文号：晋政发〔2018〕13号", "发文字号:…".
    for (const std::string_view label : {"文号:", "文号：", "发文字号:", "发文字号："}) {
      if (lines[i].text.starts_with(label) ||
          (lines[i].text.find(label) != std::string::npos && lines[i].text.starts_with("发文"))) {
        if (auto doc_no = as_doc_no(lines[i].text.substr(lines[i].text.find(label) + label.size()))) {
          return Field{*doc_no, "网页信息表", 0.85};
        }
      }
    }
  }
  return std::nullopt;
}

// The signature block (发文机关署名 and 成文日期, GB/T 9704-2012 7.3.5): the first date line
// after the 主送 line under the title — in a 印发 notice the notice's own, above the attached
// document — else the last date line near the end; and the bodies named on the lines above it.
struct Signature
{
  std::optional<util::Date> date;
  std::vector<std::string> issuers;
};

Signature find_signature(const std::vector<Line>& lines, const std::optional<Heading>& heading)
{
  std::optional<std::size_t> at;
  if (heading) {
    for (std::size_t i = heading->last + 1; i < lines.size(); ++i) {
      if (is_date_line(lines[i].text)) {
        at = i;
        break;
      }
    }
  }
  const std::size_t first_tail = lines.size() > k_tail_lines ? lines.size() - k_tail_lines : 0;
  for (std::size_t i = lines.size(); !at && i-- > first_tail;) {
    if (is_date_line(lines[i].text)) {
      at = i;
    }
  }
  Signature signature;
  if (!at) {
    return signature;
  }
  signature.date = dates_in(lines[*at].text).front();
  std::vector<std::vector<std::string>> above;
  for (std::size_t i = *at; i-- > 0 && above.size() < 4;) {
    auto names = body_names(lines[i]);
    if (names.empty()) {
      break;
    }
    above.push_back(std::move(names));
  }
  std::reverse(above.begin(), above.end()); // collected upwards from the date line
  for (const auto& names : above) {
    signature.issuers.insert(signature.issuers.end(), names.begin(), names.end());
  }
  return signature;
}

// A reprint's line right under the title naming the date and the body that made the text:
// "1985年9月25日,卫生部".
std::optional<util::Date> dated_line(const std::vector<Line>& lines, const std::optional<Heading>& heading)
{
  if (!heading) {
    return std::nullopt;
  }
  for (std::size_t i = heading->last + 1; i < lines.size() && i <= heading->last + 2; ++i) {
    const std::string& text = lines[i].text;
    for (const std::string_view comma : {",", "，"}) {
      const std::size_t at = text.find(comma);
      if (at != std::string::npos && is_date_line(text.substr(0, at)) && is_body(text.substr(at + comma.size()))) {
        return dates_in(text.substr(0, at)).front();
      }
    }
  }
  return std::nullopt;
}

// A title's issuer: the bodies before 关于/转发/批转/印发 ("XX市人民政府办公室转发…": the
// issuer of a 转发 or 批转 notice is the body that forwards). A short form ("省人民政府关于…")
// is completed from a header line that ends with it.
std::vector<std::string> title_issuers(const std::string& title, const std::vector<Line>& lines)
{
  std::size_t cut = std::string::npos;
  for (const std::string_view verb : {"关于", "转发", "批转", "印发"}) {
    cut = std::min(cut, title.find(verb));
  }
  if (cut == std::string::npos || cut == 0 || !ends_with_any(title.substr(0, cut), k_body_suffixes)) {
    return {};
  }
  std::string prefix = title.substr(0, cut);
  if (contains_any(std::string_view(prefix).substr(0, 3), {"省", "市", "县", "区", "州"}) && chars(prefix) <= 8) {
    for (std::size_t i = 0; i < lines.size() && i < 3; ++i) {
      if (is_body(lines[i].text) && lines[i].text.ends_with(prefix)) {
        prefix = lines[i].text;
        break;
      }
    }
  }
  return split_joint(prefix);
}

// A reprint's header line names the body with its province ("辽宁省大连市人大常委会",
// "山东省济南市人民政府") and in the short form 人大常委会: the body's own name is the city's,
// in full (地方各级人民代表大会和地方各级人民政府组织法 names 人民代表大会常务委员会).
std::string full_body_name(const std::string& name)
{
  // `^(?:CJK{2,3}省|内蒙古自治区|…)(CJK{2,6}?市CJK+)$` → the group; then `人大常委会$` spelt out.
  std::vector<std::size_t> province_ends;
  for (const std::size_t count : {3, 2}) {
    if (cjk_run_end(name, 0, count) != std::string::npos && literal_end(name, count * 3, "省") != std::string::npos) {
      province_ends.push_back(count * 3 + std::string_view("省").size());
    }
  }
  for (const std::string_view region :
       {"内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"}) {
    if (name.starts_with(region)) {
      province_ends.push_back(region.size());
    }
  }
  std::string full = name;
  for (const std::size_t city : province_ends) {
    const auto rest_is_city = [&](std::size_t count) {
      const std::size_t suffix = literal_end(name, cjk_run_end(name, city, count), "市");
      return suffix < name.size() && cjk_run_end(name, suffix, (name.size() - suffix) / 3) == name.size();
    };
    std::size_t count = 2;
    while (count <= 6 && !rest_is_city(count)) {
      ++count;
    }
    if (count <= 6) {
      full = name.substr(city);
      break;
    }
  }
  constexpr std::string_view k_short = "人大常委会";
  if (full.ends_with(k_short)) {
    full.replace(full.size() - k_short.size(), k_short.size(), "人民代表大会常务委员会");
  }
  return full;
}

std::vector<std::string> header_issuers(const std::vector<Line>& lines)
{
  // `^(CJK{4,20}?)令`: the shortest run of four to twenty characters that 令 follows.
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    const std::string& text = lines[i].text;
    for (std::size_t count = 4; count <= 20 && cjk_run_end(text, 0, count) != std::string::npos; ++count) {
      if (literal_end(text, count * 3, "令") != std::string::npos) {
        if (ends_with_any(std::string_view(text).substr(0, count * 3), k_body_suffixes)) {
          return {text.substr(0, count * 3)};
        }
        break;
      }
    }
  }
  for (std::size_t i = 0; i < lines.size() && i < 3; ++i) {
    if (lines[i].text.ends_with("文件") && chars(lines[i].text) <= 30) {
      return split_joint(lines[i].text.substr(0, lines[i].text.size() - std::string_view("文件").size()));
    }
  }
  for (std::size_t i = 0; i < lines.size() && i < 3; ++i) {
    if (auto names = body_names(lines[i]); !names.empty()) {
      auto found = names.size() > 1 ? names : split_joint(names.front());
      std::transform(found.begin(), found.end(), found.begin(), full_body_name);
      return found;
    }
  }
  return {};
}

// The adoption history above the articles of a local regulation, as one text (a PDF wraps
// its lines anywhere): everything before <!-- INFO END --> (the corpus's Markdown) or the first
// chapter or article, when it says 通过 or 批准 or holds a dated note of its publication.
std::string history_of(const std::vector<Line>& lines)
{
  std::string head;
  bool published = false;
  for (const auto& line : lines) {
    if (line.text == "<!--INFOEND-->" || line.text.starts_with("第一章") || line.text.starts_with("第一条") ||
        line.text.starts_with("##")) {
      break;
    }
    head += line.text;
    // A government rule's note: "(1991年3月26日济南市人民政府令19号发布)".
    published = published || (is_dated_note(line.text) && contains_any(line.text, {"发布", "公布"}));
  }
  return published || contains_any(head, {"通过", "批准"}) ? head : std::string();
}

// Local regulations: "2018年8月30日洛阳市第十四届人民代表大会常务委员会第四十一次会议通过",
// or adopted by the congress itself ("…第十一届人民代表大会第三次会议通过").
std::optional<std::string> congress_issuer(const std::string& history)
{
  // `日(CJK{2,12}?)第CJK{1,4}届(人民代表大会(?:常务委员会)?|人大常委会)CJK{0,12}?通过`, leftmost,
  // its alternatives tried in the order the pattern gives them.
  const auto adopted = [&](std::size_t pos) {
    for (std::size_t count = 0; count <= 12 && cjk_run_end(history, pos, count) != std::string::npos; ++count) {
      if (literal_end(history, pos + count * 3, "通过") != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  constexpr std::string_view k_day = "日";
  for (std::size_t day = history.find(k_day); day != std::string::npos; day = history.find(k_day, day + 1)) {
    const std::size_t place = day + k_day.size();
    for (std::size_t count = 2; count <= 12 && cjk_run_end(history, place, count) != std::string::npos; ++count) {
      const std::size_t session = literal_end(history, place + count * 3, "第");
      for (std::size_t term = 4; session != std::string::npos && term >= 1; --term) {
        const std::size_t body = literal_end(history, cjk_run_end(history, session, term), "届");
        for (const std::string_view name : {"人民代表大会常务委员会", "人民代表大会", "人大常委会"}) {
          if (body != std::string::npos && literal_end(history, body, name) != std::string::npos &&
              adopted(body + name.size())) {
            return history.substr(place, count * 3) +
                   std::string(name == "人大常委会" ? "人民代表大会常务委员会" : name);
          }
        }
      }
    }
  }
  return std::nullopt;
}

// The date an information table gives: "成文日期：2011-09-01", or the value on the line under
// the label ("发文日期:" / "2024年04月06日 16:40"). Its 发布日期 is when the page went up, not
// the document's date (N08, N11).
std::optional<util::Date> table_date(const std::vector<Line>& lines)
{
  for (std::size_t i = 0; i < lines.size() && i < k_head_lines; ++i) {
    for (const std::string_view label : {"成文日期", "发文日期"}) {
      const std::string& text = lines[i].text;
      if (!text.starts_with(label)) {
        continue;
      }
      std::string_view value = std::string_view(text).substr(label.size());
      for (const std::string_view colon : {":", "："}) {
        if (value.starts_with(colon)) {
          value.remove_prefix(colon.size());
        }
      }
      if (value.empty() && is_bare_label(text) && i + 1 < lines.size()) {
        value = lines[i + 1].text;
      }
      if (auto written = dates_in(value); !written.empty()) {
        return written.front();
      }
      if (starts_with_iso_date(value)) {
        try {
          return util::Date::parse(value.substr(0, std::string_view("2021-03-26").size()));
        } catch (const DataError&) {
          // 2021-02-30: no date.
        }
      }
    }
  }
  return std::nullopt;
}

// The latest date of the history: the last adoption, approval or amendment.
std::optional<util::Date> history_date(const std::string& history)
{
  // "1996年10月1日起施行" in the history is when the text takes effect (施行日期), not a step of
  // its making: a date of its own, apart from adoption and promulgation (立法法 第六十一条,
  // 第六十二条).
  std::string rest;
  std::size_t pos = 0;
  for (auto clause = next_dated_clause(history, 0, {"施行", "实施"}); clause;
       clause = next_dated_clause(history, clause->end, {"施行", "实施"})) {
    rest.append(history, pos, clause->begin - pos);
    pos = clause->end;
  }
  rest.append(history, pos);
  const auto dates = dates_in(rest);
  return dates.empty() ? std::nullopt : std::optional(*std::max_element(dates.begin(), dates.end()));
}

std::string file_stem(std::string_view file_name)
{
  std::string stem(file_name.substr(0, file_name.rfind('.')));
  // 标题(2019-01-15).md: `\([0-9]{4}-[0-9]{2}-[0-9]{2}\)$` dropped.
  constexpr std::size_t k_dated = std::string_view("(2019-01-15)").size();
  if (stem.size() >= k_dated && stem[stem.size() - k_dated] == '(' && stem.back() == ')' &&
      starts_with_iso_date(std::string_view(stem).substr(stem.size() - k_dated + 1, k_dated - 2))) {
    stem.erase(stem.size() - k_dated);
  }
  return stem;
}

} // namespace

Validity extract_validity(std::string_view text)
{
  const std::string flat = util::remove_spaces(util::normalize_width(text));
  const std::initializer_list<std::string_view> k_verbs{"施行", "实施", "执行", "生效"};
  Validity found;
  // The last clause wins: a 印发 notice quoting an older one comes first.
  std::size_t effective_at = 0;
  // "自2002年1月1日起施行"; a reprint's note under the title drops the 自: "1994年2月1日起施行".
  for (auto clause = next_dated_clause(flat, 0, k_verbs); clause;
       clause = next_dated_clause(flat, clause->end, k_verbs)) {
    if (const auto day = parse_chinese_date(
          std::string_view(flat).substr(clause->date.begin, clause->date.end - clause->date.begin))) {
      found.effective = Field{day->iso(), "施行条款", 0.9};
      effective_at = clause->begin;
    }
  }
  // `自(?:发布|公布|印发|发文)之日起(?:施行|实施|执行|生效)`
  constexpr std::string_view k_from = "自";
  for (std::size_t at = flat.find(k_from); at != std::string::npos; at = flat.find(k_from, at + k_from.size())) {
    const std::size_t day = any_end(flat, at + k_from.size(), {"发布", "公布", "印发", "发文"});
    if (any_end(flat, literal_end(flat, day, "之日起"), k_verbs) == std::string::npos) {
      continue;
    }
    if (!found.effective || at > effective_at) {
      found.effective = Field{std::string(k_from_publication), "施行条款", 0.9};
      effective_at = at;
    }
  }
  // `(?:有效期(?:限)?|试行(?:期)?)(?:为|暂定(?:为)?)?(N{1,3})(年|个月)` and `有效期(?:至|到|截至)DATE`.
  constexpr std::string_view k_term = "有效期";
  constexpr std::string_view k_trial = "试行";
  for (std::size_t at = 0; (at = std::min(flat.find(k_term, at), flat.find(k_trial, at))) != std::string::npos;) {
    const bool term = flat.compare(at, k_term.size(), k_term) == 0;
    std::size_t count_begin = optional_end(flat, at + (term ? k_term : k_trial).size(), term ? "限" : "期");
    const std::size_t provisional = literal_end(flat, count_begin, "暂定");
    count_begin =
      provisional != std::string::npos ? optional_end(flat, provisional, "为") : optional_end(flat, count_begin, "为");
    const std::size_t count_end = numerals_end(flat, count_begin, 1, 3);
    const std::size_t end = any_end(flat, count_end, {"年", "个月"});
    if (end != std::string::npos) {
      const int count = numeral_value(std::string_view(flat).substr(count_begin, count_end - count_begin), false);
      if (count > 0) {
        found.validity =
          Field{fmt::format("{}{}", count, flat.compare(count_end, 3, "年") == 0 ? "y" : "m"), "有效期条款", 0.85};
      }
      at = end;
      continue;
    }
    ++at;
  }
  for (std::size_t at = flat.find(k_term); at != std::string::npos; at = flat.find(k_term, at + 1)) {
    const auto date = date_at(flat, any_end(flat, at + k_term.size(), {"至", "到", "截至"}));
    if (!date) {
      continue;
    }
    if (const auto day = parse_chinese_date(std::string_view(flat).substr(date->begin, date->end - date->begin))) {
      found.expires = Field{day->iso(), "有效期条款", 0.9};
    }
    at = date->end - 1;
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

Metadata extract_metadata(std::string_view text, std::string_view file_name,
                          const std::vector<std::string>& trial_markers)
{
  const std::vector<Line> lines = lines_of(text);
  Metadata meta;
  meta.attached_title = issued_title(lines);
  const std::optional<Heading> heading = document_heading(lines);
  meta.title = markdown_title(lines);
  if (!meta.title && heading) {
    meta.title = Field{heading->text, heading->first == heading->last ? "标题行" : "标题行（跨行）", 0.8};
  }
  if (!meta.title && meta.attached_title) {
    meta.title = meta.attached_title;
  }
  if (!meta.title) {
    const std::string stem = file_stem(file_name);
    if (!stem.empty()) {
      meta.title = Field{stem, "文件名", 0.3};
    }
  }
  meta.doc_no = find_doc_no(lines);

  const Signature signature = find_signature(lines, heading);
  const auto issuer_from = [&](std::vector<std::string> names, std::string source, double confidence) {
    if (!meta.issuer && !names.empty()) {
      meta.issuer = Field{joined(names), std::move(source), confidence};
      meta.issuers = std::move(names);
    }
  };
  issuer_from(signature.issuers, "落款", 0.8);
  if (meta.title) {
    issuer_from(title_issuers(meta.title->value, lines), "标题", 0.75);
  }
  issuer_from(header_issuers(lines), "版头", 0.7);
  const std::string history = history_of(lines);
  if (auto congress = congress_issuer(history)) {
    issuer_from({*congress}, "制定沿革", 0.6);
  }

  if (signature.date) {
    meta.date = Field{signature.date->iso(), "落款", 0.85};
  } else if (auto dated = dated_line(lines, heading)) {
    meta.date = Field{dated->iso(), "标题下日期行", 0.7};
  } else if (auto tabled = table_date(lines)) {
    meta.date = Field{tabled->iso(), "网页信息表", 0.6};
  } else if (auto adopted = history_date(history)) {
    meta.date = Field{adopted->iso(), "制定沿革", 0.5};
  }
  const auto trial_in = [&](const std::optional<Field>& title) {
    return title && std::any_of(trial_markers.begin(), trial_markers.end(), [&](const std::string& marker) {
             return !marker.empty() && title->value.find(marker) != std::string::npos;
           });
  };
  meta.trial = meta.attached_title ? trial_in(meta.attached_title) : trial_in(meta.title);
  meta.validity = extract_validity(text);
  meta.citations = basis::extract_citations(text);
  return meta;
}

} // namespace normdoc::ingest
