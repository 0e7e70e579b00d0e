// SPDX-License-Identifier: MIT
#pragma once

// What every renderer takes (format, day, CSV and printed-form settings) and the CSV helpers.

#include "output/format.hpp"

#include <normdoc/util/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

struct RenderOptions
{
  Format format = Format::table;
  util::Date as_of;
  bool bom = false;            // CSV only
  bool english_header = false; // CSV only: the JSON keys instead of Chinese labels, for scripts
  // Printed forms (text, md, html): the office that signs them (config [office] name) and the
  // day they are printed (today, local time), shown in the footer of md and html.
  std::string office{};
  std::optional<util::Date> printed_on{};
};

// A CSV column: the key scripts read (`--header en`, the JSON key) and the label people read.
struct CsvColumn
{
  std::string_view key;
  std::string_view label;
};

// A header and rows as RFC 4180 CSV: Chinese labels unless options.english_header, a BOM when
// options.bom.
std::string csv_of(const std::vector<CsvColumn>& columns, const std::vector<std::vector<std::string>>& rows,
                   const RenderOptions& options);
// A yes/no cell: true/false for scripts, 是/否 under Chinese headers.
std::string csv_flag(bool value, const RenderOptions& options);

} // namespace normdoc::cli
