// SPDX-License-Identifier: MIT
#include <normdoc/audit/event_log.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/meta_file.hpp>
#include <normdoc/registry/registry.hpp>

#include "fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace normdoc;
using registry::Status;
using util::Date;

using test::Fixture;
using test::k_stamp;

TEST_SUITE_BEGIN("registry");

TEST_CASE("registry::expiry_for counts the effective day as the first day in force")
{
  using util::Duration;
  CHECK(registry::expiry_for(Date::parse("2024-01-01"), Duration{5, Duration::Unit::years}).iso() == "2028-12-31");
  CHECK(registry::expiry_for(Date::parse("2024-08-14"), Duration{2, Duration::Unit::years}).iso() == "2026-08-13");
  CHECK(registry::expiry_for(Date::parse("2024-02-29"), Duration{1, Duration::Unit::years}).iso() == "2025-02-27");
}

TEST_CASE("registry::is_trial_title")
{
  const std::vector<std::string> markers{"暂行", "试行"};
  CHECK(registry::is_trial_title("文化市场暂行管理办法", markers));
  CHECK(registry::is_trial_title("关于开展试点工作的通知（试行）", markers));
  CHECK_FALSE(registry::is_trial_title("文化市场管理办法", markers));
}

TEST_CASE("registry::Registry::publish sets validity from the configuration")
{
  Fixture f;
  SUBCASE("ordinary document: 5 years")
  {
    const auto doc = f.publish(f.add("文化市场管理办法", "济示文旅[2024]5号"), "2024-08-14");
    CHECK(doc.reg_no == std::optional<std::string>("ND-2024-001"));
    CHECK(doc.doc_no == std::optional<std::string>("济示文旅〔2024〕5号"));
    CHECK(doc.effective->iso() == "2024-08-14");
    CHECK(doc.expires->iso() == "2029-08-13");
    CHECK(doc.status_on(Date::parse("2029-08-13")) == Status::published);
    CHECK(doc.status_on(Date::parse("2029-08-14")) == Status::expired);
    CHECK(doc.in_force_on(Date::parse("2025-01-01")));
    CHECK_FALSE(doc.in_force_on(Date::parse("2024-08-13")));
  }
  SUBCASE("暂行 document: 2 years, and registration numbers run on")
  {
    f.publish(f.add("甲办法"), "2024-03-01");
    const auto doc = f.publish(f.add("乙暂行办法"), "2024-08-14");
    CHECK(doc.trial);
    CHECK(doc.reg_no == std::optional<std::string>("ND-2024-002"));
    CHECK(doc.expires->iso() == "2026-08-13");
    const auto next_year = f.publish(f.add("丙办法"), "2025-01-02");
    CHECK(next_year.reg_no == std::optional<std::string>("ND-2025-001"));
  }
  SUBCASE("explicit effective date and validity")
  {
    const auto draft = f.add("丁办法");
    store::Transaction txn(f.db);
    registry::Publication publication{Date::parse("2024-08-14")};
    publication.effective = Date::parse("2024-09-15");
    publication.validity = util::Duration{3, util::Duration::Unit::years};
    const auto doc = f.reg.publish(txn, draft, publication, k_stamp);
    CHECK(doc.expires->iso() == "2027-09-14");
    CHECK(doc.status_on(Date::parse("2024-08-13")) == Status::scheduled);
    CHECK(doc.status_on(Date::parse("2024-09-01")) == Status::pending);
    CHECK(doc.status_on(Date::parse("2024-09-15")) == Status::published);
    CHECK_FALSE(doc.in_force_on(Date::parse("2024-09-01")));
  }
  SUBCASE("an expiry before the effective date is refused")
  {
    const auto draft = f.add("戊办法");
    store::Transaction txn(f.db);
    registry::Publication publication{Date::parse("2024-08-14")};
    publication.expires = Date::parse("2024-08-01");
    CHECK_THROWS_AS(f.reg.publish(txn, draft, publication, k_stamp), DataError);
  }
}

