// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "output/import_view.hpp"

#include <normdoc/audit/checkpoint.hpp>
#include <normdoc/bundle/bundle.hpp>
#include <normdoc/error.hpp>
#include <normdoc/ingest/importer.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <map>

namespace normdoc::cli {

namespace {

struct ImportOptions
{
  std::vector<std::string> paths;
  bool dry_run = false;
  bool as_published = false;
  bool yes = false;
  bool as_filed = false;
  bool no_ocr = false;
  bool override_gate = false;
  std::string issuer, reason, meta, bundle, sender_key;
  std::string on_conflict = "refuse";
  Format format = Format::table;
};

// Confirms an import that replaces registered documents, after listing what changes: on a
// terminal by asking, otherwise only with --yes (a script must say it means it).
void confirm_replacements(const ImportOptions& o, const std::vector<bundle::Conflict>& conflicts)
{
  if (conflicts.empty()) {
    return;
  }
  std::string listing;
  for (const auto& conflict : conflicts) {
    std::string changes;
    for (const auto& change : conflict.changes) {
      changes += (changes.empty() ? "" : "；") + change;
    }
    listing += fmt::format("{}:{}: 将替换 #{}（{}）：{}\n", o.bundle, conflict.line, conflict.existing, conflict.reason,
                           changes.empty() ? "字段无变化" : changes);
  }
  std::cerr << listing;
  if (o.yes) {
    return;
  }
  if (isatty(STDIN_FILENO) == 0) {
    throw UsageError(
      fmt::format("--on-conflict replace 将改动{}份已登记的文件（见上），未导入任何文件", conflicts.size()),
      "核对后加 --yes 再运行");
  }
  std::cerr << fmt::format("替换以上{}份文件？[y/N] ", conflicts.size()) << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "y" && answer != "Y" && answer != "yes") {
    throw UsageError("未确认，未导入任何文件");
  }
}

void run_bundle_import(const ImportOptions& o, Context& ctx)
{
  if (!o.paths.empty() || o.dry_run || o.as_published || o.as_filed || o.override_gate || !o.meta.empty()) {
    throw UsageError("--bundle 不能与 PATH、--dry-run、--as-published、--as-filed、--override-gate、--meta 同时使用");
  }
  util::require_regular_file(o.bundle, "数据包");
  const auto policy = o.on_conflict == "skip"      ? bundle::OnConflict::skip
                      : o.on_conflict == "replace" ? bundle::OnConflict::replace
                                                   : bundle::OnConflict::refuse;
  bundle::ReadOptions options{bundle::OnConflict::refuse, ctx.config().max_text_bytes, std::nullopt};
  if (!o.sender_key.empty()) {
    util::require_regular_file(o.sender_key, "发送方公钥");
    options.sender_key = audit::read_public_key(o.sender_key);
  }
  const bundle::ReadResult result = write(ctx, [&](store::Transaction& txn) {
    const auto read = [&] {
      std::ifstream in(o.bundle, std::ios::binary);
      if (!in) {
        throw DataError("无法读取数据包", Location{o.bundle, 0, 0, {}});
      }
      return bundle::read(txn, in, o.bundle, options, ctx.stamp());
    };
    bundle::ReadResult read_result = read();
    if (policy == bundle::OnConflict::replace) {
      // The first read wrote nothing when there were conflicts: list them, confirm, write.
      confirm_replacements(o, read_result.conflicts);
      if (!read_result.conflicts.empty()) {
        options.on_conflict = policy;
        read_result = read();
      }
    } else if (policy == bundle::OnConflict::skip && !read_result.conflicts.empty()) {
      options.on_conflict = policy;
      read_result = read();
    }
    if (options.on_conflict == bundle::OnConflict::refuse && !read_result.conflicts.empty()) {
      // A bundle imported twice conflicts on every line: the first few say what happened.
      constexpr std::size_t k_listed = 20;
      std::string report;
      for (std::size_t i = 0; i < std::min(k_listed, read_result.conflicts.size()); ++i) {
        const auto& conflict = read_result.conflicts[i];
        report += fmt::format("{}:{}: 《{}》与已登记的 #{} {}\n", o.bundle, conflict.line, conflict.title,
                              conflict.existing, conflict.reason);
      }
      if (read_result.conflicts.size() > k_listed) {
        report += fmt::format("{}: 另有{}份冲突未列出\n", o.bundle, read_result.conflicts.size() - k_listed);
      }
      std::cerr << report;
      throw DataError(fmt::format("数据包中有{}份文件与已登记的文件冲突，未导入任何文件", read_result.conflicts.size()),
                      Location{o.bundle, 0, 0, {}},
                      "用 --on-conflict skip 跳过这些文件，或 --on-conflict replace 以数据包为准");
    }
    return read_result;
  });
  for (const auto& notice : result.notices) {
    std::cerr << fmt::format("normdoc: 提示：{}: {}\n", o.bundle, notice);
  }
  print(fmt::format("{}：新增{}，替换{}，跳过{}\n", o.bundle, result.added, result.replaced, result.skipped));
}

// "（按格式：pdf 3，docx 2；文字识别 1 份）": what the files read were, for a mixed folder.
std::string format_summary(const std::vector<ingest::FileResult>& results)
{
  std::map<std::string_view, int> by_format;
  int ocr = 0;
  for (const auto& result : results) {
    if (result.format && result.status != ingest::Status::error) {
      ++by_format[ingest::format_key(*result.format)];
      ocr += result.ocr_pages > 0 ? 1 : 0;
    }
  }
  if (by_format.empty()) {
    return "";
  }
  std::vector<std::string> parts;
  for (const auto& [format, n] : by_format) {
    parts.push_back(fmt::format("{} {}", format, n));
  }
  return fmt::format("（按格式：{}{}）", fmt::join(parts, "，"),
                     ocr > 0 ? fmt::format("；文字识别{}份，须与原件核对", ocr) : "");
}

void run_import(const ImportOptions& o, Context& ctx)
{
  if (!o.bundle.empty()) {
    run_bundle_import(o, ctx);
    return;
  }
  if (o.paths.empty()) {
    throw UsageError("请给出要导入的文件或目录，或用 --bundle 导入数据包");
  }
  if (!o.sender_key.empty()) {
    throw UsageError("--sender-key 只能与 --bundle 同用");
  }
  ingest::ImportSettings settings;
  settings.dry_run = o.dry_run;
  settings.as_published = o.as_published;
  settings.as_filed = o.as_filed;
  if (o.override_gate) {
    settings.override_reason = o.reason;
  }
  settings.issuer = optional_text(o.issuer);
  if (!o.meta.empty()) {
    settings.overrides = ingest::parse_overrides(util::to_utf8(util::read_file(o.meta, "覆盖文件"), o.meta), o.meta);
  }
  std::vector<std::filesystem::path> roots(o.paths.begin(), o.paths.end());
  const auto files = ingest::collect_files(roots);
  if (files.empty()) {
    throw UsageError("没有找到可导入的文件（.txt .md .html .docx .doc .wps .pdf .ofd）");
  }
  settings.ocr = !o.no_ocr;
  store::Database db = ctx.open_database();
  const registry::Registry registry(ctx.config());
  const bool show_progress = files.size() > 1 && isatty(STDERR_FILENO) != 0;
  // The file being read is named: a scanned PDF takes seconds a page to read by OCR.
  const auto show = [&](std::size_t done) {
    if (show_progress) {
      std::cerr << fmt::format("\r\x1b[K导入 {}/{}{}", done, files.size(),
                               done < files.size() ? fmt::format("，正在读取 {}", files[done].filename().string()) : "")
                << std::flush;
    }
  };
  show(0);
  const auto results = ingest::import_files(db, registry, files, settings, ctx.config(), ctx.stamp(),
                                            [&](std::size_t done, const ingest::FileResult&) { show(done); });
  if (show_progress) {
    std::cerr << "\r\x1b[K";
  }
  print(render_import(results, RenderOptions{o.format, ctx.today()}));
  std::array<std::size_t, 4> counts{};
  for (const auto& result : results) {
    ++counts.at(static_cast<std::size_t>(result.status));
  }
  const auto count = [&](ingest::Status status) { return counts.at(static_cast<std::size_t>(status)); };
  std::cerr << fmt::format("normdoc: 共{}份：{}{}，重复{}，出错{}{}\n", results.size(), o.dry_run ? "将登记" : "已登记",
                           o.dry_run ? count(ingest::Status::would_add) : count(ingest::Status::added),
                           count(ingest::Status::duplicate), count(ingest::Status::error), format_summary(results));
  if (count(ingest::Status::error) > 0) {
    ctx.exit_code = ExitCode::data;
  }
}

} // namespace

