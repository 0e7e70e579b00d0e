// SPDX-License-Identifier: MIT
#include <normdoc/bundle/bundle.hpp>

#include "sender.hpp"
#include "values.hpp"

#include <normdoc/audit/replay.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/search/search.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/sha256.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace normdoc::bundle {

namespace {

using Json = detail::Json;

// --- Writing -------------------------------------------------------------------------------

// Rows of `sql` (one parameter) as an array of objects; `children` adds nested arrays.
void write_rows(util::JsonWriter& json, store::Database& db, std::string_view sql, std::int64_t key,
                const std::set<std::string>& excluded,
                const std::function<void(util::JsonWriter&, const store::Statement&)>& children = {},
                bool omit_nulls = false)
{
  auto rows = db.prepare(sql);
  rows.bind(1, key);
  json.begin_array();
  while (rows.step() == store::Step::row) {
    json.begin_object();
    audit::write_columns(json, rows, excluded, omit_nulls);
    if (children) {
      children(json, rows);
    }
    json.end_object();
  }
  json.end_array();
}

// --- Reading -------------------------------------------------------------------------------

struct Line
{
  int number = 0;
  Json value;
};

struct Header
{
  int number = 0;
  Json value;
};

[[noreturn]] void malformed(const std::string& source, int line, const std::string& why, std::string field = {})
{
  throw DataError(why, Location{source, line, 0, std::move(field)});
}

// The columns of a table as the schema has them, read once per table: every database is
// migrated to this program's schema when opened, so they are the same for all of them (and
// every row of a bundle is checked against them).
const std::vector<std::string>& columns_of(store::Database& db, const std::string& table)
{
  static std::map<std::string, std::vector<std::string>> cache;
  auto& columns = cache[table];
  if (columns.empty()) {
    auto info =
      db.prepare(db.pick("SELECT name FROM pragma_table_info(?)",
                         "SELECT column_name FROM information_schema.columns"
                         " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"));
    info.bind(1, table);
    while (info.step() == store::Step::row) {
      columns.push_back(info.text(0));
    }
  }
  return columns;
}

void bind_json(store::Statement& stmt, int index, const Json& value)
{
  if (value.is_null()) {
    stmt.bind(index, std::nullopt);
  } else if (value.is_number_integer()) {
    stmt.bind(index, value.get<std::int64_t>());
  } else if (value.is_boolean()) {
    stmt.bind(index, value.get<bool>());
  } else if (value.is_string()) {
    stmt.bind(index, value.get<std::string>());
  } else {
    throw DataError("字段值应为字符串、整数或 null");
  }
}

// Writes one row into `table`: the object's fields, which must be columns of the table (the
// SQL names only columns read from the schema), with `set` overriding or adding fields.
// Returns the new row's id.
std::int64_t insert_row(store::Database& db, const std::string& table, const Json& object, const Json& set,
                        const std::set<std::string>& skipped)
{
  const std::vector<std::string>& known = columns_of(db, table);
  std::vector<std::string> names;
  std::vector<const Json*> values;
  const auto add = [&](const std::string& name, const Json& value) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw DataError(fmt::format("“{}”没有字段“{}”", table, name), Location{{}, 0, 0, name});
    }
    const auto existing = std::find(names.begin(), names.end(), name);
    if (existing != names.end()) {
      values[static_cast<std::size_t>(existing - names.begin())] = &value;
      return;
    }
    names.push_back(name);
    values.push_back(&value);
  };
  for (const auto& [name, value] : object.items()) {
    if (!skipped.contains(name) && !value.is_array()) {
      add(name, value);
    }
  }
  for (const auto& [name, value] : set.items()) {
    add(name, value);
  }
  std::string columns;
  std::string marks;
  for (std::size_t i = 0; i < names.size(); ++i) {
    columns += (i == 0 ? "" : ", ") + names[i];
    marks += i == 0 ? "?" : ", ?";
  }
  // PostgreSQL's lastval() knows only ids its sequences gave, not the ones a bundle brings:
  // the row says its id itself (tables without one give 0; no caller reads it).
  const bool returning =
    db.dialect() == store::Dialect::postgresql && std::find(known.begin(), known.end(), "id") != known.end();
  auto stmt = db.prepare(
    fmt::format("INSERT INTO {} ({}) VALUES ({}){}", table, columns, marks, returning ? " RETURNING id" : ""));
  for (std::size_t i = 0; i < values.size(); ++i) {
    bind_json(stmt, static_cast<int>(i + 1), *values[i]);
  }
  if (returning) {
    stmt.step();
    return stmt.integer(0);
  }
  stmt.run();
  return db.dialect() == store::Dialect::postgresql ? 0 : db.last_insert_rowid();
}

