// SPDX-License-Identifier: MIT
#pragma once

// Search hits (search_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/search/search.hpp>

#include <string>
#include <vector>

namespace normdoc::cli {

// Search hits: two lines each (title with the matches, then a passage), the matches in bold
// when `terminal`, or a JSON array of documents with `match_title`, `snippet` and `score`.
std::string render_search_hits(const std::vector<search::Hit>& hits, const RenderOptions& options, bool terminal);

} // namespace normdoc::cli
