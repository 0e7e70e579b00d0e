// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/lifecycle_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/lifecycle/evaluation.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

struct EvaluateOptions
{
  std::string ref, outcome, date, report, reason, by, validity, expires;
  Format format = Format::text;
};

void run_evaluate(const EvaluateOptions& o, Context& ctx)
{
  lifecycle::EvaluationInput input{*lifecycle::parse_outcome(o.outcome), parse_date_option(o.date, "--date")};
  input.reason = optional_text(o.reason);
  if (!o.report.empty()) {
    input.report = o.report;
  }
  if (!o.validity.empty()) {
    input.validity = parse_duration_option(o.validity, "--validity");
  }
  input.expires = optional_date_option(o.expires, "--expires");
  if (input.outcome != lifecycle::Outcome::keep_in_force && (input.validity || input.expires)) {
    throw UsageError("--validity、--expires 只用于 --outcome continue（继续有效）");
  }
  if (input.outcome != lifecycle::Outcome::amend && !o.by.empty()) {
    throw UsageError("--by 只用于 --outcome amend（修改）");
  }
  const registry::Registry registry(ctx.config());
  const auto [evaluation, after] = write(ctx, [&](store::Transaction& txn) {
    store::Database& db = txn.database();
    const registry::Document doc = registry::resolve(db, o.ref);
    if (!o.by.empty()) {
      input.replacement = registry::resolve(db, o.by);
    }
    lifecycle::Evaluation recorded = lifecycle::evaluate(txn, registry, doc, input, ctx.config(), ctx.stamp());
    // The document as the evaluation left it (renewed, amended or repealed).
    return std::pair{std::move(recorded), *registry::find(db, doc.id)};
  });
  print(render_evaluation(evaluation, after, RenderOptions{o.format, input.date}));
}

} // namespace

void register_evaluate(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<EvaluateOptions>();
  auto* sub = app.add_subcommand("evaluate", "记录后评估结论：继续有效（重新计算有效期）、修改或废止");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--outcome", o->outcome, "评估结论：continue（继续有效）、amend（修改）、repeal（废止）")
    ->required()
    ->check(CLI::IsMember({"continue", "amend", "repeal"}));
  sub->add_option("--date", o->date, "作出决定的日期")->required();
  sub->add_option("--report", o->report, "评估报告文件（记录文件名和 SHA-256）");
  sub->add_option("--reason", o->reason, "理由（废止时必填）");
  sub->add_option("--by", o->by, "修改：修改后的新文件（先用 normdoc add 登记）");
  sub->add_option("--validity", o->validity, "继续有效：新的有效期，自决定之日起算，例如 5y（默认按配置）");
  sub->add_option("--expires", o->expires, "继续有效：新的有效期截止日（代替 --validity）");
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_evaluate(*o, ctx); });
}

} // namespace normdoc::cli
