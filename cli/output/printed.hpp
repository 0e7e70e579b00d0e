// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace normdoc::cli {

// A document meant to be read or printed (an opinion, a catalogue), built once from blocks
// and rendered as terminal text, Markdown or a self-contained HTML page.
class Printed
{
public:
  explicit Printed(std::string title) : m_title(std::move(title)) {}

  void section(std::string heading);
  // Label/value lines; pairs with an empty value are left out.
  void fields(std::vector<std::pair<std::string, std::string>> pairs);
  void table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows);
  void paragraph(std::string text);

  std::string text() const;
  std::string markdown() const;
  std::string html() const;

private:
  struct Block
  {
    enum class Kind { section, fields, table, paragraph } kind;
    std::vector<std::string> header{};                // table header, or the section heading / paragraph
    std::vector<std::vector<std::string>> rows{};     // table rows, or field pairs as rows of two
  };
  std::string m_title;
  std::vector<Block> m_blocks;
};

} // namespace normdoc::cli
