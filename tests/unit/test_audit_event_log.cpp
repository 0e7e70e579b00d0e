// SPDX-License-Identifier: MIT
#include <normdoc/audit/event_log.hpp>
#include <normdoc/util/sha256.hpp>

#include <doctest/doctest.h>

using namespace normdoc;

namespace {

void append_three(store::Database& db)
{
  for (int i = 0; i < 3; ++i) {
    store::Transaction txn(db);
    audit::append(txn, audit::Stamp{"a", "2026-01-01T00:00:00Z"}, std::nullopt, "note",
                  "{\"n\":" + std::to_string(i) + "}");
    txn.commit();
  }
}

} // namespace

TEST_SUITE_BEGIN("audit");

TEST_CASE("audit::append chains each event to the previous one")
{
  auto db = store::Database::open_in_memory();
  append_three(db);
  const auto events = audit::list(db);
  REQUIRE(events.size() == 3);
  CHECK(events[0].prev_hash == audit::k_genesis_hash);
  CHECK(events[1].prev_hash == events[0].hash);
  CHECK(events[2].prev_hash == events[1].hash);
  CHECK(audit::compute_hash(events[2]) == events[2].hash);
  const auto result = audit::verify(db);
  CHECK(result.ok());
  CHECK(result.events == 3);
  CHECK(result.head_hash == events[2].hash);
}

TEST_CASE("audit::compute_hash covers the database role only when there is one")
{
  audit::Event event{
    1,           "2026-01-01T00:00:00Z", "张三", 4, "add", "{\"title\":\"x\"}", std::string(audit::k_genesis_hash), {},
    std::nullopt};
  // The serialisation every SQLite event and every event before schema 19 was hashed with:
  // prev_hash, a newline, [id, at, actor, document, kind, payload].
  const std::string before = audit::compute_hash(event);
  CHECK(before == util::sha256_hex(std::string(audit::k_genesis_hash) +
                                   "\n[1,\"2026-01-01T00:00:00Z\",\"张三\",4,\"add\",{\"title\":\"x\"}]"));
  event.db_role = "zhangsan";
  CHECK(audit::compute_hash(event) ==
        util::sha256_hex(std::string(audit::k_genesis_hash) +
                         "\n[1,\"2026-01-01T00:00:00Z\",\"张三\",4,\"add\",{\"title\":\"x\"},\"zhangsan\"]"));
  event.db_role = "lisi";
  CHECK(audit::compute_hash(event) != before);
}

TEST_CASE("audit: SQLite events have no database role, and a role written in breaks the chain")
{
  auto db = store::Database::open_in_memory();
  append_three(db);
  for (const auto& event : audit::list(db)) {
    CHECK_FALSE(event.db_role.has_value());
  }
  db.exec("DROP TRIGGER event_no_update");
  db.exec("UPDATE event SET db_role = 'someone' WHERE id = 2");
  const auto result = audit::verify(db);
  CHECK_FALSE(result.ok());
  CHECK(result.first_bad == 2);
}

TEST_CASE("audit::verify names the first event that does not match")
{
  auto db = store::Database::open_in_memory();
  append_three(db);
  db.exec("DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete");

  SUBCASE("edited payload")
  {
    db.exec("UPDATE event SET payload = '{\"n\":9}' WHERE id = 2");
    const auto result = audit::verify(db);
    CHECK_FALSE(result.ok());
    CHECK(result.first_bad == 2);
  }
  SUBCASE("edited actor with the hash recomputed is caught by the next link")
  {
    auto events = audit::list(db);
    events[1].actor = "someone else";
    db.prepare("UPDATE event SET actor = ?, hash = ? WHERE id = 2")
      .bind_all(events[1].actor, audit::compute_hash(events[1]))
      .run();
    CHECK(audit::verify(db).first_bad == 3);
  }
  SUBCASE("deleted middle event")
  {
    db.exec("DELETE FROM event WHERE id = 2");
    CHECK(audit::verify(db).first_bad == 3);
  }
  SUBCASE("deleted newest event is caught by the chain head")
  {
    db.exec("DELETE FROM event WHERE id = 3");
    const auto result = audit::verify(db);
    CHECK_FALSE(result.ok());
    CHECK(result.first_bad == 3);
  }
}

TEST_CASE("audit: the log refuses UPDATE and DELETE through SQL")
{
  auto db = store::Database::open_in_memory();
  append_three(db);
  CHECK_THROWS(db.exec("UPDATE event SET actor = 'x' WHERE id = 1"));
  CHECK_THROWS(db.exec("DELETE FROM event WHERE id = 1"));
}

TEST_SUITE_END();
