// SPDX-License-Identifier: MIT
#pragma once

// Documents and the event log (document_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/util/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// A list of documents as a table (Chinese headers), a JSON array or CSV (English keys).
std::string render_documents(const std::vector<registry::Document>& documents, const RenderOptions& options);

// The same JSON array or CSV, handed to `out` a document at a time as they come, so that a
// list of the whole registry holds none of them (a table needs every row for its widths).
class DocumentStream
{
public:
  DocumentStream(const RenderOptions& options, std::function<void(const std::string&)> out);
  void add(const registry::Document& doc);
  void finish();

private:
  RenderOptions m_options;
  std::function<void(const std::string&)> m_out;
  util::JsonWriter m_json{2};
};

// One document: labelled lines (text) or a JSON object with every field.
std::string render_document(const registry::Document& document, const RenderOptions& options);

// The event log as a table, JSON array or CSV.
std::string render_events(const std::vector<audit::Event>& events, const RenderOptions& options);

// Chinese name of an event kind (`publish` → 发布); a review's events say `review_word`
// (audit::review_words: 开始审核 for a legality review, 开始审查 for a fair-competition one).
std::string event_label(std::string_view kind, std::string_view review_word = "审查");

} // namespace normdoc::cli
