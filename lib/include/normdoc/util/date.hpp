// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace normdoc::util {

// A plain calendar date (no time zone): documents are published, take effect and expire on
// days, not instants.
class Date
{
public:
  // Throws DataError when the day does not exist (2024-02-30) or the year is outside 1900–2199.
  static Date from_ymd(int year, unsigned month, unsigned day);
  // Accepts `2024-08-14`, `2024年8月14日` (full-width digits and stray spaces too). Throws
  // DataError naming the expected shapes, or the impossible day.
  static Date parse(std::string_view text);
  // The UTC date of a point in time; callers pass the clock in, the library never reads it.
  static Date from_time_point(std::chrono::system_clock::time_point when);

  int year() const;
  unsigned month() const;
  unsigned day() const;
  // ISO 8601, `YYYY-MM-DD`.
  std::string iso() const;
  // `2024年8月14日`, as written in Chinese documents.
  std::string chinese() const;
  // Monday = 1 … Sunday = 7.
  unsigned iso_weekday() const;

  Date add_days(int days) const;
  // Same day N months later; when that month is shorter, its last day (民法典 第二百零二条).
  Date add_months(int months) const;
  Date add_years(int years) const;
  // Days from this date to `other` (negative when `other` is earlier).
  int days_until(const Date& other) const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the 0 a defaulted <=> compares with
  auto operator<=>(const Date&) const = default;

private:
  explicit Date(std::chrono::sys_days days) : m_days(days) {}
  std::chrono::sys_days m_days;
};

// ISO text of an optional date (for binding to SQL), and back.
std::optional<std::string> to_iso(const std::optional<Date>& date);
std::optional<Date> parse_optional_date(const std::optional<std::string>& text);

} // namespace normdoc::util
