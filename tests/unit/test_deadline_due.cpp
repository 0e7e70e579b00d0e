// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/deadline/due.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

using namespace normdoc;
using test::day;

namespace {

// Kinds by their keys, as `due --kind` takes them.
std::vector<deadline::DueItem> due(test::Fixture& f, const char* as_of, const std::set<std::string>& kinds = {})
{
  deadline::DueQuery query{day(as_of)};
  for (const auto& key : kinds) {
    const auto kind = util::parse_named(deadline::due_kinds(), key);
    REQUIRE(kind);
    query.kinds.insert(*kind);
  }
  return deadline::due_items(f.db, f.config, f.calendar, query);
}

const deadline::DueItem* find(const std::vector<deadline::DueItem>& items, const char* kind, std::int64_t document)
{
  const auto it = std::find_if(items.begin(), items.end(), [&](const deadline::DueItem& item) {
    return deadline::kind_key(item.kind) == kind && item.document == document;
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

void open_legality_review(test::Fixture& f, const registry::Document& doc, const char* received)
{
  procedure::StepInput review{procedure::StepKind::legality_review};
  review.received = day(received);
  record(f, doc, review);
}

void comment_period(test::Fixture& f, const registry::Document& doc, const char* from, const char* to)
{
  procedure::StepInput comment{procedure::StepKind::comment};
  comment.from = day(from);
  comment.to = day(to);
  record(f, doc, comment);
}

void publish(test::Fixture& f, const registry::Document& doc, const char* published, const char* effective)
{
  store::Transaction txn(f.db);
  registry::Publication publication{day(published)};
  publication.effective = day(effective);
  f.reg.publish(txn, doc, publication, test::k_stamp);
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
  // 30 days is the law only for filings with the 人大常委会; elsewhere it is the office's setting.
  CHECK(item->article.find("第五十一条") != std::string::npos);
  CHECK(item->article.find("本单位设置的默认值") != std::string::npos);
  CHECK_FALSE(find(due(f, "2026-09-02"), "filing", doc.id)); // beyond the 30-day window
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
  CHECK(correction->due == day("2026-05-11")); // 05-10 is a Sunday
  CHECK(correction->overdue);
}

TEST_CASE("deadline::due_items: legality review 15 working days, comment end, exception end")
{
  test::Fixture f;
  const auto doc = f.add("民宿扶持办法", std::nullopt, true);
  open_legality_review(f, doc, "2026-09-24");
  comment_period(f, doc, "2026-09-01", "2026-10-12");
  procedure::StepInput exception{procedure::StepKind::fair_competition_review};
  exception.date = day("2026-09-20");
  exception.result = procedure::Conclusion::exception;
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
  CHECK_FALSE(find(due(f, "2026-10-13"), "comment", doc.id)); // the period is over
}

TEST_CASE("deadline::due_items: evaluation lead, expiry, ended documents skipped")
{
  test::Fixture f;
  const auto expiring = f.publish(f.add("旧办法"), "2022-01-01");        // last day 2026-12-31
  const auto expired = f.publish(f.add("更旧的暂行办法"), "2023-03-01"); // trial: last day 2025-02-28
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
  CHECK_FALSE(find(due(f, "2026-06-01", {"evaluation"}), "evaluation", expiring.id)); // more than 6 months ahead
}

TEST_CASE("deadline::due_items: procedure defects are listed from the day they arose")
{
  test::Fixture f;
  const auto doc = f.add("专项资金管理办法", std::nullopt, true);
  publish(f, doc, "2026-11-02", "2026-11-10");
  const auto items = due(f, "2026-11-25", {"procedure"});
  // No legality review, no deliberation, no fair-competition review: all from publication.
  REQUIRE(items.size() == 3);
  CHECK(items[0].due == day("2026-11-02"));
  CHECK(items[0].what.find("合法性审核") != std::string::npos);
  REQUIRE(items[0].action.step);
  CHECK(items[0].action.step->action == Action::acknowledge);
  CHECK(items[0].action.step->arguments ==
        std::vector<std::string>{std::to_string(doc.id), "published-without-legality-review"});
  CHECK(items[0].action.step->fields ==
        std::vector<std::pair<std::string, std::string>>{{"date", "2026-11-25"}, {"reason", k_placeholder}});
  CHECK(items[2].article.find("公平竞争审查条例") != std::string::npos);
  CHECK(items[2].overdue);
  CHECK(due(f, "2026-11-01", {"procedure"}).empty());
}

TEST_CASE("deadline::due_items: a missing calendar year is named, at the earliest date")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("旧办法"), "2019-06-01");
  const auto item_items = due(f, "2019-07-05", {"filing"});
  const auto* item = find(item_items, "filing", doc.id);
  REQUIRE(item);
  CHECK(item->due == day("2019-07-01"));
  CHECK(item->what.find("2019") != std::string::npos);
  CHECK(item->overdue);
}

namespace {

// A registry with something of every kind, in every state: repealed, invalidated, amended, expired, a comment period,
// an open review, filings in each state, defects.
void fill_varied(test::Fixture& f)
{
  const auto expiring = f.publish(f.add("旧办法"), "2022-01-01");
  f.publish(f.add("更旧的暂行办法"), "2023-03-01");
  const auto repealed = f.publish(f.add("已废止办法"), "2022-01-01");
  const auto invalidated = f.publish(f.add("宣布失效的办法"), "2021-05-10");
  const auto amended = f.publish(f.add("被修改的办法"), "2024-02-29");
  const auto replacement = f.publish(f.add("修改后的办法"), "2025-06-30");
  const auto filed = f.publish(f.add("文化市场管理办法"), "2026-03-02");
  const auto business = f.add("民宿扶持办法", std::nullopt, true);
  {
    store::Transaction txn(f.db);
    f.reg.repeal(txn, repealed, day("2024-01-01"), "过时", test::k_stamp);
    f.reg.invalidate(txn, invalidated, day("2024-03-01"), "清理", test::k_stamp);
    f.reg.amend(txn, amended, replacement, day("2025-07-01"), test::k_stamp);
    txn.commit();
  }
  file(f, filed, "2026-03-20");
  filing_result(f, filed, filing::Result::deferred, "2026-03-25");
  filing_result(f, filed, filing::Result::correct, "2026-04-10");
  file(f, expiring, "2022-01-20");
  open_legality_review(f, business, "2026-09-24");
  comment_period(f, business, "2026-09-01", "2026-09-05");
  publish(f, business, "2026-11-02", "2026-11-10");
}

std::string summary(const std::vector<deadline::DueItem>& items)
{
  std::string text;
  for (const auto& item : items) {
    text += fmt::format("{} #{} {} {} {}\n", item.due.iso(), item.document, deadline::kind_key(item.kind),
                        item.days_left, item.what);
  }
  return text;
}

} // namespace

TEST_CASE("deadline::due_items: the stored reminders give what the records give, on any day")
{
  test::Fixture f;
  fill_varied(f);
  std::size_t seen = 0;
  for (util::Date as_of = day("2020-12-01"); as_of < day("2031-01-01"); as_of = as_of.add_days(11)) {
    CAPTURE(as_of);
    deadline::DueQuery query{as_of};
    const auto stored = deadline::due_items(f.db, f.config, f.calendar, query);
    query.from_records = true;
    CHECK(summary(stored) == summary(deadline::due_items(f.db, f.config, f.calendar, query)));
    seen += stored.size();
  }
  CHECK(seen > 100); // the days asked about meet reminders of every kind, not only empty lists
  CHECK(f.count("due_item") > 0);
}

TEST_CASE("deadline::due_items: stored reminders follow changes to the records, the settings and the calendar")
{
  test::Fixture f;
  const auto doc = f.publish(f.add("文化市场管理办法"), "2026-09-01");
  const auto events = f.count("event");
  REQUIRE(find(due(f, "2026-10-09"), "filing", doc.id));
  CHECK(f.count("event") == events); // derived data, not a change to log

  f.config.filing_deadline = util::Duration::parse("15d");
  const auto shorter = due(f, "2026-10-09", {"filing"});
  REQUIRE(shorter.size() == 1);
  CHECK(shorter[0].due == day("2026-09-16"));

  calendar::Calendar extra = calendar::Calendar::built_in();
  extra.add_year("schema = 1\nyear = 2026\nholidays = [2026-09-16]\nworkdays = []\n", "office.toml");
  const auto moved = deadline::due_items(f.db, f.config, extra, deadline::DueQuery{day("2026-10-09")});
  REQUIRE(find(moved, "filing", doc.id));
  CHECK(find(moved, "filing", doc.id)->due == day("2026-09-17"));

  file(f, doc, "2026-09-10");
  CHECK_FALSE(find(due(f, "2026-10-09"), "filing", doc.id));
  CHECK(f.count("due_stale") == 0);
}

TEST_CASE("deadline::examine_reminders: a stored reminder that differs from the records is found, and rebuilt")
{
  test::Fixture f;
  fill_varied(f);
  CHECK(deadline::examine_reminders(f.db, f.config, f.calendar).ok); // not computed yet: due will
  due(f, "2026-11-25");
  const auto fresh = deadline::examine_reminders(f.db, f.config, f.calendar);
  CHECK(fresh.ok);
  CHECK(fresh.detail.find("一致") != std::string::npos);
  f.db.exec("UPDATE due_window SET last_day = last_day - 1 WHERE id = (SELECT min(id) FROM due_window)");
  const auto damaged = deadline::examine_reminders(f.db, f.config, f.calendar);
  CHECK_FALSE(damaged.ok);
  CHECK(damaged.detail.find("1份文件") != std::string::npos);
  deadline::rebuild_reminders(f.db, f.config, f.calendar);
  CHECK(deadline::examine_reminders(f.db, f.config, f.calendar).ok);
}

TEST_SUITE_END();
