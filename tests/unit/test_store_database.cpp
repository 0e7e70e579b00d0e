// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/store/migrations.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace normdoc;
using store::Database;

namespace {

constexpr std::chrono::milliseconds k_timeout{100};

} // namespace

TEST_SUITE_BEGIN("store");

TEST_CASE("store::Database migrates a new file to the latest schema, in WAL mode")
{
  auto db = Database::open("new.db", Database::OpenMode::create, k_timeout);
  CHECK(db.schema_version() == store::latest_schema_version());
  auto mode = db.prepare("PRAGMA journal_mode");
  mode.step();
  CHECK(mode.text(0) == "wal");
  CHECK(db.single_integer("PRAGMA foreign_keys") == 1);
  CHECK(db.single_integer("SELECT count(*) FROM sqlite_schema WHERE name = 'document'") == 1);
}

TEST_CASE("store::Database refuses what it must not touch")
{
  SUBCASE("a missing file when not creating")
  {
    try {
      Database::open("missing.db", Database::OpenMode::existing, k_timeout);
      FAIL("opened");
    } catch (const DatabaseError& e) {
      CHECK(e.kind() == DatabaseError::Kind::missing);
    }
    CHECK_FALSE(std::filesystem::exists("missing.db"));
  }
  SUBCASE("a newer schema, left byte-for-byte as it was")
  {
    {
      auto db = Database::open("newer.db", Database::OpenMode::create, k_timeout);
      db.exec("PRAGMA user_version = 99");
    }
    const auto size = std::filesystem::file_size("newer.db");
    try {
      Database::open("newer.db", Database::OpenMode::existing, k_timeout);
      FAIL("opened");
    } catch (const DatabaseError& e) {
      CHECK(e.kind() == DatabaseError::Kind::too_new);
      CHECK(std::string(e.what()).find("99") != std::string::npos);
    }
    CHECK(std::filesystem::file_size("newer.db") == size);
  }
  SUBCASE("another program's SQLite file")
  {
    {
      auto other = Database::open("other.db", Database::OpenMode::create, k_timeout);
      other.exec("PRAGMA application_id = 1; PRAGMA user_version = 1");
    }
    CHECK_THROWS_AS(Database::open("other.db", Database::OpenMode::existing, k_timeout), DatabaseError);
  }
  SUBCASE("a file that is not SQLite")
  {
    std::ofstream("text.db") << "this is not a database, just some text that is long enough to have a header";
    try {
      Database::open("text.db", Database::OpenMode::existing, k_timeout);
      FAIL("opened");
    } catch (const DatabaseError& e) {
      CHECK(e.kind() == DatabaseError::Kind::corrupt);
    }
  }
}

TEST_CASE("store::Transaction rolls back unless committed")
{
  auto db = Database::open_in_memory();
  db.exec("CREATE TABLE t (x INTEGER)");
  {
    store::Transaction txn(db);
    db.prepare("INSERT INTO t (x) VALUES (?)").bind(1, 1).run();
  }
  CHECK(db.single_integer("SELECT count(*) FROM t") == 0);
  {
    store::Transaction txn(db);
    db.prepare("INSERT INTO t (x) VALUES (?)").bind(1, 2).run();
    txn.commit();
  }
  CHECK(db.single_integer("SELECT count(*) FROM t") == 1);
}

TEST_CASE("store::Transaction waits for, then reports, a busy database")
{
  auto first = Database::open("busy.db", Database::OpenMode::create, k_timeout);
  auto second = Database::open("busy.db", Database::OpenMode::existing, k_timeout);
  store::Transaction holding(first);
  try {
    store::Transaction blocked(second);
    FAIL("no lock conflict");
  } catch (const DatabaseError& e) {
    CHECK(e.kind() == DatabaseError::Kind::busy);
  }
}

TEST_CASE("store::Statement binds optionals as NULL")
{
  auto db = Database::open_in_memory();
  auto stmt = db.prepare("SELECT ? IS NULL, ?");
  stmt.bind_all(std::optional<std::string>(), std::optional<std::int64_t>(7));
  REQUIRE(stmt.step() == store::Step::row);
  CHECK(stmt.integer(0) == 1);
  CHECK(stmt.optional_integer(1) == 7);
}

TEST_CASE("store::Database keeps prepared statements: reused reset, with bindings cleared")
{
  auto db = Database::open_in_memory();
  db.exec("CREATE TABLE t (x)");
  {
    auto insert = db.prepare("INSERT INTO t (x) VALUES (?)");
    insert.bind(1, 1).run();
  }
  {
    // The same statement again: its old binding is gone (NULL), its last run finished.
    auto insert = db.prepare("INSERT INTO t (x) VALUES (?)");
    insert.run();
  }
  CHECK(db.single_integer("SELECT count(*) FROM t WHERE x IS NULL") == 1);
  // A statement in use while the same SQL is prepared again (a query nested in its loop):
  // both work, each with its own rows.
  auto outer = db.prepare("SELECT x FROM t ORDER BY x IS NULL, x");
  REQUIRE(outer.step() == store::Step::row);
  CHECK(outer.integer(0) == 1);
  {
    auto inner = db.prepare("SELECT x FROM t ORDER BY x IS NULL, x");
    REQUIRE(inner.step() == store::Step::row);
    CHECK(inner.integer(0) == 1);
  }
  REQUIRE(outer.step() == store::Step::row);
  CHECK(outer.is_null(0));
  CHECK(outer.step() == store::Step::done);
  // A statement left half-read is reset when given back: no read stays open to block a
  // checkpoint or a schema change.
  {
    auto half = db.prepare("SELECT x FROM t");
    half.step();
  }
  db.exec("DROP TABLE t");
  CHECK(db.single_integer("SELECT count(*) FROM sqlite_schema WHERE name = 't'") == 0);
}

TEST_SUITE_END();
