// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/store/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The log is the record; the document table is its projection. Replaying the events gives,
// for every document, what its row must say — status, numbers, title, issuer, dates, links,
// the text's hash — and any row that says something else was changed outside normdoc.
namespace normdoc::audit {

struct ReplayResult
{
  std::int64_t documents = 0;           // rows compared
  std::optional<std::int64_t> document; // the first document that disagrees
  std::optional<std::int64_t> event;    // the event that cannot be replayed
  std::string problem;                  // in Chinese; empty when the rows match the log
  bool ok() const { return problem.empty(); }
};

// Replays every event and compares the result with the document rows (and their texts'
// hashes), then the evaluation, filing (with outcomes), review, cleanup and procedure step
// rows, naming the first that disagrees. An event kind the replay does not know is an error,
// never skipped: a new kind of event needs its effect in replay.cpp. The hash chain is checked
// in the same pass over the log; its result goes to `chain` when given.
ReplayResult replay(store::Database& db, Verification* chain = nullptr);

// The steps, live filings (with outcomes), evaluations and reviews (with their answers and
// dismissals) of `document`, as the replay compares them: a bundle import logs them with each
// document it creates or replaces, so what came in a bundle is compared like the rest.
std::string received_parts(store::Database& db, std::int64_t document);

// The payload of an `acknowledge` event: registry::record_acknowledgement writes it, and the
// replay rebuilds it from each acknowledgement row and compares the text (a registry may hold
// hundreds of thousands; the payloads are parsed only where the texts differ).
std::string acknowledge_payload(std::int64_t id, std::string_view subject, std::string_view date,
                                std::string_view reason);

// For a registry whose log began before events carried everything the replay needs: records
// one `baseline` event with every document as it is now, which the replay starts from.
// Does nothing when the registry does not need one (see migration 013). Returns whether it
// appended the event.
bool record_baseline(store::Transaction& txn, const Stamp& stamp);
// Whether record_baseline has an event to append; asked without a transaction, so that every
// command need not start a write to find out.
bool baseline_due(store::Database& db);

} // namespace normdoc::audit
