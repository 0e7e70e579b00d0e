// SPDX-License-Identifier: MIT
#include "output/printed.hpp"
#include "output/escape.hpp"
#include "output/table.hpp"

#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace normdoc::cli {

namespace {

// Tables wider than this are printed as records instead.
constexpr int k_terminal_width = 100;

// Inside a Markdown table cell a newline would end the row.
std::string markdown_cell(const std::string& text)
{
  std::string out;
  for (const std::string& line : util::split(markdown_text(text), '\n')) {
    out += (out.empty() ? "" : "<br>") + line;
  }
  return out;
}

// Markdown paragraphs keep their line breaks only with two trailing spaces.
std::string markdown_lines(const std::string& text)
{
  std::string out;
  for (const char c : markdown_text(text)) {
    out += c == '\n' ? std::string("  \n") : std::string(1, c);
  }
  return out;
}

// A CSS string literal (the page footer's text in @page).
std::string css_string(const std::string& text)
{
  std::string out = "\"";
  for (const char c : text) {
    if (c == '<') {
      out += "\\3C "; // "</style>" in an office's name must not end the style sheet
      continue;
    }
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

// A table row on a terminal is one line.
std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

} // namespace

void Printed::section(std::string heading)
{
  m_blocks.push_back(Block{Block::Kind::section, {std::move(heading)}});
}

void Printed::fields(std::vector<std::pair<std::string, std::string>> pairs)
{
  Block block{Block::Kind::fields};
  for (auto& [label, value] : pairs) {
    if (!value.empty()) {
      block.rows.push_back({std::move(label), std::move(value)});
    }
  }
  m_blocks.push_back(std::move(block));
}

void Printed::table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows)
{
  m_blocks.push_back(Block{Block::Kind::table, std::move(header), std::move(rows)});
}

void Printed::paragraph(std::string text)
{
  m_blocks.push_back(Block{Block::Kind::paragraph, {std::move(text)}});
}

void Printed::labelled(Block::Kind kind, std::vector<std::pair<std::string, std::string>> pairs)
{
  Block block{kind};
  for (auto& [label, value] : pairs) {
    block.rows.push_back({std::move(label), std::move(value)});
  }
  m_blocks.push_back(std::move(block));
}

void Printed::form(std::vector<std::pair<std::string, std::string>> rows)
{
  labelled(Block::Kind::form, std::move(rows));
}

void Printed::footer(const std::string& office, const util::Date& printed_on)
{
  m_footer = office.empty() ? printed_on.chinese() : fmt::format("{}　{}", office, printed_on.chinese());
}

void Printed::page_break()
{
  m_blocks.push_back(Block{Block::Kind::page_break});
}

void Printed::figure(std::string svg)
{
  m_blocks.push_back(Block{Block::Kind::figure, {std::move(svg)}});
}

void Printed::signature(std::vector<std::pair<std::string, std::string>> lines)
{
  labelled(Block::Kind::signature, std::move(lines));
}

std::string Printed::text() const
{
  std::string out = terminal_text(m_title) + "\n";
  for (const auto& block : m_blocks) {
    switch (block.kind) {
    case Block::Kind::section:
      out += fmt::format("\n{}\n", terminal_text(block.header.front()));
      break;
    case Block::Kind::fields:
    case Block::Kind::form:
      for (const auto& row : block.rows) {
        // A value of several lines (a form's 联系人 line, an opinion) stays indented under it.
        std::string value = terminal_text(row[1]);
        for (std::size_t at = value.find('\n'); at != std::string::npos; at = value.find('\n', at + 5)) {
          value.replace(at, 1, "\n    ");
        }
        out += fmt::format("  {}：{}\n", terminal_text(row[0]), value);
      }
      break;
    case Block::Kind::table: {
      if (block.rows.empty()) {
        out += "  （无）\n";
        break;
      }
      Table table(block.header);
      for (const auto& row : block.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) {
          cells.push_back(one_line(cell));
        }
        table.add_row(std::move(cells));
      }
      const std::string rendered = table.render();
      std::vector<std::string> lines = util::split(rendered, '\n');
      const bool fits = std::all_of(lines.begin(), lines.end(), [](const std::string& line) {
        return util::display_width(line) <= k_terminal_width;
      });
      if (fits) {
        for (const auto& line : lines) {
          out += line.empty() ? "" : "  " + line + "\n";
        }
        break;
      }
      // Too wide for a terminal: one record per row, its first cell as the heading.
      for (const auto& row : block.rows) {
        out += fmt::format("  {}\n", terminal_text(one_line(row.front())));
        for (std::size_t i = 1; i < row.size() && i < block.header.size(); ++i) {
          if (!row[i].empty()) {
            out += fmt::format("      {}：{}\n", terminal_text(block.header[i]), terminal_text(row[i]));
          }
        }
      }
      break;
    }
    case Block::Kind::paragraph:
      out += "  " + terminal_text(block.header.front()) + "\n";
      break;
    case Block::Kind::page_break:
    case Block::Kind::figure:
      break;
    case Block::Kind::signature:
      out += "\n";
      for (const auto& row : block.rows) {
        out += fmt::format("  {}：{}\n", terminal_text(row[0]), row[1].empty() ? k_blank : terminal_text(row[1]));
      }
      break;
    }
  }
  return out;
}

