// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/error.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/review/review.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using review::Answer;
using test::day;

namespace {

const review::Checklist& checklist(const char* id)
{
  return *review::select_checklists(id).front();
}

// A draft whose text holds one prohibited structure per checklist: a fine (行政处罚法 16)
// and a bonus for local firms in tenders (公平竞争审查条例 9 (三)).
registry::Document draft_with_text(test::Fixture& f)
{
  return f.add_with_text("关于支持文化旅游产业发展的若干措施",
                         "第一条　为促进文化旅游产业发展，制定本措施。\n"
                         "第二条　未按规定报送统计数据的，处5000元罚款。\n"
                         "第三条　政府投资项目招标时，对本地企业给予加分。\n",
                         true);
}

review::Review start(test::Fixture& f, const registry::Document& doc, const char* id, const char* received)
{
  store::Transaction txn(f.db);
  auto started = review::start(txn, doc, checklist(id), day(received), f.config, f.calendar, test::k_stamp);
  txn.commit();
  return started;
}

// Answers every item `pass`, except those listed as failed.
void answer_all(test::Fixture& f, const review::Review& r, const std::vector<std::string>& failed)
{
  std::vector<review::AnswerInput> answers;
  for (const auto& item : r.items) {
    const bool fails = std::find(failed.begin(), failed.end(), item.item) != failed.end();
    answers.push_back({item.item, fails ? Answer::fail : Answer::pass});
  }
  store::Transaction txn(f.db);
  review::answer(txn, r.id, answers, test::k_stamp);
  txn.commit();
}

void dismiss_all(test::Fixture& f, const review::Review& r)
{
  store::Transaction txn(f.db);
  for (const auto& recorded : r.findings) {
    review::dismiss(txn, r.id, recorded.number, "已核实，引用上位法规定", test::k_stamp);
  }
  txn.commit();
}

review::Review conclude(test::Fixture& f, const registry::Document& doc, const review::Review& r,
                        review::Conclusion conclusion)
{
  store::Transaction txn(f.db);
  auto concluded = review::conclude(txn, r.id, conclusion, f.config, f.calendar, test::k_stamp);
  txn.commit();
  CHECK(concluded.document.id == doc.id);
  // The review handed back is what a fresh load reads.
  const review::Review stored = review::load(f.db, r.id);
  CHECK(concluded.review.concluded == stored.concluded);
  CHECK(concluded.review.result == stored.result);
  CHECK(concluded.review.opinion == stored.opinion);
  CHECK(concluded.review.urgency == stored.urgency);
  CHECK(concluded.review.exception.has_value() == stored.exception.has_value());
  if (stored.exception) {
    CHECK(concluded.review.exception->ground == stored.exception->ground);
    CHECK(concluded.review.exception->alternatives == stored.exception->alternatives);
    CHECK(concluded.review.exception->until == stored.exception->until);
  }
  return concluded.review;
}

// The field a refused conclusion names, or "accepted"; nothing is committed either way.
std::string refusal(test::Fixture& f, const review::Review& r, const review::Conclusion& conclusion)
{
  store::Transaction txn(f.db);
  try {
    review::conclude(txn, r.id, conclusion, f.config, f.calendar, test::k_stamp);
  } catch (const DataError& e) {
    return e.where().field;
  }
  return "accepted";
}

} // namespace

