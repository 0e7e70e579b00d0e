// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/doctor/doctor.hpp>
#include <normdoc/error.hpp>

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

using namespace normdoc;

namespace {

std::vector<std::string> failing(store::Database& db)
{
  std::vector<std::string> keys;
  for (const auto& check : doctor::examine(db).checks) {
    if (!check.ok) {
      keys.push_back(check.key);
    }
  }
  return keys;
}

} // namespace

TEST_CASE("doctor: a healthy registry passes every check; each kind of damage is named")
{
  test::Fixture f;
  f.publish(f.add("办法"), "2026-01-01");
  CHECK(doctor::examine(f.db).checks.size() == 6);
  const doctor::Report all = doctor::examine(f.db, f.config, f.calendar);
  CHECK(all.checks.size() == 7);
  CHECK(all.checks.back().key == "due-reminders");
  CHECK(all.ok());
  CHECK_FALSE(all.repairable());
  CHECK(failing(f.db).empty());
  SUBCASE("a tampered event")
  {
    f.db.exec("DROP TRIGGER event_no_update");
    f.db.exec("UPDATE event SET actor = 'mallory' WHERE id = 1");
    CHECK(failing(f.db) == std::vector<std::string>{"audit"});
    // Only derived data is rebuilt: a tampered log is left for a person to look at.
    const doctor::Report tampered = doctor::examine(f.db, f.config, f.calendar);
    CHECK_FALSE(tampered.repairable());
    util::JsonWriter json;
    doctor::write_json(json, tampered);
    CHECK(json.str().starts_with(R"({"ok":false,"checks":[{"key":"integrity","ok":true,)"));
  }
  SUBCASE("a stale search index")
  {
    f.db.exec("UPDATE document_fts SET title = '别的标题' WHERE rowid = 1");
    CHECK(failing(f.db) == std::vector<std::string>{"search-index"});
    const doctor::Report stale = doctor::examine(f.db, f.config, f.calendar);
    CHECK(stale.failed("search-index"));
    CHECK(stale.repairable());
    CHECK(doctor::repair(f.db, stale, f.config, f.calendar).ok());
    CHECK(failing(f.db).empty());
  }
  SUBCASE("a broken reference")
  {
    f.db.exec("PRAGMA foreign_keys = OFF");
    f.db.exec("UPDATE document SET superseded_by = 99 WHERE id = 1");
    CHECK(failing(f.db) == std::vector<std::string>{"foreign-keys", "audit-replay"});
  }
  SUBCASE("a document changed outside normdoc")
  {
    f.db.exec("UPDATE document SET status = 'repealed' WHERE id = 1");
    CHECK(failing(f.db) == std::vector<std::string>{"audit-replay"});
  }
}

TEST_CASE("backup: a complete copy that opens and passes doctor; never over an existing file")
{
  const auto dir = std::filesystem::temp_directory_path() / ("normdoc-backup-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string source = (dir / "registry.db").string();
  const std::string target = (dir / "backup.db").string();
  {
    auto db = store::Database::open(source, store::Database::OpenMode::create, std::chrono::milliseconds(1000));
    config::Config config;
    registry::Registry reg(config);
    store::Transaction txn(db);
    registry::NewDocument input;
    input.title = "办法";
    input.issuer = "某局";
    reg.add(txn, input, test::k_stamp);
    txn.commit();
    db.backup_to(target);
    CHECK_THROWS_AS(db.backup_to(target), DataError);
    CHECK_FALSE(std::filesystem::exists(target + ".partial"));
  }
  auto copy = store::Database::open(target, store::Database::OpenMode::existing, std::chrono::milliseconds(1000));
  CHECK(copy.single_integer("SELECT count(*) FROM document") == 1);
  CHECK(failing(copy).empty());
  std::filesystem::remove_all(dir);
}
