// SPDX-License-Identifier: MIT
// Printed as a Word file: a WordprocessingML package (ECMA-376 Part 1) a stored zip written here.
//
// Page and type follow GB/T 9704-2012《党政机关公文格式》: A4 (210 mm × 297 mm, 5.1); 天头
// (top margin) 37 mm and 订口 (left margin) 28 mm with a 156 mm × 225 mm 版心 (5.2.1), which
// leaves 35 mm at the bottom and 26 mm on the right; 正文 in 3号仿宋 (16 pt, 5.2.2), 22 lines a
// page (5.2.3: 225 mm / 22 = 28.95 pt a line); 标题 in 2号小标宋 (22 pt, 7.3.1); first-level
// headings in 黑体, second-level in 楷体 (7.3.3); 页码 in 4号宋体 between two dashes (7.5).
// The standard's own text was not at hand: the figures are as its 5.2 is quoted in office
// guides (e.g. https://www.xiaomilidoc.com/p-10407509.html), which agree with one another.
// The font names are the ones Chinese offices' templates use (仿宋_GB2312, 方正小标宋简体,
// 黑体, 楷体_GB2312); a machine without them substitutes, the layout stays.
#include "output/docx.hpp"
#include "output/escape.hpp"
#include "output/printed.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>

namespace normdoc::cli {

namespace {

using namespace std::string_literals; // a literal + a temporary string: GCC 12 -O3 warns (-Wrestrict)

// Twentieths of a point: 1 mm = 1440 / 25.4 twips.
constexpr int k_page_width = 11906;                                         // 210 mm
constexpr int k_page_height = 16838;                                        // 297 mm
constexpr int k_margin_top = 2098;                                          // 37 mm
constexpr int k_margin_bottom = 1984;                                       // 35 mm
constexpr int k_margin_left = 1587;                                         // 28 mm
constexpr int k_margin_right = 1474;                                        // 26 mm
constexpr int k_text_width = k_page_width - k_margin_left - k_margin_right; // 156 mm
constexpr int k_line_pitch = 579;                                           // 28.95 pt: 22 lines in 225 mm
constexpr int k_footer_distance = 1191; // 21 mm: the page number about 7 mm below the 版心

// Every part carries the same date, so the same content gives the same bytes
// (1980-01-01 00:00, the earliest MS-DOS date a zip entry can hold).
constexpr std::uint16_t k_dos_time = 0;
constexpr std::uint16_t k_dos_date = (1U << 5U) | 1U;

constexpr std::string_view k_xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view k_w_namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// A run of text: line feeds become <w:br/>, tabs <w:tab/>.
std::string run(std::string_view text, bool bold = false)
{
  std::string out = bold ? "<w:r><w:rPr><w:b/><w:bCs/></w:rPr>" : "<w:r>";
  const std::vector<std::string> lines = util::split(std::string(text), '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out += "<w:br/>";
    }
    const std::vector<std::string> pieces = util::split(lines[i], '\t');
    for (std::size_t j = 0; j < pieces.size(); ++j) {
      if (j > 0) {
        out += "<w:tab/>";
      }
      if (!pieces[j].empty()) {
        out += fmt::format("<w:t xml:space=\"preserve\">{}</w:t>", xml_text(pieces[j]));
      }
    }
  }
  return out + "</w:r>";
}

std::string para(std::string_view style, const std::string& runs, std::string_view properties = {})
{
  return fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr>{}</w:p>\n", style, properties, runs);
}

// Column widths in twips. Each column's natural width is its widest line (header included,
// at most 40 columns) in 小四 (120 twips a display column) plus the cell margins; a header
// word is never broken. Columns narrower than an equal share keep their natural width (编号,
// dates); the wide ones share the rest in proportion, so the table spans the 版心.
std::vector<int> column_widths(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows)
{
  constexpr int k_per_column = 120;
  constexpr int k_padding = 200;
  std::vector<int> natural(header.size(), 0);
  auto widen = [&natural](std::size_t column, const std::string& text) {
    for (const std::string& line : util::split(text, '\n')) {
      const int width = std::min(static_cast<int>(util::display_width(line)), 40) * k_per_column + k_padding;
      natural[column] = std::max(natural[column], width);
    }
  };
  for (std::size_t i = 0; i < header.size(); ++i) {
    widen(i, header[i]);
  }
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size() && i < header.size(); ++i) {
      widen(i, row[i]);
    }
  }
  const int share = k_text_width / static_cast<int>(header.size());
  int fixed = 0;
  int wide = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const int floor = static_cast<int>(util::display_width(header[i])) * k_per_column + k_padding;
    if (natural[i] <= share || natural[i] <= floor) {
      fixed += natural[i];
    } else {
      wide += natural[i];
    }
  }
  std::vector<int> widths;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const int floor = static_cast<int>(util::display_width(header[i])) * k_per_column + k_padding;
    if (wide == 0) {
      widths.push_back(k_text_width * natural[i] / std::max(fixed, 1)); // all short: spread out
    } else if (natural[i] <= share || natural[i] <= floor) {
      widths.push_back(natural[i]);
    } else {
      widths.push_back(std::max(floor, (k_text_width - fixed) * natural[i] / wide));
    }
  }
  return widths;
}