std::string Printed::markdown() const
{
  std::string out = fmt::format("# {}\n", markdown_text(m_title));
  for (const auto& block : m_blocks) {
    switch (block.kind) {
    case Block::Kind::section:
      out += fmt::format("\n## {}\n\n", markdown_text(block.header.front()));
      break;
    case Block::Kind::fields:
      for (const auto& row : block.rows) {
        out += fmt::format("- **{}**：{}\n", markdown_text(row[0]), markdown_lines(row[1]));
      }
      break;
    case Block::Kind::form:
      out += "| 项目 | 内容 |\n|---|---|\n";
      for (const auto& row : block.rows) {
        out += fmt::format("| {} | {} |\n", markdown_cell(row[0]), markdown_cell(row[1]));
      }
      out += "\n";
      break;
    case Block::Kind::table: {
      if (block.rows.empty()) {
        out += "（无）\n";
        break;
      }
      std::string separator = "|";
      out += "|";
      for (const auto& cell : block.header) {
        out += fmt::format(" {} |", markdown_cell(cell));
        separator += "---|";
      }
      out += "\n" + separator + "\n";
      for (const auto& row : block.rows) {
        out += "|";
        for (const auto& cell : row) {
          out += fmt::format(" {} |", markdown_cell(cell));
        }
        out += "\n";
      }
      break;
    }
    case Block::Kind::paragraph:
      out += markdown_lines(block.header.front()) + "\n\n";
      break;
    case Block::Kind::page_break:
      // Markdown has no page break; its raw HTML is kept by every renderer that prints.
      out += "\n<div style=\"break-before: page; page-break-before: always\"></div>\n";
      break;
    case Block::Kind::figure:
      break;
    case Block::Kind::signature:
      out += "\n";
      for (const auto& row : block.rows) {
        out += fmt::format("{}：{}  \n", markdown_text(row[0]), row[1].empty() ? k_blank : markdown_text(row[1]));
      }
      break;
    }
  }
  if (!m_footer.empty()) {
    out += fmt::format("\n---\n\n{}\n", markdown_text(m_footer));
  }
  return out;
}

