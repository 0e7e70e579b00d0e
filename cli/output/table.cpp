// SPDX-License-Identifier: MIT
#include "output/table.hpp"
#include "output/escape.hpp"
#include "output/terminal.hpp"

#include <normdoc/util/text.hpp>

#include <algorithm>

namespace normdoc::cli {

namespace {

// Narrowest a shortened column gets: a few characters of a title still say which it is.
constexpr int k_min_column = 10;
// Below this (twelve Chinese characters) a title no longer tells documents of one office
// apart ("济源示范…" on every row): columns that may be left out go first.
constexpr int k_readable = 24;

// The width of `columns` side by side, two spaces apart, the shortenable ones that must stay
// counted at no more than k_readable (one that may go is counted whole: better left out than
// cut).
int width_with_readable_titles(const std::vector<int>& widths, const std::vector<bool>& shortenable,
                               const std::vector<std::size_t>& spare, const std::vector<std::size_t>& columns)
{
  int total = 2 * (static_cast<int>(columns.size()) - 1);
  for (const auto column : columns) {
    const bool stays = std::find(spare.begin(), spare.end(), column) == spare.end();
    total += shortenable[column] && stays ? std::min(widths[column], k_readable) : widths[column];
  }
  return total;
}

// Narrows the widest of `columns` step by step, never below k_min_column, until the row width
// `total` is within `limit`.
void narrow(std::vector<int>& widths, const std::vector<std::size_t>& columns, int& total, int limit)
{
  while (total > limit) {
    std::size_t widest = widths.size();
    for (const auto column : columns) {
      if (widths[column] > k_min_column && (widest == widths.size() || widths[column] > widths[widest])) {
        widest = column;
      }
    }
    if (widest == widths.size()) {
      return;
    }
    --widths[widest];
    --total;
  }
}

// Fits the rows to `limit` (0: no limit), the two-space gaps counted: the columns marked
// shortenable first (titles), then, if that is not enough, all of them.
void fit(std::vector<int>& widths, const std::vector<bool>& shortenable, int limit)
{
  if (limit <= 0 || widths.empty()) {
    return;
  }
  int total = 2 * static_cast<int>(widths.size() - 1);
  for (const int width : widths) {
    total += width;
  }
  std::vector<std::size_t> first;
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (shortenable[i]) {
      first.push_back(i);
    }
    all.push_back(i);
  }
  narrow(widths, first, total, limit);
  narrow(widths, all, total, limit);
}

// `cell` within `width` display columns, ending in … when cut.
std::string shortened(const std::string& cell, int width)
{
  if (util::display_width(cell) <= width) {
    return cell;
  }
  std::string out;
  int used = 0;
  for (std::size_t i = 0; i < cell.size();) {
    const std::size_t length = util::utf8_sequence_length(static_cast<unsigned char>(cell[i]));
    const std::string character = cell.substr(i, length);
    const int character_width = util::display_width(character);
    if (used + character_width > width - 1) {
      break;
    }
    out += character;
    used += character_width;
    i += length;
  }
  return out + "…";
}

} // namespace

Table::Table(std::vector<std::string> headers) : m_right(headers.size(), false), m_shortenable(headers.size(), false)
{
  add_row(std::move(headers));
  m_headers = std::move(m_rows.back());
  m_rows.clear();
}

void Table::right_align(std::size_t column)
{
  m_right.at(column) = true;
}

void Table::shorten_first(std::size_t column)
{
  m_shortenable.at(column) = true;
}

void Table::leave_out_first(std::size_t column)
{
  m_leave_out.push_back(column);
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
  const int limit = table_width();
  std::vector<std::size_t> shown(m_headers.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    shown[i] = i;
  }
  for (const auto column : m_leave_out) {
    if (limit <= 0 || width_with_readable_titles(widths, m_shortenable, m_leave_out, shown) <= limit) {
      break;
    }
    if (const auto at = std::find(shown.begin(), shown.end(), column); at != shown.end()) {
      shown.erase(at);
    }
  }
  std::vector<int> shown_widths;
  std::vector<bool> shown_shortenable;
  for (const auto column : shown) {
    shown_widths.push_back(widths[column]);
    shown_shortenable.push_back(m_shortenable[column]);
  }
  fit(shown_widths, shown_shortenable, limit);
  std::string out;
  const auto emit = [&](const std::vector<std::string>& full_row) {
    std::string line;
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const std::size_t i = shown[k];
      const std::string cell = shortened(full_row[i], shown_widths[k]);
      const auto padding = static_cast<std::size_t>(shown_widths[k] - util::display_width(cell));
      if (k > 0) {
        line += "  ";
      }
      if (m_right[i]) {
        line.append(padding, ' ');
        line += cell;
      } else {
        line += cell;
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
