// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::util {

struct CsvRow
{
  int line = 0; // where the record starts, from 1
  std::vector<std::string> fields;
};

// RFC 4180 records: comma-separated, fields in double quotes may hold commas, doubled quotes
// and line breaks; CRLF or LF line ends; blank lines are skipped. Throws DataError naming
// `source` and the line of an unterminated quote or a stray quote inside a plain field.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& source);

// A Chinese column heading people write for an English column name (`文件` for `ref`).
struct CsvAlias
{
  std::string_view label;
  std::string_view name;
};

// The header row of `rows` mapped to column positions, checking that every name in `required`
// is present. A heading listed in `aliases` stands for its English name, so officers' files
// with Chinese headings read the same as scripts' files. Throws DataError naming the missing
// column.
class CsvColumns
{
public:
  CsvColumns(const CsvRow& header, const std::vector<std::string>& required, const std::string& source,
             const std::vector<CsvAlias>& aliases = {});

  // Position of `name`, or -1 when the file has no such column.
  int index(std::string_view name) const;
  // The field of `row` in column `name`, trimmed; empty when absent.
  std::string get(const CsvRow& row, std::string_view name) const;

private:
  std::vector<std::string> m_names;
};

} // namespace normdoc::util
