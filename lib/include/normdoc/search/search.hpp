// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/registry/registry.hpp>
#include <normdoc/store/database.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::search {

struct Hit
{
  registry::Document document;
  std::string title;   // with the matches in 【】
  std::string snippet; // a passage of the text around a match, matches in 【】
  double score = 0;    // higher is better
};

// Documents whose title or text contains `query`, best first, at most `limit`, among those
// `filter` accepts. Queries of three characters or more use the trigram index (bm25, titles
// weighted ten times); shorter ones scan titles and texts, ranked by title hits and the number
// of occurrences. Throws UsageError for an empty query.
std::vector<Hit> find(store::Database& db, std::string_view query, const registry::ListFilter& filter,
                      std::size_t limit);

// Documents whose index entry disagrees with them: missing, extra, or indexed with another
// number of trigrams in the title or the text (the index keeps no copy of the texts to compare
// with; SQLite 3.40's FTS5 integrity-check does not compare an external-content index with its
// content).
std::size_t index_mismatches(store::Database& db);
// Rebuilds the index from the documents. Returns the number of documents indexed.
std::size_t rebuild_index(store::Transaction& txn);

// A load of many documents in one transaction (a large import batch or bundle). While it
// lasts the triggers of schema 17 leave the index alone; `finish` then indexes in one pass
// what was added, or rebuilds the whole index when the load also changed documents that were
// indexed before it. Loads of `k_bulk_threshold` documents or fewer keep the triggers: their
// row-by-row cost is then smaller than finding what is missing. Without `finish` the
// transaction must not commit (the index would miss the load); a rollback undoes the
// deferral with everything else.
class BulkLoad
{
public:
  static constexpr std::size_t k_bulk_threshold = 20;

  BulkLoad(store::Transaction& txn, std::size_t documents);
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;
  ~BulkLoad() = default;

  void finish(bool changed_indexed_documents);

private:
  store::Transaction& m_txn;
  bool m_deferred;
};

} // namespace normdoc::search
