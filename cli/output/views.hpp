// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/util/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

enum class Format { table, text, json, csv };

Format parse_format(std::string_view name);

struct RenderOptions
{
  Format format = Format::table;
  util::Date as_of;
  bool bom = false;  // CSV only
};

// A list of documents as a table (Chinese headers), a JSON array or CSV (English keys).
std::string render_documents(const std::vector<registry::Document>& documents, const RenderOptions& options);

// One document: labelled lines (text) or a JSON object with every field.
std::string render_document(const registry::Document& document, const RenderOptions& options);

// The event log as a table, JSON array or CSV.
std::string render_events(const std::vector<audit::Event>& events, const RenderOptions& options);

// Chinese name of an event kind (`publish` → 发布).
std::string_view event_label(std::string_view kind);

} // namespace normdoc::cli