std::optional<std::int64_t> existing_by(store::Database& db, std::string_view sql, const std::vector<Json>& keys)
{
  for (const auto& key : keys) {
    if (key.is_null()) {
      return std::nullopt;
    }
  }
  auto stmt = db.prepare(sql);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    bind_json(stmt, static_cast<int>(i + 1), keys[i]);
  }
  return stmt.step() == store::Step::row ? std::optional(stmt.integer(0)) : std::nullopt;
}

// The first registered document the line conflicts with, and why.
std::optional<Conflict> first_conflict(store::Database& db, const Line& line)
{
  const Json& doc = line.value.at("document");
  const Json& text = line.value.at("text");
  const std::string title = doc.value("title", std::string());
  if (const auto id = existing_by(db, "SELECT id FROM document WHERE reg_no = ?", {doc.value("reg_no", Json())})) {
    return Conflict{line.number, title, *id, "登记编号相同"};
  }
  if (const auto id = existing_by(db, "SELECT id FROM document WHERE issuer = ? AND doc_no = ?",
                                  {doc.value("issuer", Json()), doc.value("doc_no", Json())})) {
    return Conflict{line.number, title, *id, "制定机关和文号相同"};
  }
  if (text.is_object()) {
    if (const auto id =
          existing_by(db, "SELECT document FROM document_text WHERE sha256 = ?", {text.value("sha256", Json())})) {
      return Conflict{line.number, title, *id, "正文相同"};
    }
  }
  // A draft with neither number nor text is known by its issuer and title.
  if (doc.value("reg_no", Json()).is_null() && doc.value("doc_no", Json()).is_null()) {
    if (const auto id = existing_by(db,
                                    "SELECT id FROM document WHERE issuer = ? AND title = ? AND reg_no IS NULL"
                                    " AND doc_no IS NULL",
                                    {doc.value("issuer", Json()), doc.value("title", Json())})) {
      return Conflict{line.number, title, *id, "制定机关和标题相同"};
    }
  }
  return std::nullopt;
}

// What replacing document `id` with the bundle's version changes, one "field：old → new" each.
std::vector<std::string> changes_of(store::Database& db, std::int64_t id, const Line& line)
{
  static const std::vector<std::pair<std::string, std::string>> k_shown{
    {"reg_no", "登记编号"},    {"doc_no", "文号"},      {"title", "标题"},
    {"issuer", "制定机关"},    {"status", "状态"},      {"published", "公布日期"},
    {"effective", "施行日期"}, {"expires", "有效期至"}, {"repealed", "废止日期"}};
  const Json current = Json::parse(audit::document_snapshot(db, id));
  const Json& doc = line.value.at("document");
  const auto shown = [](const Json& value) {
    return value.is_string() ? value.get<std::string>() : value.is_null() ? "（空）" : value.dump();
  };
  std::vector<std::string> changes;
  for (const auto& [name, label] : k_shown) {
    const Json now = current.value(name, Json());
    const Json then = doc.value(name, Json());
    if (now != then) {
      changes.push_back(fmt::format("{}：{} → {}", label, shown(now), shown(then)));
    }
  }
  const Json& text = line.value.at("text");
  const Json new_hash = text.is_object() ? text.at("sha256") : Json();
  if (current.value("text_sha256", Json()) != new_hash) {
    changes.emplace_back(new_hash.is_null() ? "正文：删除" : "正文：替换");
  }
  return changes;
}

