// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/lifecycle/cleanup.hpp>
#include <normdoc/lifecycle/evaluation.hpp>
#include <normdoc/report/stats.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using test::day;

TEST_CASE("report::year_stats counts what happened in the year, and nothing outside it")
{
  test::Fixture f;
  f.publish(f.add("一月办法"), "2025-01-15");
  f.publish(f.add("一月另一办法"), "2025-01-31");
  const auto march = f.publish(f.add("三月办法"), "2025-03-02");
  f.publish(f.add("去年办法"), "2024-12-31");
  f.add("草稿");
  {
    store::Transaction txn(f.db);
    lifecycle::EvaluationInput repeal{lifecycle::Outcome::repeal, day("2025-06-01")};
    repeal.reason = "已完成";
    lifecycle::evaluate(txn, f.reg, march, repeal, f.config, test::k_stamp);
    txn.commit();
  }
  {
    store::Transaction txn(f.db);
    lifecycle::open_campaign(txn, "2025年度清理", "", day("2025-09-01"), test::k_stamp);
    lifecycle::decide(txn, "2025年度清理",
                      {{"1", lifecycle::Decision::keep, ""}, {"2", lifecycle::Decision::repeal, "过时"}}, "",
                      test::k_stamp);
    lifecycle::close_campaign(txn, f.reg, "2025年度清理", day("2025-10-01"), true, test::k_stamp);
    txn.commit();
  }
  const auto stats = report::year_stats(f.db, 2025);
  REQUIRE(stats.issued_by_issuer.size() == 1);
  const auto& months = stats.issued_by_issuer.begin()->second;
  CHECK(months[0] == 2);
  CHECK(months[2] == 1);
  CHECK(stats.issued_total() == 3);
  CHECK(stats.evaluations.at("repeal") == 1);
  CHECK(stats.cleanups_closed == 1);
  CHECK(stats.cleanup_decisions.at("keep") == 1);
  CHECK(stats.cleanup_decisions.at("repeal") == 1);
  CHECK(report::year_stats(f.db, 2024).issued_total() == 1);
  CHECK(report::year_stats(f.db, 2026).cleanups_closed == 0);
}
