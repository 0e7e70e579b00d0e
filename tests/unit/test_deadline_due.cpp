// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/deadline/due.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace normdoc;
using test::day;

namespace {

std::vector<deadline::DueItem> due(test::Fixture& f, const char* as_of, std::set<std::string> kinds = {})
{
  deadline::DueQuery query{day(as_of)};
  query.kinds = std::move(kinds);
  return deadline::due_items(f.db, f.config, f.calendar, query);
}

const deadline::DueItem* find(const std::vector<deadline::DueItem>& items, const char* kind, std::int64_t document)
{
  const auto it = std::find_if(items.begin(), items.end(), [&](const deadline::DueItem& item) {
    return item.kind == kind && item.document == document;
  });
  return it == items.end() ? nullptr : &*it;
}

void file(test::Fixture& f, const registry::Document& doc, const char* date)
{
  store::Transaction txn(f.db);
  filing::file(txn, doc, {"示范区管委会"}, day(date), std::nullopt, f.config, test::k_stamp);
  txn.commit();
}

void filing_result(test::Fixture& f, const registry::Document& doc, filing::Result result, const char* date)
{
  store::Transaction txn(f.db);
  filing::record_result(txn, doc, "示范区管委会", result, day(date), std::nullopt, std::nullopt, test::k_stamp);
  txn.commit();
}

void record(test::Fixture& f, const registry::Document& doc, const procedure::StepInput& input)
{
  store::Transaction txn(f.db);
  procedure::record(txn, doc, input, f.config, f.calendar, test::k_stamp);
  txn.commit();
}

} // namespace

TEST_SUITE_BEGIN("deadline");

TEST_CASE("deadline::due_items: nothing due is an empty list")
{
  test::Fixture f;
  f.add("草稿");
  CHECK(due(f, "2026-11-25").empty());
}

TEST_CASE("deadline::due_items: filing (有件必备) 30 days after publication, holiday roll-over")
{
  test::Fixture f;
  // Published 2026-09-01: 30 days end 10-01 (国庆节), so the deadline is 10-08.
  const auto doc = f.publish(f.add("文化市场管理办法"), "2026-09-01");
  const auto before = due(f, "2026-09-20");
  const auto* item = find(before, "filing", doc.id);
  REQUIRE(item);
  CHECK(item->due == day("2026-10-08"));
  CHECK(item->days_left == 18);
  CHECK_FALSE(item->overdue);
  CHECK_FALSE(find(due(f, "2026-09-02"), "filing", doc.id));  // beyond the 30-day window
  const auto late = due(f, "2026-10-09");
  REQUIRE(find(late, "filing", doc.id));
  CHECK(find(late, "filing", doc.id)->overdue);
  CHECK(find(late, "filing", doc.id)->days_left == -1);
  file(f, doc, "2026-09-25");
  CHECK_FALSE(find(due(f, "2026-10-09"), "filing", doc.id));
}

TEST_CASE("deadline::due_items: each configured body must receive the filing")
{
  test::Fixture f;
  f.config.filing_bodies = {"示范区管委会", "示范区人大工委"};
  const auto doc = f.publish(f.add("文化市场管理办法"), "2026-09-01");
  file(f, doc, "2026-09-10");
  const auto items = due(f, "2026-10-09", {"filing"});
  REQUIRE(items.size() == 1);
  CHECK(items[0].what.find("示范区人大工委") != std::string::npos);
}

TEST_CASE("deadline::due_items: review (有备必审), deferral and correction (有错必纠)")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("文化市场管理办法"), "2026-03-02");
  file(f, doc, "2026-03-20");
  // Review due 30 days after filing: 2026-04-19 (Sunday) → 04-20.
  const auto review_items = due(f, "2026-04-25");
  const auto* review = find(review_items, "filing-review", doc.id);
  REQUIRE(review);
  CHECK(review->due == day("2026-04-20"));
  CHECK(review->overdue);

  filing_result(f, doc, filing::Result::deferred, "2026-03-25");
  const auto supplement_items = due(f, "2026-04-01");
  const auto* supplement = find(supplement_items, "filing-supplement", doc.id);
  REQUIRE(supplement);
  CHECK(supplement->due == day("2026-04-09"));

  filing_result(f, doc, filing::Result::correct, "2026-04-10");
  const auto items = due(f, "2026-05-15");
  CHECK_FALSE(find(items, "filing-review", doc.id));
  CHECK_FALSE(find(items, "filing-supplement", doc.id));
  const auto* correction = find(items, "correction", doc.id);
  REQUIRE(correction);
  CHECK(correction->due == day("2026-05-11"));  // 05-10 is a Sunday
  CHECK(correction->overdue);
}