std::optional<Conflict> conflict_of(store::Database& db, const Line& line)
{
  auto conflict = first_conflict(db, line);
  if (conflict) {
    conflict->changes = changes_of(db, conflict->existing, line);
  }
  return conflict;
}

// Parses and checks the bundle's lines one at a time, so that memory does not grow with it.
// Every value is checked before the caller sees the line (values.hpp); `header` receives the
// first line.
void for_each_line(std::istream& in, const std::string& source, const detail::Limits& limits, Header& header,
                   const std::function<void(const Line&)>& visit)
{
  std::string text;
  int number = 0;
  bool seen_header = false;
  while (std::getline(in, text)) {
    ++number;
    if (text.empty()) {
      continue;
    }
    Json value;
    try {
      value = Json::parse(text);
    } catch (const Json::exception& e) {
      malformed(source, number, fmt::format("不是有效的 JSON（{}）", e.what()));
    }
    try {
      if (!seen_header) {
        detail::check_header(value);
        header = Header{number, std::move(value)};
        seen_header = true;
        continue;
      }
      detail::check_line(value, limits);
    } catch (const DataError& e) {
      throw e.located(Location{source, number, 0, {}});
    }
    visit(Line{number, std::move(value)});
  }
  if (!seen_header) {
    malformed(source, 1, "文件为空，不是 normdoc 数据包");
  }
}

// What the passes after the first need of a line, without its content: ids, the links to
// other lines, and the registered document it conflicts with.
struct LineRefs
{
  int number = 0;
  std::int64_t document = 0;            // id in the bundle
  std::optional<std::int64_t> existing; // registered document with the same number, 文号 or text
  Json amends;
  Json superseded_by;
  std::vector<std::pair<std::int64_t, Json>> reviews; // id in the bundle, superseded_by
};

LineRefs refs_of(const Line& line)
{
  const Json& doc = line.value.at("document");
  LineRefs refs{line.number,
                doc.at("id").get<std::int64_t>(),
                std::nullopt,
                doc.value("amends", Json()),
                doc.value("superseded_by", Json()),
                {}};
  for (const Json& review : line.value.at("reviews")) {
    refs.reviews.emplace_back(review.value("id", std::int64_t{0}), review.value("superseded_by", Json()));
  }
  return refs;
}

std::int64_t max_id(store::Database& db, const std::string& table)
{
  auto stmt = db.prepare(fmt::format("SELECT coalesce(max(id), 0) FROM {}", table));
  stmt.step();
  return stmt.integer(0);
}

// Keeps each id where it is free, else gives a fresh one above everything in use.
std::map<std::int64_t, std::int64_t> plan_ids(store::Database& db, const std::string& table,
                                              const std::vector<std::int64_t>& wanted)
{
  std::int64_t next = std::max(max_id(db, table), wanted.empty() ? 0 : *std::max_element(wanted.begin(), wanted.end()));
  auto taken = db.prepare(fmt::format("SELECT 1 FROM {} WHERE id = ?", table));
  std::map<std::int64_t, std::int64_t> ids;
  for (const std::int64_t id : wanted) {
    taken.reset();
    taken.bind(1, id);
    ids[id] = taken.step() == store::Step::row ? ++next : id;
  }
  return ids;
}

Json mapped(const std::map<std::int64_t, std::int64_t>& ids, const Json& value)
{
  if (!value.is_number_integer()) {
    return nullptr;
  }
  const auto found = ids.find(value.get<std::int64_t>());
  return found == ids.end() ? Json(nullptr) : Json(found->second);
}

