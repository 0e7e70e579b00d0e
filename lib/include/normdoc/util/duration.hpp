// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/date.hpp>

#include <string>
#include <string_view>

namespace normdoc::util {

// A period written the way offices write it: `30d`, `6m`, `5y`, `15wd` (also `30日`, `6个月`,
// `5年`, `15个工作日`). Working days need the calendar (calendar::Calendar::period_end).
struct Duration
{
  enum class Unit
  {
    days,
    months,
    years,
    working_days
  };
  int count = 0;
  Unit unit = Unit::days;

  // Throws DataError showing the expected shape; the count must be positive.
  static Duration parse(std::string_view text);
  // The date `count` units after `from` (month ends clamp, 民法典 第二百零二条). Throws
  // DataError for working days, which only the calendar can count.
  Date after(const Date& from) const;
  bool in_working_days() const { return unit == Unit::working_days; }
  // Canonical short form, e.g. `5y`.
  std::string to_string() const;
  // As written in Chinese documents: `30日`, `15个工作日`, `6个月`, `5年`.
  std::string chinese() const;

  bool operator==(const Duration&) const = default;
};

} // namespace normdoc::util
