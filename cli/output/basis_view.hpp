// SPDX-License-Identifier: MIT
#pragma once

#include "output/render_options.hpp"

#include <normdoc/basis/register.hpp>

#include <string>
#include <vector>

namespace normdoc::cli {

// A change as 修订（2026-11-01）, or 废止（日期不详） when the catalogue gives no date.
std::string change_text(const basis::Change& change);

// The register of higher-level laws (`basis list`) as a table, JSON or CSV.
std::string render_laws(const std::vector<basis::LawEntry>& laws, const RenderOptions& options);

} // namespace normdoc::cli
