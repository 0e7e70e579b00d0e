// SPDX-License-Identifier: MIT
#include <normdoc/audit/event_log.hpp>

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
