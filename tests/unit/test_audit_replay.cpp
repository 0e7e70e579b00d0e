// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/audit/replay.hpp>

#include <doctest/doctest.h>

using namespace normdoc;
using test::day;

namespace {

// Two documents through the lifecycle: published, edited, amended by the second.
void seed(test::Fixture& f)
{
  const auto first = f.publish(f.add_with_text("旧办法", "第一条 旧的内容。\n"), "2020-01-01");
  const auto second = f.publish(f.add("新办法", "某文〔2024〕2号"), "2024-01-01");
  store::Transaction txn(f.db);
  registry::Changes changes;
  changes.title = "旧办法（2020年）";
  f.reg.edit(txn, first, changes, test::k_stamp);
  f.reg.amend(txn, *registry::find(f.db, first.id), second, day("2024-01-01"), test::k_stamp);
  txn.commit();
}

} // namespace

TEST_CASE("replay: the document rows written through normdoc are what the log says")
{
  test::Fixture f;
  seed(f);
  const auto result = audit::replay(f.db);
  CHECK(result.problem == "");
  CHECK(result.documents == 2);
}

TEST_CASE("replay: a row changed outside normdoc is named with its field")
{
  test::Fixture f;
  seed(f);
  f.db.exec("UPDATE document SET status = 'repealed' WHERE id = 2");
  auto result = audit::replay(f.db);
  CHECK(result.document == 2);
  CHECK(result.problem.find("status") != std::string::npos);

  test::Fixture g;
  seed(g);
  g.db.exec("UPDATE document_text SET sha256 = 'x' WHERE document = 1");
  result = audit::replay(g.db);
  CHECK(result.document == 1);
  CHECK(result.problem.find("text_sha256") != std::string::npos);
}

TEST_CASE("replay: documents without events, and events of missing documents")
{
  test::Fixture f;
  seed(f);
  f.db.exec("DROP TRIGGER event_no_delete; DELETE FROM event; DELETE FROM chain_head");
  auto result = audit::replay(f.db);
  CHECK(result.document == 1);
  CHECK(result.problem.find("没有登记记录") != std::string::npos);
}

TEST_CASE("replay: an event kind it does not know is an error, not a pass")
{
  test::Fixture f;
  seed(f);
  store::Transaction txn(f.db);
  audit::append(txn, test::k_stamp, 1, "mystery", "{}");
  txn.commit();
  const auto result = audit::replay(f.db);
  CHECK(result.event == 7);
  CHECK(result.problem.find("mystery") != std::string::npos);
}

TEST_CASE("replay: a registry from before starts from its baseline event")
{
  test::Fixture f;
  seed(f);
  // As an old registry would be: a document whose creation was never logged in full.
  f.db.exec("DROP TRIGGER event_no_delete; DELETE FROM event WHERE document = 1 AND kind = 'edit'");
  CHECK_FALSE(audit::replay(f.db).ok());
  f.db.exec("INSERT INTO replay_baseline_due (singleton) VALUES (1)");
  {
    store::Transaction txn(f.db);
    CHECK(audit::record_baseline(txn, test::k_stamp));
    CHECK_FALSE(audit::record_baseline(txn, test::k_stamp));
    txn.commit();
  }
  CHECK(audit::replay(f.db).problem == "");
  f.db.exec("UPDATE document SET title = '改过的标题' WHERE id = 1");
  CHECK(audit::replay(f.db).document == 1);
}

// Events as the code wrote them before their payloads named a step's row (record) and listed a
// campaign's documents (cleanup-open): still replayed, compared as far as they go.
TEST_CASE("replay: record and cleanup-open events of the older shape")
{
  test::Fixture f;
  seed(f);
  {
    store::Transaction txn(f.db);
    f.db.prepare("INSERT INTO procedure_step (id, document, step, recorded_at) VALUES (1, 2, 'legality-review', ?)")
      .bind_all(test::k_stamp.at)
      .run();
    audit::append(txn, test::k_stamp, 2, "record",
                  R"({"step":"legality-review","date":null,"from":null,"to":null,"received":null,"until":null,)"
                  R"("channel":null,"meeting":null,"result":null,"note":null,"urgency":null})");
    f.db
      .prepare(
        "INSERT INTO cleanup (id, name, scope, opened_on, opened_at, opened_by) VALUES (1, '旧清理', '', '2026-01-01', ?, ?)")
      .bind_all(test::k_stamp.at, test::k_stamp.actor)
      .run();
    f.db.exec("INSERT INTO cleanup_item (cleanup, document) VALUES (1, 1)");
    audit::append(txn, test::k_stamp, std::nullopt, "cleanup-open",
                  R"({"cleanup":"旧清理","scope":"","date":"2026-01-01","documents":1})");
    txn.commit();
  }
  CHECK(audit::replay(f.db).problem == "");
  // Without the list, the campaign's membership is only counted.
  f.db.exec("UPDATE cleanup_item SET document = 2");
  CHECK(audit::replay(f.db).problem == "");
  f.db.exec("UPDATE procedure_step SET result = 'revise'");
  CHECK(audit::replay(f.db).document == 2);
  // A void naming a step the older record event did not name: the document's steps are no
  // longer compared (the void cannot be placed).
  {
    store::Transaction txn(f.db);
    f.db.exec("UPDATE procedure_step SET voided = '2026-01-02', void_reason = '误录'");
    audit::append(txn, test::k_stamp, 2, "void-step",
                  R"({"step":1,"kind":"legality-review","voided":"2026-01-02","reason":"误录"})");
    txn.commit();
  }
  CHECK(audit::replay(f.db).problem == "");
}

// The replay compares acknowledgements by rebuilding the payload: an event of another shape
// (keys in another order, as an older writer might have put them) is read field by field.
TEST_CASE("replay: an acknowledge event of another shape is compared by its values")
{
  test::Fixture f;
  seed(f);
  {
    store::Transaction txn(f.db);
    f.db
      .prepare("INSERT INTO acknowledgement (id, document, subject, date, reason, recorded_at)"
               " VALUES (1, 1, 'expired', '2026-01-01', '纸质档案', ?)")
      .bind_all(test::k_stamp.at)
      .run();
    audit::append(txn, test::k_stamp, 1, "acknowledge",
                  R"({"subject":"expired","date":"2026-01-01","reason":"纸质档案","acknowledgement":1})");
    txn.commit();
  }
  CHECK(audit::replay(f.db).problem == "");
  f.db.exec("UPDATE acknowledgement SET reason = '改过'");
  const auto result = audit::replay(f.db);
  CHECK(result.document == 1);
  CHECK(result.problem.find("reason 为“改过”") != std::string::npos);
}
