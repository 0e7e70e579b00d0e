// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/registry/registry.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace normdoc::registry {

// What a metadata file (`normdoc add --from meta.toml`) describes: the document, and its
// publication when it was issued before the office used normdoc.
struct DocumentMeta
{
  NewDocument document;
  std::optional<Publication> publication;
  // Why the publication gate is passed without a recorded review (older documents).
  std::optional<std::string> override_gate;
};

// Parses a metadata file. Keys: title, issuer, doc_no, drafting_unit, kind, concerns_business,
// validity, expires, drafted, index_no, subject, text (a path relative to the metadata file),
// published, effective, reg_no, override_gate. Dates may be TOML dates or strings. Unknown keys, wrong
// types and bad values throw DataError with file:line and the key. A text over `max_text_bytes`
// (config limits.text_mb) is refused before it is read whole.
DocumentMeta parse_meta(std::string_view toml_text, const std::filesystem::path& source,
                        std::optional<std::uint64_t> max_text_bytes = {});
DocumentMeta load_meta(const std::filesystem::path& path, std::optional<std::uint64_t> max_text_bytes = {});

// Reads a full text from any file import reads (ingest::extract: text in UTF-8 or GB18030,
// HTML, .docx, .doc/.wps, PDF, OFD). Throws DataError naming the file when it cannot be read,
// is empty or cannot be decoded, or when its text is over `max_text_bytes` (config limits.text_mb).
DocumentText read_document_text(const std::filesystem::path& path, std::optional<std::uint64_t> max_text_bytes = {});

} // namespace normdoc::registry
