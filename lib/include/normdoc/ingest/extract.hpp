// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace normdoc::ingest {

// What a file is read as. pdf needs the normdoc-read helper (poppler, tesseract for scanned
// pages); doc (.doc, .wps, .wpt, .dot) is converted by LibreOffice when it is installed.
enum class Format
{
  text,
  html,
  docx,
  ofd,
  pdf,
  doc
};

// The stable key of a format in JSON and CSV: text, html, docx, ofd, pdf, doc.
std::string_view format_key(Format format);

struct ExtractOptions
{
  bool ocr = true; // read scanned PDF pages (no text layer) by OCR; otherwise refuse the file
  // The registry's limits.text_mb: a plain-text file larger than this is refused before it is
  // read (its UTF-8 text can only be as large or larger), any other file once its text is out.
  std::optional<std::uint64_t> max_text_bytes{};
};

// Refuses a full text of `bytes` over the registry's limit (config limits.text_mb), naming
// `source` and the setting to raise.
void require_text_within_limit(std::uint64_t bytes, std::uint64_t max_bytes, const std::string& source);

// The plain text of a document file and what it was read as.
struct Extracted
{
  std::string text; // UTF-8, paragraphs on their own lines
  Format format = Format::text;
  std::string encoding; // "utf-8", "gb18030" (text files), "html", "docx", "ofd", "pdf", "ocr", "libreoffice"
  int pages = 0;        // PDF and OFD
  int ocr_pages = 0;    // pages read by OCR
  std::optional<int> ocr_confidence; // tesseract's mean word confidence over those pages, 0-100
};

// The format a file name implies: .txt .md .text → text, .html .htm → html, .docx → docx,
// .ofd → ofd, .pdf → pdf, .doc .wps .wpt .dot → doc. Throws DataError naming the file for any
// other type.
Format format_of(const std::filesystem::path& path);

// Reads and converts one file. Throws DataError naming the file for an unreadable, empty,
// corrupt or undecodable file, a scanned PDF when OCR is off, and a .doc without LibreOffice.
Extracted extract(const std::filesystem::path& path, const ExtractOptions& options = {});

// Text of an HTML page: scripts, styles and comments dropped, entities decoded, block
// elements on lines of their own. The page's declared charset is honoured.
std::string html_to_text(std::string_view html);

// Paragraphs of a .docx (word/document.xml), one per line. Throws DataError (without a file
// name) for a corrupt archive or one without a document part.
std::string docx_to_text(std::string_view bytes);

// Text of an OFD package (GB/T 33190): its pages' text by position, laid-out lines joined
// into paragraphs. Throws DataError (without a file name) for a corrupt package.
std::string ofd_to_text(std::string_view bytes);

} // namespace normdoc::ingest
