// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/util/csv.hpp>
#include <normdoc/util/encoding.hpp>

#include <doctest/doctest.h>

using namespace normdoc;

TEST_CASE("util::parse_csv: RFC 4180 quoting, CRLF, blank lines, line numbers")
{
  const auto rows = util::parse_csv(
    "ref,decision,reason\r\n1,keep,\r\n\r\n\"#2\",repeal,\"上位法废止，\"\"见附件\"\"\n第二行\"\n3,amend,x", "d.csv");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == std::vector<std::string>{"ref", "decision", "reason"});
  CHECK(rows[1].fields == std::vector<std::string>{"1", "keep", ""});
  CHECK(rows[2].line == 4);
  CHECK(rows[2].fields[2] == "上位法废止，\"见附件\"\n第二行");
  CHECK(rows[3].line == 6);
  CHECK(rows[3].fields[0] == "3");

  const auto line_of = [](const char* text) {
    try {
      util::parse_csv(text, "bad.csv");
    } catch (const DataError& e) {
      return e.where().line;
    }
    return -1;
  };
  CHECK(line_of("a,b\n1,\"open\n") == 2);
  CHECK(line_of("a,b\n1,x\"y\n") == 2);
  CHECK(line_of("a,b\n1,\"x\"y\n") == 2);
  CHECK(util::parse_csv("", "empty.csv").empty());
}

TEST_CASE("util::CsvColumns reads Chinese headings as their English names")
{
  const auto rows = util::parse_csv("文件,决定,理由\n3,keep,仍适用\n", "d.csv");
  const std::vector<util::CsvAlias> aliases{{"文件", "ref"}, {"决定", "decision"}, {"理由", "reason"}};
  const util::CsvColumns columns(rows[0], {"ref", "decision", "reason"}, "d.csv", aliases);
  CHECK(columns.get(rows[1], "ref") == "3");
  CHECK(columns.get(rows[1], "reason") == "仍适用");
  const auto english = util::parse_csv("ref,decision\n3,keep\n", "e.csv");
  CHECK(util::CsvColumns(english[0], {"ref", "decision"}, "e.csv", aliases).get(english[1], "decision") == "keep");
  CHECK_THROWS_WITH_AS(util::CsvColumns(english[0], {"ref", "decision", "reason"}, "e.csv", aliases),
                       doctest::Contains("ref,decision,reason，或 文件,决定,理由"), DataError);
}

TEST_CASE("util::CsvColumns finds columns by name and names the missing one")
{
  const auto rows = util::parse_csv("decision, ref ,extra\nkeep,7,\n", "d.csv");
  const util::CsvColumns columns(rows[0], {"ref", "decision"}, "d.csv");
  CHECK(columns.get(rows[1], "ref") == "7");
  CHECK(columns.get(rows[1], "reason").empty());
  CHECK_THROWS_WITH_AS(util::CsvColumns(rows[0], {"ref", "reason"}, "d.csv"), doctest::Contains("reason"), DataError);
}

TEST_CASE("util::to_utf8: BOM dropped, GBK decoded, neither refused at its line")
{
  CHECK(util::to_utf8("\xEF\xBB\xBFref\n", "a.csv") == "ref\n");
  CHECK(util::to_utf8("ref\n\xB7\xCF\xD6\xB9\n", "gbk.csv") == "ref\n废止\n");
  try {
    util::to_utf8("ok\n\xFF\xFF\xFF\n", "bin.csv");
    FAIL("binary accepted");
  } catch (const DataError& e) {
    CHECK(e.where().line == 2);
  }
}