std::string cell(const std::string& text, int width, std::string_view style, bool bold = false)
{
  return fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>", width,
                     para(style, text.empty() ? std::string() : run(text, bold)));
}

// A ruled table; `header` (when not empty) repeats at the top of every page it runs onto.
std::string ruled_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                        const std::vector<int>& widths)
{
  std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"";
  out += std::to_string(std::accumulate(widths.begin(), widths.end(), 0));
  out += "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/>"
         "<w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
         "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (const int width : widths) {
    out += fmt::format("<w:gridCol w:w=\"{}\"/>", width);
  }
  out += "</w:tblGrid>\n";
  if (!header.empty()) {
    out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t i = 0; i < header.size(); ++i) {
      out += cell(header[i], widths[i], "TableHeading", true);
    }
    out += "</w:tr>\n";
  }
  for (const auto& row : rows) {
    out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (std::size_t i = 0; i < widths.size(); ++i) {
      out += cell(i < row.size() ? row[i] : std::string(), widths[i], "TableText", header.empty() && i == 0);
    }
    out += "</w:tr>\n";
  }
  return out + "</w:tbl>\n";
}

std::string font(std::string_view east_asia, std::string_view latin = "Times New Roman")
{
  return fmt::format("<w:rFonts w:ascii=\"{1}\" w:hAnsi=\"{1}\" w:eastAsia=\"{0}\" w:cs=\"{1}\" w:hint=\"eastAsia\"/>",
                     east_asia, latin);
}

// Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt.
std::string size(int half_points)
{
  return fmt::format("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>", half_points);
}

std::string styles_part()
{
  const std::string exact = fmt::format("<w:spacing w:line=\"{}\" w:lineRule=\"exact\"/>", k_line_pitch);
  std::string out(k_xml_declaration);
  out += fmt::format("<w:styles xmlns:w=\"{}\">\n", k_w_namespace);
  out += "<w:docDefaults><w:rPrDefault><w:rPr>"s + font("仿宋_GB2312") + size(32) +
         "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr>" +
         exact + "</w:pPr></w:pPrDefault></w:docDefaults>\n";
  // Word knows its built-in styles by these English names and shows them as 正文, 标题, 标题 1…
  out += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
         "<w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>\n";
  out += "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
         "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"0\" w:after=\""s +
         std::to_string(k_line_pitch) + "\" w:line=\"" + std::to_string(k_line_pitch * 5 / 4) +
         "\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>"
         "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>" +
         font("方正小标宋简体") + size(44) + "</w:rPr></w:style>\n";
  out +=
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
    "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr>"s +
    font("黑体") + size(32) + "</w:rPr></w:style>\n";
  out +=
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"
    "<w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr>"s +
    font("楷体_GB2312") + size(32) + "</w:rPr></w:style>\n";
  out +=
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BodyText\"><w:name w:val=\"正文首行缩进\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>\n";
  out +=
    "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"表格文字\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr>"
    "<w:rPr>"s +
    size(24) + "</w:rPr></w:style>\n";
  out += "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableHeading\"><w:name w:val=\"表格标题行\"/>"
         "<w:basedOn w:val=\"TableText\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
         "<w:rPr>"s +
         font("黑体") + "</w:rPr></w:style>\n";
  // 成文日期 右空四字 (GB/T 9704-2012 7.3.5.1): four 3号 characters, 64 pt.
  out += "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Closing\"><w:name w:val=\"落款\"/>"
         "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:ind w:right=\"1280\"/>"
         "<w:jc w:val=\"right\"/></w:pPr></w:style>\n";
  out += "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
         "<w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>"s +
         font("宋体") + size(28) + "</w:rPr></w:style>\n";
  out += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
         "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
         "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
         "</w:tblCellMar></w:tblPr></w:style>\n";
  std::string borders;
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    borders += fmt::format("<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side);
  }
  out +=
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
    "<w:tblPr><w:tblBorders>" +
    borders +
    "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
    "<w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>\n";
  return out + "</w:styles>\n";
}