TEST_CASE("starting a review copies the checklist, records its hash and the screening findings")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "legality", "2026-03-02");
  CHECK(r.checklist == "legality");
  CHECK(r.checklist_sha256 == checklist("legality").sha256);
  CHECK(r.items.size() == checklist("legality").items.size());
  CHECK(r.text_sha256 == doc.text_sha256);
  CHECK(r.is_open());
  const bool found_fine = std::any_of(r.findings.begin(), r.findings.end(), [](const review::RecordedFinding& rf) {
    return rf.finding.rule == "L4-penalty" && rf.finding.line == 2;
  });
  CHECK(found_fine);
  SUBCASE("the draft is now under review and the legality review deadline runs from receipt")
  {
    CHECK(registry::find(f.db, doc.id)->recorded_status == registry::Status::reviewing);
    const auto steps = procedure::steps_of(f.db, doc.id);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].received == day("2026-03-02"));
    CHECK_FALSE(steps[0].date);
  }
  SUBCASE("a new review with the same checklist supersedes it; answering the old one is refused")
  {
    const auto second = start(f, doc, "legality", "2026-03-05");
    CHECK(review::load(f.db, r.id).superseded_by == second.id);
    store::Transaction txn(f.db);
    CHECK_THROWS_AS(review::answer(txn, r.id, {{"L1", Answer::pass}}, test::k_stamp), DataError);
    CHECK(procedure::steps_of(f.db, doc.id).size() == 1);
  }
  SUBCASE("a fair-competition review does not supersede the legality review")
  {
    start(f, doc, "fair-competition", "2026-03-05");
    CHECK_FALSE(review::load(f.db, r.id).superseded_by);
  }
}

TEST_CASE("answers: unknown items are refused with the closest id and nothing is recorded")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "legality", "2026-03-02");
  {
    store::Transaction txn(f.db);
    try {
      review::answer(txn, r.id, {{"L1", Answer::pass}, {"L44", Answer::fail}}, test::k_stamp);
      FAIL("an unknown item was accepted");
    } catch (const DataError& e) {
      CHECK(e.hint().find("L4") != std::string::npos);
    }
  }
  const auto reloaded = review::load(f.db, r.id);
  CHECK_FALSE(reloaded.items.front().answer);
}

TEST_CASE("answers file: shorthand and tables, errors at their line")
{
  const auto answers =
    review::parse_answers("L1 = \"pass\"\n[L4]\nanswer = \"fail\"\nnote = \"第二条设定罚款\"\n", "a.toml");
  REQUIRE(answers.size() == 2);
  CHECK(answers[0].item == "L1");
  CHECK(answers[0].answer == Answer::pass);
  CHECK(answers[1].answer == Answer::fail);
  CHECK(answers[1].note == "第二条设定罚款");

  const auto line_of = [](const char* text) {
    try {
      review::parse_answers(text, "a.toml");
    } catch (const DataError& e) {
      return e.where().line;
    }
    return -1;
  };
  CHECK(line_of("L1 = \"pass\"\nL2 = \"ok\"\n") == 2);
  CHECK(line_of("L1 = \"pass\"\n[L4]\nanswer = \"fail\"\nnotes = \"x\"\n") == 4);
  CHECK(line_of("[L4]\nnote = \"x\"\n") == 1);
  CHECK(line_of("L1 = \n") == 1);
  CHECK(line_of("") == 1);
}

TEST_CASE("the conclusion must agree with the answers (115号 (六); 公平竞争审查条例 第十二条)")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "legality", "2026-03-02");
  const util::Date date = day("2026-03-16");
  const auto refused_field = [&](const review::Conclusion& conclusion) { return refusal(f, r, conclusion); };

  CHECK(refused_field({procedure::Conclusion::lawful, date}) == "answers");
  CHECK(refused_field({procedure::Conclusion::compliant, date}) == "result");

  SUBCASE("a failed item: not 合法; 应当予以修改 needs the written opinion")
  {
    answer_all(f, r, {"L4"});
    CHECK(refused_field({procedure::Conclusion::lawful, date}) == "result");
    CHECK(refused_field({procedure::Conclusion::revise, date}) == "opinion");
    const auto concluded = conclude(f, doc, r, {procedure::Conclusion::revise, date, "删除第二条罚款"});
    CHECK(concluded.result == procedure::Conclusion::revise);
    CHECK_FALSE(concluded.is_open());
  }
  SUBCASE("all passed: 合法 only after the error findings on passed items are dismissed")
  {
    answer_all(f, r, {});
    CHECK(refused_field({procedure::Conclusion::revise, date, "意见"}) == "result");
    CHECK(refused_field({procedure::Conclusion::lawful, date}) == "findings");
    dismiss_all(f, r);
    CHECK(conclude(f, doc, r, {procedure::Conclusion::lawful, date}).result == procedure::Conclusion::lawful);
  }
  SUBCASE("a conclusion within 5 working days of receipt needs an urgency reason (115号 (五))")
  {
    answer_all(f, r, {"L4"});
    CHECK(refused_field({procedure::Conclusion::revise, day("2026-03-05"), "意见"}) == "date");
    review::Conclusion urgent{procedure::Conclusion::revise, day("2026-03-05"), "意见"};
    urgent.urgency = "执行上级紧急命令";
    CHECK(conclude(f, doc, r, urgent).urgency == "执行上级紧急命令");
  }
  SUBCASE("a date before receipt is refused")
  {
    answer_all(f, r, {"L4"});
    CHECK(refused_field({procedure::Conclusion::revise, day("2026-03-01"), "意见"}) == "date");
  }
}

