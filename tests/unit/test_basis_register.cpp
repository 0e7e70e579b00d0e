// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/basis/register.hpp>
#include <normdoc/error.hpp>
#include <normdoc/lifecycle/evaluation.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using test::day;

namespace {

const char* const k_catalogue = "name,level,publish,valid_from,expired,category\n"
                                "\"旅游法\",\"法律\",2018-10-26,2018-10-26,0,\"经济法\"\n"
                                "\"体育法\",\"法律\",2016-11-07,2016-11-07,1,\"行政法\"\n"
                                "\"体育法\",\"法律\",2022-06-24,2023-01-01,0,\"行政法\"\n"
                                "\"旧条例\",\"行政法规\",2001-01-01,2001-01-01,1,\"行政法规\"\n";

basis::ImportResult import(test::Fixture& f, const std::string& csv, const char* today = "2026-01-10")
{
  store::Transaction txn(f.db);
  auto result = basis::import_catalogue(txn, csv, "laws.csv", day(today), test::k_stamp);
  txn.commit();
  return result;
}

registry::Document with_text(test::Fixture& f, const char* title, const char* text, const char* published)
{
  return f.publish(f.add_with_text(title, text), published);
}

std::vector<std::string> flagged(test::Fixture& f, const char* as_of = "2026-06-01")
{
  std::vector<std::string> found;
  for (const auto& flag : basis::flags(f.db, day(as_of))) {
    found.push_back(flag.document.title + ":" + flag.law + ":" + std::string(basis::change_key(flag.change.kind)));
  }
  return found;
}

} // namespace

TEST_CASE("import: versions of one law merge; the law is repealed when no version is in force")
{
  test::Fixture f;
  const auto result = import(f, k_catalogue);
  CHECK(result.laws == 3);
  CHECK(result.added == 3);
  CHECK(result.changes.empty());
  const auto sport = basis::find_law(f.db, "中华人民共和国体育法");
  REQUIRE(sport);
  CHECK(sport->published == day("2022-06-24"));
  CHECK_FALSE(sport->repealed);
  CHECK(basis::find_law(f.db, "旧条例")->repealed);

  SUBCASE("re-importing a newer catalogue records what changed since")
  {
    const auto newer = import(f,
                              "name,level,publish,valid_from,expired\n"
                              "旅游法,法律,2026-03-01,2026-05-01,0\n"
                              "体育法,法律,2022-06-24,2023-01-01,1\n"
                              "旧条例,行政法规,2001-01-01,2001-01-01,1\n",
                              "2026-04-01");
    REQUIRE(newer.changes.size() == 2);
    CHECK(newer.changes[0].law == "体育法");
    CHECK(newer.changes[0].kind == basis::ChangeKind::repealed);
    CHECK(newer.changes[1].law == "旅游法");
    CHECK(newer.changes[1].date == day("2026-03-01"));
    CHECK(f.count("law_change") == 2);
  }
}

TEST_CASE("import: one bad row rejects the file with its line, nothing applied")
{
  test::Fixture f;
  store::Transaction txn(f.db);
  CHECK_THROWS_WITH_AS(
    basis::import_catalogue(
      txn, "name,level,publish,valid_from,expired\n旅游法,法律,2018-10-26,,0\n体育法,法律,2022-02-30,,0\n", "laws.csv",
      day("2026-01-01"), test::k_stamp),
    doctest::Contains("laws.csv:3"), DataError);
  CHECK_THROWS_WITH_AS(basis::import_catalogue(txn, "name,level,publish,valid_from,expired\n旅游法,法律,,,maybe\n",
                                               "laws.csv", day("2026-01-01"), test::k_stamp),
                       doctest::Contains("expired"), DataError);
  CHECK(f.count("law") == 0);
}

