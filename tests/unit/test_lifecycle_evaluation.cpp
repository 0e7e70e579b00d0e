// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/error.hpp>
#include <normdoc/lifecycle/evaluation.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using lifecycle::Outcome;
using registry::Status;
using test::day;

namespace {

lifecycle::Evaluation evaluate(test::Fixture& f, const registry::Document& doc, lifecycle::EvaluationInput input)
{
  store::Transaction txn(f.db);
  auto evaluation = lifecycle::evaluate(txn, f.reg, *registry::find(f.db, doc.id), input, f.config, test::k_stamp);
  txn.commit();
  return evaluation;
}

} // namespace

TEST_CASE("continue: a new period restarts on the decision day; an expired document cannot be continued")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("济源示范区A级旅游景区管理办法"), "2021-06-01"); // expires 2026-05-31
  REQUIRE(doc.expires == day("2026-05-31"));
  const auto e = evaluate(f, doc, {Outcome::keep_in_force, day("2026-03-01")});
  CHECK(e.previous_expires == day("2026-05-31"));
  CHECK(e.new_expires == day("2031-02-28"));
  CHECK(e.new_reg_no == doc.reg_no);
  const auto after = *registry::find(f.db, doc.id);
  CHECK(after.expires == day("2031-02-28"));
  CHECK(after.status_on(day("2027-01-01")) == Status::published);
  CHECK(lifecycle::evaluations_of(f.db, doc.id).size() == 1);

  const auto lapsed = f.publish(f.add("到期办法"), "2019-01-01"); // expired 2024-01-01
  store::Transaction txn(f.db);
  CHECK_THROWS_WITH_AS(
    lifecycle::evaluate(txn, f.reg, lapsed, {Outcome::keep_in_force, day("2026-03-01")}, f.config, test::k_stamp),
    doctest::Contains("自动失效"), DataError);
}

TEST_CASE("continue with re-registration: a new number, and the old one still finds the document")
{
  test::Fixture f;
  f.config.renumber_on_continue = true;
  const auto doc = f.publish(f.add("办法"), "2021-06-01");
  lifecycle::EvaluationInput input{Outcome::keep_in_force, day("2026-03-01")};
  input.validity = util::Duration{3, util::Duration::Unit::years};
  const auto e = evaluate(f, doc, input);
  REQUIRE(e.new_reg_no);
  CHECK(*e.new_reg_no != *doc.reg_no);
  CHECK(e.new_expires == day("2029-02-28"));
  CHECK(registry::resolve(f.db, *doc.reg_no).id == doc.id);
  CHECK(registry::resolve(f.db, *e.new_reg_no).id == doc.id);
}

TEST_CASE("amend links the new version; repeal needs a reason; both read correctly at any date")
{
  test::Fixture f;
  const auto old_version = f.publish(f.add("旧办法"), "2022-01-01");
  const auto new_version = f.add("新办法");
  lifecycle::EvaluationInput amend{Outcome::amend, day("2026-09-01")};
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_AS(lifecycle::evaluate(txn, f.reg, old_version, amend, f.config, test::k_stamp), DataError);
  }
  amend.replacement = new_version;
  evaluate(f, old_version, amend);
  const auto amended = *registry::find(f.db, old_version.id);
  CHECK(amended.superseded_by == new_version.id);
  CHECK(amended.status_on(day("2026-08-31")) == Status::published);
  CHECK(amended.status_on(day("2026-09-01")) == Status::amended);

  const auto other = f.publish(f.add("另一办法"), "2022-01-01");
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_AS(
      lifecycle::evaluate(txn, f.reg, other, {Outcome::repeal, day("2026-09-01")}, f.config, test::k_stamp), DataError);
  }
  lifecycle::EvaluationInput repeal{Outcome::repeal, day("2026-09-01")};
  repeal.reason = "上位法已废止";
  evaluate(f, other, repeal);
  const auto repealed = *registry::find(f.db, other.id);
  CHECK(repealed.repeal_reason == "后评估决定废止：上位法已废止");

  // What was in force on each day, from the recorded dates.
  const auto in_force_on = [&](const char* date) {
    registry::ListFilter filter{day(date)};
    filter.in_force = true;
    std::vector<std::string> titles;
    for (const auto& doc : registry::list(f.db, filter)) {
      titles.push_back(doc.title);
    }
    return titles;
  };
  CHECK(in_force_on("2021-12-31").empty());
  CHECK(in_force_on("2026-08-31") == std::vector<std::string>{"旧办法", "另一办法"});
  CHECK(in_force_on("2026-09-01").empty());
}

TEST_CASE("an unreadable report rejects the evaluation and changes nothing")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("办法"), "2022-01-01");
  lifecycle::EvaluationInput input{Outcome::keep_in_force, day("2026-09-01")};
  input.report = "/nonexistent/评估报告.docx";
  store::Transaction txn(f.db);
  CHECK_THROWS_AS(lifecycle::evaluate(txn, f.reg, doc, input, f.config, test::k_stamp), DataError);
  CHECK(f.count("evaluation") == 0);
  CHECK(registry::find(f.db, doc.id)->expires == doc.expires);
}
