// SPDX-License-Identifier: MIT
#include "ingest/layout.hpp"

#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/process.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace normdoc;

namespace {

std::filesystem::path fixture(const std::string& name)
{
  return std::filesystem::path(NORMDOC_SOURCE_DIR) / "tests" / "files" / name;
}

// The PDF reader built beside the tests, as normdoc finds it beside itself.
void use_built_reader()
{
  setenv("NORMDOC_READER", NORMDOC_READER_PATH, 1);
}

} // namespace

TEST_SUITE_BEGIN("ingest");

TEST_CASE("ingest::text_of_pages: page numbers and running heads dropped, broken paragraphs joined")
{
  const std::string full = "第一条为了规范行政规范性文件的制定和备案审查工作，根据有关法律法";
  const ingest::PageLines pages{
    {"某县人民政府文件", "关于印发某某办法的通知", full, "规的规定，制定本办法。", "— 1 —"},
    {"某县人民政府行政规范性文件", full, "规，结合本县实际。", "- 2 -"},
    {"某县人民政府行政规范性文件", "第三条本办法自2025年1月1日起施行。", full, "第 3 页 共 4 页"},
    {"某县人民政府行政规范性文件", "规定的其他事项。", "某县人民政府", "2024年12月1日", "4"},
  };
  const std::string text = ingest::text_of_pages(pages);
  CHECK(text.find("— 1 —") == std::string::npos);
  CHECK(text.find("第 3 页") == std::string::npos);
  CHECK(text.find("\n4\n") == std::string::npos);
  // The running head of pages 2 to 4 is gone; page 1's first line is the 发文机关标志.
  CHECK(text.find("某县人民政府行政规范性文件") == std::string::npos);
  CHECK(text.starts_with("某县人民政府文件\n关于印发某某办法的通知\n"));
  // A full line that does not end a sentence continues on the next, across a page too.
  CHECK(text.find(full + "规的规定，制定本办法。\n") != std::string::npos);
  CHECK(text.find(full + "规，结合本县实际。\n") != std::string::npos);
  CHECK(text.find(full + "规定的其他事项。\n") != std::string::npos);
  CHECK(text.find("\n某县人民政府\n2024年12月1日\n") != std::string::npos);
}

TEST_CASE("ingest::text_of_pages: digits spaced off Chinese by the typesetter are closed up")
{
  const std::string text = ingest::text_of_pages(
    {{"2016 年 3 月 29 日 河南省第十二届人大常委会通过", "第五条 本规定自 2016 年 5 月 1 日起施行。"}});
  CHECK(text == "2016年3月29日 河南省第十二届人大常委会通过\n第五条 本规定自2016年5月1日起施行。\n");
}

TEST_CASE("ingest::format_of: every format an office keeps, and a clear refusal otherwise")
{
  CHECK(ingest::format_of("通知.PDF") == ingest::Format::pdf);
  CHECK(ingest::format_of("通知.ofd") == ingest::Format::ofd);
  CHECK(ingest::format_of("通知.doc") == ingest::Format::doc);
  CHECK(ingest::format_of("通知.wps") == ingest::Format::doc);
  CHECK(ingest::format_key(ingest::Format::doc) == "doc");
  CHECK_THROWS_WITH_AS(ingest::format_of("照片.jpg"), doctest::Contains("不支持的文件类型“.jpg”"), DataError);
  CHECK_THROWS_WITH_AS(ingest::format_of("README"), doctest::Contains("没有扩展名"), DataError);
}

TEST_CASE("ingest::ofd_to_text: a real OFD 批复 read by position, in reading order")
{
  const std::string bytes = util::read_file(fixture("路桥区卫生局批复.ofd"), "OFD");
  const std::string text = ingest::ofd_to_text(bytes);
  CHECK(text.starts_with("测试符路桥区卫生局文件\n路卫发〔2011〕76号\n关于同意张阿三同志辞职的批复\n区中医院：\n"));
  // A paragraph broken over lines is one line again; the 版记 closes the text.
  CHECK(
    text.find("\n张阿三，男，1978年2月出生，籍贯江西新建，2001年9月参加工作，本科学历，主治医师，系区中医院职工。\n") !=
    std::string::npos);
  CHECK(text.ends_with("\n测试符路桥区卫生局办公室\n2011年3月10日\n测试符路桥区卫生局办公室2011年3月10日印发\n"));
  // The smallest package: OFD.xml → Doc_0/Document.xml → a page, paths relative to their part.
  const std::string minimal =
    util::read_file(std::string(NORMDOC_SOURCE_DIR) + "/tests/fuzz/corpus/ofd/minimal.ofd", "OFD");
  CHECK(ingest::ofd_to_text(minimal) == "关于加强某某管理的通知\n各有关单位：\n");
  CHECK_THROWS_WITH_AS(ingest::ofd_to_text("PK\x03\x04 not a zip"), doctest::Contains("OFD"), DataError);
  // A .docx is a zip too, but has no OFD.xml.
  CHECK_THROWS_WITH_AS(ingest::ofd_to_text(util::read_file(
                         std::string(NORMDOC_SOURCE_DIR) + "/tests/fuzz/corpus/docx/minimal.docx", "docx")),
                       doctest::Contains("OFD.xml"), DataError);
}

TEST_CASE("ingest::extract: a PDF's text layer through normdoc-read; a scan refused without OCR")
{
  use_built_reader();
  const ingest::Extracted pdf = ingest::extract(fixture("罚款限额规定.pdf"));
  CHECK(pdf.format == ingest::Format::pdf);
  CHECK(pdf.encoding == "pdf");
  CHECK(pdf.pages >= 1);
  CHECK(pdf.ocr_pages == 0);
  CHECK(pdf.text.starts_with(
    "# 河南省规章设定罚款限额规定\n2016年3月29日 河南省第十二届人民代表大会常务委员会第二十次会议通过\n"));
  CHECK(pdf.text.find("第五条 本规定自2016年5月1日起施行。") != std::string::npos);
  CHECK_THROWS_WITH_AS(ingest::extract(fixture("罚款限额规定-扫描件.pdf"), ingest::ExtractOptions{false}),
                       doctest::Contains("扫描图像"), DataError);
}

TEST_CASE("util::run_process: output, exit status, timeout and a program that is missing")
{
  const auto run = util::run_process({"sh", "-c", "printf 文字; echo 错误 >&2; exit 3"}, "测试程序",
                                     std::chrono::seconds(10), 1 << 20);
  CHECK(run.exit_code == 3);
  CHECK(run.out == "文字");
  CHECK(run.err == "错误\n");
  CHECK_THROWS_WITH_AS(util::run_process({"sleep", "5"}, "测试程序", std::chrono::seconds(1), 1 << 20),
                       doctest::Contains("超过1秒"), DataError);
  CHECK_THROWS_WITH_AS(util::run_process({"yes"}, "测试程序", std::chrono::seconds(10), 1 << 20),
                       doctest::Contains("输出超过"), DataError);
  CHECK_THROWS_AS(util::run_process({"/nonexistent/normdoc-read"}, "测试程序", std::chrono::seconds(10), 1 << 20),
                  DataError);
}

TEST_SUITE_END();
