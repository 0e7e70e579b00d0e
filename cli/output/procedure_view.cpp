// SPDX-License-Identifier: MIT
#include "output/procedure_view.hpp"
#include "output/detail.hpp"
#include "output/escape.hpp"
#include "output/table.hpp"

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

// "2024-08-01 至 2024-08-30，政府网站" — the facts of a step in one phrase.
std::string step_summary(const procedure::Step& step)
{
  std::vector<std::string> parts;
  if (step.from) {
    parts.push_back(fmt::format("{} 至 {}", step.from->iso(), iso(step.to)));
  }
  if (step.received) {
    parts.push_back(fmt::format("{} 收到", step.received->iso()));
  }
  if (step.date) {
    parts.push_back(step.date->iso());
  } else if (step.kind == procedure::StepKind::legality_review) {
    parts.emplace_back("审核中");
  }
  if (step.result) {
    parts.emplace_back(procedure::conclusion_label(*step.result));
  }
  if (step.until) {
    parts.push_back(fmt::format("实施期限至 {}", step.until->iso()));
  }
  for (const auto* extra : {&step.meeting, &step.channel, &step.note}) {
    if (*extra) {
      parts.push_back(**extra);
    }
  }
  // 国办发〔2018〕115号 (五): why a legality review took less than the minimum.
  if (step.urgency) {
    parts.push_back(fmt::format("紧急审核：{}", *step.urgency));
  }
  std::string out;
  for (const auto& part : parts) {
    out += out.empty() ? part : "，" + part;
  }
  return out;
}

void write_step(util::JsonWriter& json, const procedure::Step& step)
{
  json.begin_object()
    .member("id", step.id)
    .member("document", step.document)
    .member("step", procedure::step_key(step.kind))
    .member("step_label", procedure::step_label(step.kind));
  procedure::write_recorded(json, step);
  json.end_object();
}

void write_filing(util::JsonWriter& json, const filing::Filing& filing)
{
  json.begin_object();
  filing::write_members(json, filing);
  json.end_object();
}

std::string filing_state(const filing::Filing& filing)
{
  std::string state = fmt::format("{} 报送", filing.filed.iso());
  for (const auto& outcome : filing.outcomes) {
    state += outcome.kind == "corrected"
               ? fmt::format("；{} 已纠正", outcome.date.iso())
               : fmt::format("；{} {}", outcome.date.iso(), filing::result_label(*outcome.result));
  }
  if (!filing.missing.empty()) {
    std::string missing;
    for (const auto& item : filing.missing) {
      missing += missing.empty() ? item : "、" + item;
    }
    state += fmt::format("；缺少：{}", missing);
  }
  if (filing.voided) {
    state += fmt::format("；{} 已作废：{}", filing.voided->iso(), filing.void_reason.value_or(""));
  }
  return state;
}

} // namespace

std::string render_step(const procedure::Step& step, const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    write_step(json, step);
    return json.str() + "\n";
  }
  return terminal_text(fmt::format("已记录：文件 #{} {}（{}）", step.document, procedure::step_label(step.kind),
                                   step_summary(step)),
                       Newlines::escape) +
         "\n";
}

std::string render_filings(const std::vector<filing::Filing>& filings, const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& filing : filings) {
      write_filing(json, filing);
    }
    json.end_array();
    return json.str() + "\n";
  }
  Table table({"备案机关", "情况"});
  for (const auto& filing : filings) {
    table.add_row({filing.body, filing_state(filing)});
  }
  return table.render();
}

std::string render_procedure(const registry::Document& doc, const std::vector<procedure::Step>& steps,
                             const std::vector<filing::Filing>& filings, const std::vector<procedure::Issue>& issues,
                             const RenderOptions& options)
{
  if (options.format == Format::json) {
    util::JsonWriter json(2);
    json.begin_object();
    write_document_fields(json, doc, options.as_of);
    json.key("procedure").begin_object().key("steps").begin_array();
    for (const auto& step : steps) {
      write_step(json, step);
    }
    json.end_array().key("filings").begin_array();
    for (const auto& filing : filings) {
      write_filing(json, filing);
    }
    json.end_array().key("issues").begin_array();
    for (const auto& issue : issues) {
      json.begin_object()
        .member("code", issue.code)
        .member("message", issue.message)
        .member("article", issue.article)
        .member("date", issue.date.iso())
        .end_object();
    }
    json.end_array().end_object().end_object();
    return json.str() + "\n";
  }
  std::string out = render_document_text(doc, options);
  out += "\n制定程序\n";
  if (steps.empty()) {
    out += "  （未记录）\n";
  }
  for (const auto& step : steps) {
    out +=
      terminal_text(fmt::format("  {}  {}", procedure::step_label(step.kind), step_summary(step)), Newlines::escape) +
      "\n";
  }
  out += "\n备案\n";
  if (filings.empty()) {
    out += "  （未报送）\n";
  }
  for (const auto& filing : filings) {
    out += terminal_text(fmt::format("  {}  {}", filing.body, filing_state(filing)), Newlines::escape) + "\n";
  }
  out += "\n程序问题\n";
  if (issues.empty()) {
    out += "  （未发现）\n";
  }
  for (const auto& issue : issues) {
    out += terminal_text(fmt::format("  ✗ {}（{}）", issue.message, issue.article), Newlines::escape) + "\n";
  }
  return out;
}

} // namespace normdoc::cli
