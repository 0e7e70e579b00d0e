// SPDX-License-Identifier: MIT
#include "choice.hpp"
#include "commands/commands.hpp"
#include "output/review_view.hpp"

#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/review/review.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/text.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <unistd.h>

#include <charconv>
#include <iostream>

namespace normdoc::cli {

namespace {

struct ReviewOptions
{
  std::string ref, checklist, received;
  std::string review, item, answer, note, evidence, file;
  std::string finding, reason;
  procedure::Conclusion result = procedure::Conclusion::lawful;
  std::string date, opinion, urgency, alternatives, until;
  std::optional<review::Ground> ground;
  Format format = Format::text;
  Format list_format = Format::table;
  std::string output;
  bool planned = false;
};

// `R12`, `r12` or `12`.
std::int64_t parse_review_id(const std::string& text)
{
  std::string_view digits = util::trim(text);
  if (!digits.empty() && (digits.front() == 'R' || digits.front() == 'r')) {
    digits.remove_prefix(1);
  }
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || id <= 0) {
    throw UsageError(fmt::format("审查编号“{}”无效，应为 R 加数字，例如 R3", text));
  }
  return id;
}

review::Answer parse_answer_option(const std::string& text)
{
  const auto answer = review::parse_answer(text);
  if (!answer) {
    throw UsageError(fmt::format("回答“{}”无效，应为 pass、fail 或 na（通过/不通过/不适用）", text));
  }
  return *answer;
}

std::string findings_summary(const review::Review& review)
{
  int errors = 0;
  int warnings = 0;
  for (const auto& recorded : review.findings) {
    errors += recorded.finding.severity == review::Severity::error ? 1 : 0;
    warnings += recorded.finding.severity == review::Severity::warning ? 1 : 0;
  }
  if (!review.text_sha256) {
    return "没有保存正文，未做自动筛查";
  }
  return fmt::format("自动筛查发现{}处（错误{}，警告{}）", review.findings.size(), errors, warnings);
}

void run_start(const ReviewOptions& o, Context& ctx)
{
  const review::Checklist& checklist = *review::select_checklists(o.checklist).front();
  const util::Date received = o.received.empty() ? ctx.today() : parse_date_option(o.received, "--received");
  const auto [started, doc] = write(ctx, [&](store::Transaction& txn) {
    registry::Document document = registry::resolve(txn.database(), o.ref);
    review::Review review =
      review::start(txn, document, checklist, received, ctx.config(), ctx.calendar(), ctx.stamp());
    return std::pair{std::move(review), std::move(document)};
  });
  if (o.format == Format::json) {
    print(render_review(started, doc, RenderOptions{Format::json, ctx.today()}));
    return;
  }
  print(fmt::format("R{}\t{}《{}》，{} {}，{}项；{}\n", started.id, fmt::format("#{}", doc.id), doc.title,
                    checklist.title, checklist.version, started.items.size(), findings_summary(started)));
  std::cerr << fmt::format(
    "normdoc: 下一步：normdoc review answer R{}（逐项回答），normdoc review show R{}（查看发现）\n", started.id,
    started.id);
}

// One item at a time on a terminal: the question, its article and what the screen found.
void walk_items(store::Database& db, std::int64_t id, Context& ctx)
{
  const review::Review review = review::load(db, id);
  std::vector<const review::ItemAnswer*> pending;
  for (const auto& item : review.items) {
    if (!item.answer) {
      pending.push_back(&item);
    }
  }
  if (pending.empty()) {
    print(fmt::format("审查 R{} 的{}项都已回答；修改某一项：normdoc review answer R{} 条目 pass|fail|na\n", id,
                      review.items.size(), id));
    return;
  }
  const std::string help = "  y 通过  n 不通过  na 不适用  note 先写说明  s 跳过  ? 帮助  q 退出（已答的已保存）\n";
  std::size_t answered = 0;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const review::ItemAnswer& item = *pending[i];
    std::string out = fmt::format("\n[{}] {}（{}/{}）\n{}\n依据：{}\n", item.item, item.category, i + 1, pending.size(),
                                  item.text, item.article);
    for (const auto& recorded : review.findings) {
      const review::Finding& f = recorded.finding;
      if (f.item != item.item || recorded.dismissed_reason) {
        continue;
      }
      out += fmt::format("  筛查 #{} 第{}行第{}列 {}：{}\n      {}\n{}", recorded.number, f.line, f.column,
                         review::severity_label(f.severity), f.message, f.excerpt,
                         f.matched.empty() ? "" : fmt::format("      命中：{}\n", f.matched));
      // The rule as shipped now: its article's text and the lawful phrasings it leaves alone.
      if (const auto rule = review::find_rule(f.rule)) {
        if (!rule->item->quote.empty() && out.find(rule->item->quote) == std::string::npos) {
          out += fmt::format("      条文：{}\n", rule->item->quote);
        }
        out += fmt::format("      规则 {}{}；详见 normdoc check --explain {}\n", f.rule,
                           rule->rule->unless_written.empty()
                             ? ""
                             : fmt::format("，不计：{}", fmt::join(rule->rule->unless_written, "、")),
                           f.rule);
      }
    }
    print(out);
    std::optional<std::string> note;
    for (;;) {
      print("回答 [y/n/na/note/s/?/q]：");
      std::string line;
      if (!std::getline(std::cin, line)) {
        print("\n");
        i = pending.size();
        break;
      }
      const std::string choice(util::trim(line));
      if (choice == "q") {
        i = pending.size();
        break;
      }
      if (choice == "s") {
        break;
      }
      if (choice == "note") {
        print("说明：");
        std::string text;
        std::getline(std::cin, text);
        note = optional_text(std::string(util::trim(text)));
        continue;
      }
      const std::optional<review::Answer> answer = choice == "y"    ? std::optional(review::Answer::pass)
                                                   : choice == "n"  ? std::optional(review::Answer::fail)
                                                   : choice == "na" ? std::optional(review::Answer::na)
                                                                    : std::nullopt;
      if (!answer) {
        print(help);
        continue;
      }
      write(db, [&](store::Transaction& txn) { review::answer(txn, id, {{item.item, *answer, note}}, ctx.stamp()); });
      ++answered;
      break;
    }
  }
  print(fmt::format("\n本次回答{}项。\n", answered));
}

