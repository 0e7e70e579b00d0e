// SPDX-License-Identifier: MIT
#include "fixture.hpp"

#include <normdoc/bundle/bundle.hpp>
#include <normdoc/error.hpp>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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
  bundle::write(f.db, ids, out, bundle::Sender{"甲局", "2026-01-01T00:00:00Z", std::nullopt, std::nullopt});
  return out.str();
}

bundle::ReadResult import(test::Fixture& f, const std::string& text,
                          bundle::OnConflict policy = bundle::OnConflict::refuse)
{
  std::istringstream in(text);
  store::Transaction txn(f.db);
  auto result = bundle::read(txn, in, "b.jsonl", bundle::ReadOptions{policy}, test::k_stamp);
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

// The document lines of a bundle without their events.
std::vector<nlohmann::ordered_json> documents_of(const std::string& bundle)
{
  std::vector<nlohmann::ordered_json> lines;
  std::istringstream in(bundle);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto value = nlohmann::ordered_json::parse(line);
    value.erase("events");
    lines.push_back(std::move(value));
  }
  return lines;
}

TEST_CASE("bundle: export, import into an empty registry, export again: the same documents, the history kept")
{
  test::Fixture a;
  seed(a);
  const std::string first = export_all(a);
  test::Fixture b;
  CHECK(import(b, first).added == 2);
  const std::string second = export_all(b);
  CHECK(documents_of(second) == documents_of(first));
  CHECK(audit::verify(b.db).ok());
  // The sender's events are its history, not acts of this registry: kept with its office,
  // outside the chain, which records one event per document and the import.
  CHECK(b.count("received_event") == a.count("event"));
  CHECK(b.count("event") == 3);
  auto kinds = b.db.prepare("SELECT group_concat(kind, ' ') FROM (SELECT kind FROM event ORDER BY id)");
  kinds.step();
  CHECK(kinds.text(0) == "bundle-add bundle-add bundle-import");
  auto offices = b.db.prepare("SELECT DISTINCT office FROM received_event");
  REQUIRE(offices.step() == store::Step::row);
  CHECK(offices.text(0) == "甲局");
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
    const auto refused = bundle::read(txn, in, "b.jsonl", bundle::ReadOptions{}, test::k_stamp);
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
  // The replacement is in document 1's own log, with what it was and what it became.
  const auto events = audit::list(b.db, 1);
  REQUIRE(!events.empty());
  CHECK(events.back().kind == "bundle-replace");
  const auto payload = nlohmann::json::parse(events.back().payload);
  CHECK(payload["before"]["title"] == "旧办法（本地登记）");
  CHECK(payload["after"]["title"] == "旧办法");
}

TEST_CASE("bundle: the conflicts say what replacing would change")
{
  test::Fixture a;
  seed(a);
  const std::string text = export_all(a);
  test::Fixture b;
  b.publish(b.add("旧办法（本地登记）", "某文〔2020〕1号"), "2020-01-01");
  std::istringstream in(text);
  store::Transaction txn(b.db);
  const auto refused = bundle::read(txn, in, "b.jsonl", bundle::ReadOptions{}, test::k_stamp);
  REQUIRE(refused.conflicts.size() == 1);
  const auto& changes = refused.conflicts[0].changes;
  CHECK(std::find(changes.begin(), changes.end(), "标题：旧办法（本地登记） → 旧办法") != changes.end());
}

TEST_CASE("bundle: malformed input names the line")
{
  test::Fixture b;
  const auto line_of = [&](const std::string& text) {
    std::istringstream in(text);
    store::Transaction txn(b.db);
    try {
      bundle::read(txn, in, "b.jsonl", bundle::ReadOptions{}, test::k_stamp);
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
  CHECK(
    line_of(
      header +
      R"({"document":{"id":1,"colour":"red"},"text":null,"steps":[],"filings":[],"reviews":[],"evaluations":[],"events":[]})"
      "\n") == 2);
  CHECK(b.count("document") == 0);
}

TEST_CASE("bundle: every value is checked before anything is written, naming the line and field")
{
  test::Fixture a;
  seed(a);
  const std::string good = export_all(a);
  // The second document line with one field replaced.
  const auto with = [&](const std::string& pointer, const nlohmann::ordered_json& value) {
    std::istringstream in(good);
    std::string header, first, second;
    std::getline(in, header);
    std::getline(in, first);
    std::getline(in, second);
    auto line = nlohmann::ordered_json::parse(second);
    line[nlohmann::ordered_json::json_pointer(pointer)] = value;
    return header + "\n" + first + "\n" + line.dump() + "\n";
  };
  const auto field_of = [](const std::string& bundle) {
    test::Fixture b;
    std::istringstream in(bundle);
    store::Transaction txn(b.db);
    try {
      bundle::read(txn, in, "b.jsonl", bundle::ReadOptions{}, test::k_stamp);
    } catch (const DataError& e) {
      CHECK(e.where().line == 3);
      CHECK(b.count("document") == 0);
      return e.where().field;
    }
    return std::string("accepted");
  };
  CHECK(field_of(with("/document/published", "garbage")) == "document.published");
  CHECK(field_of(with("/document/title", 42)) == "document.title");
  CHECK(field_of(with("/document/status", "gone")) == "document.status");
  CHECK(field_of(with("/document/id", -3)) == "document.id");
  CHECK(field_of(with("/document/created_at", "yesterday")) == "document.created_at");
  CHECK(field_of(with(
          "/text", nlohmann::ordered_json{{"text", "正文"}, {"sha256", std::string(64, 'a')}, {"source", nullptr}})) ==
        "text.sha256");
  CHECK(field_of(with("/events/0/payload", "not json")) == "events[0].payload");
  CHECK(field_of(with("/steps", nlohmann::ordered_json::array(
                                  {{{"step", "vote"}, {"recorded_at", "2026-01-01T00:00:00Z"}}}))) == "steps[0].step");
  CHECK(field_of(good) == "accepted");
}
