// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/ingest/extract.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace normdoc::ingest {

// A PDF read by the normdoc-read helper (poppler, and tesseract for pages without a text
// layer): the heavy libraries stay out of every other command's start, and a PDF that
// crashes them cannot take normdoc down. The helper is found through NORMDOC_READER, beside
// the running program, or in normdoc's libexec directory.
Extracted read_pdf(const std::filesystem::path& path, const ExtractOptions& options);

// The text of an HTML, .docx or OFD file (html_to_text, docx_to_text, ofd_to_text) read by the
// normdoc-readers module, which links libxml2 and libzip: loaded the first time such a file is
// read, so that the other commands do not load them (issue 18: start-up). Throws the reader's
// DataError (without a file name); a module that cannot be loaded is a DataError too.
std::string read_in_module(Format format, std::string_view bytes);

// A binary Word (.doc) or WPS file converted to text by LibreOffice (soffice --headless),
// when it is installed; otherwise a DataError saying which package to install.
std::string read_with_libreoffice(const std::filesystem::path& path);

} // namespace normdoc::ingest
