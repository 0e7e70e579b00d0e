// SPDX-License-Identifier: MIT
#pragma once

// The reminder rules: what is due about one document, whatever the day, and on which days it
// applies. due.cpp answers `due` from them; reminder_store.cpp keeps them computed in the
// database.

#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/deadline/due.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/acknowledgement.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/store/database.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::deadline {

// Besides the document not having ended (repealed, amended or invalidated) by the day asked
// about, what has to hold on that day for a reminder to apply.
enum class When
{
  always,
  current,      // published and its validity not run out: filing and what follows it
  comment_open, // the comment period has not ended
  evaluation,   // in force, and its last day within the evaluation lead
  expired,      // its validity has run out (自动失效)
  not_expired,
};

// Something due about one document, whatever the day: `applies` says on which days it is.
// `action` is what clears it (k_as_of stands for the day asked about); `from` and
// `until` bound it by the records it follows and the one that ends it (a filing recorded
// ahead of its date, an acknowledgement), so a plan counts only from its date on.
struct Reminder
{
  DueKind kind = DueKind::filing;
  std::string what;
  util::Date due;
  std::string article;
  When when = When::always;
  Clearance action{};
  std::optional<util::Date> from{};
  std::optional<util::Date> until{};
};

// The placeholder for the day asked about in a reminder's step.
inline constexpr char k_as_of[] = "{as_of}";

// The step that clears an evaluation reminder: 后评估 concluded (`evaluate`).
Remedy evaluate_step(std::int64_t document);

// Whether `reminder` of `doc` is due on `as_of`.
bool applies(const Reminder& reminder, const registry::Document& doc, const util::Date& as_of,
             const config::Config& config);

// The day `subject` of `doc` was acknowledged, if it was.
std::optional<util::Date> acknowledged(const std::vector<registry::Acknowledgement>& acks, std::string_view subject);

// Everything `due` can say about `doc`, in a fixed order (steps, filings, validity, procedure).
std::vector<Reminder> reminders_of(const registry::Document& doc, const std::vector<procedure::Step>& steps,
                                   const std::vector<filing::Filing>& filings,
                                   const std::vector<registry::Acknowledgement>& acks, const config::Config& config,
                                   const calendar::Calendar& calendar);

// Visits every document `filter` accepts with its reminders, reading steps and filings of the
// whole registry in three queries rather than two per document (EXPLAIN QUERY PLAN showed
// each per-document query was an index search; their number was the cost).
void for_each_document(store::Database& db, const registry::ListFilter& filter, const config::Config& config,
                       const calendar::Calendar& calendar,
                       const std::function<void(const registry::Document&, const std::vector<Reminder>&)>& visit);

// The item `due` lists for a reminder on `as_of` (k_as_of in its step replaced by the day).
DueItem item_of(DueKind kind, std::int64_t document, const std::string& title, const std::string& what,
                const util::Date& due, const std::string& article, Clearance action, const util::Date& as_of);

} // namespace normdoc::deadline