TEST_CASE("deadline::due_items: legality review 15 working days, comment end, exception end")
{
  test::Fixture f;
  const auto doc = f.add("民宿扶持办法", std::nullopt, true);
  procedure::StepInput review{procedure::StepKind::legality_review};
  review.received = day("2026-09-24");
  record(f, doc, review);
  procedure::StepInput comment{procedure::StepKind::comment};
  comment.from = day("2026-09-01");
  comment.to = day("2026-10-12");
  record(f, doc, comment);
  procedure::StepInput exception{procedure::StepKind::fair_competition_review};
  exception.date = day("2026-09-20");
  exception.result = "exception";
  exception.until = day("2026-10-20");
  record(f, doc, exception);

  const auto items = due(f, "2026-10-01");
  // 15 working days after 09-24: 中秋 09-25 and 国庆 10-01 to 10-07 are off, Saturday 10-10 is
  // a make-up workday: 09-28, 29, 30, 10-08, 09, 10, 12 … 22.
  const auto* legality = find(items, "legality-review", doc.id);
  REQUIRE(legality);
  CHECK(legality->due == day("2026-10-22"));
  REQUIRE(find(items, "comment", doc.id));
  CHECK(find(items, "comment", doc.id)->due == day("2026-10-12"));
  REQUIRE(find(items, "exception", doc.id));
  CHECK_FALSE(find(due(f, "2026-10-13"), "comment", doc.id));  // the period is over
}

TEST_CASE("deadline::due_items: evaluation lead, expiry, ended documents skipped")
{
  test::Fixture f;
  const auto expiring = f.publish(f.add("旧办法"), "2022-01-01");  // last day 2026-12-31
  const auto expired = f.publish(f.add("更旧的暂行办法"), "2023-03-01");  // trial: last day 2025-02-28
  const auto repealed = f.publish(f.add("已废止办法"), "2022-01-01");
  {
    store::Transaction txn(f.db);
    f.reg.repeal(txn, repealed, day("2024-01-01"), "过时", test::k_stamp);
    txn.commit();
  }
  const auto items = due(f, "2026-11-25", {"evaluation", "expired"});
  REQUIRE(find(items, "evaluation", expiring.id));
  CHECK(find(items, "evaluation", expiring.id)->due == day("2026-12-31"));
  REQUIRE(find(items, "expired", expired.id));
  CHECK(find(items, "expired", expired.id)->due == day("2025-03-01"));
  CHECK(find(items, "expired", expired.id)->overdue);
  CHECK(std::none_of(items.begin(), items.end(), [&](const auto& item) { return item.document == repealed.id; }));
  CHECK_FALSE(find(due(f, "2026-06-01", {"evaluation"}), "evaluation", expiring.id));  // more than 6 months ahead
}

TEST_CASE("deadline::due_items: procedure defects are listed from the day they arose")
{
  test::Fixture f;
  const auto doc = f.add("专项资金管理办法", std::nullopt, true);
  store::Transaction txn(f.db);
  registry::Publication publication{day("2026-11-02")};
  publication.effective = day("2026-11-01");
  f.reg.publish(txn, doc, publication, test::k_stamp);
  txn.commit();
  const auto items = due(f, "2026-11-25", {"procedure"});
  REQUIRE(items.size() == 2);
  CHECK(items[0].due == day("2026-11-01"));
  CHECK(items[0].what.find("施行日期") != std::string::npos);
  CHECK(items[1].article.find("公平竞争审查条例") != std::string::npos);
  CHECK(items[1].overdue);
}

TEST_CASE("deadline::due_items: a missing calendar year is named, at the earliest date")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("旧办法"), "2019-06-01");
  const auto item_items = due(f, "2026-11-25", {"filing"});
  const auto* item = find(item_items, "filing", doc.id);
  REQUIRE(item);
  CHECK(item->due == day("2019-07-01"));
  CHECK(item->what.find("2019") != std::string::npos);
  CHECK(item->overdue);
}

TEST_SUITE_END();
