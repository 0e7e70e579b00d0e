// SPDX-License-Identifier: MIT
#pragma once

// The stored reminders (schema 10): every reminder of every document with the stretches of
// days it applies on, kept up to date with the records, the settings and the calendar, so that
// `due` reads one day's reminders from an R*Tree instead of computing them all.

#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/deadline/due.hpp>
#include <normdoc/store/database.hpp>

#include <vector>

namespace normdoc::deadline {

// Brings the stored reminders up to date with the records, the settings and the calendar, in
// one transaction. False when the database cannot be written now (opened read-only, or held
// by a writer beyond the busy timeout): the caller computes from the records instead.
bool refresh(store::Database& db, const config::Config& config, const calendar::Calendar& calendar);

// The stored reminders that apply on `query.as_of` (of `query.issuer` when given), in stored order.
std::vector<DueItem> stored_items(store::Database& db, const DueQuery& query);

} // namespace normdoc::deadline
