// SPDX-License-Identifier: MIT
#include "commands/commands.hpp"
#include "diagnostic.hpp"
#include "exit_code.hpp"
#include "output/render_options.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/ingest/importer.hpp>
#include <normdoc/review/screen.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/json.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>

namespace normdoc::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_output_buffer = std::size_t{1} << 16;

struct CheckOptions
{
  std::vector<std::string> paths;
  std::string checklist = "all";
  Format format = Format::text;
  std::string fail_on = "error";
  std::string issuer;
  std::string issuer_level;
  std::string explain;
};

// A file to screen; one named on the command line is screened as text whatever its name
// (a draft saved without an extension), one found in a directory only when its type is known.
struct Input
{
  std::string name;
  bool named = true;
};

std::vector<Input> collect(const std::vector<std::string>& paths)
{
  std::vector<Input> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back({path, true});
      continue;
    }
    for (const auto& found : ingest::collect_files({fs::path(path)})) {
      files.push_back({found.string(), false});
    }
  }
  return files;
}

// Text files are streamed (size is no limit); other formats are extracted first.
void screen_input(const Input& input, const review::Screener& screener,
                  const std::function<void(const review::Finding&)>& emit)
{
  if (input.name == "-") {
    review::screen_stream(std::cin, input.name, screener, emit);
    return;
  }
  std::optional<ingest::Format> format;
  try {
    format = ingest::format_of(input.name);
  } catch (const DataError&) {
    if (!input.named) {
      throw;
    }
  }
  if (format && *format != ingest::Format::text) {
    std::istringstream text(ingest::extract(input.name).text);
    review::screen_stream(text, input.name, screener, emit);
    return;
  }
  // A FIFO or a device would never end.
  util::require_regular_file(input.name, "文件");
  std::ifstream file(input.name, std::ios::binary);
  if (!file) {
    throw DataError("无法读取文件", Location{input.name, 0, 0, {}});
  }
  review::screen_stream(file, input.name, screener, emit);
}

void append_text(std::string& out, const review::Finding& f)
{
  fmt::format_to(std::back_inserter(out), "{}:{}:{}: {} [{}] {}\n    {}\n", f.file, f.line, f.column,
                 review::severity_label(f.severity), f.rule, f.message, f.excerpt);
  if (!f.matched.empty()) {
    fmt::format_to(std::back_inserter(out), "    命中：{}\n", f.matched);
  }
}

std::string join_words(const std::vector<std::string>& words, std::size_t most = 12)
{
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < most; ++i) {
    out += (i ? "、" : "") + words[i];
  }
  return words.size() > most ? fmt::format("{}等{}个", out, words.size()) : out;
}

// `check --explain RULE`: what a legal officer needs to judge a finding of the rule: the
// article, what makes it fire and which lawful phrasings it leaves alone.
std::string explain_rule(const std::string& id)
{
  const auto info = review::find_rule(id);
  if (!info) {
    throw UsageError(fmt::format("没有编号为“{}”的规则", id), "规则编号见 normdoc check 结果中的 [ ]");
  }
  const review::Rule& rule = *info->rule;
  std::string out = fmt::format("规则 {}（{} {}）\n", rule.id, info->checklist->title, info->item->id);
  out += fmt::format("严重程度：{}", review::severity_label(rule.severity));
  for (const auto& [level, severity] : rule.severity_at) {
    out += fmt::format("；{}制定机关：{}", review::issuer_level_label(level), review::severity_label(severity));
  }
  out += fmt::format("（制定机关不明时按县级）\n条目：{}\n依据：{}\n", info->item->text, info->item->article);
  if (!info->item->quote.empty()) {
    out += fmt::format("条文：{}\n", info->item->quote);
  }
  out += fmt::format("提示：{}\n", rule.message);
  if (!rule.sequence.empty()) {
    out += fmt::format("命中：同一{}内{}出现\n", rule.scope == review::Scope::clause ? "分句" : "句子",
                       rule.any_order ? "（不论先后）" : "依次");
    for (std::size_t i = 0; i < rule.sequence.size(); ++i) {
      const review::Element& e = rule.sequence[i];
      std::string classes;
      for (const auto& name : e.classes) {
        classes += fmt::format("{{{}}} ", name);
      }
      // {place} stands for the gazetteer's names, not for its one internal word.
      std::vector<std::string> words;
      std::copy_if(e.words.begin(), e.words.end(), std::back_inserter(words),
                   [](const std::string& w) { return w != review::k_place_word; });
      out += fmt::format("  {}. {}{}{}\n", i + 1, classes, join_words(words),
                         e.gap > 0 && i > 0 ? fmt::format("（距前一项不超过{}字）", e.gap) : "");
    }
  } else {
    out += fmt::format("命中：{}{}\n", rule.regex.empty() ? join_words(rule.phrases) : "正则 " + rule.regex,
                       rule.near.empty() ? "" : fmt::format("，且{}字内有 {}", rule.within, join_words(rule.near)));
  }
  if (!rule.unless.empty()) {
    out += fmt::format("不计（同一{}内有）：{}\n", rule.unless_scope == review::Scope::clause ? "分句" : "句子",
                       join_words(rule.unless_written, 40));
  }
  if (rule.negation) {
    const auto prohibition = info->checklist->classes.find("prohibition");
    if (prohibition != info->checklist->classes.end()) {
      out += fmt::format("不计：同一句中前面有禁止性用语（{}），如“不得以……为条件”是重申规则\n",
                         join_words(prohibition->second));
    }
  }
  return out;
}