TEST_CASE("concluding writes the procedure step, so the deliberation gate opens (115号 (七))")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "legality", "2026-03-02");
  answer_all(f, r, {"L4"});
  conclude(f, doc, r, {procedure::Conclusion::revise, day("2026-03-16"), "删除第二条罚款"});
  const auto steps = procedure::steps_of(f.db, doc.id);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].date == day("2026-03-16"));
  CHECK(steps[0].result == procedure::Conclusion::revise);
  CHECK(steps[0].received == day("2026-03-02"));

  procedure::StepInput deliberation{procedure::StepKind::deliberation};
  deliberation.date = day("2026-03-20");
  store::Transaction txn(f.db);
  CHECK_NOTHROW(
    procedure::record(txn, *registry::find(f.db, doc.id), deliberation, f.config, f.calendar, test::k_stamp));
}

TEST_CASE("a later unlawful conclusion closes the deliberation gate again")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto first = start(f, doc, "legality", "2026-03-02");
  answer_all(f, first, {"L4"});
  conclude(f, doc, first, {procedure::Conclusion::revise, day("2026-03-16"), "删除第二条罚款"});
  const auto second = start(f, doc, "legality", "2026-03-17");
  answer_all(f, second, {"L4"});
  conclude(f, doc, second, {procedure::Conclusion::unlawful, day("2026-03-25"), "仍设定罚款"});

  procedure::StepInput deliberation{procedure::StepKind::deliberation};
  deliberation.date = day("2026-03-26");
  store::Transaction txn(f.db);
  CHECK_THROWS_AS(
    procedure::record(txn, *registry::find(f.db, doc.id), deliberation, f.config, f.calendar, test::k_stamp),
    DataError);
  deliberation.date = day("2026-03-20");
  CHECK_NOTHROW(
    procedure::record(txn, *registry::find(f.db, doc.id), deliberation, f.config, f.calendar, test::k_stamp));
}