TEST_CASE("flags: documents in force citing a law changed after their publication, until reconsidered")
{
  test::Fixture f;
  import(f, k_catalogue);
  with_text(f, "景区办法", "第一条 根据《中华人民共和国旅游法》等法律，制定本办法。", "2022-01-01");
  with_text(f, "赛事办法", "第一条 依据《中华人民共和国体育法》《旧条例》，制定本办法。", "2022-01-01");
  with_text(f, "新赛事办法", "第一条 根据《中华人民共和国体育法》，制定本办法。", "2023-06-01");
  with_text(f, "无依据办法", "第一条 根据有关法律、法规，制定本办法。", "2022-01-01");
  // 体育法 was revised in 2022 after 赛事办法; 旧条例 is repealed; 新赛事办法 came after the revision.
  CHECK(flagged(f) == std::vector<std::string>{"赛事办法:体育法:revised", "赛事办法:旧条例:repealed"});

  {
    store::Transaction txn(f.db);
    basis::record_change(txn, "旅游法", basis::ChangeKind::repealed, day("2026-05-01"), day("2026-05-02"),
                         test::k_stamp);
    txn.commit();
  }
  REQUIRE(flagged(f).size() == 3);
  CHECK(flagged(f).front() == "景区办法:旅游法:repealed");

  // A post-evaluation after the change clears the flags of that document.
  {
    store::Transaction txn(f.db);
    lifecycle::evaluate(txn, f.reg, registry::resolve(f.db, "2"),
                        lifecycle::EvaluationInput{lifecycle::Outcome::keep_in_force, day("2026-05-20")}, f.config,
                        test::k_stamp);
    txn.commit();
  }
  CHECK(flagged(f) == std::vector<std::string>{"景区办法:旅游法:repealed"});
  // Documents no longer in force are not flagged.
  {
    store::Transaction txn(f.db);
    f.reg.repeal(txn, registry::resolve(f.db, "1"), day("2026-05-25"), "废止", test::k_stamp);
    txn.commit();
  }
  CHECK(flagged(f).empty());
  CHECK(flagged(f, "2026-05-24").size() == 1);
}

TEST_CASE("list_laws: the register by name, with its citing documents and last change, filtered")
{
  test::Fixture f;
  import(f, k_catalogue);
  with_text(f, "赛事办法", "第一条 依据《中华人民共和国体育法》，制定本办法。", "2022-01-01");
  with_text(f, "新赛事办法", "第一条 根据《体育法》，制定本办法。", "2023-06-01");
  {
    store::Transaction txn(f.db);
    basis::record_change(txn, "旅游法", basis::ChangeKind::revised, day("2026-05-01"), day("2026-05-02"),
                         test::k_stamp);
    txn.commit();
  }
  const auto names = [](const std::vector<basis::LawEntry>& laws) {
    std::vector<std::string> found;
    for (const auto& entry : laws) {
      found.push_back(entry.law.name);
    }
    return found;
  };

  const auto all = basis::list_laws(f.db, {});
  // By name in code point order (体 U+4F53, 旅 U+65C5, 旧 U+65E7).
  CHECK(names(all) == std::vector<std::string>{"体育法", "旅游法", "旧条例"});
  CHECK(all[0].cited_by == 2);
  CHECK(all[1].cited_by == 0);
  CHECK_FALSE(all[0].last_change);
  REQUIRE(all[1].last_change);
  CHECK(all[1].last_change->kind == basis::ChangeKind::revised);
  CHECK(all[1].last_change->date == day("2026-05-01"));
  CHECK(all[1].last_change->recorded_on == day("2026-05-02"));
  CHECK(all[1].last_change->source == "manual");
  CHECK(all[2].law.repealed);

  CHECK(names(basis::list_laws(f.db, {.cited_only = true})) == std::vector<std::string>{"体育法"});
  CHECK(names(basis::list_laws(f.db, {.changed_only = true})) == std::vector<std::string>{"旅游法"});
  CHECK(basis::list_laws(f.db, {.cited_only = true, .changed_only = true}).empty());
}

TEST_CASE("citations follow the stored text and a rescan rebuilds them")
{
  test::Fixture f;
  const auto doc = with_text(f, "办法", "根据《中华人民共和国旅游法》，制定本办法。", "2020-01-01");
  CHECK(f.count("citation") == 1);
  {
    store::Transaction txn(f.db);
    registry::Changes changes;
    changes.text = registry::DocumentText{"依据《河南省旅游条例》《中华人民共和国预算法》，制定本办法。", "v2.txt"};
    f.reg.edit(txn, doc, changes, test::k_stamp);
    txn.commit();
  }
  CHECK(f.db.single_integer("SELECT count(*) FROM citation WHERE law IN ('河南省旅游条例', '预算法')") == 2);
  f.db.exec("DELETE FROM citation");
  store::Transaction txn(f.db);
  CHECK(basis::rescan(txn) == 1);
  txn.commit();
  CHECK(f.count("citation") == 2);
}
