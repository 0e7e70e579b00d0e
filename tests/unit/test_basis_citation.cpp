// SPDX-License-Identifier: MIT
#include <normdoc/basis/citation.hpp>
#include <normdoc/util/file.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace normdoc;

namespace {

std::vector<std::string> laws_in(std::string_view text)
{
  std::vector<std::string> laws;
  for (const auto& citation : basis::extract_citations(text)) {
    laws.push_back(citation.law);
  }
  return laws;
}

using Laws = std::vector<std::string>;

} // namespace

TEST_CASE("basis::normalize_law_name meets the catalogue's names")
{
  CHECK(basis::normalize_law_name("中华人民共和国旅游法") == "旅游法");
  CHECK(basis::normalize_law_name("中华人民共和国行政处罚法（2021年修订）") == "行政处罚法");
  CHECK(basis::normalize_law_name(" 中华人民共和国 森林法 ") == "森林法");
  CHECK(basis::normalize_law_name("中国人民共和国森林法") == "森林法");
  CHECK(basis::normalize_law_name("河南省旅游条例") == "河南省旅游条例");
  // A name whose brackets are part of it stays whole.
  CHECK(basis::normalize_law_name("国务院关于加强地方政府性债务管理的意见（试行）") ==
        "国务院关于加强地方政府性债务管理的意见(试行)");
}

TEST_CASE("basis::extract_citations: the clause after 根据/依据/依照/按照, each law once")
{
  CHECK(laws_in("根据《中华人民共和国旅游法》《河南省旅游条例》等法律、法规，结合本市实际，制定本办法。") ==
        Laws{"旅游法", "河南省旅游条例"});
  CHECK(laws_in("根据《中华人民共和国水法》、国务院《城市供水条例》等有关法律、法规，结合本市实际") ==
        Laws{"水法", "城市供水条例"});
  CHECK(laws_in("依照《中华人民共和国旅游法》第一百零四条处罚；依据《中华人民共和国旅游法》") == Laws{"旅游法"});
  // Titles outside the clause of a trigger are not a basis.
  CHECK(laws_in("为贯彻《国务院关于促进旅游业改革发展的若干意见》，根据有关法律、法规，制定本办法。").empty());
  CHECK(laws_in("根据《中华人民共和国旅游法》，结合实际。本办法所称《旅游指南》是指……") == Laws{"旅游法"});
  // An unclosed title (a truncated text) is left alone.
  CHECK(laws_in("根据《中华人民共和国教育法》《中华人民共和国义\n务教育法》") == Laws{"教育法"});
  CHECK(laws_in("").empty());
}

// Expected citations checked by hand against each file's text.
TEST_CASE("basis::extract_citations on Henan local regulations")
{
  const std::filesystem::path corpus =
    std::filesystem::path(NORMDOC_SOURCE_DIR) / ".." / "shared" / "corpus" / "henan-local-regulations";
  if (!std::filesystem::is_directory(corpus)) {
    MESSAGE("skipped: corpus not found at " << corpus.string());
    return;
  }
  const std::vector<std::pair<std::string, Laws>> expected = {
    {"三门峡市城市环境卫生管理条例(2019-01-15).md", {"城市市容和环境卫生管理条例"}},
    {"南阳市白河水系水环境保护条例(2019-01-14).md", {"环境保护法", "水法", "水污染防治法", "河南省水污染防治条例"}},
    {"安阳市政务服务条例(2021-10-25).md", {}},
    {"新乡市不可移动文物保护条例(2021-12-27).md", {"文物保护法"}},
    {"河南省人工影响天气管理条例(2002-11-30).md", {"气象法", "人工影响天气管理条例"}},
    {"河南省企业集体合同条例(1999-09-24).md", {"劳动法"}},
    {"河南省发展民营科技企业条例.md", {"科学技术进步法"}},
    {"河南省宗教事务条例(2005-07-30).md", {"宗教事务条例", "宗教教职人员备案办法"}},
    {"河南省实施《水土保持法》办法.md", {"水土保持法"}},
    {"河南省开封城墙保护条例(2010-05-28).md", {"文物保护法", "治安管理处罚法"}},
    {"河南省气象条例.md", {"气象法"}},
    {"河南省禁止非医学需要胎儿性别鉴定和选择性别人工终止妊娠条例(2006-09-29).md",
     {"人口与计划生育法", "母婴保健法", "计划生育技术服务管理条例"}},
    {"河南省道路运输条例(2007-12-03).md", {"道路运输条例"}},
    {"洛阳市历史文化名城保护条例(2020-12-22).md", {"城乡规划法", "文物保护法"}},
    {"洛阳市森林公园管理条例.md", {"森林法", "森林法实施条例"}},
    {"漯河市中小学校幼儿园规划建设条例(2020-12-16).md", {"教育法", "义务教育法", "城乡规划法"}},
    {"焦作市公园管理条例(2021-08-25).md", {}},
    {"郑州市农业投资保障条例(2010-12-20).md", {"农业法"}},
    {"郑州市失业保险条例(2019-01-22).md", {"劳动法", "失业保险条例", "社会保险费征缴暂行条例", "河南省失业保险条例"}},
    {"郑州市涉案物品价格鉴证条例(2002-08-22).md", {"价格法"}},
    // The corpus copy breaks off inside the second title.
    {"驻马店市中小学校幼儿园规划建设条例(2021-06-28).md", {"教育法"}},
  };
  // Plain references, not structured bindings: clang 14 cannot capture a binding in CAPTURE's lambda.
  for (const auto& expectation : expected) {
    const auto& file = expectation.first;
    CAPTURE(file);
    CHECK(laws_in(util::read_file(corpus / file, "文件")) == expectation.second);
  }
}