// The level whose severities apply: --issuer-level, else the level of --issuer's name, else
// the strictest (a county-level body): a filing office screens other bodies' documents.
review::IssuerLevel issuer_level(const CheckOptions& o)
{
  if (!o.issuer_level.empty()) {
    return *review::parse_issuer_level(o.issuer_level);
  }
  return o.issuer.empty() ? review::IssuerLevel::county : review::issuer_level_of(o.issuer);
}

review::Severity threshold(const std::string& fail_on)
{
  return fail_on == "warning" ? review::Severity::warning : review::Severity::error;
}

void run_check(const CheckOptions& o, Context& ctx)
{
  if (!o.explain.empty()) {
    std::cout << explain_rule(o.explain);
    return;
  }
  if (o.paths.empty()) {
    throw UsageError("缺少要检查的文件", "normdoc check FILE…，或 normdoc check --explain RULE");
  }
  const review::Screener screener(review::select_checklists(o.checklist),
                                  review::ScreenOptions{issuer_level(o), ctx.config().jurisdiction_names});
  const std::vector<Input> files = collect(o.paths);
  const bool progress = files.size() > 20 && isatty(STDERR_FILENO);
  std::array<int, 3> counts{};
  int file_errors = 0;
  bool failed = false;
  bool first_json = true;
  // Everything for standard output goes through one buffer, written out in large pieces.
  std::string out;
  const auto flush = [&] {
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
    out.clear();
  };
  if (o.format == Format::json) {
    out += "[";
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (progress) {
      flush();
      std::cerr << fmt::format("\r检查中 {}/{}", i + 1, files.size()) << std::flush;
    }
    const auto emit = [&](const review::Finding& finding) {
      ++counts[static_cast<std::size_t>(finding.severity)];
      failed = failed || (o.fail_on != "never" && finding.severity >= threshold(o.fail_on));
      if (o.format == Format::text) {
        append_text(out, finding);
      } else {
        util::JsonWriter json(o.format == Format::json ? 2 : 0);
        json.begin_object();
        review::write_members(json, finding);
        json.end_object();
        if (o.format == Format::json) {
          out += first_json ? "\n  " : ",\n  ";
          first_json = false;
        }
        out += json.str();
        if (o.format == Format::jsonl) {
          out += '\n';
        }
      }
      if (out.size() >= k_output_buffer) {
        flush();
      }
    };
    try {
      screen_input(files[i], screener, emit);
    } catch (const DataError& e) {
      // One unreadable file does not stop a batch: report it and go on with the rest.
      flush();
      if (progress) {
        std::cerr << '\n';
      }
      std::cerr << k_error_prefix << e.what() << '\n';
      ++file_errors;
    } catch (...) {
      flush(); // what was found before the failure, as it was when each finding was written at once
      throw;
    }
  }
  if (o.format == Format::json) {
    out += first_json ? "]\n" : "\n]\n";
  }
  flush();
  if (progress) {
    std::cerr << '\n';
  }
  const std::string summary =
    fmt::format("检查了{}个文件：错误{}处，警告{}处，提示{}处{}", files.size() - static_cast<std::size_t>(file_errors),
                counts[2], counts[1], counts[0], file_errors > 0 ? fmt::format("；{}个文件无法读取", file_errors) : "");
  // The summary is for people: on stdout beside text findings, on stderr beside JSON.
  (o.format == Format::text ? std::cout : std::cerr) << summary << '\n';
  std::cout << std::flush;
  if (file_errors > 0) {
    ctx.exit_code = ExitCode::data;
  } else if (failed) {
    ctx.exit_code = ExitCode::findings;
  }
}

} // namespace

void register_check(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<CheckOptions>();
  auto* sub = app.add_subcommand("check", "按审查清单的自动规则筛查文本（不使用登记簿），命中处供人工核对");
  sub->add_option(
    "FILE", o->paths,
    "文件（文本 UTF-8 或 GB18030/GBK、.html、.docx、.doc/.wps、.pdf、.ofd）、目录（其中每个文件，类型不支持的报错）或 -（标准输入）");
  sub->add_option("--checklist", o->checklist, "清单：legality（合法性审核）、fair-competition（公平竞争审查）或 all")
    ->check(CLI::IsMember({"legality", "fair-competition", "all"}));
  add_format_option(sub, o->format, {Format::text, Format::json, Format::jsonl});
  sub->add_option("--fail-on", o->fail_on, "何时以退出码 1 结束：error（有错误级命中，默认）、warning、never")
    ->check(CLI::IsMember({"error", "warning", "never"}));
  sub->add_option("--issuer", o->issuer, "制定机关名称：按其层级（国务院部门、省、市、县）确定严重程度；默认按县级");
  sub->add_option("--issuer-level", o->issuer_level, "制定机关层级：county（县级，默认）、city、province、national")
    ->check(CLI::IsMember({"county", "city", "province", "national"}));
  sub->add_option("--explain", o->explain,
                  "说明一条规则：依据条文、命中条件、不计的合法写法（规则编号见检查结果的 [ ]）");
  sub->callback([o, &ctx] { run_check(*o, ctx); });
}

} // namespace normdoc::cli