void run_answer(const ReviewOptions& o, Context& ctx)
{
  const std::int64_t id = parse_review_id(o.review);
  std::vector<review::AnswerInput> answers;
  if (!o.file.empty()) {
    if (!o.item.empty()) {
      throw UsageError("--file 与逐项回答（条目 回答）不能同时使用");
    }
    answers = review::parse_answers(util::read_file(o.file, "回答文件"), o.file);
  } else if (!o.item.empty()) {
    if (o.answer.empty()) {
      throw UsageError(fmt::format("缺少对条目 {} 的回答：pass、fail 或 na", o.item));
    }
    answers.push_back({o.item, parse_answer_option(o.answer), optional_text(o.note), optional_text(o.evidence)});
  } else if (isatty(STDIN_FILENO) != 0) {
    store::Database db = ctx.open_database();
    walk_items(db, id, ctx);
    return;
  } else {
    throw UsageError("请给出条目和回答（例如 L4 fail --note …）或 --file ANSWERS.toml；逐项问答只在终端上进行");
  }
  const review::Review review = write(ctx, [&](store::Transaction& txn) {
    review::answer(txn, id, answers, ctx.stamp());
    return review::load(txn.database(), id);
  });
  std::size_t unanswered = 0;
  for (const auto& item : review.items) {
    unanswered += item.answer ? 0 : 1;
  }
  print(fmt::format("R{}\t已记录{}项回答，尚余{}项未回答\n", id, answers.size(), unanswered));
}

void run_dismiss(const ReviewOptions& o, Context& ctx)
{
  const std::int64_t id = parse_review_id(o.review);
  std::string_view number_text = util::trim(o.finding);
  if (!number_text.empty() && number_text.front() == '#') {
    number_text.remove_prefix(1);
  }
  int number = 0;
  const auto [end, ec] = std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
  if (number_text.empty() || ec != std::errc() || end != number_text.data() + number_text.size()) {
    throw UsageError(fmt::format("筛查发现编号“{}”无效，应为数字，例如 3 或 #3", o.finding));
  }
  write(ctx, [&](store::Transaction& txn) { review::dismiss(txn, id, number, o.reason, ctx.stamp()); });
  print(fmt::format("R{}\t第{}号发现已排除\n", id, number));
}

void run_conclude(const ReviewOptions& o, Context& ctx)
{
  const std::int64_t id = parse_review_id(o.review);
  review::Conclusion conclusion{o.result, o.date.empty() ? ctx.today() : ctx.done_date(o.date, "--date", o.planned)};
  conclusion.opinion = optional_text(o.opinion);
  conclusion.urgency = optional_text(o.urgency);
  conclusion.exception_ground = o.ground;
  conclusion.alternatives = optional_text(o.alternatives);
  conclusion.until = optional_date_option(o.until, "--until");
  const review::Concluded concluded = write(ctx, [&](store::Transaction& txn) {
    return review::conclude(txn, id, conclusion, ctx.config(), ctx.calendar(), ctx.stamp());
  });
  print(render_review(concluded.review, concluded.document, printed_options(ctx, o.format, ctx.today())));
}

void run_show(const ReviewOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  const review::Review review = review::load(db, parse_review_id(o.review));
  emit(render_review(review, *registry::find(db, review.document), printed_options(ctx, o.format, ctx.today())),
       o.format, o.output);
}

