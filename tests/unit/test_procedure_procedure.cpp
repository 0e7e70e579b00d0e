// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/error.hpp>
#include <normdoc/procedure/procedure.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace normdoc;
using procedure::StepInput;
using procedure::StepKind;
using test::day;

namespace {

procedure::Step record(test::Fixture& f, const registry::Document& doc, StepInput input)
{
  store::Transaction txn(f.db);
  auto step = procedure::record(txn, doc, input, f.config, f.calendar, test::k_stamp);
  txn.commit();
  return step;
}

StepInput comment(const char* from, const char* to)
{
  StepInput input{StepKind::comment};
  input.from = day(from);
  input.to = day(to);
  return input;
}

// A step on `date`, with the conclusion whose key is `result`.
StepInput dated(StepKind kind, const char* date, const char* result = nullptr)
{
  StepInput input{kind};
  input.date = day(date);
  if (result != nullptr) {
    input.result = procedure::parse_conclusion(result);
    REQUIRE(input.result);
  }
  return input;
}

// A deliberation recorded for an older document, past the gate.
StepInput overridden_deliberation(const char* date)
{
  StepInput input = dated(StepKind::deliberation, date);
  input.override_reason = "使用 normdoc 之前审议";
  return input;
}

std::vector<std::string> codes(test::Fixture& f, const registry::Document& doc)
{
  std::vector<std::string> found;
  const auto current = *registry::find(f.db, doc.id);
  for (const auto& issue : procedure::check(current, procedure::steps_of(f.db, doc.id), f.config, f.calendar)) {
    found.push_back(issue.code);
  }
  return found;
}

bool has(const std::vector<std::string>& codes, const char* code)
{
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

} // namespace

TEST_SUITE_BEGIN("procedure");

TEST_CASE("procedure::record validates each step's fields")
{
  test::Fixture f;
  const auto doc = f.add("文化市场管理办法");
  store::Transaction txn(f.db);
  // The field a refusal names (the CLI says it as the option), or "accepted".
  const auto refused_field = [&](const StepInput& input) -> std::string {
    try {
      procedure::record(txn, doc, input, f.config, f.calendar, test::k_stamp);
    } catch (const DataError& e) {
      return e.where().field;
    }
    return "accepted";
  };
  CHECK(refused_field(StepInput{StepKind::comment}) == "from");
  CHECK(refused_field(comment("2026-03-10", "2026-03-01")) == "to");
  CHECK(refused_field(dated(StepKind::legality_review, "2026-03-01")) == "result");
  CHECK(refused_field(dated(StepKind::legality_review, "2026-03-01", "compliant")) == "result");
  CHECK(refused_field(dated(StepKind::fair_competition_review, "2026-03-01", "exception")) == "until");
  CHECK(refused_field(StepInput{StepKind::deliberation}) == "date");
  CHECK(refused_field(dated(StepKind::deliberation, "2026-03-01", "lawful")) == "result");
}

TEST_CASE("procedure::record concludes an open legality review")
{
  test::Fixture f;
  const auto doc = f.add("文化市场管理办法");
  StepInput opened{StepKind::legality_review};
  opened.received = day("2026-03-02");
  record(f, doc, opened);
  record(f, doc, dated(StepKind::legality_review, "2026-03-12", "lawful"));
  const auto steps = procedure::steps_of(f.db, doc.id);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].received == day("2026-03-02"));
  CHECK(steps[0].date == day("2026-03-12"));
  CHECK(steps[0].result == procedure::Conclusion::lawful);
  CHECK(f.count("event") == 3);
}