// Everything that hangs off one document, written for document `id`.
void insert_parts(store::Transaction& txn, const Line& line, std::int64_t id,
                  const std::map<std::int64_t, std::int64_t>& document_ids,
                  const std::map<std::int64_t, std::int64_t>& review_ids, const std::set<std::string>& known_reviews,
                  const std::set<std::string>& known_events, const std::string& sender)
{
  store::Database& db = txn.database();
  const Json owner{{"document", id}};
  if (line.value.at("text").is_object()) {
    const Json& text = line.value.at("text");
    insert_row(db, "document_text", text, owner, {});
    registry::replace_citations(db, id, text.value("text", std::string()));
  }
  for (const Json& step : line.value.at("steps")) {
    insert_row(db, "procedure_step", step, owner, {});
  }
  for (const Json& filing : line.value.at("filings")) {
    const std::int64_t filing_id = insert_row(db, "filing", filing, owner, {"outcomes"});
    for (const Json& outcome : filing.value("outcomes", Json::array())) {
      insert_row(db, "filing_outcome", outcome, Json{{"filing", filing_id}}, {});
    }
  }
  for (const Json& review : line.value.at("reviews")) {
    if (known_reviews.contains(fmt::format("{}|{}", review.value("checklist", ""), review.value("started_at", "")))) {
      continue;
    }
    const std::int64_t review_id = review_ids.at(review.at("id").get<std::int64_t>());
    insert_row(db, "review", review, Json{{"id", review_id}, {"document", id}, {"superseded_by", nullptr}},
               {"items", "findings"});
    for (const char* part : {"items", "findings"}) {
      for (const Json& row : review.value(part, Json::array())) {
        insert_row(db, std::string(part) == "items" ? "review_item" : "review_finding", row,
                   Json{{"review", review_id}}, {});
      }
    }
  }
  for (const Json& evaluation : line.value.at("evaluations")) {
    insert_row(db, "evaluation", evaluation,
               Json{{"document", id}, {"replacement", mapped(document_ids, evaluation.value("replacement", Json()))}},
               {});
  }
  // The sender's events are its history: kept as they came, never chained here.
  auto received =
    db.prepare("INSERT INTO received_event (document, office, at, actor, kind, payload) VALUES (?, ?, ?, ?, ?, ?)");
  for (const Json& event : line.value.at("events")) {
    const std::string office = event.value("office", sender);
    const std::string at = event.at("at").get<std::string>();
    const std::string kind = event.at("kind").get<std::string>();
    const std::string payload = event.at("payload").get<std::string>();
    if (known_events.contains(fmt::format("{}|{}|{}|{}", office, at, kind, payload))) {
      continue;
    }
    received.bind_all(id, office, at, event.at("actor").get<std::string>(), kind, payload).run();
    received.reset();
  }
}

std::set<std::string> keys_of(store::Database& db, std::string_view sql, std::int64_t id)
{
  std::set<std::string> keys;
  auto stmt = db.prepare(sql);
  stmt.bind(1, id);
  while (stmt.step() == store::Step::row) {
    keys.insert(stmt.text(0));
  }
  return keys;
}

// Replaces the registered document `id` with the bundle's version: its fields and text,
// steps, filings and evaluations; reviews and events are added when missing (neither is
// ever deleted).
void replace_document(store::Transaction& txn, const Line& line, std::int64_t id,
                      const std::map<std::int64_t, std::int64_t>& document_ids,
                      const std::map<std::int64_t, std::int64_t>& review_ids, const std::string& sender)
{
  store::Database& db = txn.database();
  db.prepare("DELETE FROM filing_outcome WHERE filing IN (SELECT id FROM filing WHERE document = ?)").bind(1, id).run();
  for (const char* table : {"filing", "procedure_step", "evaluation", "document_text"}) {
    db.prepare(fmt::format("DELETE FROM {} WHERE document = ?", table)).bind(1, id).run();
  }
  const Json& doc = line.value.at("document");
  const std::vector<std::string>& known = columns_of(db, "document");
  for (const auto& [name, value] : doc.items()) {
    if (name == "id" || name == "amends" || name == "superseded_by") {
      continue;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw DataError(fmt::format("“document”没有字段“{}”", name), Location{{}, 0, 0, name});
    }
    auto update = db.prepare(fmt::format("UPDATE document SET {} = ? WHERE id = ?", name));
    bind_json(update, 1, value);
    update.bind(2, id).run();
  }
  insert_parts(
    txn, line, id, document_ids, review_ids,
    keys_of(db, "SELECT checklist || '|' || started_at FROM review WHERE document = ?", id),
    keys_of(db, "SELECT office || '|' || at || '|' || kind || '|' || payload FROM received_event WHERE document = ?",
            id),
    sender);
}

} // namespace