TEST_CASE("registry::Registry transitions and their refusals")
{
  Fixture f;
  const auto draft = f.add("文化市场管理办法", "济示文旅〔2024〕5号");

  SUBCASE("a draft cannot be repealed or amended")
  {
    store::Transaction txn(f.db);
    CHECK_THROWS_WITH_AS(f.reg.repeal(txn, draft, Date::parse("2024-09-01"), "过时", k_stamp),
                         doctest::Contains("尚未发布"), DataError);
  }
  SUBCASE("repeal, then publishing or repealing again is refused")
  {
    const auto published = f.publish(draft, "2024-08-14");
    store::Transaction txn(f.db);
    const auto repealed = f.reg.repeal(txn, published, Date::parse("2025-03-01"), "上位法废止", k_stamp);
    CHECK(repealed.recorded_status == Status::repealed);
    CHECK(repealed.status_on(Date::parse("2025-02-28")) == Status::published);
    CHECK(repealed.status_on(Date::parse("2025-03-01")) == Status::repealed);
    CHECK_THROWS_AS(f.reg.publish(txn, repealed, registry::Publication{Date::parse("2025-04-01")}, k_stamp), DataError);
    CHECK_THROWS_AS(f.reg.repeal(txn, repealed, Date::parse("2025-04-01"), "再废止", k_stamp), DataError);
  }
  SUBCASE("repeal before publication date or without a reason is refused")
  {
    const auto published = f.publish(draft, "2024-08-14");
    store::Transaction txn(f.db);
    CHECK_THROWS_AS(f.reg.repeal(txn, published, Date::parse("2024-08-01"), "x", k_stamp), DataError);
    CHECK_THROWS_AS(f.reg.repeal(txn, published, Date::parse("2024-09-01"), "  ", k_stamp), DataError);
  }
  SUBCASE("an expired document cannot be repealed")
  {
    const auto published = f.publish(draft, "2018-01-01");
    store::Transaction txn(f.db);
    CHECK_THROWS_WITH_AS(f.reg.repeal(txn, published, Date::parse("2024-01-01"), "过时", k_stamp),
                         doctest::Contains("自动失效"), DataError);
  }
  SUBCASE("amend links both versions")
  {
    const auto old_version = f.publish(draft, "2024-08-14");
    const auto new_version = f.add("文化市场管理办法（2025年修订）", "济示文旅〔2025〕3号");
    store::Transaction txn(f.db);
    const auto amended = f.reg.amend(txn, old_version, new_version, Date::parse("2025-06-01"), k_stamp);
    txn.commit();
    CHECK(amended.recorded_status == Status::amended);
    CHECK(amended.superseded_by == new_version.id);
    CHECK(registry::find(f.db, new_version.id)->amends == old_version.id);
    CHECK(amended.status_on(Date::parse("2025-05-31")) == Status::published);
    CHECK(amended.status_on(Date::parse("2025-06-01")) == Status::amended);
    store::Transaction again(f.db);
    CHECK_THROWS_AS(f.reg.amend(again, amended, new_version, Date::parse("2025-07-01"), k_stamp), DataError);
  }
  SUBCASE("the same 文号 twice for one issuer is refused")
  {
    CHECK_THROWS_WITH_AS(f.add("另一份", "济示文旅[2024]5号"), doctest::Contains("已有文号"), DataError);
  }
  SUBCASE("edit records what changed and recomputes the trial flag")
  {
    store::Transaction txn(f.db);
    registry::Changes changes;
    changes.title = "文化市场暂行管理办法";
    changes.drafting_unit = "市场管理科";
    const auto edited = f.reg.edit(txn, draft, changes, k_stamp);
    txn.commit();
    CHECK(edited.trial);
    CHECK(edited.drafting_unit == std::optional<std::string>("市场管理科"));
    const auto events = audit::list(f.db, draft.id);
    REQUIRE(events.size() == 2);
    CHECK(events[1].kind == "edit");
    CHECK(events[1].payload.find("\"title\":{\"from\":\"文化市场管理办法\"") != std::string::npos);
    store::Transaction same(f.db);
    CHECK_THROWS_AS(f.reg.edit(same, edited, changes, k_stamp), UsageError);
  }
}

TEST_CASE("registry: a failed write leaves documents and log unchanged")
{
  Fixture f;
  f.add("甲办法");
  const auto documents = f.count("document");
  const auto events = f.count("event");
  {
    store::Transaction txn(f.db);
    registry::NewDocument input;
    input.title = "乙办法";
    input.issuer = "某局";
    f.reg.add(txn, input, k_stamp);
    input.title = "丙办法";
    input.doc_no = "not a number";
    CHECK_THROWS_AS(f.reg.add(txn, input, k_stamp), DataError);
    // No commit: the transaction rolls back on destruction.
  }
  CHECK(f.count("document") == documents);
  CHECK(f.count("event") == events);
  CHECK(audit::verify(f.db).ok());
}