TEST_CASE("适用例外 needs the exception item passed and all three parts of 第十二条")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "fair-competition", "2026-03-02");
  dismiss_all(f, r);
  answer_all(f, r, {"F9-3"});
  const util::Date date = day("2026-03-16");
  review::Conclusion exception{procedure::Conclusion::exception, date, "为救灾救助需要，临时支持本地应急物资生产"};
  exception.exception_ground = review::Ground::public_interest;
  exception.alternatives = "已比较统一采购和补贴两种方式，均不能满足时限";
  exception.until = day("2027-03-15");

  const auto refused_field = [&](const review::Conclusion& conclusion) { return refusal(f, r, conclusion); };
  CHECK(refused_field({procedure::Conclusion::compliant, date}) == "result");
  for (const auto& missing : {"exception-ground", "alternatives", "until", "opinion"}) {
    CAPTURE(missing);
    review::Conclusion incomplete = exception;
    if (std::string(missing) == "exception-ground") {
      incomplete.exception_ground.reset();
    } else if (std::string(missing) == "alternatives") {
      incomplete.alternatives = "  ";
    } else if (std::string(missing) == "until") {
      incomplete.until.reset();
    } else {
      incomplete.opinion.reset();
    }
    CHECK(refused_field(incomplete) == missing);
  }
  review::Conclusion early_end = exception;
  early_end.until = date;
  CHECK(refused_field(early_end) == "until");
  // The exception's parts with another result would be stored nowhere: refused, not dropped.
  review::Conclusion stray = exception;
  stray.result = procedure::Conclusion::noncompliant;
  CHECK(refused_field(stray) == "exception-ground");
  stray.exception_ground.reset();
  CHECK(refused_field(stray) == "alternatives");
  stray.alternatives.reset();
  CHECK(refused_field(stray) == "until");

  const auto concluded = conclude(f, doc, r, exception);
  REQUIRE(concluded.exception);
  CHECK(concluded.exception->ground == review::Ground::public_interest);
  CHECK(concluded.exception->until == day("2027-03-15"));
  const auto steps = procedure::steps_of(f.db, doc.id);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].kind == procedure::StepKind::fair_competition_review);
  CHECK(steps[0].result == procedure::Conclusion::exception);
  CHECK(steps[0].until == day("2027-03-15"));

  SUBCASE("the exception item answered 不通过 allows only 不符合")
  {
    test::Fixture g;
    const auto other = draft_with_text(g);
    const auto r2 = start(g, other, "fair-competition", "2026-03-02");
    dismiss_all(g, r2);
    answer_all(g, r2, {"F9-3", "F12"});
    store::Transaction txn(g.db);
    CHECK_THROWS_AS(review::conclude(txn, r2.id, exception, g.config, g.calendar, test::k_stamp), DataError);
    const auto concluded_other =
      review::conclude(txn, r2.id, {procedure::Conclusion::noncompliant, date, "第三条排斥外地企业"}, g.config,
                       g.calendar, test::k_stamp);
    CHECK(concluded_other.review.result == procedure::Conclusion::noncompliant);
    CHECK(concluded_other.document.id == other.id);
  }
}

TEST_CASE("a concluded review is frozen, in the library and in the database")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "legality", "2026-03-02");
  answer_all(f, r, {"L4"});
  conclude(f, doc, r, {procedure::Conclusion::revise, day("2026-03-16"), "删除第二条罚款"});
  store::Transaction txn(f.db);
  CHECK_THROWS_AS(review::answer(txn, r.id, {{"L4", Answer::pass}}, test::k_stamp), DataError);
  CHECK_THROWS_AS(review::dismiss(txn, r.id, 1, "理由", test::k_stamp), DataError);
  CHECK_THROWS_AS(review::conclude(txn, r.id, {procedure::Conclusion::lawful, day("2026-03-17")}, f.config, f.calendar,
                                   test::k_stamp),
                  DataError);
  CHECK_THROWS(f.db.exec("UPDATE review SET result = 'lawful'"));
  CHECK_THROWS(f.db.exec("UPDATE review_item SET answer = 'pass'"));
  CHECK_THROWS(f.db.exec("DELETE FROM review_finding"));
}

TEST_CASE("dismissing needs a reason and a finding that exists")
{
  test::Fixture f;
  const auto doc = draft_with_text(f);
  const auto r = start(f, doc, "legality", "2026-03-02");
  REQUIRE_FALSE(r.findings.empty());
  store::Transaction txn(f.db);
  CHECK_THROWS_AS(review::dismiss(txn, r.id, 1, " ", test::k_stamp), DataError);
  CHECK_THROWS_AS(review::dismiss(txn, r.id, 999, "理由", test::k_stamp), DataError);
  review::dismiss(txn, r.id, 1, "依照《统计法》第三十七条", test::k_stamp);
  CHECK_THROWS_AS(review::dismiss(txn, r.id, 1, "再次", test::k_stamp), DataError);
  txn.commit();
  CHECK(review::load(f.db, r.id).findings.front().dismissed_reason == "依照《统计法》第三十七条");
}

TEST_CASE("a review of a document without stored text has no findings and says so")
{
  test::Fixture f;
  const auto doc = f.add("关于印发某某办法的通知");
  const auto r = start(f, doc, "legality", "2026-03-02");
  CHECK(r.findings.empty());
  CHECK_FALSE(r.text_sha256);
  CHECK_THROWS_AS(review::load(f.db, 999), DataError);
  CHECK(review::list(f.db, doc.id).size() == 1);
  CHECK(review::list(f.db, std::nullopt).size() == 1);
}
