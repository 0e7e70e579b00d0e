// SPDX-License-Identifier: MIT
#include "output/csv.hpp"
#include "output/escape.hpp"

namespace normdoc::cli {

std::string csv_record(const std::vector<std::string>& fields)
{
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

} // namespace normdoc::cli
