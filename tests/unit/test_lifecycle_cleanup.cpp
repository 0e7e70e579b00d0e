// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/error.hpp>
#include <normdoc/lifecycle/cleanup.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using lifecycle::Decision;
using registry::Status;
using test::day;

namespace {

// Three documents in force, one of them about business, and a draft.
struct Seeded : test::Fixture
{
  registry::Document a = publish(add("甲办法"), "2022-01-01");
  registry::Document b = publish(add("乙办法", std::nullopt, true), "2023-01-01");
  registry::Document c = publish(add("丙办法"), "2024-01-01");
  registry::Document draft = add("丁办法（草案）");

  lifecycle::Campaign open(const std::string& scope)
  {
    store::Transaction txn(db);
    auto campaign = lifecycle::open_campaign(txn, "2026年度清理", scope, day("2026-06-01"), test::k_stamp);
    txn.commit();
    return campaign;
  }

  void decide(std::vector<lifecycle::DecisionInput> decisions)
  {
    store::Transaction txn(db);
    lifecycle::decide(txn, "2026年度清理", decisions, "", test::k_stamp);
    txn.commit();
  }

  lifecycle::Campaign close(bool allow_undecided = false)
  {
    store::Transaction txn(db);
    auto campaign =
      lifecycle::close_campaign(txn, reg, "2026年度清理", day("2026-07-01"), allow_undecided, test::k_stamp);
    txn.commit();
    return campaign;
  }
};

} // namespace

TEST_CASE("cleanup scope: the terms and their errors")
{
  const auto scope =
    lifecycle::parse_scope("issuer=某局, year=2023,business,findings=fair-competition,before=2024-01-01");
  CHECK(scope.issuer == "某局");
  CHECK(scope.year == 2023);
  CHECK(scope.business);
  CHECK(scope.findings == "fair-competition");
  CHECK(scope.before == day("2024-01-01"));
  CHECK_THROWS_AS(lifecycle::parse_scope("colour=red"), UsageError);
  CHECK_THROWS_AS(lifecycle::parse_scope("year=20x3"), UsageError);
  CHECK_THROWS_AS(lifecycle::parse_scope("findings=some"), UsageError);
  CHECK_THROWS_AS(lifecycle::parse_scope("before=2024-02-30"), UsageError);
  CHECK_FALSE(lifecycle::parse_scope("").business);
}

TEST_CASE("a campaign covers the documents in force in its scope, and closing applies every decision")
{
  Seeded f;
  CHECK(f.open("").items.size() == 3);
  SUBCASE("business only")
  {
    Seeded h;
    store::Transaction txn(h.db);
    const auto campaign = lifecycle::open_campaign(txn, "专项清理", "business", day("2026-06-01"), test::k_stamp);
    REQUIRE(campaign.items.size() == 1);
    CHECK(campaign.items[0].document.id == h.b.id);
  }
  f.decide({{"1", Decision::keep, ""}, {"2", Decision::repeal, "上位法已修改"}});
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_WITH_AS(lifecycle::close_campaign(txn, f.reg, "2026年度清理", day("2026-07-01"), false, test::k_stamp),
                         doctest::Contains("1份"), DataError);
  }
  f.decide({{"3", Decision::invalidate, "已不适应"}, {"1", Decision::amend, "第五条需修改"}});
  const auto closed = f.close();
  CHECK(closed.closed_on == day("2026-07-01"));
  CHECK(registry::find(f.db, f.a.id)->status_on(day("2026-07-02")) == Status::published);
  CHECK(registry::find(f.db, f.b.id)->status_on(day("2026-07-02")) == Status::repealed);
  CHECK(registry::find(f.db, f.b.id)->status_on(day("2026-06-30")) == Status::published);
  CHECK(registry::find(f.db, f.c.id)->status_on(day("2026-07-02")) == Status::invalidated);
  // Closed is closed.
  store::Transaction txn(f.db);
  CHECK_THROWS_AS(lifecycle::decide(txn, "2026年度清理", {{"1", Decision::keep, ""}}, "", test::k_stamp), DataError);
}

TEST_CASE("decisions: all or none, errors at their row")
{
  Seeded f;
  f.open("");
  const auto decisions = lifecycle::parse_decisions_csv("ref,decision,reason\n1,keep,\n2,repeal,理由\n", "d.csv");
  REQUIRE(decisions.size() == 2);
  CHECK(decisions[1].line == 3);
  CHECK_THROWS_WITH_AS(lifecycle::parse_decisions_csv("ref,decision,reason\n1,keep,\n2,abolish,x\n", "d.csv"),
                       doctest::Contains("d.csv:3"), DataError);
  CHECK_THROWS_WITH_AS(lifecycle::parse_decisions_csv("ref,reason\n1,x\n", "d.csv"), doctest::Contains("decision"),
                       DataError);
  {
    store::Transaction txn(f.db);
    // Row 3 names the draft, which is not in the campaign; row 2 is valid but must not stay.
    const auto rows = lifecycle::parse_decisions_csv("ref,decision,reason\n1,keep,\n4,repeal,x\n", "d.csv");
    CHECK_THROWS_WITH_AS(lifecycle::decide(txn, "2026年度清理", rows, "d.csv", test::k_stamp),
                         doctest::Contains("d.csv:3"), DataError);
    const auto no_reason = lifecycle::parse_decisions_csv("ref,decision,reason\n2,repeal,\n", "d.csv");
    CHECK_THROWS_AS(lifecycle::decide(txn, "2026年度清理", no_reason, "d.csv", test::k_stamp), DataError);
  }
  CHECK(lifecycle::load_campaign(f.db, "2026年度清理").decided() == 0);
  CHECK_THROWS_WITH_AS(lifecycle::load_campaign(f.db, "2026年度清理x"), doctest::Contains("2026年度清理"), DataError);
}

TEST_CASE("closing rolls back entirely when one decision cannot be applied")
{
  Seeded f;
  f.open("");
  f.decide({{"1", Decision::repeal, "甲"}, {"2", Decision::keep, ""}, {"3", Decision::repeal, "丙"}});
  // Between the decision and the close, document 3 was repealed by other means.
  {
    store::Transaction txn(f.db);
    f.reg.repeal(txn, f.c, day("2026-06-15"), "另行废止", test::k_stamp);
    txn.commit();
  }
  const auto events_before = f.count("event");
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_AS(lifecycle::close_campaign(txn, f.reg, "2026年度清理", day("2026-07-01"), false, test::k_stamp),
                    DataError);
  }
  CHECK(registry::find(f.db, f.a.id)->recorded_status == Status::published);
  CHECK_FALSE(lifecycle::load_campaign(f.db, "2026年度清理").closed_on);
  CHECK(f.count("event") == events_before);
}

TEST_CASE("undecided documents stay as they are with --allow-undecided")
{
  Seeded f;
  f.open("");
  f.decide({{"2", Decision::repeal, "乙"}});
  const auto closed = f.close(true);
  CHECK(closed.decided() == 1);
  CHECK(registry::find(f.db, f.a.id)->recorded_status == Status::published);
  CHECK(registry::find(f.db, f.b.id)->recorded_status == Status::repealed);
}
