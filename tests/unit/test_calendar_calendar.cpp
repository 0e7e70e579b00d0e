// SPDX-License-Identifier: MIT
#include <normdoc/calendar/calendar.hpp>
#include <normdoc/error.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using calendar::Calendar;
using util::Date;
using util::Duration;

namespace {

Date d(const char* text)
{
  return Date::parse(text);
}

} // namespace

TEST_SUITE_BEGIN("calendar");

TEST_CASE("calendar::Calendar::built_in covers 2023 to 2026")
{
  const Calendar calendar = Calendar::built_in();
  CHECK(calendar.years() == std::vector<int>{2023, 2024, 2025, 2026});
}

TEST_CASE("calendar::Calendar::is_working_day")
{
  const Calendar calendar = Calendar::built_in();
  SUBCASE("2024 Spring Festival and its make-up Sundays")
  {
    CHECK(calendar.is_working_day(d("2024-02-04")));       // Sunday, 调休上班
    CHECK(calendar.is_working_day(d("2024-02-09")));       // Friday before the holiday
    CHECK_FALSE(calendar.is_working_day(d("2024-02-10"))); // Saturday inside the holiday
    CHECK_FALSE(calendar.is_working_day(d("2024-02-12"))); // Monday, 春节
    CHECK_FALSE(calendar.is_working_day(d("2024-02-16")));
    CHECK(calendar.is_working_day(d("2024-02-18"))); // Sunday, 调休上班
    CHECK(calendar.is_working_day(d("2024-02-19")));
  }
  SUBCASE("ordinary weeks")
  {
    CHECK(calendar.is_working_day(d("2026-11-25")));
    CHECK_FALSE(calendar.is_working_day(d("2026-11-28")));
    CHECK_FALSE(calendar.is_working_day(d("2026-11-29")));
  }
  SUBCASE("2026 Spring Festival make-up Saturdays")
  {
    CHECK(calendar.is_working_day(d("2026-02-14")));
    CHECK(calendar.is_working_day(d("2026-02-28")));
    CHECK_FALSE(calendar.is_working_day(d("2026-02-23")));
  }
  SUBCASE("a year not covered is an error naming it")
  {
    CHECK_THROWS_WITH_AS(calendar.is_working_day(d("2027-01-04")), doctest::Contains("没有2027年"), DataError);
    CHECK_THROWS_WITH_AS(calendar.is_working_day(d("2022-12-30")), doctest::Contains("没有2022年"), DataError);
  }
}

TEST_CASE("calendar::Calendar::add_working_days")
{
  const Calendar calendar = Calendar::built_in();
  CHECK(calendar.add_working_days(d("2024-02-09"), 1) == d("2024-02-18")); // across Spring Festival
  CHECK(calendar.add_working_days(d("2024-02-02"), 1) == d("2024-02-04")); // Friday → make-up Sunday
  CHECK(calendar.add_working_days(d("2025-09-30"), 1) == d("2025-10-09")); // across National Day 2025
  CHECK(calendar.add_working_days(d("2025-09-26"), 1) == d("2025-09-28")); // make-up Sunday
  CHECK(calendar.add_working_days(d("2026-11-20"), 15) == d("2026-12-11"));
  CHECK(calendar.add_working_days(d("2026-11-25"), 0) == d("2026-11-25"));
  CHECK_THROWS_AS(calendar.add_working_days(d("2026-12-20"), 15), DataError);
}

TEST_CASE("calendar::Calendar::working_days_between")
{
  const Calendar calendar = Calendar::built_in();
  CHECK(calendar.working_days_between(d("2025-09-30"), d("2025-10-11")) == 3); // 10-09, 10-10, 10-11
  CHECK(calendar.working_days_between(d("2026-11-23"), d("2026-11-27")) == 4);
  CHECK(calendar.working_days_between(d("2026-11-27"), d("2026-11-23")) == 0);
}

TEST_CASE("calendar::Calendar::period_end follows 民法典 201-203")
{
  const Calendar calendar = Calendar::built_in();
  SUBCASE("the first day is not counted")
  {
    CHECK(calendar.period_end(d("2024-08-14"), Duration{30, Duration::Unit::days}) == d("2024-09-13"));
  }
  SUBCASE("a last day on a holiday moves to the next working day")
  {
    // 2024-09-01 + 30 days = 2024-10-01 (国庆节); the holiday ends 10-07.
    CHECK(calendar.period_end(d("2024-09-01"), Duration{30, Duration::Unit::days}) == d("2024-10-08"));
    // A last day on an ordinary Saturday moves to Monday.
    CHECK(calendar.period_end(d("2026-10-29"), Duration{30, Duration::Unit::days}) == d("2026-11-30"));
  }
  SUBCASE("months end on the corresponding day or the month's last day")
  {
    CHECK(calendar.period_end(d("2024-01-31"), Duration{1, Duration::Unit::months}) == d("2024-02-29"));
  }
  SUBCASE("working-day periods count working days after the start")
  {
    CHECK(calendar.period_end(d("2024-02-08"), Duration{2, Duration::Unit::working_days}) == d("2024-02-18"));
  }
}

TEST_CASE("calendar::Calendar::add_year extends and overrides, with located errors")
{
  Calendar calendar = Calendar::built_in();
  calendar.add_year("schema = 1\nyear = 2027\nholidays = [2027-01-01]\nworkdays = []\n", "office-2027.toml");
  CHECK_FALSE(calendar.is_working_day(d("2027-01-01")));
  CHECK(calendar.is_working_day(d("2027-01-04")));
  CHECK_THROWS_WITH_AS(calendar.add_year("schema = 1\nyear = 2027\nholidays = [\n  2028-01-01,\n]\n", "bad.toml"),
                       doctest::Contains("bad.toml:4:"), DataError);
  CHECK_THROWS_WITH_AS(calendar.add_year("schema = 1\nyear = 2027\nholidays = [\"2027-01-01\"]\n", "bad.toml"),
                       doctest::Contains("bad.toml:3:"), DataError);
  CHECK_THROWS_WITH_AS(calendar.add_year("schema = 2\nyear = 2027\n", "bad.toml"), doctest::Contains("schema"),
                       DataError);
  CHECK_THROWS_WITH_AS(calendar.add_year("schema = 1\nyear = 2027\nholiday = []\n", "bad.toml"),
                       doctest::Contains("bad.toml:3:1"), DataError);
  CHECK_THROWS_AS(
    calendar.add_year("schema = 1\nyear = 2027\nholidays = [2027-02-06]\nworkdays = [2027-02-06]\n", "bad.toml"),
    DataError);
}

TEST_SUITE_END();
