// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/date.hpp>

#include <string>
#include <string_view>

namespace normdoc::util {

// A period written the way offices write it: `30d`, `6m`, `5y` (also `30日`, `6个月`, `5年`).
struct Duration
{
  enum class Unit { days, months, years };
  int count = 0;
  Unit unit = Unit::days;

  // Throws DataError showing the expected shape; the count must be positive.
  static Duration parse(std::string_view text);
  // The date `count` units after `from` (month ends clamp, 民法典 第二百零二条).
  Date after(const Date& from) const;
  // Canonical short form, e.g. `5y`.
  std::string to_string() const;

  bool operator==(const Duration&) const = default;
};

} // namespace normdoc::util