std::size_t write(store::Database& db, const std::vector<std::int64_t>& documents, std::ostream& out,
                  const Sender& sender)
{
  util::JsonWriter header;
  header.begin_object().member("bundle", "normdoc").member("version", std::int64_t{1});
  if (!sender.office.empty()) {
    header.member("office", sender.office);
  }
  detail::Sealed sealed{sender.office, 0, std::string(audit::k_genesis_hash), 0, {}, sender.at};
  // The sender's chain head as of the export: the receiver keeps it with the history.
  auto head = db.prepare("SELECT event, hash FROM chain_head WHERE singleton = 1");
  if (head.step() == store::Step::row) {
    sealed.head_events = head.integer(0);
    sealed.head_hash = head.text(1);
    header.key("head")
      .begin_object()
      .member("events", sealed.head_events)
      .member("hash", sealed.head_hash)
      .end_object();
  }
  // Every event sent, by id and hash in the order written below: the receiver recomputes
  // the digest, and the seal signs it.
  std::string listing;
  auto received =
    db.prepare("SELECT office, at, actor, kind, payload FROM received_event WHERE document = ? ORDER BY id");
  auto events = db.prepare("SELECT id, hash FROM event WHERE document = ? ORDER BY id");
  for (const std::int64_t id : documents) {
    received.reset();
    received.bind(1, id);
    while (received.step() == store::Step::row) {
      listing +=
        detail::received_line(received.text(0), received.text(1), received.text(2), received.text(3), received.text(4));
      ++sealed.sent_events;
    }
    events.reset();
    events.bind(1, id);
    while (events.step() == store::Step::row) {
      listing += detail::listing_line(events.integer(0), events.text(1));
      ++sealed.sent_events;
    }
  }
  sealed.digest = util::sha256_hex(listing);
  header.key("sent").begin_object().member("events", sealed.sent_events).member("digest", sealed.digest).end_object();
  if (sender.checkpoint) {
    header.key("checkpoint").raw(audit::to_json(*sender.checkpoint));
  }
  if (sender.key) {
    const audit::Signature seal = audit::sign(*sender.key, sealed.message());
    header.key("seal")
      .begin_object()
      .member("at", sender.at)
      .member("public_key", seal.public_key)
      .member("signature", seal.signature)
      .end_object();
  }
  out << header.end_object().str() << '\n';
  for (const std::int64_t id : documents) {
    util::JsonWriter json;
    json.begin_object().key("document");
    auto doc = db.prepare("SELECT * FROM document WHERE id = ?");
    doc.bind(1, id);
    if (doc.step() != store::Step::row) {
      throw DataError(fmt::format("没有编号为 #{} 的文件", id));
    }
    json.begin_object();
    audit::write_columns(json, doc, {});
    json.end_object().key("text");
    auto text = db.prepare("SELECT text, sha256, source FROM document_text WHERE document = ?");
    text.bind(1, id);
    if (text.step() == store::Step::row) {
      json.begin_object();
      audit::write_columns(json, text, {});
      json.end_object();
    } else {
      json.null();
    }
    json.key("steps");
    write_rows(json, db, "SELECT * FROM procedure_step WHERE document = ? ORDER BY id", id, {"id", "document"});
    json.key("filings");
    write_rows(json, db, "SELECT * FROM filing WHERE document = ? ORDER BY id", id, {"id", "document"},
               [&](util::JsonWriter& nested, const store::Statement& filing) {
                 nested.key("outcomes");
                 write_rows(nested, db, "SELECT * FROM filing_outcome WHERE filing = ? ORDER BY id", filing.integer(0),
                            {"id", "filing"});
               });
    json.key("reviews");
    write_rows(json, db, "SELECT * FROM review WHERE document = ? ORDER BY id", id, {"document"},
               [&](util::JsonWriter& nested, const store::Statement& review) {
                 nested.key("items");
                 write_rows(nested, db, "SELECT * FROM review_item WHERE review = ? ORDER BY position",
                            review.integer(0), {"review"});
                 nested.key("findings");
                 write_rows(nested, db, "SELECT * FROM review_finding WHERE review = ? ORDER BY number",
                            review.integer(0), {"review"});
               });
    json.key("evaluations");
    write_rows(json, db, "SELECT * FROM evaluation WHERE document = ? ORDER BY id", id, {"id", "document"});
    // The history received from other registries first (each with its office), then this
    // registry's own events (the header's office).
    json.key("events");
    write_rows(json, db,
               "SELECT NULL AS id, at, actor, kind, payload, office, NULL AS prev_hash, NULL AS hash, NULL AS db_role"
               " FROM (SELECT * FROM received_event WHERE document = ?1 ORDER BY id) AS received"
               " UNION ALL SELECT id, at, actor, kind, payload, NULL, prev_hash, hash, db_role FROM"
               " (SELECT * FROM event WHERE document = ?1 ORDER BY id) AS own",
               id, {}, {}, true);
    json.end_object();
    out << json.str() << '\n';
  }
  out.flush();
  return documents.size();
}

