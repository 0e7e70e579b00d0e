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

// Index rows that disagree with the documents (missing, extra, or another title or text).
std::size_t index_mismatches(store::Database& db);
// Rebuilds the index from the documents. Returns the number of documents indexed.
std::size_t rebuild_index(store::Transaction& txn);

} // namespace normdoc::search
