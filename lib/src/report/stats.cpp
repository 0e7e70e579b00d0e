// SPDX-License-Identifier: MIT
#include <normdoc/report/stats.hpp>

#include <fmt/format.h>

namespace normdoc::report {

int YearStats::issued_total() const
{
  int total = 0;
  for (const auto& [issuer, months] : issued_by_issuer) {
    for (const int count : months) {
      total += count;
    }
  }
  return total;
}

YearStats year_stats(store::Database& db, int year)
{
  YearStats stats;
  stats.year = year;
  const std::string first = fmt::format("{:04}-01-01", year);
  const std::string last = fmt::format("{:04}-12-31", year);

  auto issued = db.prepare("SELECT issuer, CAST(substr(published, 6, 2) AS INTEGER), count(*) FROM document"
                           " WHERE published BETWEEN ? AND ? GROUP BY 1, 2");
  issued.bind_all(first, last);
  while (issued.step() == store::Step::row) {
    const auto month = static_cast<std::size_t>(issued.integer(1));
    if (month >= 1 && month <= 12) {
      stats.issued_by_issuer[issued.text(0)][month - 1] = static_cast<int>(issued.integer(2));
    }
  }
  auto reviews = db.prepare("SELECT checklist, result, count(*) FROM review WHERE concluded BETWEEN ? AND ?"
                            " GROUP BY 1, 2");
  reviews.bind_all(first, last);
  while (reviews.step() == store::Step::row) {
    stats.review_results[{reviews.text(0), reviews.text(1)}] = static_cast<int>(reviews.integer(2));
  }
  auto evaluations =
    db.prepare("SELECT outcome, count(*) FROM evaluation WHERE date BETWEEN ? AND ? AND voided IS NULL GROUP BY 1");
  evaluations.bind_all(first, last);
  while (evaluations.step() == store::Step::row) {
    stats.evaluations[evaluations.text(0)] = static_cast<int>(evaluations.integer(1));
  }
  auto cleanups = db.prepare("SELECT count(*) FROM cleanup WHERE closed_on BETWEEN ? AND ?");
  cleanups.bind_all(first, last);
  cleanups.step();
  stats.cleanups_closed = static_cast<int>(cleanups.integer(0));
  auto decisions = db.prepare("SELECT i.decision, count(*) FROM cleanup_item i JOIN cleanup c ON c.id = i.cleanup"
                              " WHERE c.closed_on BETWEEN ? AND ? AND i.decision IS NOT NULL GROUP BY 1");
  decisions.bind_all(first, last);
  while (decisions.step() == store::Step::row) {
    stats.cleanup_decisions[decisions.text(0)] = static_cast<int>(decisions.integer(1));
  }
  return stats;
}

} // namespace normdoc::report
