// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/ingest/extract.hpp>

#include <filesystem>

namespace normdoc::ingest {

// A PDF read by the normdoc-read helper (poppler, and tesseract for pages without a text
// layer): the heavy libraries stay out of every other command's start, and a PDF that
// crashes them cannot take normdoc down. The helper is found through NORMDOC_READER, beside
// the running program, or in normdoc's libexec directory.
Extracted read_pdf(const std::filesystem::path& path, const ExtractOptions& options);

// A binary Word (.doc) or WPS file converted to text by LibreOffice (soffice --headless),
// when it is installed; otherwise a DataError saying which package to install.
std::string read_with_libreoffice(const std::filesystem::path& path);

} // namespace normdoc::ingest
