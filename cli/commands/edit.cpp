// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "diagnostic.hpp"

#include <normdoc/ingest/metadata.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/meta_file.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/sha256.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

namespace normdoc::cli {

namespace {

struct EditOptions
{
  std::string ref;
  std::string title, issuer, doc_no, drafting_unit, index_no, subject, text, concerns_business;
  std::map<std::string, CLI::Option*> given;
  Format format = Format::text;
};

void run_edit(const EditOptions& o, Context& ctx)
{
  registry::Changes changes;
  changes.title = given(o.given.at("--title"), o.title);
  changes.issuer = given(o.given.at("--issuer"), o.issuer);
  changes.doc_no = given(o.given.at("--doc-no"), o.doc_no);
  changes.drafting_unit = given(o.given.at("--drafting-unit"), o.drafting_unit);
  changes.index_no = given(o.given.at("--index-no"), o.index_no);
  changes.subject = given(o.given.at("--subject"), o.subject);
  if (const auto flag = given(o.given.at("--concerns-business"), o.concerns_business)) {
    changes.concerns_business = *flag == "yes";
  }
  if (const auto path = given(o.given.at("--text"), o.text)) {
    changes.text = registry::read_document_text(*path, ctx.config().max_text_bytes);
    const ingest::StatedTerms terms = ingest::stated_terms(ingest::extract_validity(changes.text->content));
    changes.effective = terms.effective;
    changes.validity = terms.validity;
    changes.expires = terms.expires;
  }
  std::vector<procedure::Step> outdated;
  apply_document_change(ctx, o.format,
                        [&](const registry::Registry& registry, store::Transaction& txn, const audit::Stamp& stamp) {
                          const registry::Document doc = registry::resolve(txn.database(), o.ref);
                          if (changes.text && doc.text_sha256 != util::sha256_hex(changes.text->content)) {
                            outdated = procedure::outdate_reviews(txn, doc, ctx.today(), stamp);
                          }
                          return registry.edit(txn, doc, changes, stamp);
                        });
  for (const auto& step : outdated) {
    std::cerr << k_warning_prefix
              << fmt::format("正文已修改，{}（{} 结论：{}）不再适用，须重新审核（或越过把关并说明理由）\n",
                             procedure::step_label(step.kind), step.date->iso(),
                             procedure::conclusion_label(*step.result));
  }
}

} // namespace

void register_edit(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<EditOptions>();
  auto* sub = app.add_subcommand("edit", "更正文件的登记信息（记入操作日志）");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  o->given["--title"] = sub->add_option("--title", o->title, "标题");
  o->given["--issuer"] = sub->add_option("--issuer", o->issuer, "制定机关");
  o->given["--doc-no"] = sub->add_option("--doc-no", o->doc_no, "文号（给空字符串则清除）");
  o->given["--drafting-unit"] = sub->add_option("--drafting-unit", o->drafting_unit, "起草单位");
  o->given["--index-no"] = sub->add_option("--index-no", o->index_no, "索引号");
  o->given["--subject"] = sub->add_option("--subject", o->subject, "主题分类");
  o->given["--text"] = sub->add_option("--text", o->text, "用此文件替换全文");
  o->given["--concerns-business"] =
    sub->add_option("--concerns-business", o->concerns_business, "是否涉及市场主体经济活动：yes 或 no")
      ->check(CLI::IsMember({"yes", "no"}));
  add_format_option(sub, o->format, {Format::text, Format::json});
  sub->callback([o, &ctx] { run_edit(*o, ctx); });
}

} // namespace normdoc::cli