// 页码: — 1 — centred (GB/T 9704-2012 7.5 sets odd pages right and even pages left; one
// centred footer keeps the file simple to edit and prints the same number).
std::string footer_part()
{
  std::string out(k_xml_declaration);
  out += fmt::format("<w:ftr xmlns:w=\"{}\">", k_w_namespace);
  out +=
    "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n";
  return out;
}

std::string section_properties()
{
  return fmt::format(
    "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
    "<w:pgSz w:w=\"{}\" w:h=\"{}\"/>"
    "<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"851\" w:footer=\"{}\" w:gutter=\"0\"/>"
    "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr>",
    k_page_width, k_page_height, k_margin_top, k_margin_right, k_margin_bottom, k_margin_left, k_footer_distance,
    k_line_pitch);
}

std::string core_part(std::string_view title)
{
  std::string out(k_xml_declaration);
  out += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  out += fmt::format("<dc:title>{}</dc:title><dc:language>zh-CN</dc:language>", xml_text(title));
  return out + "</cp:coreProperties>\n";
}

constexpr std::string_view k_content_types =
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "<Override PartName=\"/docProps/app.xml\" "
  "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
  "</Types>\n";

constexpr std::string_view k_package_rels =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
  "Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
  "Target=\"docProps/core.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
  "Target=\"docProps/app.xml\"/>"
  "</Relationships>\n";

constexpr std::string_view k_document_rels =
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
  "Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
  "Target=\"settings.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
  "Target=\"footer1.xml\"/>"
  "</Relationships>\n";

constexpr std::string_view k_settings =
  "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:defaultTabStop w:val=\"640\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
  "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
  "</w:compat></w:settings>\n";

constexpr std::string_view k_app =
  "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
  "<Application>normdoc</Application></Properties>\n";

// CRC-32 as zip stores it (ISO 3309 polynomial, reflected), a byte at a time through a table
// built at compile time: a docx is a few hundred kilobytes.
constexpr std::array<std::uint32_t, 256> k_crc_table = [] {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < table.size(); ++i) {
    std::uint32_t c = i;
    for (int bit = 0; bit < 8; ++bit) {
      c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
    }
    table[i] = c;
  }
  return table;
}();

std::uint32_t crc32(std::string_view data)
{
  std::uint32_t c = 0xFFFFFFFFU;
  for (const char byte : data) {
    c = k_crc_table[(c ^ static_cast<unsigned char>(byte)) & 0xFFU] ^ (c >> 8U);
  }
  return c ^ 0xFFFFFFFFU;
}

// Zip's integers are little-endian.
void put16(std::string& out, std::size_t value)
{
  out += static_cast<char>(value & 0xFFU);
  out += static_cast<char>((value >> 8U) & 0xFFU);
}

void put32(std::string& out, std::size_t value)
{
  put16(out, value & 0xFFFFU);
  put16(out, (value >> 16U) & 0xFFFFU);
}

} // namespace

