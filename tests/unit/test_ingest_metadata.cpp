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

// The fields a layout rule must read from a text; an empty one is not checked.
struct Expected
{
  std::string title;
  std::string doc_no;
  std::string issuer;
  std::string date;
};

void check_read(std::string_view text, const Expected& want)
{
  const auto meta = meta_of(text);
  const auto check = [](const std::optional<ingest::Field>& field, const std::string& value) {
    if (!value.empty()) {
      REQUIRE(field);
      CHECK(field->value == value);
    }
  };
  check(meta.title, want.title);
  check(meta.doc_no, want.doc_no);
  check(meta.issuer, want.issuer);
  check(meta.date, want.date);
}

// A layout rule, a real text it applies to, and what must be read from it.
struct Case
{
  const char* rule;
  std::string text;
  Expected want;
};

void check_cases(const std::vector<Case>& cases)
{
  for (const auto& c : cases) {
    CAPTURE(c.rule);
    check_read(c.text, c.want);
  }
}

} // namespace

TEST_CASE("ingest::extract_metadata reads a 印发 notice: each field with its source")
{
  const auto meta = meta_of(notice());
  // The notice's own title is the document's title; what it issues is the attached title.
  REQUIRE(meta.title);
  CHECK(meta.title->value == "济源示范区文化广电和旅游局关于印发《济源示范区乡村民宿管理暂行办法》的通知");
  CHECK(meta.title->source == "标题行（跨行）");
  REQUIRE(meta.attached_title);
  CHECK(meta.attached_title->value == "济源示范区乡村民宿管理暂行办法");
  CHECK(meta.attached_title->source == "印发通知");
  CHECK(meta.issuers == std::vector<std::string>{"济源示范区文化广电和旅游局"});
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
  const auto wrapped = meta_of(
    "某市人民政府办公室关于加强\n城市道路管理的\n实施意见\n\n各县（区）人民政府：\n正文。\n\n某市人民政府办公室\n二〇二三年十二月五日\n");
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

  const auto bare =
    meta_of("这是一段没有标题的文字，说明了很多事情，但是没有任何可以识别为标题的行，也没有落款和日期。\n",
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

// Each layout rule on lines of the real-document set (tests/documents: the row named).
TEST_CASE("ingest::extract_metadata: GB/T 9704 and web layouts of real documents")
{
  SUBCASE("a 发文机关标志 without 文件 above a title that names its issuer is no part of it (D02)")
  {
    const auto meta =
      meta_of("浠水县人民政府\n\n县人民政府关于印发《浠水县人民政府工作规则》的通知\n\n浠政发〔2017〕1号\n\n"
              "各乡镇人民政府(管委会、管理处),县政府各部门:\n《浠水县人民政府工作规则》已经审议通过,现予印发。\n"
              "浠水县人民政府\n2017年1月24日\n浠水县人民政府工作规则\n");
    CHECK(meta.title->value == "县人民政府关于印发《浠水县人民政府工作规则》的通知");
    CHECK(meta.attached_title->value == "浠水县人民政府工作规则");
    CHECK(meta.issuer->value == "浠水县人民政府");
    CHECK(meta.issuer->source == "落款");
    CHECK(meta.date->value == "2017-01-24");
  }
  SUBCASE("zero written ○, O or 0 in a 成文日期; the notice's signature before the attached document (D06, D22, D28)")
  {
    CHECK(ingest::parse_chinese_date("二OO六年二月二十日") == util::Date::parse("2006-02-20"));
    CHECK(ingest::parse_chinese_date("二○○一年十二月三十日") == util::Date::parse("2001-12-30"));
    CHECK(ingest::parse_chinese_date("二00一年二月十四日") == util::Date::parse("2001-02-14"));
    const auto meta =
      meta_of("宿迁市人民政府关于印发宿迁市城乡医疗救助暂行办法的通知\n宿政发〔2008〕65号\n各县、区人民政府:\n"
              "《宿迁市城乡医疗救助暂行办法》已经市政府审议通过,现印发给你们,请认真贯彻执行。\n二OO八年六月四日\n"
              "宿迁市城乡医疗救助暂行办法\n第一条 为加快新型社会救助体系建设,制定本办法。\n2009年1月1日\n");
    CHECK(meta.date->value == "2008-06-04");
    CHECK(meta.issuer->value == "宿迁市人民政府");
  }
  SUBCASE("joint issuance: a signature of several bodies, run-together names in a title (D03, D27, D32)")
  {
    const auto signed_jointly = meta_of("云南省财政厅关于印发《云南省就业专项资金管理办法》的通知\n各州(市)财政局:\n"
                                        "经省人民政府同意,现将《云南省就业专项资金管理办法》印发给你们。\n"
                                        "云南省财政厅   云南省人力资源和社会保障厅\n2013年9月4日\n");
    CHECK(signed_jointly.issuers == std::vector<std::string>{"云南省财政厅", "云南省人力资源和社会保障厅"});
    CHECK(signed_jointly.issuer->value == "云南省财政厅、云南省人力资源和社会保障厅");
    const auto in_title =
      meta_of("中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知\n"
              "岳办发〔2017〕2号\n各县市区委、人民政府:\n");
    CHECK(in_title.issuers == std::vector<std::string>{"中共岳阳市委办公室", "岳阳市人民政府办公室"});
    const auto four =
      meta_of("成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局 成都市住房和城乡建设局 "
              "关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知\n各区(市)县政府(管委会):\n");
    CHECK(four.issuers.size() == 4);
    CHECK(four.issuers[1] == "中共成都市委社会工作部");
  }
  SUBCASE("a web page's information table: its 文号 read, its cells no title (D18, D31)")
  {
    const auto table = meta_of("发文机关:山西省人民政府\n文号 :晋政发〔2018〕13号\n各市、县人民政府:\n");
    REQUIRE(table.doc_no);
    CHECK(table.doc_no->value == "晋政发〔2018〕13号");
    const auto cells =
      meta_of("文号\n瑞政办〔2011〕129号\n发布机构\n市市级机关事务管理局信息公开\n成文日期\n2011-09-01\n有效性\n"
              "瑞政办(2011)129号 转发温州市推行说理性行政处罚文书指导意见及操作规范的通知\n"
              "发布日期: 2011- 09- 01 14: 58: 15 浏览次数: 来源: 普望科技\n瑞政办〔2011〕129号\n"
              "瑞安市人民政府办公室\n转发温州市推行说理性行政处罚文书\n指导意见及操作规范的通知\n市政府直属各单位:\n");
    REQUIRE(cells.title);
    CHECK(cells.title->value == "瑞安市人民政府办公室转发温州市推行说理性行政处罚文书指导意见及操作规范的通知");
    REQUIRE(cells.issuer);
    CHECK(cells.issuer->value == "瑞安市人民政府办公室");
  }
}

// The rules that read title, 文号, issuer and date, each on lines of the real-document set
// (tests/documents: the row named).
TEST_CASE("ingest::extract_metadata: one layout rule per case, on real documents")
{
  const std::vector<Case> cases{
    {"a title split after the issuer's name goes on under it (D38); the title the 文号 follows wins",
     "政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见\n- 发布日期:2021-07-19\n济宁市人民政府\n"
     "关于持续深化“市县同权”改革的实施意见\n济政字〔2021〕30号\n各县(市、区)人民政府:\n",
     {"济宁市人民政府关于持续深化“市县同权”改革的实施意见", "济政字〔2021〕30号", "济宁市人民政府", ""}},
    {"a blank line under a body's name marks it as a header, not the title's start (D30)",
     "上海市建设和管理委员会\n\n\n关于印发《上海市文明工地(场站)管理规定》的通知\n\n沪建建[2003]89号\n\n"
     "各区(县)建委(建设局):\n\n现将《上海市文明工地(场站)管理规定》印发给你们,请按照执行。\n\n"
     "上海市建设和管理委员会\n\n二○○三年二月二十一日\n",
     {"关于印发《上海市文明工地(场站)管理规定》的通知", "沪建建〔2003〕89号", "上海市建设和管理委员会", "2003-02-21"}},
    {"转发: the issuer is the body that forwards, not the one whose document it forwards (D36)",
     "沧州市人民政府办公室转发市发改委等部门《支持农村邮政物流发展实施办法》的通知\n沧政办字〔2009〕120号\n"
     "各县(市、区)人民政府:\n沧州市发展改革委、沧州市邮政局《支持农村邮政物流发展实施办法》已经市政府同意,现转发,请认真贯彻执行。\n"
     "二〇〇九年八月三十日\n沧州市发展改革委\n沧州市邮政局\n支持农村邮政物流发展实施办法\n",
     {"", "沧政办字〔2009〕120号", "沧州市人民政府办公室", "2009-08-30"}},
    {"a 令: the body of the 令 line when a person signs (D12)",
     "内蒙古自治区人民政府\n内蒙古自治区村庄和集镇规划建设管理实施办法\n内蒙古自治区人民政府令\n第82号\n"
     "《内蒙古自治区村庄和集镇规划建设管理实施办法》已经自治区人民政府常务会议通过,现予发布施行。\n"
     "自治区主席 乌力吉\n1997年7月23日\n第一章 总 则\n",
     {"内蒙古自治区村庄和集镇规划建设管理实施办法", "", "内蒙古自治区人民政府", "1997-07-23"}},
    {"a 施行 clause wrapped onto its own line is no date line (D13)",
     "重庆市人民政府\n渝府令第 121 号\n《重庆市人民政府关于控制主城区采(碎)石场和小水泥厂尘污染的通告》已经"
     "市人民政府常务会议审议通过,现予发布,\n自2002年1月1日起施行。\n市 长\n二○○一年十二月三十日\n"
     "重庆市人民政府关于控制主城区采(碎)石场和小水泥厂尘污染的通告\n",
     {"重庆市人民政府关于控制主城区采(碎)石场和小水泥厂尘污染的通告", "", "重庆市人民政府", "2001-12-30"}},
    {"a short-form issuer in the title is completed from the header line (D35)",
     "湖北省人民政府\n\n省人民政府关于印发湖北省信访事项复查复核办法的通知\n\n各市、州、县人民政府:\n\n"
     "现将《湖北省信访事项复查复核办法》印发给你们。\n\n2011年10月9日\n",
     {"省人民政府关于印发湖北省信访事项复查复核办法的通知", "", "湖北省人民政府", "2011-10-09"}},
    {"the adoption history of a regulation whose lines a PDF wrapped (H02)",
     "信阳市河道采砂管理条例\n2019年6月12日信阳市第五届人民代表大会常务委\n员会第十四次会议通过\n"
     "2019年9月27日河南省第十三届人民代表大会常务委员会第十一次会议批准\n第一章 总则\n",
     {"信阳市河道采砂管理条例", "", "信阳市人民代表大会常务委员会", "2019-09-27"}},
  };
  check_cases(cases);
}

TEST_CASE("ingest::extract: html and docx give the text; other types are refused by name")
{
  const std::string html =
    "<html><head><title>页面</title><style>p{color:red}</style><script>var x='<p>';</script></head>"
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
  const std::string forged =
    util::read_file(std::string(NORMDOC_SOURCE_DIR) + "/tests/fuzz/regressions/docx/forged-size", "docx");
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

// tests/documents N25 (gaoqing.gov.cn): the information table, the notice, then its signature.
constexpr const char* k_gaoqing_head =
  "标题\n高青县人民政府关于印发高青县行政规范性文件管理办法的通知发文机关\n高青县人民政府办公室\n发文字号\n高政发〔2021〕1号\n"
  "索引号\n11370322004222241N/2021-5135380\n成文日期\n2021-03-26\n发文日期\n2021-03-26\n主题分类\n综合政务-文秘工作\n有效性\n有效\n"
  "高青县人民政府关于印发高青县行政规范性文件管理办法的通知\n高政发〔2021〕1号\n"
  "各镇人民政府,各街道办事处,经济开发区管委会,县政府各部门,各有关单位:\n"
  "《高青县行政规范性文件管理办法》已经县政府同意,现印发给你们,请遵照执行。\n";
constexpr const char* k_gaoqing_signed = "高青县人民政府\n2021年3月26日\n高青县行政规范性文件管理办法\n第一章 总 则\n";

TEST_CASE("ingest::extract_metadata: reprint layouts the fresh batch showed (tests/documents N rows)")
{
  const std::vector<Case> cases{
    {"a dated note under a title is no part of it; its 施行 date is no 成文日期 (N23)",
     "湖南省人大常委会\n\n\n湖南省人民代表大会常务委员会制定地方性法规程序的规定\n湖南省人大常委会\n\n\n"
     "(1994年1月17日湖南省第八届人民代表大会常务委员会第六次会议通过 1994年2月1日起施行)\n\n目 录\n\n"
     "第一章 总 则\n第二章 地方性法规议案的提出\n\n第一章 总 则\n第一条 为了使制定地方性法规的程序科学化、规范化,制定本规定。\n",
     {"湖南省人民代表大会常务委员会制定地方性法规程序的规定", "", "湖南省人民代表大会常务委员会", "1994-01-17"}},
    {"a law's title (法) above its note; the 主席令 signed with a person's name (N13)",
     "全国人民代表大会常务委员会\n\n\n中华人民共和国主席令(九届第37号)\n\n"
     "《中华人民共和国国家通用语言文字法》已由中华人民共和国第九届全国人民代表大会常务委员会第十八次会议于2000年10月31日通过,"
     "现予公布,自2001年1月1日起施行。\n\n中华人民共和国主席 江泽民\n2000年10月31日\n\n\n中华人民共和国国家通用语言文字法\n\n\n"
     "(2000年10月31日第九届全国人民代表大会常务委员会第十八次会议通过 2000年10月31日中华人民共和国主席令第三十七号公布 "
     "自2001年1月1日起施行)\n\n目录\n第一章 总则\n第一章 总则\n第一条 为推动国家通用语言文字的规范化、标准化及其健康发展,根据宪法,制定本法。\n",
     {"中华人民共和国国家通用语言文字法", "", "", "2000-10-31"}},
    {"a government rule's note of its publication gives the date; the header's province prefix goes (N15)",
     "山东省济南市人民政府\n\n\n济南市文化娱乐市场管理规定\n\n (1991年3月26日济南市人民政府令19号发布)\n\n\n\n\n"
     " 第一条 为加强本市文化娱乐市场管理,促进社会主义精神文明建设,结合本市实际情况,制定本规定。\n",
     {"济南市文化娱乐市场管理规定", "", "济南市人民政府", "1991-03-26"}},
    {"a header's 人大常委会 with its province is the city's 人民代表大会常务委员会 (N14)",
     "辽宁省大连市人大常委会\n\n\n大连市循环经济促进条例\n\n"
     "(2010年6月22日大连市第十四届人民代表大会常务委员会第十七次会议通过;2010年7月30日辽宁省第十一届人民代表大会常务委员会第十八次会议批准)\n\n"
     "第一章 总则\n\n  第一条 为了促进循环经济发展,结合本市实际,制定本条例。\n",
     {"大连市循环经济促进条例", "", "大连市人民代表大会常务委员会", "2010-07-30"}},
    {"\"date,body\" under a title is the date the body made it (N18)",
     "卫生部\n\n\n新生物制品审批办法\n\n1985年9月25日,卫生部\n\n第一章 总 则\n"
     "第一条 根据《中华人民共和国药品管理法》第二十一条、第二十二条规定,特制订本办法。\n",
     {"新生物制品审批办法", "", "卫生部", "1985-09-25"}},
    {"a page title repeating the title with a note above it (N10)",
     "清远市人民政府关于印发《清远市人民政府工作规则》的通知(2019修订)\n\n"
     "清远市人民政府关于印发《清远市人民政府工作规则》的通知\n\n\n各县(市、区)人民政府,市政府各部门、各直属机构:\n"
     "  新修订的《清远市人民政府工作规则》已经七届第44次市政府常务会议审议通过。现印发给你们,自印发之日起施行,请认真贯彻执行。\n"
     "清远市人民政府\n  2019年11月29日\n",
     {"清远市人民政府关于印发《清远市人民政府工作规则》的通知", "", "清远市人民政府", "2019-11-29"}},
    {"a header list of bodies cut short with 等 is no part of the title (N20)",
     "教育部 劳动人事部 财政部 等\n\n\n关于改革城市中等教育结构、发展职业技术教育的意见\n"
     "教育部 劳动人事部 财政部 国家计委\n\n\n\n\n为了贯彻党的十二大精神,应着重解决好以下几个问题:\n",
     {"关于改革城市中等教育结构、发展职业技术教育的意见", "", "教育部、劳动人事部、财政部、国家计委", ""}},
    // Session 7: a web table whose labels and values are on lines of their own (N05 as the HTML
    // reader lays out its cells; N25 as stored).
    {"a table's 发文日期 with its value on the next line is the date when nothing is signed (N05)",
     "镇巴县人民政府工作规则\n索引号:\n6107280000/2024-001005\n主题分类:\n来源:\n发文机构:\n县政府网站\n发文字号:\n镇政发〔2024〕7号\n"
     "发文日期:\n2024年04月06日 16:40\n有效性:\n发布日期:\n2024年04月06日 16:34\n内容概述:\n镇巴县人民政府工作规则\n第一章总则\n"
     "一、根据《中华人民共和国宪法》《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》,结合本县实际,制定本规则。\n",
     {"镇巴县人民政府工作规则", "镇政发〔2024〕7号", "", "2024-04-06"}},
    {"a label's value on the next line (有效性 / 有效) is no title line (N25)",
     std::string(k_gaoqing_head) + k_gaoqing_signed,
     {"高青县人民政府关于印发高青县行政规范性文件管理办法的通知", "高政发〔2021〕1号", "高青县人民政府", "2021-03-26"}},
    {"the table's 成文日期 in ISO form on the next line, the signature cut off (N25's head)",
     k_gaoqing_head,
     {"高青县人民政府关于印发高青县行政规范性文件管理办法的通知", "高政发〔2021〕1号", "", "2021-03-26"}},
  };
  check_cases(cases);
  CHECK(meta_of(cases[7].text).date->source == "网页信息表");
  CHECK(meta_of(cases[8].text).date->source == "落款");
  // The note's 施行 date, read although it lacks 自; the source of a "date,body" date.
  CHECK(meta_of(cases[0].text).validity.effective->value == "1994-02-01");
  CHECK(meta_of(cases[1].text).validity.effective->value == "2001-01-01");
  CHECK(meta_of(cases[4].text).date->source == "标题下日期行");
}
