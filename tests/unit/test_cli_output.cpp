// SPDX-License-Identifier: MIT
#include "ingest/zip_part.hpp"
#include "output/csv.hpp"
#include "output/document_view.hpp"
#include "output/docx.hpp"
#include "output/due_view.hpp"
#include "output/escape.hpp"
#include "output/printed.hpp"
#include "output/table.hpp"
#include "output/terminal.hpp"
#include "remedy.hpp"

#include <doctest/doctest.h>

using namespace normdoc;

TEST_SUITE_BEGIN("cli");

TEST_CASE("cli::command_line says a remedy as a command that runs as shown")
{
  CHECK(cli::command_line(Remedy{Action::filing_result, {"7"}, {{"to", "市人民政府"}, {"result", "passed"}}}) ==
        "normdoc filing result 7 --to 市人民政府 --result passed");
  // A body's name with a space or a quote is quoted; a placeholder is shown quoted.
  CHECK(cli::command_line(Remedy{Action::file, {"7"}, {{"to", "O'Neil 局"}, {"reason", k_placeholder}}}) ==
        "normdoc file 7 --to 'O'\\''Neil 局' --reason '…'");
  // Action::same: the options alone, underscores as dashes, a field without a value as a flag.
  CHECK(cli::command_line(Remedy{Action::same, {}, {{"override_gate", ""}, {"reason", "补正"}}}) ==
        "--override-gate --reason 补正");
}

TEST_CASE("cli::Table aligns by display width")
{
  cli::Table table({"编号", "标题", "状态"});
  table.right_align(0);
  table.add_row({"1", "文化市场管理办法", "现行有效"});
  table.add_row({"12", "A办法", "已废止"});
  CHECK(table.render() == "编号  标题              状态\n"
                          "   1  文化市场管理办法  现行有效\n"
                          "  12  A办法             已废止\n");
}

TEST_CASE("cli::Table leaves columns out on a narrow terminal before cutting titles short")
{
  const auto table = [] {
    cli::Table out({"编号", "登记编号", "标题", "状态"});
    out.right_align(0);
    out.shorten_first(2);
    out.leave_out_first(1);
    out.add_row({"1", "JYWL-2026-001", "济源示范区乡村民宿发展扶持办法", "现行有效"});
    return out;
  }();
  cli::set_table_width(0); // no limit: a pipe or --wide
  CHECK(table.render().find("JYWL-2026-001  济源示范区乡村民宿发展扶持办法") != std::string::npos);
  cli::set_table_width(80); // fits whole: nothing left out
  CHECK(table.render().find("JYWL-2026-001") != std::string::npos);
  cli::set_table_width(40); // 登记编号 goes, the title keeps eleven characters
  CHECK(table.render() == "编号  标题                      状态\n"
                          "   1  济源示范区乡村民宿发展…   现行有效\n");
  cli::set_table_width(30); // nothing more to leave out: the title is cut further (odd widths pad one space)
  CHECK(table.render() == "编号  标题            状态\n"
                          "   1  济源示范区乡…   现行有效\n");
  cli::set_table_width(0);
}

