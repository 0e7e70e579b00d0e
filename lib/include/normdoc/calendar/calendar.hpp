// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/date.hpp>
#include <normdoc/util/duration.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::calendar {

// The official working-day calendar: weekends are off except listed make-up workdays (调休上班),
// and listed holidays are off. Only covered years can be asked about: a date in any other year
// is a DataError naming the missing year, never a guess.
class Calendar
{
public:
  // The years shipped in schemas/calendar/ (2023–2026).
  static Calendar built_in();

  // Adds or replaces one year from a calendar file (`schema`, `year`, `source`, `holidays`,
  // `workdays`). Throws DataError with file:line on a bad file.
  void add_year(std::string_view toml_text, const std::string& source);
  void add_year_file(const std::string& path);

  std::vector<int> years() const;
  // Every covered year with its holidays and make-up workdays, as one line of text per year:
  // what results computed with this calendar depend on (stored reminders are recomputed when
  // it changes).
  std::string digest() const;
  bool is_working_day(const util::Date& day) const;

  // The `count`-th working day after `from` (`from` itself is not counted).
  util::Date add_working_days(const util::Date& from, int count) const;
  // Working days in (`from`, `to`]: after `from`, up to and including `to`.
  int working_days_between(const util::Date& from, const util::Date& to) const;
  // The same day if it is a working day, else the next working day.
  util::Date next_working_day_from(const util::Date& day) const;

  // The last day of a period that starts on `start`, counted the way 民法典 第二百零一条 to
  // 第二百零三条 say: the start day is not counted; months and years end on the corresponding
  // day; a last day that is a rest day or holiday moves to the next working day. Working-day
  // periods count working days after `start`.
  util::Date period_end(const util::Date& start, const util::Duration& period) const;

  // period_end when the calendar covers the years involved; otherwise the earliest the period
  // can end (no holiday roll-over; N working days taken as N calendar days) and, in `caveat`,
  // which year is missing. Reminders use it so that a gap in the calendar is said, not hidden.
  struct Deadline
  {
    util::Date date;
    std::string caveat; // empty when exact
  };
  Deadline deadline(const util::Date& start, const util::Duration& period) const;

private:
  struct Year
  {
    std::set<util::Date> holidays;
    std::set<util::Date> workdays;
    std::string source;
  };
  const Year& year_of(const util::Date& day) const;

  std::map<int, Year> m_years;
};

} // namespace normdoc::calendar