void register_import(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ImportOptions>();
  auto* sub = app.add_subcommand(
    "import",
    "导入文件（.txt/.md/.html/.docx/.doc/.wps/.pdf/.ofd，目录递归）：提取正文和标题、文号、制定机关、日期后登记；已登记的正文跳过");
  sub->add_option("PATH", o->paths, "文件或目录");
  sub->add_flag("--dry-run", o->dry_run, "只显示将登记的内容和每项的来源、可信度，不写入");
  auto* as_published =
    sub->add_flag("--as-published", o->as_published, "按提取的成文日期登记为已发布的文件（默认登记为草稿）");
  sub->add_flag("--as-filed", o->as_filed, "这些文件在使用 normdoc 之前已报送备案（纸质档案）：不再提醒备案")
    ->needs(as_published);
  auto* reason = sub->add_option("--reason", o->reason, "越过把关的理由（与 --override-gate 同用）");
  sub
    ->add_flag("--override-gate", o->override_gate,
               "这些文件在使用 normdoc 之前印发，审核、审议记录在纸质档案中：越过发布把关，理由记入日志，"
               "不再列为程序问题")
    ->needs(as_published)
    ->needs(reason);
  sub->add_option("--issuer", o->issuer, "正文中找不到制定机关时使用（默认取配置 [office] name）");
  sub->add_flag("--no-ocr", o->no_ocr, "不对扫描件（没有文字层的 PDF 页）做文字识别：这些文件报为出错，其余照常导入");
  sub->add_option("--meta", o->meta, "覆盖文件（CSV：file 列加字段列；或 TOML：每个文件一个表）：补充或更正提取的字段");
  sub->add_option("--bundle", o->bundle, "导入 normdoc export 生成的数据包（例如备案机关接收报备文件）");
  sub
    ->add_option("--on-conflict", o->on_conflict,
                 "数据包中的文件与已登记的冲突（登记编号、文号或正文相同）时：refuse（默认，全部不导入并列出冲突）、"
                 "skip（跳过）、replace（以数据包为准）")
    ->check(CLI::IsMember({"refuse", "skip", "replace"}));
  sub->add_flag("--yes", o->yes, "--on-conflict replace 不在终端运行时须加：确认替换列出的文件");
  sub->add_option("--sender-key", o->sender_key,
                  "发送方交来的审计公钥（PEM，发送方 init 生成的 .pub 文件）：数据包须有用它签名的封签，"
                  "发送方的检查点也须用它签名");
  add_format_option(sub, o->format, {Format::table, Format::json});
  sub->callback([o, &ctx] { run_import(*o, ctx); });
}

} // namespace normdoc::cli
