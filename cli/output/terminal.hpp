// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace normdoc::cli {

// Columns and rows of the terminal standard output goes to: COLUMNS / LINES when set (a
// script or a test can ask for a width), else the terminal's own size; 0 when standard
// output is not a terminal and nothing was set, meaning "no limit".
int terminal_columns();
int terminal_rows();

// The width tables are fitted to (0: none). Starts at terminal_columns(); `--wide` sets 0.
int table_width();
void set_table_width(int columns);

// Whether print() may hand long output to a pager (`--no-pager` turns it off).
void set_pager_allowed(bool allowed);

// Writes `text` to standard output, through the pager when standard output is a terminal and
// `text` has more lines than the screen: NORMDOC_PAGER, else PAGER, else `less` with LESS=FRX
// unless LESS is set (as git does); an empty pager or `cat` means none. Returns false when
// standard output could not be written.
bool write_paged(const std::string& text);

} // namespace normdoc::cli
