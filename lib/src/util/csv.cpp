// SPDX-License-Identifier: MIT
#include <normdoc/util/csv.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace normdoc::util {

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& source)
{
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  bool quoted = false;     // inside a quoted field
  bool was_quoted = false; // the current field was quoted (and has ended)
  bool has_content = false;
  row.line = 1;
  const auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  const auto end_row = [&] {
    end_field();
    if (has_content) {
      rows.push_back(std::move(row));
    }
    row = CsvRow{line + 1, {}};
    has_content = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
          was_quoted = true;
        }
      } else {
        line += c == '\n' ? 1 : 0;
        field += c;
      }
      continue;
    }
    switch (c) {
    case ',':
      end_field();
      has_content = true;
      break;
    case '\r':
      break;
    case '\n':
      end_row();
      ++line;
      break;
    case '"':
      if (!field.empty() || was_quoted) {
        throw DataError("字段中间出现引号：含引号的字段应整体用双引号括起，其中的引号写两次",
                        Location{source, line, 0, {}});
      }
      quoted = true;
      has_content = true;
      break;
    default:
      if (was_quoted) {
        throw DataError("引号括起的字段之后还有字符", Location{source, line, 0, {}});
      }
      field += c;
      has_content = has_content || (c != ' ' && c != '\t');
    }
  }
  if (quoted) {
    throw DataError("引号没有结束", Location{source, row.line, 0, {}});
  }
  if (has_content || !field.empty()) {
    end_field();
    rows.push_back(std::move(row));
  }
  return rows;
}

CsvColumns::CsvColumns(const CsvRow& header, const std::vector<std::string>& required, const std::string& source,
                       const std::vector<CsvAlias>& aliases)
{
  for (const auto& field : header.fields) {
    const std::string_view name = trim(field);
    const auto alias = std::find_if(aliases.begin(), aliases.end(), [&](const CsvAlias& a) { return a.label == name; });
    m_names.emplace_back(alias == aliases.end() ? name : alias->name);
  }
  for (const auto& name : required) {
    if (index(name) < 0) {
      std::vector<std::string_view> labels;
      for (const auto& wanted : required) {
        const auto alias =
          std::find_if(aliases.begin(), aliases.end(), [&](const CsvAlias& a) { return a.name == wanted; });
        if (alias != aliases.end()) {
          labels.push_back(alias->label);
        }
      }
      const std::string chinese =
        labels.size() == required.size() ? fmt::format("，或 {}", fmt::join(labels, ",")) : "";
      throw DataError(fmt::format("缺少“{}”列（第一行应为列名：{}{}）", name, fmt::join(required, ","), chinese),
                      Location{source, header.line, 0, name});
    }
  }
}

int CsvColumns::index(std::string_view name) const
{
  const auto found = std::find(m_names.begin(), m_names.end(), name);
  return found == m_names.end() ? -1 : static_cast<int>(found - m_names.begin());
}

std::string CsvColumns::get(const CsvRow& row, std::string_view name) const
{
  const int at = index(name);
  if (at < 0 || static_cast<std::size_t>(at) >= row.fields.size()) {
    return {};
  }
  return std::string(trim(row.fields[static_cast<std::size_t>(at)]));
}

} // namespace normdoc::util
