// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/util/date.hpp>

#include <doctest/doctest.h>

using normdoc::DataError;
using normdoc::util::Date;

TEST_SUITE_BEGIN("util");

TEST_CASE("util::Date::parse")
{
  SUBCASE("ISO form")
  {
    const Date d = Date::parse("2024-08-14");
    CHECK(d.year() == 2024);
    CHECK(d.month() == 8);
    CHECK(d.day() == 14);
    CHECK(d.iso() == "2024-08-14");
  }
  SUBCASE("Chinese form without zero padding")
  {
    CHECK(Date::parse("2024年8月14日").iso() == "2024-08-14");
    CHECK(Date::parse("2024年12月1日").iso() == "2024-12-01");
  }
  SUBCASE("full-width digits and stray spaces")
  {
    CHECK(Date::parse("２０２４年８月１４日").iso() == "2024-08-14");
    CHECK(Date::parse(" 2024 年 8 月 14 日 ").iso() == "2024-08-14");
  }
  SUBCASE("impossible days are errors naming the day")
  {
    CHECK_THROWS_WITH_AS(Date::parse("2024-02-30"), doctest::Contains("2024年2月没有30日"), DataError);
    CHECK_THROWS_AS(Date::parse("2023-02-29"), DataError);
    CHECK(Date::parse("2024-02-29").iso() == "2024-02-29");
    CHECK_THROWS_AS(Date::parse("2024-13-01"), DataError);
    CHECK_THROWS_AS(Date::parse("2024年0月1日"), DataError);
  }
  SUBCASE("malformed text is rejected with the expected shape as hint")
  {
    for (const char* bad : {"", "2024", "2024-8-14", "14.08.2024", "2024-08-14x", "2024/08/14", "二〇二四年八月"}) {
      CAPTURE(bad);
      try {
        Date::parse(bad);
        FAIL("accepted");
      } catch (const DataError& e) {
        CHECK(e.hint().find("YYYY-MM-DD") != std::string::npos);
      }
    }
  }
}

TEST_CASE("util::Date::add_months clamps to the month end (民法典 第二百零二条)")
{
  CHECK(Date::parse("2024-01-31").add_months(1).iso() == "2024-02-29");
  CHECK(Date::parse("2023-01-31").add_months(1).iso() == "2023-02-28");
  CHECK(Date::parse("2024-02-29").add_years(1).iso() == "2025-02-28");
  CHECK(Date::parse("2024-08-14").add_months(-8).iso() == "2023-12-14");
  CHECK(Date::parse("2024-12-31").add_days(1).iso() == "2025-01-01");
}

TEST_CASE("util::Date arithmetic and weekdays")
{
  CHECK(Date::parse("2024-01-01").days_until(Date::parse("2024-12-31")) == 365);
  CHECK(Date::parse("2024-03-01").days_until(Date::parse("2024-02-28")) == -2);
  CHECK(Date::parse("2026-11-25").iso_weekday() == 3);
  CHECK(Date::parse("2024-08-14").chinese() == "2024年8月14日");
  CHECK(Date::parse("2024-08-14") < Date::parse("2024-08-15"));
}

TEST_SUITE_END();
