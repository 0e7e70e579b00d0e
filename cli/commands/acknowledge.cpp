// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"

#include <normdoc/deadline/due.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace normdoc::cli {

namespace {

struct AcknowledgeOptions
{
  std::string ref, subject, date, reason;
  int year = 0;
};

// `acknowledge --year Y SUBJECT`: every document of the year; its one positional is the subject.
void run_acknowledge_year(const AcknowledgeOptions& o, const util::Date& date, Context& ctx)
{
  if (!o.subject.empty()) {
    throw UsageError("--year 与 REF 不能同时给出：用 normdoc acknowledge --year 年份 SUBJECT --reason …");
  }
  const auto acks = write(ctx, [&](store::Transaction& txn) {
    return deadline::acknowledge_year(txn, o.year, o.ref, date, o.reason, ctx.config(), ctx.calendar(), ctx.stamp());
  });
  const std::string_view subject = deadline::acknowledgement_subject_label(o.ref);
  std::string out;
  for (const auto& ack : acks) {
    out += fmt::format("#{}\t{}\t{} 已确认：{}\n", ack.document, subject, ack.date.iso(), ack.reason);
  }
  print(out + fmt::format("{}年：{}份文件已确认“{}”\n", o.year, acks.size(), subject));
}

void run_acknowledge(const AcknowledgeOptions& o, Context& ctx)
{
  const util::Date date = o.date.empty() ? ctx.today() : ctx.done_date(o.date, "--date", false);
  if (o.year != 0) {
    run_acknowledge_year(o, date, ctx);
    return;
  }
  if (o.subject.empty()) {
    throw UsageError("请给出文件和要确认的事项：normdoc acknowledge REF SUBJECT --reason …（或 --year 年份 SUBJECT）");
  }
  registry::Document doc;
  const registry::Acknowledgement ack = write(ctx, [&](store::Transaction& txn) {
    doc = registry::resolve(txn.database(), o.ref);
    return deadline::acknowledge(txn, doc, o.subject, date, o.reason, ctx.config(), ctx.calendar(), ctx.stamp());
  });
  print(fmt::format("#{}《{}》\t{}\t{} 已确认：{}\n", doc.id, doc.title,
                    deadline::acknowledgement_subject_label(ack.subject), ack.date.iso(), ack.reason));
}

} // namespace

void register_acknowledge(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<AcknowledgeOptions>();
  auto* sub = app.add_subcommand(
    "acknowledge", "确认一项无须再办的到期事项（记入日志，不删除）：有效期届满已失效、使用 normdoc 前已备案、程序问题");
  sub->add_option("REF", o->ref, "文件编号、登记编号或文号（用 --year 时省略）")->required();
  sub->add_option("SUBJECT", o->subject,
                  "expired（有效期届满，在目录中确认已失效）、filed-before-registry（使用 normdoc 前已报送备案）、"
                  "或 show --procedure 列出的程序问题代码");
  sub->add_option("--year", o->year, "确认该年发布的每一份适用的规范性文件（代替 REF），例如使用 normdoc 之前的年份")
    ->check(CLI::Range(1900, 2199));
  sub->add_option("--date", o->date, "确认日期（默认今天）");
  sub->add_option("--reason", o->reason, "理由")->required();
  sub->callback([o, &ctx] { run_acknowledge(*o, ctx); });
}

} // namespace normdoc::cli
