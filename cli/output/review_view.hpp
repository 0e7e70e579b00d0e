// SPDX-License-Identifier: MIT
#pragma once

// Recorded reviews (review_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/registry/document.hpp>
#include <normdoc/review/review.hpp>

#include <string>
#include <utility>
#include <vector>

namespace normdoc::cli {

// A review as its written opinion (审核意见书 / 公平竞争审查表): text, md, a printable html page,
// or a JSON object with every item, finding and dismissal.
std::string render_review(const review::Review& review, const registry::Document& document,
                          const RenderOptions& options);

// Reviews with their documents, one line each (table) or a JSON array.
std::string render_reviews(const std::vector<std::pair<review::Review, registry::Document>>& reviews,
                           const RenderOptions& options);

} // namespace normdoc::cli
