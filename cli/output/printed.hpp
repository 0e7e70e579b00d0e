// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/date.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc::cli {

// A document meant to be read or printed (an opinion, a catalogue), built once from blocks
// and rendered as terminal text, Markdown, a self-contained HTML page or a Word file.
class Printed
{
public:
  explicit Printed(std::string title) : m_title(std::move(title)) {}

  void section(std::string heading);
  // Label/value lines; pairs with an empty value are left out.
  void fields(std::vector<std::pair<std::string, std::string>> pairs);
  void table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows);
  void paragraph(std::string text);
  // A form to fill in: label/value rows in a ruled two-column table (公平竞争审查表); empty
  // values are kept as blanks to write in by hand.
  void form(std::vector<std::pair<std::string, std::string>> rows);
  // Where one printed document ends and the next begins: a new page on paper (HTML, and
  // Markdown through its raw HTML), nothing on a terminal.
  void page_break();
  // A picture (inline SVG) in the HTML page; the text and Markdown carry its figures in tables.
  void figure(std::string svg);
  // The signature block at the end of a form: label/value lines kept together on one page; an
  // empty value is a line to write on by hand.
  void signature(std::vector<std::pair<std::string, std::string>> lines);
  // The line at the foot of every printed page (HTML) or of the document (Markdown): the office
  // (may be empty) and the day it was printed. Not shown on a terminal.
  void footer(const std::string& office, const util::Date& printed_on);

  std::string text() const;
  std::string markdown() const;
  std::string html() const;
  // A Word (.docx) package: WordprocessingML on an A4 page with GB/T 9704 margins and fonts
  // (output/docx.cpp). The same bytes for the same content.
  std::string docx() const;

private:
  // A line to sign or date by hand, where a signature block has no value.
  static constexpr std::string_view k_blank = "＿＿＿＿＿＿＿＿";

  struct Block
  {
    enum class Kind
    {
      section,
      fields,
      table,
      paragraph,
      form,
      page_break,
      signature,
      figure
    } kind;
    std::vector<std::string> header{};            // table header, or the section heading / paragraph
    std::vector<std::vector<std::string>> rows{}; // table rows, or field / form / signature pairs as rows of two
  };
  // A block of label/value rows (a form, a signature), every pair kept.
  void labelled(Block::Kind kind, std::vector<std::pair<std::string, std::string>> pairs);

  std::string m_title;
  std::vector<Block> m_blocks;
  std::string m_footer;
};

} // namespace normdoc::cli
