// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/error.hpp>
#include <normdoc/filing/filing.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using filing::Result;
using test::day;

namespace {

std::vector<filing::Filing> file(test::Fixture& f, const registry::Document& doc, std::vector<std::string> bodies,
                                 const char* date, std::optional<std::vector<std::string>> sent = std::nullopt)
{
  store::Transaction txn(f.db);
  auto filings = filing::file(txn, doc, bodies, day(date), sent, f.config, test::k_stamp);
  txn.commit();
  return filings;
}

filing::Filing result(test::Fixture& f, const registry::Document& doc, const char* body, Result r, const char* date)
{
  store::Transaction txn(f.db);
  auto filing = filing::record_result(txn, doc, body, r, day(date), std::nullopt, std::nullopt, test::k_stamp);
  txn.commit();
  return filing;
}

} // namespace

TEST_SUITE_BEGIN("filing");

TEST_CASE("filing::file records each body and what was missing")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("文化市场管理办法"), "2026-03-02");
  const auto filings = file(f, doc, {"示范区管委会", "示范区人大工委"}, "2026-03-20",
                            std::vector<std::string>{"备案报告", "正式文本", "起草说明"});
  REQUIRE(filings.size() == 2);
  CHECK(filings[0].body == "示范区管委会");
  CHECK(filings[0].filed == day("2026-03-20"));
  CHECK(filings[0].missing == std::vector<std::string>{"制定依据", "合法性审核意见", "公平竞争审查结论"});
  CHECK(f.count("event") == 4); // add, publish, two filings

  store::Transaction txn(f.db);
  CHECK_THROWS_WITH_AS(
    filing::file(txn, doc, {"示范区管委会"}, day("2026-03-21"), std::nullopt, f.config, test::k_stamp),
    doctest::Contains("已向"), DataError);
  CHECK_THROWS_AS(filing::file(txn, doc, {"市政府"}, day("2026-03-01"), std::nullopt, f.config, test::k_stamp),
                  DataError);
}

TEST_CASE("filing::file refuses drafts")
{
  test::Fixture f;
  const auto draft = f.add("草稿");
  store::Transaction txn(f.db);
  CHECK_THROWS_WITH_AS(
    filing::file(txn, draft, {"示范区管委会"}, day("2026-03-20"), std::nullopt, f.config, test::k_stamp),
    doctest::Contains("尚未发布"), DataError);
}

TEST_CASE("filing results, correction orders and corrections")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("文化市场管理办法"), "2026-03-02");
  file(f, doc, {"示范区管委会"}, "2026-03-20");
  auto filing = result(f, doc, "示范区管委会", Result::registered, "2026-03-25");
  CHECK(filing.last_result()->result == Result::registered);
  CHECK_FALSE(filing.open_correction());

  filing = result(f, doc, "示范区管委会", Result::correct, "2026-04-20");
  REQUIRE(filing.open_correction());
  CHECK(filing.open_correction()->date == day("2026-04-20"));

  store::Transaction txn(f.db);
  CHECK_THROWS_AS(filing::record_correction(txn, doc, "示范区管委会", day("2026-04-01"), "删去第五条", test::k_stamp),
                  DataError);
  CHECK_THROWS_AS(filing::record_correction(txn, doc, "示范区管委会", day("2026-05-01"), " ", test::k_stamp),
                  DataError);
  CHECK_THROWS_AS(filing::record_correction(txn, doc, "市政府", day("2026-05-01"), "删去第五条", test::k_stamp),
                  DataError);
  filing = filing::record_correction(txn, doc, "示范区管委会", day("2026-05-01"), "删去第五条", test::k_stamp);
  txn.commit();
  CHECK_FALSE(filing.open_correction());
  CHECK(filing.outcomes.size() == 3);
}

