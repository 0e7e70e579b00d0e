// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/date.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace normdoc::registry {

// What an officer acknowledged about a document instead of acting on it, with the date and
// the reason: it ends the reminder about `subject` from `date` on, and stays on record.
struct Acknowledgement
{
  std::int64_t id = 0;
  std::int64_t document = 0;
  std::string subject; // see the k_ack_* keys, or a procedure issue code
  util::Date date;
  std::string reason;
  std::string recorded_at;
};

// The validity ran out and the catalogue records the document as 已失效.
inline constexpr std::string_view k_ack_expired = "expired";
// Filed with every filing body before the office used normdoc (records on paper).
inline constexpr std::string_view k_ack_filed_before = "filed-before-registry";

// Stores an acknowledgement and its `acknowledge` event (payload: id, subject, date, reason)
// in `txn`. The caller has checked that `subject` applies; a second one for the same
// subject is refused (DataError), as is an empty reason.
Acknowledgement record_acknowledgement(store::Transaction& txn, std::int64_t document, std::string_view subject,
                                       const util::Date& date, const std::string& reason, const audit::Stamp& stamp);

std::vector<Acknowledgement> acknowledgements_of(store::Database& db, std::int64_t document);
std::unordered_map<std::int64_t, std::vector<Acknowledgement>> acknowledgements_by_document(store::Database& db);

} // namespace normdoc::registry
