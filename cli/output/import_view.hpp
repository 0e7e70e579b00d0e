// SPDX-License-Identifier: MIT
#pragma once

// What import did (import_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/ingest/importer.hpp>

#include <string>
#include <vector>

namespace normdoc::cli {

// What import did (or would do) per file: a table (unsure fields marked （？）) or a JSON array
// with each extracted field's value, source and confidence.
std::string render_import(const std::vector<ingest::FileResult>& results, const RenderOptions& options);

} // namespace normdoc::cli
