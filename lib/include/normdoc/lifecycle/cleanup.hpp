// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/store/database.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::lifecycle {

// A cleanup decision per document; the results are published as four lists
// (继续有效 / 修改 / 废止 / 宣布失效, regulations.md 7.2–7.3).
enum class Decision
{
  keep,
  amend,
  repeal,
  invalidate
};

std::string_view decision_key(Decision decision);
std::string_view decision_label(Decision decision);
std::optional<Decision> parse_decision(std::string_view key);
std::vector<std::string> decision_keys();

// Which documents in force a campaign covers: comma-separated terms, all of which must hold —
// `issuer=NAME`, `year=YYYY` (published), `business` (concerns business activity),
// `findings=legality|fair-competition|all` (the stored text has error or warning findings of
// that checklist), `before=YYYY-MM-DD` (published before). Empty: every document in force.
struct Scope
{
  std::optional<std::string> issuer;
  std::optional<int> year;
  bool business = false;
  std::optional<std::string> findings;
  std::optional<util::Date> before;
  // Also the documents whose validity ran out (自动失效) and that the catalogue does not yet
  // record as 已失效: the campaign confirms them (invalidate) or has them made again (amend).
  bool expired = false;
};

// Throws UsageError naming an unknown or malformed term.
Scope parse_scope(std::string_view text);

struct CleanupItem
{
  registry::Document document;
  std::optional<Decision> decision{};
  std::optional<std::string> reason{};
  std::optional<std::string> decided_by{};
};

struct Campaign
{
  std::int64_t id = 0;
  std::string name;
  std::string scope;
  util::Date opened_on;
  std::string opened_by;
  std::optional<util::Date> closed_on;
  std::vector<CleanupItem> items{};

  std::size_t decided() const;
};

// Opens a campaign over the documents in force on `date` that match `scope`. Throws DataError
// for a name already used or a scope that matches nothing.
Campaign open_campaign(store::Transaction& txn, const std::string& name, const std::string& scope,
                       const util::Date& date, const audit::Stamp& stamp);

struct DecisionInput
{
  std::string ref; // document REF
  Decision decision = Decision::keep;
  std::string reason;
  int line = 0; // of the CSV row, for errors
};

// Records decisions (all or none); a later decision on the same document replaces the earlier
// one while the campaign is open. Throws DataError naming the row for a document outside the
// campaign, a missing reason (required for all but keep) or a closed campaign.
void decide(store::Transaction& txn, const std::string& name, const std::vector<DecisionInput>& decisions,
            const std::string& source, const audit::Stamp& stamp);

// Reads `ref,decision,reason` rows (header required, UTF-8 or GBK) for `decide`. Throws
// DataError at the line of a malformed row or an unknown decision.
std::vector<DecisionInput> parse_decisions_csv(std::string_view text, const std::string& source);

// Applies every decision on `date` in `txn`: repeal and invalidate end the documents, keep and
// amend leave them in force (amend: to be revised). Refuses while documents are undecided
// unless `allow_undecided`. Any failure leaves everything as it was.
Campaign close_campaign(store::Transaction& txn, const registry::Registry& registry, const std::string& name,
                        const util::Date& date, bool allow_undecided, const audit::Stamp& stamp);

// Throws DataError (with the known names) when there is no such campaign.
Campaign load_campaign(store::Database& db, const std::string& name);
std::vector<Campaign> list_campaigns(store::Database& db);

} // namespace normdoc::lifecycle