ReadResult read(store::Transaction& txn, std::istream& in, const std::string& source, const ReadOptions& options,
                const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const std::streampos start = in.tellg();
  if (start == std::streampos(-1)) {
    throw DataError("数据包须为可重新读取的文件（不能是管道）", Location{source, 0, 0, {}});
  }
  const detail::Limits limits{options.max_text_bytes};
  // First pass: every line checked, conflicts found, nothing written.
  ReadResult result;
  std::vector<LineRefs> lines;
  Header header;
  detail::SenderChain chain;
  for_each_line(in, source, limits, header, [&](const Line& line) {
    chain.add(source, line.number, line.value.at("document").at("id").get<std::int64_t>(), line.value.at("events"));
    LineRefs refs = refs_of(line);
    if (auto conflict = conflict_of(db, line)) {
      refs.existing = conflict->existing;
      result.conflicts.push_back(std::move(*conflict));
    }
    lines.push_back(std::move(refs));
  });
  const detail::SenderCheck checked =
    chain.finish(source, header.number, header.value, options.sender_key, result.notices);
  if (options.on_conflict == OnConflict::refuse && !result.conflicts.empty()) {
    return result;
  }
  const std::string sender = header.value.value("office", fmt::format("数据包 {}", source));
  std::vector<std::int64_t> wanted_documents;
  std::vector<std::int64_t> wanted_reviews;
  for (const auto& line : lines) {
    if (!line.existing) {
      wanted_documents.push_back(line.document);
    }
    for (const auto& review : line.reviews) {
      wanted_reviews.push_back(review.first);
    }
  }
  std::map<std::int64_t, std::int64_t> document_ids = plan_ids(db, "document", wanted_documents);
  for (const auto& line : lines) {
    if (line.existing) {
      document_ids[line.document] = *line.existing;
    }
  }
  const std::map<std::int64_t, std::int64_t> review_ids = plan_ids(db, "review", wanted_reviews);

  // Second pass: the lines read again and written. Documents and reviews refer to each other
  // across lines (an amendment names its new version); the references are checked when the
  // whole bundle is in, at commit.
  in.clear();
  in.seekg(start);
  // PostgreSQL defers only the constraints declared DEFERRABLE; the rest are checked row by row.
  db.exec(db.pick("PRAGMA defer_foreign_keys = ON", "SET CONSTRAINTS ALL DEFERRED"));
  search::BulkLoad bulk(txn, lines.size());
  std::size_t index = 0;
  std::map<std::int64_t, std::string> before; // replaced documents as they were
  for_each_line(in, source, limits, header, [&](const Line& line) {
    const LineRefs& refs = lines.at(index++);
    if (refs.number != line.number) {
      malformed(source, line.number, "数据包在导入过程中被改动");
    }
    try {
      const std::int64_t id = document_ids.at(refs.document);
      if (refs.existing) {
        if (options.on_conflict == OnConflict::skip) {
          ++result.skipped;
          return;
        }
        before[id] = audit::document_snapshot(db, id);
        replace_document(txn, line, id, document_ids, review_ids, sender);
        ++result.replaced;
        return;
      }
      insert_row(db, "document", line.value.at("document"),
                 Json{{"id", id}, {"amends", nullptr}, {"superseded_by", nullptr}}, {});
      insert_parts(txn, line, id, document_ids, review_ids, {}, {}, sender);
      ++result.added;
    } catch (const DataError& e) {
      throw e.located(Location{source, line.number, 0, {}});
    }
  });
  if (index != lines.size()) {
    malformed(source, 0, "数据包在导入过程中被改动");
  }
  // Links between documents and between reviews, now that every row exists.
  auto links = db.prepare("UPDATE document SET amends = ?, superseded_by = ? WHERE id = ?");
  auto superseded = db.prepare("UPDATE review SET superseded_by = ? WHERE id = ?");
  for (const auto& line : lines) {
    if (options.on_conflict == OnConflict::skip && line.existing) {
      continue;
    }
    bind_json(links, 1, mapped(document_ids, line.amends));
    bind_json(links, 2, mapped(document_ids, line.superseded_by));
    links.bind(3, document_ids.at(line.document)).run();
    links.reset();
    for (const auto& [review, superseded_by] : line.reviews) {
      bind_json(superseded, 1, mapped(review_ids, superseded_by));
      superseded.bind(2, review_ids.at(review)).run();
      superseded.reset();
    }
  }
  bulk.finish(result.replaced > 0);
  // This registry's record of the import: one event per document created or replaced, with
  // the document as it was and as it is now, then the import with the sender's chain head.
  for (const auto& line : lines) {
    if (options.on_conflict == OnConflict::skip && line.existing) {
      continue;
    }
    const std::int64_t id = document_ids.at(line.document);
    util::JsonWriter payload;
    payload.begin_object().member("source", source).member("line", std::int64_t{line.number}).member("office", sender);
    if (line.existing) {
      payload.key("before").raw(before.at(id));
    }
    payload.key("after")
      .raw(audit::document_snapshot(db, id))
      .key("parts")
      .raw(audit::received_parts(db, id))
      .end_object();
    audit::append(txn, stamp, id, line.existing ? "bundle-replace" : "bundle-add", payload.str());
  }
  util::JsonWriter payload;
  payload.begin_object()
    .member("source", source)
    .member("office", sender)
    .member("added", static_cast<std::int64_t>(result.added))
    .member("replaced", static_cast<std::int64_t>(result.replaced))
    .member("skipped", static_cast<std::int64_t>(result.skipped));
  if (header.value.contains("head")) {
    payload.key("sender_head").raw(header.value.at("head").dump());
  }
  // How far the sender's history was checked (bundle/sender.hpp).
  static constexpr std::array<std::string_view, 4> k_checked{"none", "hashes", "bundle-key", "trusted-key"};
  payload.member("sender_checked", std::string(k_checked.at(static_cast<std::size_t>(checked))));
  audit::append(txn, stamp, std::nullopt, "bundle-import", payload.end_object().str());
  return result;
}

} // namespace normdoc::bundle
