// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/bundle/bundle.hpp>
#include <normdoc/error.hpp>

#include <doctest/doctest.h>

#include <sstream>

using namespace normdoc;
using test::day;

namespace {

std::string export_all(test::Fixture& f)
{
  std::vector<std::int64_t> ids;
  auto stmt = f.db.prepare("SELECT id FROM document ORDER BY id");
  while (stmt.step() == store::Step::row) {
    ids.push_back(stmt.integer(0));
  }
  std::ostringstream out;
  bundle::write(f.db, ids, out);
  return out.str();
}

bundle::ReadResult import(test::Fixture& f, const std::string& text, bundle::OnConflict policy = bundle::OnConflict::refuse)
{
  std::istringstream in(text);
  store::Transaction txn(f.db);
  auto result = bundle::read(txn, in, "b.jsonl", policy, test::k_stamp);
  txn.commit();
  return result;
}

// Two published documents, the second replacing the first.
void seed(test::Fixture& f)
{
  const auto old_version = f.publish(f.add("旧办法", "某文〔2020〕1号"), "2020-01-01");
  const auto new_version = f.publish(f.add("新办法", "某文〔2024〕2号"), "2024-01-01");
  store::Transaction txn(f.db);
  f.reg.amend(txn, old_version, new_version, day("2024-01-01"), test::k_stamp);
  txn.commit();
}

} // namespace

TEST_CASE("bundle: export, import into an empty registry, export again: the same bytes")
{
  test::Fixture a;
  seed(a);
  const std::string first = export_all(a);
  test::Fixture b;
  CHECK(import(b, first).added == 2);
  CHECK(export_all(b) == first);
  CHECK(audit::verify(b.db).ok());
}

TEST_CASE("bundle: ids already taken are remapped, and the links between documents follow")
{
  test::Fixture a;
  seed(a);
  test::Fixture b;
  b.add("已有的文件一");
  b.add("已有的文件二");
  import(b, export_all(a));
  const auto old_version = registry::resolve(b.db, "某文〔2020〕1号");
  const auto new_version = registry::resolve(b.db, "某文〔2024〕2号");
  CHECK(old_version.id == 3);
  CHECK(old_version.superseded_by == new_version.id);
  CHECK(new_version.amends == old_version.id);
}

TEST_CASE("bundle: conflicts are reported and nothing is written; skip and replace")
{
  test::Fixture a;
  seed(a);
  const std::string text = export_all(a);
  test::Fixture b;
  b.publish(b.add("旧办法（本地登记）", "某文〔2020〕1号"), "2020-01-01");
  const auto events_before = b.count("event");
  {
    std::istringstream in(text);
    store::Transaction txn(b.db);
    const auto refused = bundle::read(txn, in, "b.jsonl", bundle::OnConflict::refuse, test::k_stamp);
    REQUIRE(refused.conflicts.size() == 1);
    CHECK(refused.conflicts[0].line == 2);
    CHECK(refused.conflicts[0].existing == 1);
    CHECK(refused.added == 0);
  }
  CHECK(b.count("event") == events_before);
  CHECK(b.count("document") == 1);
  const auto skipped = import(b, text, bundle::OnConflict::skip);
  CHECK(skipped.skipped == 1);
  CHECK(skipped.added == 1);
  const auto replaced = import(b, text, bundle::OnConflict::replace);
  CHECK(replaced.replaced == 2);
  CHECK(registry::find(b.db, 1)->title == "旧办法");
}

TEST_CASE("bundle: malformed input names the line")
{
  test::Fixture b;
  const auto line_of = [&](const std::string& text) {
    std::istringstream in(text);
    store::Transaction txn(b.db);
    try {
      bundle::read(txn, in, "b.jsonl", bundle::OnConflict::refuse, test::k_stamp);
    } catch (const DataError& e) {
      return e.where().line;
    }
    return -1;
  };
  const std::string header = "{\"bundle\":\"normdoc\",\"version\":1}\n";
  CHECK(line_of("") == 1);
  CHECK(line_of("{\"bundle\":\"other\"}\n") == 1);
  CHECK(line_of(header + "{\"document\":{\"id\":1}}\n") == 2);
  CHECK(line_of(header + "\n{oops\n") == 3);
  CHECK(line_of(header + R"({"document":{"id":1,"colour":"red"},"text":null,"steps":[],"filings":[],"reviews":[],"evaluations":[],"events":[]})" "\n") == 2);
  CHECK(b.count("document") == 0);
}
