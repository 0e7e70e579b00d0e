// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/metadata.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/meta_file.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>

namespace normdoc::cli {

namespace {

struct AddOptions
{
  std::string title, issuer, doc_no, drafting_unit, text, kind, validity, expires, from, drafted, index_no, subject;
  std::string published, effective, reg_no, reason;
  bool override_gate = false;
  bool concerns_business = false;
  Format format = Format::text;
  std::map<std::string, CLI::Option*> given;

  std::optional<std::string> value(const std::string& name, const std::string& field) const
  {
    return cli::given(given.at(name), field);
  }
};

// Flags override what the metadata file says, field by field.
registry::DocumentMeta collect(const AddOptions& o, const config::Config& config)
{
  registry::DocumentMeta meta;
  if (!o.from.empty()) {
    meta = registry::load_meta(o.from, config.max_text_bytes);
  }
  registry::NewDocument& doc = meta.document;
  if (auto v = o.value("--title", o.title))
    doc.title = *v;
  if (auto v = o.value("--issuer", o.issuer))
    doc.issuer = *v;
  if (doc.issuer.empty())
    doc.issuer = config.office_name;
  if (auto v = o.value("--doc-no", o.doc_no))
    doc.doc_no = v;
  if (auto v = o.value("--drafting-unit", o.drafting_unit))
    doc.drafting_unit = v;
  if (auto v = o.value("--kind", o.kind))
    doc.kind = *v;
  if (auto v = o.value("--index-no", o.index_no))
    doc.index_no = v;
  if (auto v = o.value("--subject", o.subject))
    doc.subject = v;
  if (o.concerns_business)
    doc.concerns_business = true;
  if (auto v = o.value("--validity", o.validity))
    doc.validity = parse_duration_option(*v, "--validity");
  if (auto v = o.value("--expires", o.expires))
    doc.expires = parse_date_option(*v, "--expires");
  if (auto v = o.value("--drafted", o.drafted))
    doc.drafted = parse_date_option(*v, "--drafted");
  if (auto v = o.value("--text", o.text))
    doc.text = registry::read_document_text(*v, config.max_text_bytes);
  if (auto v = o.value("--published", o.published)) {
    meta.publication = registry::Publication{parse_date_option(*v, "--published")};
  }
  if (meta.publication) {
    if (auto v = o.value("--effective", o.effective))
      meta.publication->effective = parse_date_option(*v, "--effective");
    if (auto v = o.value("--reg-no", o.reg_no))
      meta.publication->reg_no = v;
    meta.publication->expires = doc.expires;
    meta.publication->validity = doc.validity;
  } else if (!o.effective.empty() || !o.reg_no.empty()) {
    throw UsageError("--effective 和 --reg-no 只用于登记已发布的文件，须同时给出 --published");
  }
  if (doc.text) {
    ingest::apply_stated_terms(meta, ingest::stated_terms(ingest::extract_validity(doc.text->content)));
  }
  if (doc.title.empty()) {
    throw UsageError("缺少标题：用 --title 给出，或在 --from 的文件中写 title");
  }
  if (doc.issuer.empty()) {
    throw UsageError("缺少制定机关：用 --issuer 给出，或在配置文件 [office] 中写 name");
  }
  return meta;
}

void run_add(const AddOptions& options, Context& ctx)
{
  const registry::DocumentMeta meta = collect(options, ctx.config());
  apply_document_change(
    ctx, options.format, [&](const registry::Registry& registry, store::Transaction& txn, const audit::Stamp& stamp) {
      const registry::Document doc = registry.add(txn, meta.document, stamp);
      if (!meta.publication) {
        return doc;
      }
      const auto override_reason = options.override_gate ? std::optional(options.reason) : meta.override_gate;
      procedure::require_publication_gate(txn, doc, meta.publication->date, override_reason, stamp);
      return registry.publish(txn, doc, *meta.publication, stamp);
    });
}

} // namespace

void register_add(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<AddOptions>();
  auto* sub = app.add_subcommand("add", "登记一份文件（草稿；给出 --published 则登记为已发布的文件）");
  const auto option = [&](const std::string& name, std::string& target, const std::string& help) {
    o->given[name] = sub->add_option(name, target, help);
  };
  option("--title", o->title, "标题");
  option("--issuer", o->issuer, "制定机关（默认取配置 [office] name）");
  option("--doc-no", o->doc_no, "文号，例如 济示文旅〔2024〕5号");
  option("--drafting-unit", o->drafting_unit, "起草单位");
  option("--text", o->text, "全文文件（UTF-8），保存全文及其 SHA-256");
  option("--kind", o->kind, "类别：normative（规范性文件，默认）或 other");
  o->given["--kind"]->check(CLI::IsMember({"normative", "other"}));
  option("--validity", o->validity, "有效期，例如 5y、2y（默认按配置：一般5年，暂行/试行2年）");
  option("--expires", o->expires, "有效期截止日（与 --validity 二选一）");
  option("--drafted", o->drafted, "起草日期");
  option("--index-no", o->index_no, "索引号（政务公开）");
  option("--subject", o->subject, "主题分类");
  option("--from", o->from, "从元数据文件（TOML）读取以上各项；命令行参数优先");
  option("--published", o->published, "发布日期：登记使用 normdoc 之前已发布的文件");
  option("--effective", o->effective, "施行日期（默认同发布日期；需 --published）");
  option("--reg-no", o->reg_no, "原有登记编号（需 --published；默认按配置自动编号）");
  sub->add_flag("--concerns-business", o->concerns_business, "涉及市场主体经济活动（需公平竞争审查）");
  auto* reason = sub->add_option("--reason", o->reason, "越过把关的理由（与 --override-gate 同用）");
  sub
    ->add_flag("--override-gate", o->override_gate,
               "越过发布把关（涉及经营者的文件没有公平竞争审查记录）：补登记旧文件时使用，理由记入日志")
    ->needs(reason);
  add_format_option(sub, o->format, {Format::text, Format::json});
  o->given["--validity"]->excludes(o->given["--expires"]);
  sub->callback([o, &ctx] { run_add(*o, ctx); });
}

} // namespace normdoc::cli
