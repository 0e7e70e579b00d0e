// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/error.hpp>

#include <toml++/toml.h>

#include <string>
#include <string_view>

// The TOML files normdoc reads (settings, checklists, calendars, metadata, answers) report
// their errors the same way: file:line:column and the field.
namespace normdoc {

// Parses `text`; a syntax error becomes a DataError at its line and column in `source`.
toml::table parse_toml(std::string_view text, const std::string& source);

// Where `node` is in `source`, for an error about `field`.
Location location_of(const toml::node& node, const std::string& source, std::string_view field);

} // namespace normdoc
