// SPDX-License-Identifier: MIT
#include "output/table.hpp"
#include "output/escape.hpp"

#include <normdoc/util/text.hpp>

#include <algorithm>

namespace normdoc::cli {

Table::Table(std::vector<std::string> headers)
  : m_right(headers.size(), false)
{
  add_row(std::move(headers));
  m_headers = std::move(m_rows.back());
  m_rows.clear();
}

void Table::right_align(std::size_t column)
{
  m_right.at(column) = true;
}

void Table::add_row(std::vector<std::string> cells)
{
  cells.resize(m_right.size());
  // A cell is one line, and nothing in it reaches the terminal as a control.
  for (auto& cell : cells) {
    cell = terminal_text(cell, Newlines::escape);
  }
  m_rows.push_back(std::move(cells));
}

std::string Table::render() const
{
  std::vector<int> widths(m_headers.size(), 0);
  const auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], util::display_width(row[i]));
    }
  };
  measure(m_headers);
  for (const auto& row : m_rows) {
    measure(row);
  }
  std::string out;
  const auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto padding = static_cast<std::size_t>(widths[i] - util::display_width(row[i]));
      if (i > 0) {
        line += "  ";
      }
      if (m_right[i]) {
        line.append(padding, ' ');
        line += row[i];
      } else {
        line += row[i];
        line.append(padding, ' ');
      }
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line;
    out += '\n';
  };
  emit(m_headers);
  for (const auto& row : m_rows) {
    emit(row);
  }
  return out;
}

} // namespace normdoc::cli
