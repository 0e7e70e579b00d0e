// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace normdoc::ingest {

// The lines of each page of a laid-out document (PDF, OFD), top to bottom.
using PageLines = std::vector<std::vector<std::string>>;

// The text of a laid-out document: page numbers ("— 1 —", "第1页 共3页") and running headers
// and footers repeated on most pages dropped, and the lines a paragraph was broken into for
// the page width (GB/T 9704: 28 characters a line) joined again, across pages too: a line
// as wide as the page's full lines, less a paragraph's two-character indent, that does not
// end a sentence continues. Shorter lines (titles, signatures, the last line of a paragraph)
// and lines ending a sentence stay on their own.
std::string text_of_pages(const PageLines& pages);

} // namespace normdoc::ingest
