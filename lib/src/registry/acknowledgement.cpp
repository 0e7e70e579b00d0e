// SPDX-License-Identifier: MIT
#include <normdoc/registry/acknowledgement.hpp>

#include <normdoc/audit/replay.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

namespace normdoc::registry {

namespace {

constexpr std::string_view k_select = "SELECT id, document, subject, date, reason, recorded_at FROM acknowledgement";

Acknowledgement read_acknowledgement(const store::Statement& stmt)
{
  return Acknowledgement{stmt.integer(0),        stmt.integer(1), stmt.text(2),
                         *stmt.optional_date(3), stmt.text(4),    stmt.text(5)};
}

} // namespace

Acknowledgement record_acknowledgement(store::Transaction& txn, std::int64_t document, std::string_view subject,
                                       const util::Date& date, const std::string& reason, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const std::string why(util::trim(reason));
  if (why.empty()) {
    throw DataError("须写明理由", Location{{}, 0, 0, "reason"});
  }
  auto taken = db.prepare("SELECT date, reason FROM acknowledgement WHERE document = ? AND subject = ?");
  taken.bind_all(document, subject);
  if (taken.step() == store::Step::row) {
    throw DataError(fmt::format("文件 #{} 的“{}”已于 {} 确认（{}）", document, subject, taken.text(0), taken.text(1)));
  }
  db.prepare("INSERT INTO acknowledgement (document, subject, date, reason, recorded_at) VALUES (?, ?, ?, ?, ?)")
    .bind_all(document, subject, date.iso(), why, stamp.at)
    .run();
  const std::int64_t id = db.last_insert_rowid();
  audit::append(txn, stamp, document, "acknowledge", audit::acknowledge_payload(id, subject, date.iso(), why));
  return Acknowledgement{id, document, std::string(subject), date, why, stamp.at};
}

std::vector<Acknowledgement> acknowledgements_of(store::Database& db, std::int64_t document)
{
  auto stmt = db.prepare(std::string(k_select) + " WHERE document = ? ORDER BY id");
  stmt.bind(1, document);
  std::vector<Acknowledgement> found;
  while (stmt.step() == store::Step::row) {
    found.push_back(read_acknowledgement(stmt));
  }
  return found;
}

std::unordered_map<std::int64_t, std::vector<Acknowledgement>> acknowledgements_by_document(store::Database& db)
{
  auto stmt = db.prepare(std::string(k_select) + " ORDER BY document, id");
  std::unordered_map<std::int64_t, std::vector<Acknowledgement>> found;
  while (stmt.step() == store::Step::row) {
    Acknowledgement ack = read_acknowledgement(stmt);
    found[ack.document].push_back(std::move(ack));
  }
  return found;
}

} // namespace normdoc::registry
