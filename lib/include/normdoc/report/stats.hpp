// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/store/database.hpp>

#include <array>
#include <map>
#include <string>
#include <utility>

namespace normdoc::report {

// The year's figures for `normdoc report stats`: documents issued (发文数量) per issuer and
// month, review conclusions, post-evaluations and cleanup decisions applied.
struct YearStats
{
  int year = 0;
  std::map<std::string, std::array<int, 12>> issued_by_issuer{};       // published in the year, by month
  std::map<std::pair<std::string, std::string>, int> review_results{}; // (checklist, result) → concluded reviews
  std::map<std::string, int> evaluations{};                            // outcome → count
  std::map<std::string, int> cleanup_decisions{}; // decision → count, campaigns closed in the year
  int cleanups_closed = 0;

  int issued_total() const;
};

YearStats year_stats(store::Database& db, int year);

} // namespace normdoc::report
