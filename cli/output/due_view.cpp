// SPDX-License-Identifier: MIT
#include "output/due_view.hpp"
#include "output/detail.hpp"
#include "output/escape.hpp"
#include "remedy.hpp"

#include <normdoc/util/sha256.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

namespace normdoc::cli {

namespace {

// The command that clears the item, or the words saying it ends by itself.
std::string say_action(const deadline::DueItem& item)
{
  return item.action.step ? command_line(*item.action.step) : fmt::format("（{}）", item.action.by_itself);
}

std::string days_phrase(const deadline::DueItem& item)
{
  if (item.days_left < 0) {
    return fmt::format("逾期{}天", -item.days_left);
  }
  if (item.days_left == 0) {
    return "今天到期";
  }
  return fmt::format("还有{}天", item.days_left);
}

// RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a
// UTF-8 sequence.
std::string ics_line(std::string_view line)
{
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t length = util::utf8_sequence_length(static_cast<unsigned char>(line[i]));
    if (width + length > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, length));
    width += length;
    i += length;
  }
  return out + "\r\n";
}

std::string render_ics(const std::vector<deadline::DueItem>& items, std::string_view now_utc)
{
  std::string out = ics_line("BEGIN:VCALENDAR") + ics_line("VERSION:2.0") + ics_line("PRODID:-//normdoc//due//ZH") +
                    ics_line("CALSCALE:GREGORIAN");
  for (const auto& item : items) {
    // The same obligation keeps its UID from one run to the next, so calendars update it.
    const std::string uid =
      util::sha256_hex(fmt::format("{}|{}|{}", deadline::kind_key(item.kind), item.document, item.what)).substr(0, 32);
    out += ics_line("BEGIN:VTODO");
    out += ics_line(fmt::format("UID:{}@normdoc", uid));
    out += ics_line(fmt::format("DTSTAMP:{}", now_utc));
    out += ics_line(fmt::format("DUE;VALUE=DATE:{:04}{:02}{:02}", item.due.year(), item.due.month(), item.due.day()));
    out += ics_line(
      "SUMMARY:" + ics_text(fmt::format("[{}] #{}《{}》", deadline::kind_label(item.kind), item.document, item.title)));
    out += ics_line("DESCRIPTION:" + ics_text(fmt::format("{}（{}）→ {}", item.what, item.article, say_action(item))));
    out += ics_line(fmt::format("CATEGORIES:{}", deadline::kind_key(item.kind)));
    if (item.overdue) {
      out += ics_line("PRIORITY:1");
    }
    out += ics_line("END:VTODO");
  }
  return out + ics_line("END:VCALENDAR");
}

} // namespace

std::string render_due(const std::vector<deadline::DueItem>& items, const RenderOptions& options,
                       std::string_view now_utc)
{
  switch (options.format) {
  case Format::json: {
    util::JsonWriter json(2);
    json.begin_array();
    for (const auto& item : items) {
      json.begin_object()
        .member("kind", deadline::kind_key(item.kind))
        .member("kind_label", deadline::kind_label(item.kind))
        .member("document", item.document)
        .member("title", item.title)
        .member("what", item.what)
        .member("due", item.due.iso())
        .member("days_left", item.days_left)
        .member("overdue", item.overdue)
        .member("article", item.article)
        .member("action", say_action(item))
        .end_object();
    }
    json.end_array();
    return json.str() + "\n";
  }
  case Format::csv: {
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : items) {
      rows.push_back({std::string(deadline::kind_key(item.kind)), std::to_string(item.document), item.title, item.what,
                      item.due.iso(), std::to_string(item.days_left), csv_flag(item.overdue, options), item.article,
                      say_action(item)});
    }
    return csv_of({{"kind", "类别"},
                   {"document", "文件编号"},
                   {"title", "标题"},
                   {"what", "事项"},
                   {"due", "期限"},
                   {"days_left", "剩余天数"},
                   {"overdue", "是否逾期"},
                   {"article", "依据"},
                   {"action", "建议操作"}},
                  rows, options);
  }
  case Format::ics:
    return render_ics(items, now_utc);
  default:
    break;
  }
  // One line per item, so that `grep` and `wc -l` work on it; it ends with the way out.
  std::string out;
  for (const auto& item : items) {
    out += terminal_text(fmt::format("{}  {}  [{}] #{}《{}》{}  → {}", item.due.iso(), days_phrase(item),
                                     deadline::kind_label(item.kind), item.document, item.title, item.what,
                                     say_action(item)),
                         Newlines::escape) +
           "\n";
  }
  return out;
}

} // namespace normdoc::cli
