// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct PublishOptions
{
  std::string ref, date, effective, expires, validity, reg_no, reason;
  bool override_gate = false;
  bool planned = false;
  Format format = Format::text;
};

void run_publish(const PublishOptions& o, Context& ctx)
{
  registry::Publication publication{ctx.done_date(o.date, "--date", o.planned)};
  publication.effective = optional_date_option(o.effective, "--effective");
  publication.expires = optional_date_option(o.expires, "--expires");
  if (!o.validity.empty()) {
    publication.validity = parse_duration_option(o.validity, "--validity");
  }
  publication.reg_no = optional_text(o.reg_no);
  apply_document_change(
    ctx, o.format, [&](const registry::Registry& registry, store::Transaction& txn, const audit::Stamp& stamp) {
      const registry::Document doc = registry::resolve(txn.database(), o.ref);
      procedure::require_publication_gate(txn, doc, publication.date,
                                          o.override_gate ? std::optional(o.reason) : std::nullopt, stamp);
      return registry.publish(txn, doc, publication, stamp);
    });
}

} // namespace

void register_publish(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<PublishOptions>();
  auto* sub = app.add_subcommand("publish", "发布文件：统一登记编号，确定施行日期和有效期");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  sub->add_option("--date", o->date, "发布日期")->required();
  sub->add_option("--effective", o->effective, "施行日期（默认同发布日期）");
  auto* expires = sub->add_option("--expires", o->expires, "有效期截止日（最后一个有效日）");
  auto* validity = sub->add_option("--validity", o->validity, "有效期，例如 5y（默认按配置：一般5年，暂行/试行2年）");
  expires->excludes(validity);
  sub->add_option("--reg-no", o->reg_no, "使用已有的登记编号（默认按配置自动编号）");
  auto* reason = sub->add_option("--reason", o->reason, "越过把关的理由（与 --override-gate 同用）");
  sub
    ->add_flag(
      "--override-gate", o->override_gate,
      "越过把关（涉及经营者的文件未经公平竞争审查即发布）：仅用于补登记使用 normdoc 之前印发的文件，理由记入日志")
    ->needs(reason);
  sub->add_flag("--planned", o->planned, "日期在今天之后：作为计划登记（报表不计为已办，到期提醒在该日前照常提示）");
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_publish(*o, ctx); });
}

} // namespace normdoc::cli