TEST_CASE("filing::filings_by_document reads every document's filings as filings_of reads one")
{
  test::Fixture f;
  const auto first = f.publish(f.add("文化市场管理办法"), "2026-03-02");
  const auto second = f.publish(f.add("旅游市场管理办法"), "2026-03-05");
  const auto unfiled = f.publish(f.add("演出市场管理办法"), "2026-03-06");
  file(f, first, {"示范区管委会", "示范区人大工委"}, "2026-03-20");
  file(f, second, {"示范区管委会"}, "2026-03-21");
  result(f, second, "示范区管委会", Result::registered, "2026-03-25");
  result(f, first, "示范区人大工委", Result::correct, "2026-04-02");
  result(f, second, "示范区管委会", Result::passed, "2026-04-10");

  const auto all = filing::filings_by_document(f.db);
  CHECK(all.size() == 2);
  CHECK_FALSE(all.contains(unfiled.id));
  for (const auto& doc : {first, second}) {
    const auto one = filing::filings_of(f.db, doc.id);
    const auto& together = all.at(doc.id);
    REQUIRE(together.size() == one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      CHECK(together[i].body == one[i].body);
      REQUIRE(together[i].outcomes.size() == one[i].outcomes.size());
      for (std::size_t j = 0; j < one[i].outcomes.size(); ++j) {
        CHECK(together[i].outcomes[j].result == one[i].outcomes[j].result);
        CHECK(together[i].outcomes[j].date == one[i].outcomes[j].date);
      }
    }
  }
  CHECK(all.at(second.id).front().outcomes.size() == 2);
  CHECK(all.at(first.id).back().open_correction());
}

TEST_CASE("filing::compliance counts filed and on-time documents")
{
  test::Fixture f;
  f.config.filing_bodies = {"示范区管委会", "示范区人大工委"};
  const auto on_time = f.publish(f.add("甲办法"), "2026-03-02");
  file(f, on_time, {"示范区管委会", "示范区人大工委"}, "2026-03-20");
  const auto late = f.publish(f.add("乙办法"), "2026-03-02");
  file(f, late, {"示范区管委会", "示范区人大工委"}, "2026-04-10");
  const auto partly = f.publish(f.add("丙办法"), "2026-05-06");
  file(f, partly, {"示范区管委会"}, "2026-05-07");
  f.publish(f.add("丁办法"), "2026-06-01");
  f.publish(f.add("去年的办法"), "2025-06-01");
  result(f, late, "示范区管委会", Result::correct, "2026-05-01");

  const auto report = filing::compliance(f.db, f.config, f.calendar, 2026, util::Date::parse("2026-12-01"));
  CHECK(report.published == 4);
  CHECK(report.filed == 2);
  CHECK(report.filed_on_time == 1);
  CHECK(report.open_corrections == 1);
  CHECK(report.filing_rate() == doctest::Approx(0.5));
  CHECK(report.on_time_rate() == doctest::Approx(0.25));
  CHECK(report.calendar_gaps.empty());

  // As of a day before the second filing, that filing is still a plan: not done.
  const auto earlier = filing::compliance(f.db, f.config, f.calendar, 2026, util::Date::parse("2026-04-09"));
  CHECK(earlier.filed == 1);
  CHECK(earlier.filed_on_time == 1);

  // A correction recorded ahead of its date leaves the order open until then.
  {
    store::Transaction txn(f.db);
    filing::record_correction(txn, late, "示范区管委会", day("2026-12-10"), "删去第五条", test::k_stamp);
    txn.commit();
  }
  CHECK(filing::compliance(f.db, f.config, f.calendar, 2026, util::Date::parse("2026-12-01")).open_corrections == 1);
  CHECK(filing::compliance(f.db, f.config, f.calendar, 2026, util::Date::parse("2026-12-10")).open_corrections == 0);
}

TEST_SUITE_END();

TEST_CASE("a document's filings, void ones too, are found by index, not by reading every filing")
{
  test::Fixture f;
  for (const char* sql : {"SELECT * FROM filing WHERE document = ? ORDER BY id",
                          "SELECT id FROM filing WHERE document = ? AND voided IS NOT NULL"}) {
    auto plan = f.db.prepare(std::string("EXPLAIN QUERY PLAN ") + sql);
    std::string steps;
    while (plan.step() == store::Step::row) {
      steps += plan.text(3) + "\n";
    }
    CHECK_MESSAGE(steps.find("SCAN filing") == std::string::npos, steps);
  }
}