void run_list(const ReviewOptions& o, Context& ctx)
{
  store::Database db = ctx.open_database_for_reading();
  std::optional<std::int64_t> document;
  if (!o.ref.empty()) {
    document = registry::resolve(db, o.ref).id;
  }
  std::vector<std::pair<review::Review, registry::Document>> rows;
  for (auto& review : review::list(db, document)) {
    registry::Document doc = *registry::find(db, review.document);
    rows.emplace_back(std::move(review), std::move(doc));
  }
  if (rows.empty() && o.list_format != Format::json) {
    std::cerr << "normdoc: 没有审查记录；用 normdoc review start REF --checklist legality 开始\n";
    return;
  }
  print(render_reviews(rows, RenderOptions{o.list_format, ctx.today()}));
}

} // namespace

void register_review(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ReviewOptions>();
  auto* group =
    app.add_subcommand("review", "合法性审核与公平竞争审查：开始、逐项回答、排除筛查发现、作出结论、打印意见书");
  group->require_subcommand(1);

  auto* start = group->add_subcommand("start", "开始审查：复制清单条目，自动筛查保存的正文，取代此前同一清单的审查");
  start->add_option("REF", o->ref, "文件编号、登记编号或文号")->required();
  start->add_option("--checklist", o->checklist, "清单：legality（合法性审核）或 fair-competition（公平竞争审查）")
    ->required()
    ->check(CLI::IsMember({"legality", "fair-competition"}));
  start->add_option("--received", o->received, "收到送审稿的日期（默认今天；合法性审核期限自此计算）");
  add_format_option(start, o->format, {Format::text, Format::json});
  start->callback([o, &ctx] { run_start(*o, ctx); });

  auto* answer =
    group->add_subcommand("answer", "回答审查事项：条目 pass|fail|na，或 --file 回答文件；在终端上不给条目时逐项问答");
  answer->add_option("RID", o->review, "审查编号，例如 R3")->required();
  answer->add_option("ITEM", o->item, "条目编号，例如 L4");
  answer->add_option("ANSWER", o->answer, "pass（通过）、fail（不通过）或 na（不适用）");
  answer->add_option("--note", o->note, "说明（不通过时写明问题）");
  answer->add_option("--evidence", o->evidence, "依据或证据，例如 第五条第二款");
  answer->add_option("--file", o->file, "回答文件（TOML）：L1 = \"pass\"，或 [L4] answer = \"fail\" note = \"…\"");
  answer->callback([o, &ctx] { run_answer(*o, ctx); });

  auto* dismiss = group->add_subcommand("dismiss", "排除一处自动筛查发现（核实不构成问题），须写明理由");
  dismiss->add_option("RID", o->review, "审查编号，例如 R3")->required();
  dismiss->add_option("FINDING", o->finding, "筛查发现编号（review show 中的 #3）")->required();
  dismiss->add_option("--reason", o->reason, "理由，例如 第五条系引用《食品安全法》的规定")->required();
  dismiss->callback([o, &ctx] { run_dismiss(*o, ctx); });

  auto* conclude =
    group->add_subcommand("conclude", "作出审查结论（须与逐项回答一致），同时记入制定程序；结论后不可修改");
  conclude->add_option("RID", o->review, "审查编号，例如 R3")->required();
  add_choice_option(conclude, "--result", o->result, procedure::conclusions(),
                    "结论：" + labelled_choice_list(procedure::conclusions()))
    ->required();
  conclude->add_option("--date", o->date, "结论日期（默认今天）");
  conclude->add_option("--opinion", o->opinion,
                       "审核意见：问题和修改意见（不合法、应当予以修改、不符合、适用例外时必填）");
  conclude->add_option("--urgency", o->urgency, "不足5个工作日即作出结论的紧急理由（国办发〔2018〕115号 (五)）");
  add_choice_option(conclude, "--exception-ground", o->ground, review::grounds(),
                    fmt::format("适用例外的情形（公平竞争审查条例第十二条）：{}",
                                fmt::join(util::named_keys(review::grounds()), "、")));
  conclude->add_option("--alternatives", o->alternatives, "适用例外：为何没有对公平竞争影响更小的替代方案");
  conclude->add_option("--until", o->until, "适用例外：实施期限的截止日（到期前提醒）");
  conclude->add_flag("--planned", o->planned, "结论日期在今天之后：作为计划登记");
  add_format_option(conclude, o->format, {Format::text, Format::md, Format::html, Format::json});
  conclude->callback([o, &ctx] { run_conclude(*o, ctx); });

  auto* show = group->add_subcommand("show", "打印审查记录：合法性审核意见书或公平竞争审查表");
  show->add_option("RID", o->review, "审查编号，例如 R3")->required();
  add_format_option(show, o->format, {Format::text, Format::md, Format::html, Format::docx, Format::json});
  add_output_option(show, o->output);
  show->callback([o, &ctx] { run_show(*o, ctx); });

  auto* list = group->add_subcommand("list", "列出审查（给出 REF 时只列这份文件的）");
  list->add_option("REF", o->ref, "文件编号、登记编号或文号");
  add_format_option(list, o->list_format, {Format::table, Format::json});
  list->callback([o, &ctx] { run_list(*o, ctx); });
}

} // namespace normdoc::cli
