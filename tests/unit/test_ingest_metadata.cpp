// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/ingest/metadata.hpp>
#include <normdoc/util/file.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

using namespace normdoc;

namespace {

const std::vector<std::string> k_markers{"暂行", "试行"};

// The file names shorten the laws named inside a title (河南省实施《森林法》办法 for the official
// 河南省实施《中华人民共和国森林法》办法) and keep the spacing of two-line headings; neither is
// a different title.
std::string comparable(const std::string& title)
{
  std::string out = std::regex_replace(title, std::regex("中华人民共和国"), "");
  return std::regex_replace(out, std::regex(" |　"), "");
}

ingest::Metadata meta_of(std::string_view text, std::string_view file = "x.txt")
{
  return ingest::extract_metadata(text, file, k_markers);
}

// A 印发 notice as offices write it: red header, 文号, a title wrapped over two lines, the
// attached document, the signature block.
std::string notice()
{
  return util::read_file(std::filesystem::path(NORMDOC_SOURCE_DIR) / "examples" / "imports" / "notice.txt", "示例");
}

} // namespace

TEST_CASE("ingest::extract_metadata reads a 印发 notice: each field with its source")
{
  const auto meta = meta_of(notice());
  REQUIRE(meta.title);
  CHECK(meta.title->value == "济源示范区乡村民宿管理暂行办法");
  CHECK(meta.title->source == "印发通知");
  REQUIRE(meta.doc_no);
  CHECK(meta.doc_no->value == "济示文旅〔2024〕5号");
  REQUIRE(meta.issuer);
  CHECK(meta.issuer->value == "济源示范区文化广电和旅游局");
  REQUIRE(meta.date);
  CHECK(meta.date->value == "2024-08-14");
  CHECK(meta.date->source == "落款");
  CHECK(meta.trial);
  REQUIRE(meta.citations.size() == 2);
  CHECK(meta.citations[0].law == "旅游法");
}

TEST_CASE("ingest::extract_metadata: wrapped headings, wrong brackets, Chinese numerals, the file name last")
{
  const auto wrapped = meta_of("某市人民政府办公室关于加强\n城市道路管理的\n实施意见\n\n各县（区）人民政府：\n正文。\n\n某市人民政府办公室\n二〇二三年十二月五日\n");
  REQUIRE(wrapped.title);
  CHECK(wrapped.title->value == "某市人民政府办公室关于加强城市道路管理的实施意见");
  CHECK(wrapped.title->source == "标题行（跨行）");
  CHECK(wrapped.date->value == "2023-12-05");
  CHECK(wrapped.issuer->value == "某市人民政府办公室");

  const auto brackets = meta_of("某县人民政府文件\n某政[2021]第07号\n某县人民政府关于印发某某规定的通知\n");
  REQUIRE(brackets.doc_no);
  CHECK(brackets.doc_no->value == "某政〔2021〕7号");
  CHECK(brackets.issuer->value == "某县人民政府");
  CHECK(brackets.issuer->source == "标题");

  const auto bare = meta_of("这是一段没有标题的文字，说明了很多事情，但是没有任何可以识别为标题的行，也没有落款和日期。\n",
                            "关于某事的说明(2020-01-02).txt");
  REQUIRE(bare.title);
  CHECK(bare.title->value == "关于某事的说明");
  CHECK(bare.title->confidence < 0.5);
  CHECK_FALSE(bare.date);
  CHECK_FALSE(bare.doc_no);

  CHECK(ingest::parse_chinese_date("二〇二四年二月三十日") == std::nullopt);
  CHECK(ingest::parse_chinese_date("于2024年2月29日") == util::Date::parse("2024-02-29"));
  CHECK(ingest::parse_chinese_date("二〇二四年十月二十一日") == util::Date::parse("2024-10-21"));
}

TEST_CASE("ingest::extract: html and docx give the text; other types are refused by name")
{
  const std::string html = "<html><head><title>页面</title><style>p{color:red}</style><script>var x='<p>';</script></head>"
                           "<body><div>关于印发<b>某办法</b>的通知</div><p>第一条&nbsp;内容&lt;一&gt;</p><!-- 注释 --></body></html>";
  const std::string text = ingest::html_to_text(html);
  CHECK(text.find("关于印发某办法的通知\n") != std::string::npos);
  CHECK(text.find("第一条\xC2\xA0内容<一>") != std::string::npos);
  CHECK(text.find("color") == std::string::npos);
  CHECK(text.find("var x") == std::string::npos);
  CHECK(text.find("注释") == std::string::npos);

  CHECK_THROWS_AS(ingest::docx_to_text("PK\x03\x04 not really a zip"), DataError);
  CHECK_THROWS_AS(ingest::format_of("a.xls"), DataError);
  CHECK_THROWS_AS(ingest::format_of("a.png"), DataError);
  CHECK(ingest::format_of("A.DOCX") == ingest::Format::docx);
}

TEST_CASE("ingest: inputs found by fuzzing are refused or read, never a crash")
{
  // fuzz_metadata: a first line of only '#' marks made substr() throw std::out_of_range.
  CHECK_NOTHROW(meta_of("## "));
  CHECK_NOTHROW(meta_of("#"));
  const auto hashes = meta_of("##\n某县人民政府关于印发某某规定的通知\n");
  REQUIRE(hashes.title);
  CHECK(hashes.title->source != "Markdown 标题");
  // fuzz_docx: an archive whose directory claims a huge word/document.xml made us allocate it.
  const std::string forged = util::read_file(std::string(NORMDOC_SOURCE_DIR) + "/tests/fuzz/regressions/docx/forged-size", "docx");
  CHECK_THROWS_AS(ingest::docx_to_text(forged), DataError);
}

// Every Henan regulation: the title against the file name 标题(YYYY-MM-DD).md.
TEST_CASE("ingest::extract_metadata on the Henan corpus: titles at least 98 % right")
{
  const std::filesystem::path corpus =
    std::filesystem::path(NORMDOC_SOURCE_DIR) / ".." / "shared" / "corpus" / "henan-local-regulations";
  if (!std::filesystem::is_directory(corpus)) {
    MESSAGE("skipped: corpus not found at " << corpus.string());
    return;
  }
  static const std::regex k_name(R"(^(.*?)(\((\d{4}-\d{2}-\d{2})\))?\.md$)");
  int files = 0;
  int titles_right = 0;
  int dated = 0;
  int dates_right = 0;
  std::vector<std::string> wrong;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    const std::string name = entry.path().filename().string();
    std::smatch match;
    if (!std::regex_match(name, match, k_name)) {
      continue;
    }
    ++files;
    const auto meta = meta_of(ingest::extract(entry.path()).text, name);
    if (meta.title && comparable(meta.title->value) == comparable(match[1].str())) {
      ++titles_right;
    } else if (wrong.size() < 5) {
      wrong.push_back(name + " → " + (meta.title ? meta.title->value : "(none)"));
    }
    if (match[3].matched) {
      ++dated;
      dates_right += meta.date && meta.date->value == match[3].str() ? 1 : 0;
    }
  }
  MESSAGE("titles: " << titles_right << "/" << files << "; dates (file-name date, which is often the "
                     << "publication date and absent from the text): " << dates_right << "/" << dated);
  for (const auto& miss : wrong) {
    MESSAGE("title miss: " << miss);
  }
  REQUIRE(files >= 400);
  CHECK(titles_right * 100 >= files * 98);
}
