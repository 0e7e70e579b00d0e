// SPDX-License-Identifier: MIT
#pragma once

#include <string>
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
  // The signature block at the foot (审核人, 审核机构 and seal, date), set to the right.
  void closing(std::vector<std::string> lines);

  std::string text() const;
  std::string markdown() const;
  std::string html() const;
  // A Word (.docx) package: WordprocessingML on an A4 page with GB/T 9704 margins and fonts
  // (output/docx.cpp). The same bytes for the same content.
  std::string docx() const;

private:
  struct Block
  {
    enum class Kind { section, fields, table, paragraph, form, closing } kind;
    std::vector<std::string> header{};                // table header, the section heading / paragraph, closing lines
    std::vector<std::vector<std::string>> rows{};     // table rows, or field / form pairs as rows of two
  };
  std::string m_title;
  std::vector<Block> m_blocks;
};

} // namespace normdoc::cli
