// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>
#include <normdoc/util/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::audit {

// Who makes a change and when (UTC, ISO 8601). The caller supplies the clock.
struct Stamp
{
  std::string actor;
  std::string at;
};

struct Event
{
  std::int64_t id = 0;
  std::string at;
  std::string actor;
  std::optional<std::int64_t> document;
  std::string kind;
  std::string payload; // JSON object
  std::string prev_hash;
  std::string hash;
  // The database role that wrote the event, as the server authenticated it (PostgreSQL's
  // current_user, schema 19); none on SQLite and in events written before schema 19.
  std::optional<std::string> db_role;
};

// The hash the chain starts from.
inline constexpr std::string_view k_genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 over `prev_hash` and a canonical serialisation of every other field:
// the JSON array [id, at, actor, document|null, kind, payload], payload embedded verbatim,
// and db_role as a seventh element when the event has one: events without one (every SQLite
// event, and those written before schema 19) hash as they did before.
std::string compute_hash(const Event& event);

// Appends one event inside `txn` (the same transaction as the change it records) and returns
// it with its id and hash; on PostgreSQL with the role the connection writes as (current_user).
Event append(store::Transaction& txn, const Stamp& stamp, std::optional<std::int64_t> document, std::string_view kind,
             std::string payload);

// Events in id order; only those of `document` when given.
std::vector<Event> list(store::Database& db, std::optional<std::int64_t> document = std::nullopt);

struct Verification
{
  std::int64_t events = 0;
  std::string head_hash;                 // hash of the last event (genesis when empty)
  std::optional<std::int64_t> first_bad; // id of the first event that does not match
  std::string problem;                   // why, in Chinese; empty when the chain is intact
  bool ok() const { return problem.empty(); }
};

// Re-computes the whole chain and compares it with the recorded head. `visit`, when given, sees
// every event in id order — past a break too — so a replay shares this one pass over the log.
Verification verify(store::Database& db, const std::function<void(const Event&)>& visit = {});

// The current row's columns as fields of the open JSON object, in table order, except
// `excluded` (and NULLs when `omit_nulls`): how events and bundles record rows.
void write_columns(util::JsonWriter& json, const store::Statement& row, const std::set<std::string>& excluded = {},
                   bool omit_nulls = false);

// Document `id`'s row and its text's hash (text_sha256) as a JSON object: what bundle-add,
// bundle-replace and baseline events record of a document; "{}" when there is none.
std::string document_snapshot(store::Database& db, std::int64_t id);

} // namespace normdoc::audit