std::string Printed::html() const
{
  std::string out = fmt::format(
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n<style>\n"
    "body {{ font-family: \"FangSong\", \"STFangsong\", \"Songti SC\", serif; max-width: 48em; margin: 2em auto; "
    "line-height: 1.6; }}\n"
    "h1 {{ text-align: center; font-family: \"SimHei\", \"Heiti SC\", sans-serif; }}\n"
    "table {{ border-collapse: collapse; width: 100%; }}\n"
    "th, td {{ border: 1px solid #444; padding: 0.2em 0.4em; vertical-align: top; }}\n"
    "dt {{ font-weight: bold; float: left; clear: left; width: 8em; }} dd {{ margin-left: 8.5em; }}\n"
    ".form th {{ width: 10em; text-align: left; }}\n"
    // On paper: the header row again on every page, no row split across pages, a new page
    // for the next document, the signature block kept whole; A4 with GB/T 9704's margins.
    "thead {{ display: table-header-group; }}\n"
    "tr, .signature, figure {{ break-inside: avoid; page-break-inside: avoid; }}\n"
    "figure {{ margin: 1em 0; }} figure svg {{ max-width: 100%; height: auto; }}\n"
    ".page-break {{ break-before: page; page-break-before: always; }}\n"
    ".signature {{ margin: 3em 0 0 50%; }} .signature p {{ margin: 0.8em 0; }}\n"
    ".blank {{ display: inline-block; min-width: 8em; border-bottom: 1px solid #000; }}\n"
    "footer {{ margin-top: 3em; border-top: 1px solid #444; text-align: center; font-size: 0.9em; }}\n"
    "@page {{ size: A4; margin: 37mm 26mm 35mm 28mm;{1} }}\n"
    "@media print {{ body {{ margin: 0; max-width: none; }} }}\n"
    "</style>\n</head>\n<body>\n<h1>{0}</h1>\n",
    html_text(m_title),
    // The footer at the foot of every page where the browser prints page margin boxes
    // (Chromium 131+, WeasyPrint); elsewhere it ends the document.
    m_footer.empty() ? std::string()
                     : fmt::format(" @bottom-center {{ content: {}; font-size: 10pt; }}", css_string(m_footer)));
  for (const auto& block : m_blocks) {
    switch (block.kind) {
    case Block::Kind::section:
      out += fmt::format("<h2>{}</h2>\n", html_text(block.header.front()));
      break;
    case Block::Kind::fields:
      out += "<dl>\n";
      for (const auto& row : block.rows) {
        out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_text(row[0]), html_text(row[1]));
      }
      out += "</dl>\n";
      break;
    case Block::Kind::form:
      out += "<table class=\"form\">\n";
      for (const auto& row : block.rows) {
        out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", html_text(row[0]), html_text(row[1]));
      }
      out += "</table>\n";
      break;
    case Block::Kind::table:
      if (block.rows.empty()) {
        out += "<p>（无）</p>\n";
        break;
      }
      out += "<table>\n<thead><tr>";
      for (const auto& cell : block.header) {
        out += fmt::format("<th>{}</th>", html_text(cell));
      }
      out += "</tr></thead>\n<tbody>\n";
      for (const auto& row : block.rows) {
        out += "<tr>";
        for (const auto& cell : row) {
          out += fmt::format("<td>{}</td>", html_text(cell));
        }
        out += "</tr>\n";
      }
      out += "</tbody>\n</table>\n";
      break;
    case Block::Kind::paragraph:
      out += fmt::format("<p>{}</p>\n", html_text(block.header.front()));
      break;
    case Block::Kind::page_break:
      out += "<div class=\"page-break\"></div>\n";
      break;
    case Block::Kind::figure:
      out += "<figure>\n" + block.header.front() + "</figure>\n";
      break;
    case Block::Kind::signature:
      out += "<div class=\"signature\">\n";
      for (const auto& row : block.rows) {
        out += fmt::format("<p>{}：{}</p>\n", html_text(row[0]),
                           row[1].empty() ? "<span class=\"blank\"></span>" : html_text(row[1]));
      }
      out += "</div>\n";
      break;
    }
  }
  if (!m_footer.empty()) {
    out += fmt::format("<footer>{}</footer>\n", html_text(m_footer));
  }
  return out + "</body>\n</html>\n";
}

} // namespace normdoc::cli
