// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace normdoc;

TEST_CASE("html_to_text: a text node over libxml2's 10 MB tree limit is read whole")
{
  std::string body = "第一条 ";
  for (int i = 0; i < 1'800'000; ++i) {
    body += "规范";
  }
  body += "。结尾标记";
  const std::string text = ingest::html_to_text("<html><body><p>" + body + "</p></body></html>");
  CHECK(text.size() > 10U << 20U);
  CHECK(text == body + "\n");
}

TEST_CASE("html_to_text: nesting far deeper than libxml2's default limit is read whole")
{
  std::string html = "<html><body>";
  for (int i = 0; i < 50'000; ++i) {
    html += "<div>";
  }
  html += "深层的内容";
  for (int i = 0; i < 50'000; ++i) {
    html += "</div>";
  }
  CHECK(ingest::html_to_text(html + "</body></html>") == "深层的内容\n");
}

TEST_CASE("html_to_text: a GBK page without a charset is decoded like a text file; a declared one is honoured")
{
  const std::string utf8 = "<html><body><p>第一条 为了规范文化市场。</p></body></html>";
  // "第一条" in GBK.
  const std::string gbk_page = "<html><body><p>\xB5\xDA\xD2\xBB\xCC\xF5</p></body></html>";
  CHECK(ingest::html_to_text(gbk_page) == "第一条\n");
  const std::string declared =
    "<html><head><meta charset=\"gbk\"></head><body><p>\xB5\xDA\xD2\xBB\xCC\xF5</p></body></html>";
  CHECK(ingest::html_to_text(declared) == "第一条\n");
  CHECK(ingest::html_to_text(utf8) == "第一条 为了规范文化市场。\n");
}
