// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace normdoc::cli {

// A plain-text table whose columns align by display width, so that Chinese text (two
// columns a character) lines up in a terminal. Cells are shown as terminal_text (controls
// and line feeds escaped).
class Table
{
public:
  explicit Table(std::vector<std::string> headers);

  void right_align(std::size_t column);
  // A column to shorten before the others when the table is too wide (a title, a summary).
  void shorten_first(std::size_t column);
  // A column to leave out on a narrow terminal, in the order marked, rather than cut every
  // title to a few characters (--wide, a pipe or a file show it).
  void leave_out_first(std::size_t column);
  void add_row(std::vector<std::string> cells);
  bool empty() const { return m_rows.empty(); }
  // Header, then one line per row; columns two spaces apart; no trailing spaces. Fitted to
  // table_width() (output/terminal.hpp): columns to leave out left out while the titles would
  // be cut below twelve characters, then the widest columns shortened with …
  std::string render() const;

private:
  std::vector<std::string> m_headers;
  std::vector<bool> m_right;
  std::vector<bool> m_shortenable;
  std::vector<std::size_t> m_leave_out;
  std::vector<std::vector<std::string>> m_rows;
};

} // namespace normdoc::cli