TEST_CASE("cli::csv_record follows RFC 4180")
{
  CHECK(cli::csv_record({"a", "b"}) == "a,b\r\n");
  CHECK(cli::csv_record({"含,逗号", "say \"hi\"", "two\nlines", ""}) ==
        "\"含,逗号\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST_CASE("cli::csv_field neutralises what a spreadsheet would run as a formula")
{
  CHECK(cli::csv_field("=HYPERLINK(\"http://x\",\"点击\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
  CHECK(cli::csv_field("+86 371") == "'+86 371");
  CHECK(cli::csv_field("-2+3") == "'-2+3");
  CHECK(cli::csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(cli::csv_field("\tx") == "'\tx");
  CHECK(cli::csv_field("\rx") == "\"'\rx\"");
  CHECK(cli::csv_field("-") == "'-");
  // Numbers stay numbers (days_left of an overdue item is negative).
  CHECK(cli::csv_field("-3") == "-3");
  CHECK(cli::csv_field("-0.75") == "-0.75");
  CHECK(cli::csv_field("+5") == "+5");
  CHECK(cli::csv_field("a=b") == "a=b");
  CHECK(cli::csv_record({"=1+1", "-3"}) == "'=1+1,-3\r\n");
}

TEST_CASE("cli::terminal_text shows controls instead of sending them")
{
  CHECK(cli::terminal_text("\x1b[31m红\x1b[0m") == "\\x1B[31m红\\x1B[0m");
  CHECK(cli::terminal_text("a\rb\tc\x7f") == "a\\x0Db\\x09c\\x7F");
  CHECK(cli::terminal_text("两行\n文字") == "两行\n文字");
  CHECK(cli::terminal_text("两行\n文字", cli::Newlines::escape) == "两行\\n文字");
  // C1 controls (U+009B is CSI on some terminals) and bytes that are not UTF-8.
  CHECK(cli::terminal_text("a\xC2\x9B"
                           "b") == "a\\u009Bb");
  CHECK(cli::terminal_text("\xC2\xA0") == "\xC2\xA0");
  CHECK(cli::terminal_text("x\x9By\xE4\xB8") == "x\\x9By\\xE4\\xB8");
}

TEST_CASE("cli::Table escapes its cells")
{
  cli::Table table({"标题"});
  table.add_row({"\x1b]0;x\x07标题\n第二行"});
  CHECK(table.render() == "标题\n\\x1B]0;x\\x07标题\\n第二行\n");
}

TEST_CASE("cli::ics_text escapes CR, line breaks, separators and controls")
{
  CHECK(cli::ics_text("a\r\nb\rc\nd") == "a\\nb\\nc\\nd");
  CHECK(cli::ics_text("x;y,z\\") == "x\\;y\\,z\\\\");
  CHECK(cli::ics_text("\x1b") == "\\\\x1B");
}

TEST_CASE("cli::markdown_text and html_text keep markup out")
{
  CHECK(cli::markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(cli::markdown_text("[点此](javascript:alert(1))") == "\\[点此\\](javascript:alert(1))");
  CHECK(cli::markdown_text("a|b *c* _d_ `e` \\ &amp;") == "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\\\ &amp;amp;");
  CHECK(cli::html_text("<b a='1'>&\n") == "&lt;b a=&#39;1&#39;&gt;&amp;<br>");
  cli::Printed printed("标题<img src=x onerror=alert(1)>");
  printed.fields({{"理由", "第一行\n<b>第二行</b>"}});
  printed.table({"列"}, {{"a|b\n[x](y)"}});
  printed.paragraph("<i>段落</i>");
  const std::string md = printed.markdown();
  CHECK(md.find('<') == md.find("<br>"));
  CHECK(md.find("# 标题&lt;img src=x onerror=alert(1)&gt;\n") == 0);
  CHECK(md.find("| a\\|b<br>\\[x\\](y) |") != std::string::npos);
  CHECK(md.find("第一行  \n&lt;b&gt;第二行&lt;/b&gt;") != std::string::npos);
  CHECK(printed.html().find("<img") == std::string::npos);
  CHECK(printed.text().find("标题<img") == 0);
}

TEST_CASE("cli::render_documents as CSV: Chinese headings for people, stable English keys for scripts")
{
  registry::Document doc;
  doc.id = 3;
  doc.title = "办法";
  doc.issuer = "某局";
  doc.created_at = doc.updated_at = "2026-01-01T00:00:00Z";
  const auto date = util::Date::parse("2026-01-01");
  const auto csv = cli::render_documents({doc}, cli::RenderOptions{cli::Format::csv, date, true, true});
  CHECK(csv.starts_with("\xEF\xBB\xBFid,reg_no,doc_no,title,issuer,"));
  CHECK(csv.find("\r\n3,,,办法,某局,") != std::string::npos);
  const auto chinese = cli::render_documents({doc}, cli::RenderOptions{cli::Format::csv, date, false});
  CHECK(chinese.starts_with("文件编号,登记编号,文号,标题,制定机关,"));
}

TEST_CASE("cli::render_due as iCalendar: CR escaped, lines folded at 75 octets between characters")
{
  const deadline::DueItem item{deadline::DueKind::filing,
                               7,
                               "关于进一步规范文化市场经营行为维护公平竞争秩序的若干规定\r\nX-INJECTED:1\r伪造",
                               "报送备案",
                               util::Date::parse("2026-12-10"),
                               9,
                               false,
                               "第九条",
                               {Remedy{Action::file, {"7"}}}};
  const util::Date today = util::Date::parse("2026-12-01");
  const std::string ics =
    cli::render_due({item}, cli::RenderOptions{cli::Format::ics, today, false}, "20261201T000000Z");
  std::string unfolded;
  std::size_t start = 0;
  for (std::size_t end = ics.find("\r\n"); end != std::string::npos; start = end + 2, end = ics.find("\r\n", start)) {
    const std::string line = ics.substr(start, end - start);
    CHECK(line.size() <= 75);
    CHECK(line.find_first_of("\r\n") == std::string::npos);
    // A continuation never starts inside a UTF-8 sequence.
    if (line.size() > 1 && line[0] == ' ') {
      CHECK((static_cast<unsigned char>(line[1]) & 0xC0U) != 0x80U);
      unfolded += line.substr(1);
    } else {
      unfolded += "\n" + line;
    }
  }
  CHECK(start == ics.size());
  CHECK(unfolded.find("\nX-INJECTED") == std::string::npos);
  CHECK(unfolded.find("若干规定\\nX-INJECTED:1\\n伪造》") != std::string::npos);
}

TEST_CASE("cli::xml_text escapes markup and leaves out what XML 1.0 cannot carry")
{
  CHECK(cli::xml_text("A&B<C>\"引号\"'") == "A&amp;B&lt;C&gt;&quot;引号&quot;'");
  // C0 controls but tab and line feed are not characters in XML 1.0; neither are U+FFFE/U+FFFF.
  CHECK(cli::xml_text("a\x01"
                      "b\x1b[31mc\rd\x7f") == "ab[31mcd\x7f");
  CHECK(cli::xml_text("tab\tline\n") == "tab\tline\n");
  CHECK(cli::xml_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");
  // A byte that is not UTF-8 becomes U+FFFD; the text around it stays.
  CHECK(cli::xml_text("办\xff法") == "办\xEF\xBF\xBD法");
  CHECK(cli::xml_text("\xE5\x8A") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

namespace {

// The text of every w:t of a package part, read back with libxml2 (which refuses malformed XML).
std::string part_text(const std::string& package, const std::string& part)
{
  const ingest::ZipPackage zip(package, "docx");
  std::string text;
  bool in_text = false;
  zip.walk(part, [&](xmlTextReader* reader) {
    const std::string_view name = ingest::as_view(xmlTextReaderConstName(reader));
    const int type = xmlTextReaderNodeType(reader);
    if (type == XML_READER_TYPE_ELEMENT && name == "w:t") {
      in_text = xmlTextReaderIsEmptyElement(reader) == 0;
    } else if (type == XML_READER_TYPE_END_ELEMENT && name == "w:t") {
      in_text = false;
    } else if (in_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)) {
      text += ingest::as_view(xmlTextReaderConstValue(reader));
    }
  });
  return text;
}

cli::Printed sample_printed(const std::string& title)
{
  cli::Printed printed(title);
  printed.section("一、基本情况");
  printed.fields({{"文号", "济示文旅〔2026〕5号"}, {"空", ""}});
  printed.table({"编号", "事项"}, {{"L1", "两行\n文字"}});
  printed.form({{"政策措施名称", "《办法》"}, {"涉及行业领域", ""}});
  printed.signature({{"审核机构（盖章）", "某局"}, {"日期", "2026年11月16日"}});
  return printed;
}

} // namespace

TEST_CASE("cli::Printed::docx is a well-formed package with the content, the same bytes every time")
{
  const std::string title = "A&B<C>\"办法\"\x01\x1b";
  const std::string package = sample_printed(title).docx();
  CHECK(package == sample_printed(title).docx());
  CHECK(package.starts_with("PK\x03\x04"));
  const std::string text = part_text(package, "word/document.xml");
  CHECK(text.find("A&B<C>\"办法\"一、基本情况") == 0);
  CHECK(text.find("济示文旅〔2026〕5号") != std::string::npos);
  CHECK(text.find("空") == std::string::npos);           // an empty field is left out
  CHECK(text.find("涉及行业领域") != std::string::npos); // an empty form row is kept
  CHECK(text.find("2026年11月16日") != std::string::npos);
  CHECK(part_text(package, "word/styles.xml").empty());
  const ingest::ZipPackage zip(package, "docx");
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/settings.xml", "word/footer1.xml"}) {
    CAPTURE(part);
    CHECK(zip.has(part));
    zip.walk(part, [](xmlTextReader*) {});
  }
  // The table's header row repeats on every page; the form has no header row.
  CHECK(package.find("<w:tblHeader/>") != std::string::npos);
  CHECK(package.find("<w:tblHeader/>") == package.rfind("<w:tblHeader/>"));
  CHECK(package.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos);
}

TEST_CASE("cli::zip_package dates every entry 1980-01-01 and keeps the order given")
{
  const std::string package = cli::zip_package({{"b.xml", "<b/>"}, {"a.xml", "<a/>"}});
  CHECK(package == cli::zip_package({{"b.xml", "<b/>"}, {"a.xml", "<a/>"}}));
  CHECK(package != cli::zip_package({{"a.xml", "<a/>"}, {"b.xml", "<b/>"}}));
  // Local file header: time at offset 10, date at 12 (little-endian MS-DOS format).
  CHECK(package.substr(10, 4) == std::string("\x00\x00\x21\x00", 4));
  CHECK(package.find("b.xml") < package.find("a.xml"));
}

TEST_CASE("cli::zip_package stores each part with its CRC-32 and a directory at the end")
{
  const std::string package = cli::zip_package({{"a.txt", "123456789"}, {"b.txt", ""}});
  // Local header of a.txt: method 0 (stored) at 8, CRC-32 at 14 (0xCBF43926, the check value
  // of "123456789"), both sizes 9 at 18 and 22, then the name and the bytes as given.
  CHECK(package.substr(0, 4) == "PK\x03\x04");
  CHECK(package.substr(8, 2) == std::string("\x00\x00", 2));
  CHECK(package.substr(14, 4) == "\x26\x39\xF4\xCB");
  CHECK(package.substr(18, 8) == std::string("\x09\x00\x00\x00\x09\x00\x00\x00", 8));
  CHECK(package.substr(30, 14) == "a.txt123456789");
  // The end record counts two entries and points at the directory, whose first entry is a.txt's.
  const std::size_t end = package.size() - 22;
  CHECK(package.substr(end, 4) == "PK\x05\x06");
  CHECK(package.substr(end + 10, 2) == std::string("\x02\x00", 2));
  const auto at = static_cast<std::size_t>(static_cast<unsigned char>(package[end + 16])) +
                  static_cast<std::size_t>(static_cast<unsigned char>(package[end + 17])) * 256U;
  CHECK(package.substr(at, 4) == "PK\x01\x02");
  CHECK(package.substr(at + 46, 5) == "a.txt");
}

TEST_SUITE_END();