TEST_CASE("procedure::check: comment period")
{
  test::Fixture f;
  SUBCASE("business documents need 30 days, the first day counted")
  {
    const auto doc = f.add("民宿扶持办法", std::nullopt, true);
    record(f, doc, comment("2026-03-01", "2026-03-30"));
    CHECK_FALSE(has(codes(f, doc), "comment-too-short"));
    const auto other = f.add("夜间消费措施", std::nullopt, true);
    record(f, other, comment("2026-03-01", "2026-03-29"));
    CHECK(has(codes(f, other), "comment-too-short"));
  }
  SUBCASE("other documents need 7 working days, across a holiday")
  {
    // 2025-09-30 (Tue) … 10-01 to 10-08 off; 7 working days: 09-30, 10-09, 10-10, 10-11 (Sat,
    // 调休), 10-13, 10-14, 10-15.
    const auto doc = f.add("景区管理办法");
    record(f, doc, comment("2025-09-30", "2025-10-15"));
    CHECK_FALSE(has(codes(f, doc), "comment-too-short"));
    const auto other = f.add("演出管理规定");
    record(f, other, comment("2025-09-30", "2025-10-14"));
    CHECK(has(codes(f, other), "comment-too-short"));
  }
  SUBCASE("a year the calendar lacks is reported, not guessed")
  {
    const auto doc = f.add("旧办法");
    record(f, doc, comment("2019-03-01", "2019-03-05"));
    CHECK(has(codes(f, doc), "calendar-missing"));
  }
}

TEST_CASE("procedure::check: deliberation, publication and review order")
{
  test::Fixture f;
  SUBCASE("deliberation before the legality review concluded")
  {
    const auto doc = f.add("甲办法");
    record(f, doc, overridden_deliberation("2026-03-10"));
    record(f, doc, dated(StepKind::legality_review, "2026-03-12", "lawful"));
    CHECK(has(codes(f, doc), "deliberation-before-legality-review"));
  }
  SUBCASE("deliberation after a lawful review is fine; after an unlawful one it is not")
  {
    const auto good = f.add("乙办法");
    record(f, good, dated(StepKind::legality_review, "2026-03-05", "revise"));
    record(f, good, dated(StepKind::deliberation, "2026-03-10"));
    CHECK(codes(f, good).empty());
    const auto bad = f.add("丙办法");
    record(f, bad, dated(StepKind::legality_review, "2026-03-05", "unlawful"));
    record(f, bad, overridden_deliberation("2026-03-10"));
    CHECK(has(codes(f, bad), "deliberation-after-unlawful-review"));
  }
  SUBCASE("publication before deliberation")
  {
    const auto doc = f.add("丁办法");
    record(f, doc, dated(StepKind::legality_review, "2026-03-01", "lawful"));
    f.publish(doc, "2026-03-05");
    record(f, doc, dated(StepKind::deliberation, "2026-03-10"));
    CHECK(has(codes(f, doc), "publication-before-deliberation"));
  }
  SUBCASE("effective date before publication")
  {
    const auto doc = f.add("戊办法");
    store::Transaction txn(f.db);
    registry::Publication publication{day("2026-03-05")};
    publication.effective = day("2026-03-01");
    // Refused now (优化营商环境条例 第六十四条第二款); older registries and bundles may hold it.
    CHECK_THROWS_AS(f.reg.publish(txn, doc, publication, test::k_stamp), DataError);
    publication.effective = day("2026-03-05");
    f.reg.publish(txn, doc, publication, test::k_stamp);
    txn.database().prepare("UPDATE document SET effective = '2026-03-01' WHERE id = ?").bind(1, doc.id).run();
    txn.commit();
    CHECK(has(codes(f, doc), "effective-before-publication"));
  }
}

TEST_CASE("procedure gates: deliberation needs a concluded legality review (115号 (七))")
{
  test::Fixture f;
  const auto doc = f.add("甲办法");
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_WITH_AS(
      procedure::record(txn, doc, dated(StepKind::deliberation, "2026-03-10"), f.config, f.calendar, test::k_stamp),
      doctest::Contains("115号 (七)"), DataError);
  }
  CHECK(f.count("procedure_step") == 0);
  record(f, doc, overridden_deliberation("2026-03-10"));
  const auto events = audit::list(f.db, doc.id);
  CHECK(std::any_of(events.begin(), events.end(), [](const auto& e) { return e.kind == "gate-override"; }));
  CHECK(registry::find(f.db, doc.id)->recorded_status == registry::Status::approved);

  const auto other = f.add("乙办法");
  record(f, other, dated(StepKind::legality_review, "2026-03-05", "revise"));
  record(f, other, dated(StepKind::deliberation, "2026-03-10"));
  CHECK(registry::find(f.db, other.id)->recorded_status == registry::Status::approved);
}

