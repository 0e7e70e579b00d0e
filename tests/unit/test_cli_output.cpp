// SPDX-License-Identifier: MIT
#include "output/csv.hpp"
#include "output/table.hpp"
#include "output/views.hpp"

#include <doctest/doctest.h>

using namespace normdoc;

TEST_SUITE_BEGIN("cli");

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

TEST_CASE("cli::csv_record follows RFC 4180")
{
  CHECK(cli::csv_record({"a", "b"}) == "a,b\r\n");
  CHECK(cli::csv_record({"含,逗号", "say \"hi\"", "two\nlines", ""}) == "\"含,逗号\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST_CASE("cli::render_documents as CSV carries stable English keys")
{
  registry::Document doc;
  doc.id = 3;
  doc.title = "办法";
  doc.issuer = "某局";
  doc.created_at = doc.updated_at = "2026-01-01T00:00:00Z";
  const auto csv = cli::render_documents({doc}, cli::RenderOptions{cli::Format::csv, util::Date::parse("2026-01-01"), true});
  CHECK(csv.starts_with("\xEF\xBB\xBFid,reg_no,doc_no,title,issuer,"));
  CHECK(csv.find("\r\n3,,,办法,某局,") != std::string::npos);
}

TEST_SUITE_END();