// Written here rather than with libzip: a stored (uncompressed) archive is a header before each
// part and a directory after them (APPNOTE.TXT 4.3), and libzip (which loads libcrypto) would
// otherwise load at every command's start (issue 18). No zip64: a part or the whole over 4 GiB
// is refused.
std::string zip_package(const std::vector<std::pair<std::string, std::string>>& parts)
{
  constexpr std::size_t k_max = 0xFFFFFFFFU;
  std::string out;
  std::string directory;
  for (const auto& [name, content] : parts) {
    if (content.size() >= k_max || out.size() + content.size() + name.size() + 30 >= k_max || name.size() > 0xFFFFU) {
      throw OutputError("无法生成 Word 文件（内容超过 4 GB）");
    }
    // Bit 11: the name is UTF-8 (only said when it is not ASCII, as libzip does).
    const bool utf8 =
      std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80U; });
    // What the local header and the directory entry share: version needed (1.0, stored),
    // flags, method 0 (stored), time, date, CRC, compressed and uncompressed size, name length.
    std::string fields;
    put16(fields, 10);
    put16(fields, utf8 ? 1U << 11U : 0U);
    put16(fields, 0);
    put16(fields, k_dos_time);
    put16(fields, k_dos_date);
    put32(fields, crc32(content));
    put32(fields, content.size());
    put32(fields, content.size());
    put16(fields, name.size());
    put32(directory, 0x02014B50U);
    put16(directory, 20); // made by: MS-DOS attributes, zip 2.0
    directory += fields;
    put16(directory, 0); // extra field length
    put16(directory, 0); // comment length
    put16(directory, 0); // disk number
    put16(directory, 0); // internal attributes
    put32(directory, 0); // external attributes
    put32(directory, out.size());
    directory += name;
    put32(out, 0x04034B50U);
    out += fields;
    put16(out, 0); // extra field length
    out += name;
    out += content;
  }
  if (out.size() + directory.size() + 22 >= k_max || parts.size() > 0xFFFFU) {
    throw OutputError("无法生成 Word 文件（内容超过 4 GB）");
  }
  const std::size_t directory_at = out.size();
  out += directory;
  put32(out, 0x06054B50U); // end of central directory
  put16(out, 0);
  put16(out, 0);
  put16(out, parts.size());
  put16(out, parts.size());
  put32(out, directory.size());
  put32(out, directory_at);
  put16(out, 0); // comment length
  return out;
}

std::string Printed::docx() const
{
  std::string body = para("Title", run(m_title));
  for (const auto& block : m_blocks) {
    switch (block.kind) {
    case Block::Kind::section:
      body += para("Heading1", run(block.header.front()));
      break;
    case Block::Kind::fields:
      for (const auto& row : block.rows) {
        body += para("BodyText", run(row[0] + "：", true) + run(row[1]));
      }
      break;
    case Block::Kind::table:
      if (block.rows.empty()) {
        body += para("BodyText", run("（无）"));
      } else {
        body += ruled_table(block.header, block.rows, column_widths(block.header, block.rows));
      }
      break;
    case Block::Kind::form: {
      // The label column as wide as the longest label (at most a third of the line).
      std::size_t label = 4;
      for (const auto& row : block.rows) {
        label = std::max(label, std::min<std::size_t>(util::display_width(row[0]), 16));
      }
      const int label_width = std::min(k_text_width / 3, static_cast<int>(label) * 120 + 240);
      body += ruled_table({}, block.rows, {label_width, k_text_width - label_width});
      break;
    }
    case Block::Kind::paragraph:
      body += para("BodyText", run(block.header.front()));
      break;
    case Block::Kind::signature:
      // Room for a signature and the seal above the lines.
      body += para("Normal", "");
      body += para("Normal", "");
      for (const auto& row : block.rows) {
        body += para("Closing", run(row[0] + "：" + (row[1].empty() ? std::string(k_blank) : row[1])));
      }
      break;
    case Block::Kind::page_break:
      body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n";
      break;
    case Block::Kind::figure:
      break; // a chart's figures are in the tables beside it
    }
  }
  std::string document(k_xml_declaration);
  document +=
    fmt::format("<w:document xmlns:w=\"{}\" "
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\n<w:body>\n",
                k_w_namespace);
  document += body + section_properties() + "\n</w:body>\n</w:document>\n";

  const std::string declaration(k_xml_declaration);
  return zip_package({
    {"[Content_Types].xml", declaration + std::string(k_content_types)},
    {"_rels/.rels", declaration + std::string(k_package_rels)},
    {"docProps/core.xml", core_part(m_title)},
    {"docProps/app.xml", declaration + std::string(k_app)},
    {"word/_rels/document.xml.rels", declaration + std::string(k_document_rels)},
    {"word/document.xml", document},
    {"word/styles.xml", styles_part()},
    {"word/settings.xml", declaration + std::string(k_settings)},
    {"word/footer1.xml", footer_part()},
  });
}

} // namespace normdoc::cli
