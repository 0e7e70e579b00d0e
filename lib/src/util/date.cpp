// SPDX-License-Identifier: MIT
#include <normdoc/util/date.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace normdoc::util {

namespace {

constexpr std::string_view k_expected_shape = "日期格式应为 YYYY-MM-DD 或 YYYY年M月D日，例如 2024-08-14";

// Reads 1–4 ASCII digits at `pos`; returns -1 when there are none.
int read_number(std::string_view text, std::size_t& pos, std::size_t max_digits)
{
  const std::size_t start = pos;
  while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') {
    ++pos;
  }
  if (pos == start) {
    return -1;
  }
  int value = 0;
  std::from_chars(text.data() + start, text.data() + pos, value);
  return value;
}

bool consume(std::string_view text, std::size_t& pos, std::string_view token)
{
  if (text.substr(pos, token.size()) == token) {
    pos += token.size();
    return true;
  }
  return false;
}

} // namespace

Date Date::from_ymd(int year, unsigned month, unsigned day)
{
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (year < 1900 || year > 2199) {
    throw DataError(fmt::format("年份 {} 超出可接受的范围（1900–2199）", year));
  }
  if (!ymd.ok()) {
    throw DataError(fmt::format("日期不存在：{}年{}月没有{}日", year, month, day));
  }
  return Date(std::chrono::sys_days{ymd});
}

Date Date::parse(std::string_view raw)
{
  // Dates read back from the database are plain ASCII and skip the folding of full-width forms
  // and spaces, which was most of the time `list` spent on 10,000 documents.
  const bool plain =
    std::all_of(raw.begin(), raw.end(), [](char c) { return c > ' ' && static_cast<unsigned char>(c) < 0x80; });
  const std::string text = plain ? std::string(raw) : remove_spaces(normalize_width(raw));
  std::size_t pos = 0;
  const int year = read_number(text, pos, 4);
  if (year < 0 || pos != 4) {
    throw DataError(fmt::format("无法识别的日期“{}”", raw), {}, std::string(k_expected_shape));
  }
  const bool chinese = consume(text, pos, "年");
  if (!chinese && !consume(text, pos, "-")) {
    throw DataError(fmt::format("无法识别的日期“{}”", raw), {}, std::string(k_expected_shape));
  }
  const std::size_t month_start = pos;
  const int month = read_number(text, pos, 2);
  const bool month_ok =
    month >= 0 && (chinese ? consume(text, pos, "月") : pos - month_start == 2 && consume(text, pos, "-"));
  const std::size_t day_start = pos;
  const int day = month_ok ? read_number(text, pos, 2) : -1;
  const bool day_ok = day >= 0 && (chinese ? consume(text, pos, "日") : pos - day_start == 2);
  if (!month_ok || !day_ok || pos != text.size()) {
    throw DataError(fmt::format("无法识别的日期“{}”", raw), {}, std::string(k_expected_shape));
  }
  if (month < 1 || month > 12) {
    throw DataError(fmt::format("日期“{}”的月份 {} 不存在", raw, month));
  }
  return from_ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::from_time_point(std::chrono::system_clock::time_point when)
{
  return Date(std::chrono::floor<std::chrono::days>(when));
}

int Date::year() const
{
  return static_cast<int>(std::chrono::year_month_day{m_days}.year());
}

unsigned Date::month() const
{
  return static_cast<unsigned>(std::chrono::year_month_day{m_days}.month());
}

unsigned Date::day() const
{
  return static_cast<unsigned>(std::chrono::year_month_day{m_days}.day());
}

std::string Date::iso() const
{
  return fmt::format("{:04}-{:02}-{:02}", year(), month(), day());
}

std::string Date::chinese() const
{
  return fmt::format("{}年{}月{}日", year(), month(), day());
}

unsigned Date::iso_weekday() const
{
  return std::chrono::weekday{m_days}.iso_encoding();
}

Date Date::add_days(int days) const
{
  return Date(m_days + std::chrono::days{days});
}

Date Date::add_months(int months) const
{
  const std::chrono::year_month_day ymd{m_days};
  const auto target = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const std::chrono::year_month_day_last last{target.year(), std::chrono::month_day_last{target.month()}};
  const auto day = std::min(ymd.day(), last.day());
  return Date(std::chrono::sys_days{std::chrono::year_month_day{target.year(), target.month(), day}});
}

Date Date::add_years(int years) const
{
  return add_months(years * 12);
}

int Date::days_until(const Date& other) const
{
  return static_cast<int>((other.m_days - m_days).count());
}

std::optional<std::string> to_iso(const std::optional<Date>& date)
{
  return date ? std::optional(date->iso()) : std::nullopt;
}

std::optional<Date> parse_optional_date(const std::optional<std::string>& text)
{
  return text ? std::optional(Date::parse(*text)) : std::nullopt;
}

} // namespace normdoc::util
