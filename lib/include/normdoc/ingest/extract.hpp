// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace normdoc::ingest {

enum class Format { text, html, docx };

// The plain text of a document file and what it was read as.
struct Extracted
{
  std::string text;     // UTF-8, paragraphs on their own lines
  Format format = Format::text;
  std::string encoding; // "utf-8", "gb18030" (text files), "docx"
};

// The format a file name implies: .txt .md .text → text, .html .htm → html, .docx → docx.
// Throws DataError naming the file for any other type (including the old binary .doc).
Format format_of(const std::filesystem::path& path);

// Reads and converts one file. Throws DataError naming the file for an unreadable, empty,
// corrupt or undecodable file.
Extracted extract(const std::filesystem::path& path);

// Text of an HTML page: scripts, styles and comments dropped, entities decoded, block
// elements on lines of their own. The page's declared charset is honoured.
std::string html_to_text(std::string_view html);

// Paragraphs of a .docx (word/document.xml), one per line. Throws DataError (without a file
// name) for a corrupt archive or one without a document part.
std::string docx_to_text(std::string_view bytes);

} // namespace normdoc::ingest
