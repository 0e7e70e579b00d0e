// SPDX-License-Identifier: MIT
#include "output/csv.hpp"

namespace normdoc::cli {

std::string csv_record(const std::vector<std::string>& fields)
{
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      out += field;
      continue;
    }
    out += '"';
    for (const char ch : field) {
      if (ch == '"') {
        out += '"';
      }
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

} // namespace normdoc::cli
