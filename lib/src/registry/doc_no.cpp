// SPDX-License-Identifier: MIT
#include <normdoc/registry/doc_no.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

namespace normdoc::registry {

namespace {

constexpr std::string_view k_shape = "文号应为“机关代字〔年份〕序号号”，例如 济示文旅〔2024〕5号";

bool is_open_bracket(char32_t c)
{
  return c == U'〔' || c == U'[' || c == U'(' || c == U'（' || c == U'【' || c == U'［' || c == U'﹝' || c == U'〖';
}

bool is_close_bracket(char32_t c)
{
  return c == U'〕' || c == U']' || c == U')' || c == U'）' || c == U'】' || c == U'］' || c == U'﹞' || c == U'〗';
}

bool is_agency_char(char32_t c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

bool is_digit(char32_t c)
{
  return c >= '0' && c <= '9';
}

[[noreturn]] void reject(std::string_view text, std::string_view why)
{
  throw DataError(fmt::format("“{}”不是有效的文号：{}", text, why), {}, std::string(k_shape));
}

} // namespace

std::string DocNo::canonical() const
{
  return fmt::format("{}〔{}〕{}号", agency, year, number);
}

DocNo DocNo::parse(std::string_view text)
{
  const std::u32string chars = util::decode_utf8(util::remove_spaces(util::normalize_width(text)));
  if (chars.empty()) {
    reject(text, "为空");
  }
  std::size_t pos = 0;
  std::string agency;
  while (pos < chars.size() && is_agency_char(chars[pos])) {
    util::append_utf8(agency, chars[pos++]);
  }
  if (agency.empty()) {
    reject(text, "缺少机关代字");
  }
  if (pos == chars.size() || !is_open_bracket(chars[pos])) {
    reject(text, "机关代字后应是用六角括号〔〕括起的年份");
  }
  ++pos;
  int year = 0;
  std::size_t digits = 0;
  // Counting stops past four digits, so a long run of digits is rejected, not overflowed.
  while (pos < chars.size() && is_digit(chars[pos]) && digits <= 4) {
    year = year * 10 + static_cast<int>(chars[pos++] - '0');
    ++digits;
  }
  if (digits != 4 || year < 1949 || year > 2199) {
    reject(text, "年份应为四位数字");
  }
  if (pos == chars.size() || !is_close_bracket(chars[pos])) {
    reject(text, "年份后缺少右括号〕");
  }
  ++pos;
  if (pos < chars.size() && chars[pos] == U'第') {
    ++pos;
  }
  long number = 0;
  digits = 0;
  while (pos < chars.size() && is_digit(chars[pos]) && digits < 7) {
    number = number * 10 + static_cast<long>(chars[pos++] - '0');
    ++digits;
  }
  if (digits == 0 || number == 0) {
    reject(text, "缺少序号");
  }
  if (pos + 1 != chars.size() || chars[pos] != U'号') {
    reject(text, "应以“序号号”结尾");
  }
  return DocNo{agency, year, static_cast<int>(number)};
}

} // namespace normdoc::registry
