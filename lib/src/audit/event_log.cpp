// SPDX-License-Identifier: MIT
#include <normdoc/audit/event_log.hpp>

#include <normdoc/util/json.hpp>
#include <normdoc/util/sha256.hpp>

#include <fmt/format.h>

namespace normdoc::audit {

namespace {

constexpr std::string_view k_select =
  "SELECT id, at, actor, document, kind, payload, prev_hash, hash, db_role FROM event";

Event read_event(const store::Statement& stmt)
{
  return Event{stmt.integer(0), stmt.text(1), stmt.text(2), stmt.optional_integer(3), stmt.text(4),
               stmt.text(5),    stmt.text(6), stmt.text(7), stmt.optional_text(8)};
}

} // namespace

std::string compute_hash(const Event& event)
{
  // prev_hash, a newline, then the event as the compact JSON array [id, at, actor, document,
  // kind, payload]. Built in one reused buffer: `audit verify` hashes every event of the log.
  thread_local std::string input;
  input.clear();
  input += event.prev_hash;
  input += "\n[";
  input += std::to_string(event.id);
  input += ',';
  util::append_json_quoted(input, event.at);
  input += ',';
  util::append_json_quoted(input, event.actor);
  input += ',';
  input += event.document ? std::to_string(*event.document) : "null";
  input += ',';
  util::append_json_quoted(input, event.kind);
  input += ',';
  input += event.payload;
  if (event.db_role) {
    input += ',';
    util::append_json_quoted(input, *event.db_role);
  }
  input += ']';
  return util::sha256_hex(input);
}

Event append(store::Transaction& txn, const Stamp& stamp, std::optional<std::int64_t> document, std::string_view kind,
             std::string payload)
{
  store::Database& db = txn.database();
  // The head is read and moved on under the chain's lock: two writers never chain onto one head.
  db.lock_event_chain();
  Event event;
  event.prev_hash = std::string(k_genesis_hash);
  event.id = 1;
  auto head = db.prepare("SELECT event, hash FROM chain_head WHERE singleton = 1");
  if (head.step() == store::Step::row) {
    event.id = head.integer(0) + 1;
    event.prev_hash = head.text(1);
  }
  event.at = stamp.at;
  event.actor = stamp.actor;
  event.document = document;
  event.kind = std::string(kind);
  event.payload = std::move(payload);
  if (db.dialect() == store::Dialect::postgresql) {
    // The server checks it is the role inserting the event (schema 19's trigger).
    auto role = db.prepare("SELECT current_user::text");
    if (role.step() == store::Step::row) {
      event.db_role = role.text(0);
    }
  }
  event.hash = compute_hash(event);
  db.prepare("INSERT INTO event (id, at, actor, document, kind, payload, prev_hash, hash, db_role)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .bind_all(event.id, event.at, event.actor, event.document, event.kind, event.payload, event.prev_hash, event.hash,
              event.db_role)
    .run();
  db.prepare("INSERT INTO chain_head (singleton, event, hash) VALUES (1, ?, ?)"
             " ON CONFLICT (singleton) DO UPDATE SET event = excluded.event, hash = excluded.hash")
    .bind_all(event.id, event.hash)
    .run();
  return event;
}

std::vector<Event> list(store::Database& db, std::optional<std::int64_t> document)
{
  auto stmt = document ? db.prepare(std::string(k_select) + " WHERE document = ? ORDER BY id")
                       : db.prepare(std::string(k_select) + " ORDER BY id");
  if (document) {
    stmt.bind(1, *document);
  }
  std::vector<Event> events;
  while (stmt.step() == store::Step::row) {
    events.push_back(read_event(stmt));
  }
  return events;
}

Verification verify(store::Database& db, const std::function<void(const Event&)>& visit)
{
  Verification result;
  result.head_hash = std::string(k_genesis_hash);
  auto stmt = db.prepare(std::string(k_select) + " ORDER BY id");
  std::int64_t expected_id = 1;
  const auto broken = [&](std::int64_t id, std::string problem) {
    result.first_bad = id;
    result.problem = std::move(problem);
  };
  while (stmt.step() == store::Step::row) {
    const Event event = read_event(stmt);
    if (visit) {
      visit(event);
    }
    if (!result.ok()) {
      continue; // the first break is the finding; the visitor still sees the rest
    }
    ++result.events;
    if (event.id != expected_id) {
      broken(event.id, fmt::format("事件 {} 之前缺少事件 {}（被删除）", event.id, expected_id));
    } else if (event.prev_hash != result.head_hash) {
      broken(event.id,
             fmt::format("事件 {} 记录的前一哈希与事件 {} 不符（前一事件被改动或删除）", event.id, event.id - 1));
    } else if (compute_hash(event) != event.hash) {
      broken(event.id, fmt::format("事件 {} 的内容与其哈希不符（被改动）", event.id));
    } else {
      result.head_hash = event.hash;
      ++expected_id;
    }
  }
  if (!result.ok()) {
    return result;
  }
  auto head = db.prepare("SELECT event, hash FROM chain_head WHERE singleton = 1");
  const bool has_head = head.step() == store::Step::row;
  const std::int64_t head_id = has_head ? head.integer(0) : 0;
  const std::string head_hash = has_head ? head.text(1) : std::string(k_genesis_hash);
  if (head_id != expected_id - 1 || head_hash != result.head_hash) {
    result.first_bad = expected_id;
    result.problem =
      fmt::format("日志记录的末尾为事件 {}，实际只到事件 {}（最新的事件被删除或链头被改动）", head_id, expected_id - 1);
  }
  return result;
}

void write_columns(util::JsonWriter& json, const store::Statement& row, const std::set<std::string>& excluded,
                   bool omit_nulls)
{
  for (int i = 0; i < row.column_count(); ++i) {
    const std::string name = row.column_name(i);
    if (excluded.contains(name) || (omit_nulls && row.is_null(i))) {
      continue;
    }
    json.key(name);
    if (row.is_null(i)) {
      json.null();
    } else if (row.is_integer(i)) {
      json.value(row.integer(i));
    } else {
      json.value(row.text(i));
    }
  }
}

std::string document_snapshot(store::Database& db, std::int64_t id)
{
  auto row =
    db.prepare("SELECT d.*, t.sha256 AS text_sha256 FROM document d LEFT JOIN document_text t ON t.document = d.id"
               " WHERE d.id = ?");
  row.bind(1, id);
  util::JsonWriter json;
  json.begin_object();
  if (row.step() == store::Step::row) {
    write_columns(json, row);
  }
  return json.end_object().str();
}

} // namespace normdoc::audit