TEST_CASE("registry::resolve by id, registration number and 文号")
{
  Fixture f;
  const auto doc = f.publish(f.add("文化市场管理办法", "济示文旅〔2024〕5号"), "2024-08-14");
  CHECK(registry::resolve(f.db, "1").id == doc.id);
  CHECK(registry::resolve(f.db, "#1").id == doc.id);
  CHECK(registry::resolve(f.db, "ND-2024-001").id == doc.id);
  CHECK(registry::resolve(f.db, "济示文旅[2024]5号").id == doc.id);
  CHECK_THROWS_WITH_AS(registry::resolve(f.db, "99"), doctest::Contains("找不到"), DataError);
}

TEST_CASE("registry::list filters")
{
  Fixture f;
  f.publish(f.add("甲办法"), "2020-01-01");     // expired 2024-12-31
  f.publish(f.add("乙暂行办法"), "2025-03-01"); // trial: ends 2027-02-28
  f.add("丙办法");                              // draft
  registry::ListFilter filter{Date::parse("2026-11-25")};
  CHECK(registry::list(f.db, filter).size() == 3);
  filter.in_force = true;
  CHECK(registry::list(f.db, filter).size() == 1);
  filter.in_force = false;
  filter.status = Status::expired;
  CHECK(registry::list(f.db, filter).at(0).title == "甲办法");
  filter.status.reset();
  filter.expiring_within = util::Duration{6, util::Duration::Unit::months};
  CHECK(registry::list(f.db, filter).at(0).title == "乙暂行办法");
  filter.expiring_within = util::Duration{1, util::Duration::Unit::months};
  CHECK(registry::list(f.db, filter).empty());
  registry::ListFilter by_year{Date::parse("2026-11-25")};
  by_year.year = 2020;
  CHECK(registry::list(f.db, by_year).size() == 1);
  filter.as_of = Date::parse("2021-06-01");
  filter.expiring_within.reset();
  filter.in_force = true;
  CHECK(registry::list(f.db, filter).at(0).title == "甲办法");
}

TEST_CASE("registry::parse_meta")
{
  {
    std::ofstream("text.txt") << "第一条 为了规范文化市场管理……\n";
  }
  SUBCASE("a published document with its text")
  {
    const auto meta = registry::parse_meta(R"(
title = "文化市场管理办法"
issuer = "某局"
doc_no = "济示文旅[2024]5号"
published = 2024-08-14
effective = "2024年9月1日"
text = "text.txt"
concerns_business = true
)",
                                           "meta.toml");
    CHECK(meta.document.title == "文化市场管理办法");
    CHECK(meta.document.concerns_business);
    REQUIRE(meta.publication);
    CHECK(meta.publication->date.iso() == "2024-08-14");
    CHECK(meta.publication->effective->iso() == "2024-09-01");
    REQUIRE(meta.document.text);
    CHECK(meta.document.text->source == "text.txt");
  }
  SUBCASE("errors carry file, line and field")
  {
    CHECK_THROWS_WITH_AS(registry::parse_meta("title = \"x\"\npublished = \"2024-02-30\"\n", "m.toml"),
                         doctest::Contains("m.toml:2:"), DataError);
    CHECK_THROWS_WITH_AS(registry::parse_meta("title = \"x\"\n\ndoc_no = \"5号\"\n", "m.toml"),
                         doctest::Contains("m.toml:3:"), DataError);
    CHECK_THROWS_WITH_AS(registry::parse_meta("titel = \"x\"\n", "m.toml"), doctest::Contains("titel"), DataError);
    CHECK_THROWS_WITH_AS(registry::parse_meta("title = \"x\"\nreg_no = \"A-1\"\n", "m.toml"),
                         doctest::Contains("m.toml:2:"), DataError);
    CHECK_THROWS_AS(registry::parse_meta("title = \"x\"\ntext = \"missing.txt\"\n", "m.toml"), DataError);
  }
}

TEST_CASE("registry::read_document_text reads what import reads: GB18030 converted, empty and undecodable refused")
{
  {
    std::ofstream("empty.txt") << "  \n";
    std::ofstream("gbk.txt") << "\xB5\xDA\xD2\xBB\xD0\xD0\n\xB5\xDA\xB6\xFE\n"; // 第一行, 第二 in GBK
    std::ofstream("binary.txt") << "第一行\n\x80\x80\xFF\n";
  }
  CHECK_THROWS_WITH_AS(registry::read_document_text("empty.txt"), doctest::Contains("为空"), DataError);
  CHECK(registry::read_document_text("gbk.txt").content == "第一行\n第二\n");
  CHECK_THROWS_WITH_AS(registry::read_document_text("binary.txt"), doctest::Contains("binary.txt"), DataError);
}

TEST_SUITE_END();