TEST_CASE("procedure gates: a legality review under 5 working days needs an urgency reason (115号 (五))")
{
  test::Fixture f;
  const auto doc = f.add("甲办法");
  StepInput opened{StepKind::legality_review};
  opened.received = day("2026-09-28");
  record(f, doc, opened);
  // 5 working days after Monday 09-28 across 国庆: 09-29, 09-30, 10-08, 10-09, 10-10 (调休).
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_WITH_AS(procedure::record(txn, doc, dated(StepKind::legality_review, "2026-10-09", "lawful"), f.config,
                                           f.calendar, test::k_stamp),
                         doctest::Contains("不足5个工作日"), DataError);
  }
  StepInput urgent = dated(StepKind::legality_review, "2026-10-09", "lawful");
  urgent.urgency = "执行上级机关紧急决定";
  CHECK(record(f, doc, urgent).urgency == urgent.urgency);
  const auto later = f.add("乙办法");
  StepInput review = dated(StepKind::legality_review, "2026-10-10", "lawful");
  review.received = day("2026-09-28");
  CHECK(record(f, later, review).date == day("2026-10-10"));
}

TEST_CASE("procedure gates: publication of a business document needs a fair-competition review (条例 第十八条)")
{
  test::Fixture f;
  const auto doc = f.add("专项资金管理办法", std::nullopt, true);
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_WITH_AS(procedure::require_publication_gate(txn, doc, day("2026-03-05"), std::nullopt, test::k_stamp),
                         doctest::Contains("第十八条"), DataError);
    CHECK_THROWS_AS(procedure::require_publication_gate(txn, doc, day("2026-03-05"), std::string(" "), test::k_stamp),
                    DataError);
  }
  record(f, doc, dated(StepKind::fair_competition_review, "2026-03-01", "noncompliant"));
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_AS(procedure::require_publication_gate(txn, doc, day("2026-03-05"), std::nullopt, test::k_stamp),
                    DataError);
  }
  record(f, doc, dated(StepKind::fair_competition_review, "2026-03-03", "compliant"));
  const auto plain = f.add("内部管理办法");
  store::Transaction txn(f.db);
  CHECK_NOTHROW(procedure::require_publication_gate(txn, doc, day("2026-03-05"), std::nullopt, test::k_stamp));
  CHECK_NOTHROW(procedure::require_publication_gate(txn, plain, day("2026-03-05"), std::nullopt, test::k_stamp));
}

TEST_CASE("procedure::check: business documents need a fair-competition review")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("专项资金管理办法", std::nullopt, true), "2026-03-05");
  CHECK(has(codes(f, doc), "no-fair-competition-review"));
  record(f, doc, dated(StepKind::fair_competition_review, "2026-03-01", "noncompliant"));
  CHECK(has(codes(f, doc), "noncompliant-published"));
  record(f, doc, dated(StepKind::fair_competition_review, "2026-03-03", "compliant"));
  CHECK_FALSE(has(codes(f, doc), "no-fair-competition-review"));
  CHECK_FALSE(has(codes(f, doc), "noncompliant-published"));
  const auto draft = f.add("未审议的草稿", std::nullopt, true);
  CHECK(codes(f, draft).empty());
}

TEST_SUITE_END();

TEST_CASE(
  "procedure::check: publication without a legality review or a deliberation is a defect (115号 (三), 37号 (三))")
{
  test::Fixture f;
  auto doc = f.add("办法");
  doc.published = day("2026-05-01");
  const auto codes_of = [&](const std::vector<procedure::Step>& steps) {
    std::vector<std::string> found;
    for (const auto& issue : procedure::check(doc, steps, f.config, f.calendar)) {
      found.push_back(issue.code);
    }
    return found;
  };
  CHECK(codes_of({}) ==
        std::vector<std::string>{"published-without-legality-review", "published-without-deliberation"});
  procedure::Step review;
  review.kind = StepKind::legality_review;
  review.date = day("2026-04-01");
  review.result = procedure::Conclusion::lawful;
  procedure::Step deliberation;
  deliberation.kind = StepKind::deliberation;
  deliberation.date = day("2026-04-10");
  CHECK(codes_of({review, deliberation}).empty());
  // A review concluded after publication does not count.
  review.date = day("2026-06-01");
  CHECK(codes_of({deliberation, review}) ==
        std::vector<std::string>{"deliberation-before-legality-review", "published-without-legality-review"});
}
