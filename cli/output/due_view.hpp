// SPDX-License-Identifier: MIT
#pragma once

// `due` (due_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/deadline/due.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// `due` items: one line each (text), a JSON array, CSV, or an iCalendar file of VTODOs stamped
// `now_utc` (`YYYYMMDDTHHMMSSZ`).
std::string render_due(const std::vector<deadline::DueItem>& items, const RenderOptions& options,
                       std::string_view now_utc);

} // namespace normdoc::cli
