// SPDX-License-Identifier: MIT
#pragma once

// Post-evaluation, cleanup campaigns, the catalogue and the yearly statistics (lifecycle_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/filing/filing.hpp>
#include <normdoc/lifecycle/cleanup.hpp>
#include <normdoc/lifecycle/evaluation.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/report/stats.hpp>

#include <string>
#include <utility>
#include <vector>

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
  std::vector<filing::Compliance> filing_by_year{};             // the years up to the report's, oldest first
  std::vector<std::pair<std::string, int>> expiring_by_month{}; // the next 12 months: documents in force ending then
};

// `report stats`: issued per issuer and month, review conclusions, evaluations, cleanups, the
// on-time filing rate by year and the documents expiring in the next 12 months; html draws
// them as SVG bar charts.
std::string render_stats(const report::YearStats& stats, const StatsOutlook& outlook, const RenderOptions& options);

} // namespace normdoc::cli
