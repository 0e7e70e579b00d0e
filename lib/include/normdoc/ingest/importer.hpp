// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/ingest/metadata.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/store/database.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace normdoc::ingest {

// Fields an officer sets for a file in an override file, replacing what was extracted:
// title issuer doc_no drafting_unit published effective reg_no subject index_no
// concerns_business kind.
struct Override
{
  std::map<std::string, std::string> fields;
  std::string source; // file:line, for errors
};

// Override files: CSV with a `file` column and one column per field, or TOML with one table
// per file (["通知.docx"] title = "…"). Files are matched by the path as given or by name.
// Throws DataError with file:line for an unknown field or a malformed file.
std::map<std::string, Override> parse_overrides(std::string_view text, const std::string& source);

struct ImportSettings
{
  bool dry_run = false;
  bool as_published = false; // register as published on the extracted date
  bool as_filed = false;     // and filed before the registry (acknowledged on publication)
  bool ocr = true;           // read scanned PDF pages by OCR (import --no-ocr refuses them)
  // Issued before the registry: the publication gate is passed with this reason, logged, and
  // the skipped-step defects are acknowledged with it (as `add --published --override-gate`).
  std::optional<std::string> override_reason{};
  std::optional<std::string> issuer{}; // when the text names none
  std::map<std::string, Override> overrides{};
};

enum class Status
{
  added,
  would_add,
  duplicate,
  error
};
std::string_view status_key(Status status);
std::string_view status_label(Status status);

struct FileResult
{
  std::string file;
  Status status = Status::error;
  // What the file was read as; the text itself is not kept, so memory stays flat however
  // many files a batch holds.
  std::optional<Format> format{};
  std::string encoding{};
  int pages = 0;     // PDF and OFD
  int ocr_pages = 0; // read by OCR: the text is to be checked against the scan
  std::optional<int> ocr_confidence{};
  Metadata metadata{};
  std::optional<std::int64_t> document{}; // added, or the one it duplicates
  std::string error{};                    // one line, naming the file
};

// Imports files in batches (one transaction per batch, a savepoint per file): a file that
// fails is reported and the rest go on; a text already registered (by SHA-256) is a
// duplicate and skipped, so a re-run after an interruption completes without doubling.
// `progress` is called after each file.
std::vector<FileResult> import_files(store::Database& db, const registry::Registry& registry,
                                     const std::vector<std::filesystem::path>& files, const ImportSettings& settings,
                                     const config::Config& config, const audit::Stamp& stamp,
                                     const std::function<void(std::size_t done, const FileResult&)>& progress);

// The files under `paths`: files as given, directories walked recursively, each directory's
// files in name order. Every file but hidden ones (.DS_Store) is listed, whatever its type:
// one that cannot be read is reported by import, never passed over in silence.
std::vector<std::filesystem::path> collect_files(const std::vector<std::filesystem::path>& paths);

} // namespace normdoc::ingest
