// SPDX-License-Identifier: MIT
#pragma once

#include "output/format.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/util/date.hpp>
#include <normdoc/util/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

struct RenderOptions
{
  Format format = Format::table;
  util::Date as_of;
  bool bom = false;            // CSV only
  bool english_header = false; // CSV only: the JSON keys instead of Chinese labels, for scripts
  // Printed forms (text, md, html): the office that signs them (config [office] name) and the
  // day they are printed (today, local time), shown in the footer of md and html.
  std::string office{};
  std::optional<util::Date> printed_on{};
};

// A CSV column: the key scripts read (`--header en`, the JSON key) and the label people read.
struct CsvColumn
{
  std::string_view key;
  std::string_view label;
};

// A header and rows as RFC 4180 CSV: Chinese labels unless options.english_header, a BOM when
// options.bom.
std::string csv_of(const std::vector<CsvColumn>& columns, const std::vector<std::vector<std::string>>& rows,
                   const RenderOptions& options);
// A yes/no cell: true/false for scripts, 是/否 under Chinese headers.
std::string csv_flag(bool value, const RenderOptions& options);

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

#include <normdoc/deadline/due.hpp>
#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>

namespace normdoc::cli {

// A document with its procedure steps, filings and the defects found in them
// (`show --procedure`): labelled sections as text, or the document JSON with a
// `procedure` object.
std::string render_procedure(const registry::Document& document, const std::vector<procedure::Step>& steps,
                             const std::vector<filing::Filing>& filings, const std::vector<procedure::Issue>& issues,
                             const RenderOptions& options);

// One recorded step as a line of text or a JSON object.
std::string render_step(const procedure::Step& step, const RenderOptions& options);

// The filings of one document as a table or a JSON array.
std::string render_filings(const std::vector<filing::Filing>& filings, const RenderOptions& options);

// `due` items: one line each (text), a JSON array, CSV, or an iCalendar file of VTODOs stamped
// `now_utc` (`YYYYMMDDTHHMMSSZ`).
std::string render_due(const std::vector<deadline::DueItem>& items, const RenderOptions& options,
                       std::string_view now_utc);

} // namespace normdoc::cli

#include <normdoc/review/review.hpp>

namespace normdoc::cli {

// A review as its written opinion (审核意见书 / 公平竞争审查表): text, md, a printable html page,
// or a JSON object with every item, finding and dismissal.
std::string render_review(const review::Review& review, const registry::Document& document, const RenderOptions& options);

// Reviews with their documents, one line each (table) or a JSON array.
std::string render_reviews(const std::vector<std::pair<review::Review, registry::Document>>& reviews,
                           const RenderOptions& options);

} // namespace normdoc::cli

#include <normdoc/lifecycle/cleanup.hpp>
#include <normdoc/lifecycle/evaluation.hpp>
#include <normdoc/report/stats.hpp>

namespace normdoc::cli {

// A post-evaluation and what it did, as text or JSON.
std::string render_evaluation(const lifecycle::Evaluation& evaluation, const registry::Document& document,
                              const RenderOptions& options);

// A campaign's decided and undecided documents (table) or counts and items (JSON).
std::string render_campaign_status(const lifecycle::Campaign& campaign, const RenderOptions& options);

// The four published lists of a cleanup (继续有效 / 修改 / 废止 / 宣布失效): md, html, text, csv, json.
std::string render_cleanup_report(const lifecycle::Campaign& campaign, const RenderOptions& options);

// 现行有效规范性文件目录 grouped by issuer: md, html (printable), text, csv, json.
std::string render_catalog(const std::vector<registry::Document>& documents, const RenderOptions& options);

// What `report stats` shows beside the year's own figures (text, md, html; not in its JSON).
struct StatsOutlook
{
  std::vector<filing::Compliance> filing_by_year{};                 // the years up to the report's, oldest first
  std::vector<std::pair<std::string, int>> expiring_by_month{};    // the next 12 months: documents in force ending then
};

// `report stats`: issued per issuer and month, review conclusions, evaluations, cleanups, the
// on-time filing rate by year and the documents expiring in the next 12 months; html draws
// them as SVG bar charts.
std::string render_stats(const report::YearStats& stats, const StatsOutlook& outlook, const RenderOptions& options);

} // namespace normdoc::cli

#include <normdoc/search/search.hpp>

namespace normdoc::cli {

// Search hits: two lines each (title with the matches, then a passage), the matches in bold
// when `terminal`, or a JSON array of documents with `match_title`, `snippet` and `score`.
std::string render_search_hits(const std::vector<search::Hit>& hits, const RenderOptions& options, bool terminal);

} // namespace normdoc::cli

#include <normdoc/ingest/importer.hpp>

namespace normdoc::cli {

// What import did (or would do) per file: a table (unsure fields marked （？）) or a JSON array
// with each extracted field's value, source and confidence.
std::string render_import(const std::vector<ingest::FileResult>& results, const RenderOptions& options);

} // namespace normdoc::cli
