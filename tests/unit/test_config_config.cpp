// SPDX-License-Identifier: MIT
#include <normdoc/config/config.hpp>
#include <normdoc/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace normdoc;

TEST_SUITE_BEGIN("config");

TEST_CASE("config::parse reads every setting")
{
  const auto config = config::parse(R"(
db = "registry.db"
user = "李四"
busy_timeout_ms = 200
[office]
name = "济源示范区文化广电和旅游局"
code = "JYWL"
[registration]
pattern = "{code}—{year}—{seq}"
[validity]
default = "3y"
trial = "1y"
trial_markers = ["暂行"]
[reminders]
evaluation_lead = "3m"
due_within = "15d"
[calendar]
files = ["office-2027.toml"]
[procedure]
comment_business = "45d"
comment_general = "10wd"
legality_review_limit = "10wd"
[filing]
deadline = "15wd"
review_period = "2m"
supplement_period = "10d"
correction_period = "20d"
bodies = ["示范区管委会", "示范区人大工委"]
materials = ["备案报告", "正式文本"]
)",
                                    "normdoc.toml");
  CHECK(config.db == std::optional<std::string>("registry.db"));
  CHECK(config.user == std::optional<std::string>("李四"));
  CHECK(config.busy_timeout.count() == 200);
  CHECK(config.office_code == "JYWL");
  CHECK(config.validity_default.to_string() == "3y");
  CHECK(config.validity_trial.to_string() == "1y");
  CHECK(config.trial_markers == std::vector<std::string>{"暂行"});
  CHECK(config.evaluation_lead.to_string() == "3m");
  CHECK(config.due_within.to_string() == "15d");
  CHECK(config.calendar_files == std::vector<std::string>{"office-2027.toml"});
  CHECK(config.comment_business.to_string() == "45d");
  CHECK(config.comment_general.to_string() == "10wd");
  CHECK(config.legality_review_limit.to_string() == "10wd");
  CHECK(config.filing_deadline.to_string() == "15wd");
  CHECK(config.filing_review_period.to_string() == "2m");
  CHECK(config.filing_supplement_period.to_string() == "10d");
  CHECK(config.correction_period.to_string() == "20d");
  CHECK(config.filing_bodies.size() == 2);
  CHECK(config.filing_materials == std::vector<std::string>{"备案报告", "正式文本"});
  CHECK(config::format_reg_no(config.reg_pattern, config.office_code, 2017, 9) == "JYWL—2017—9");
}

TEST_CASE("config::parse errors name file, line and key")
{
  SUBCASE("unknown key with a suggestion")
  {
    try {
      config::parse("[office]\nname = \"x\"\ncdoe = \"y\"\n", "a.toml");
      FAIL("accepted");
    } catch (const DataError& e) {
      CHECK(std::string(e.what()).starts_with("a.toml:3:"));
      CHECK(std::string(e.what()).find("office.cdoe") != std::string::npos);
      CHECK(e.hint().find("office.code") != std::string::npos);
    }
  }
  SUBCASE("wrong type")
  {
    CHECK_THROWS_WITH_AS(config::parse("\n\nbusy_timeout_ms = \"fast\"\n", "b.toml"), doctest::Contains("b.toml:3:"),
                         DataError);
    CHECK_THROWS_WITH_AS(config::parse("[validity]\ndefault = 5\n", "c.toml"), doctest::Contains("c.toml:2:"),
                         DataError);
  }
  SUBCASE("bad duration")
  {
    CHECK_THROWS_WITH_AS(config::parse("[validity]\n\ndefault = \"20wd\"\n", "d.toml"), doctest::Contains("d.toml:3:"),
                         DataError);
    CHECK_THROWS_WITH_AS(config::parse("[validity]\ntrial = \"two years\"\n", "d.toml"), doctest::Contains("d.toml:2:"),
                         DataError);
  }
  SUBCASE("registration pattern without a sequence")
  {
    CHECK_THROWS_WITH_AS(config::parse("[registration]\npattern = \"{code}-{year}\"\n", "e.toml"),
                         doctest::Contains("e.toml:2:"), DataError);
    CHECK_THROWS_AS(config::parse("[registration]\npattern = \"{code}-{yaer}-{seq}\"\n", "e.toml"), DataError);
  }
  SUBCASE("TOML syntax error and invalid UTF-8")
  {
    CHECK_THROWS_WITH_AS(config::parse("[office\n", "f.toml"), doctest::Contains("f.toml:1:"), DataError);
    CHECK_THROWS_AS(config::parse("user = \"\xC4\xE3\"\n", "g.toml"), DataError);
  }
}

TEST_CASE("config::starter parses back to the defaults it documents")
{
  const auto config = config::parse(config::starter("某局", "MJ"), "starter.toml");
  CHECK(config.office_name == "某局");
  CHECK(config.office_code == "MJ");
  CHECK(config.validity_default.to_string() == "5y");
  CHECK(config.validity_trial.to_string() == "2y");
  CHECK_FALSE(config.user);
  CHECK_FALSE(config.time_zone);
  CHECK(config::parse(config::starter("某局", "MJ", "张\"三"), "starter.toml").user == "张\"三");
}

TEST_CASE("config::load reads the shipped example")
{
  const auto config = config::load(std::filesystem::path(NORMDOC_SOURCE_DIR) / "examples" / "normdoc.toml");
  CHECK_FALSE(config.office_name.empty());
  CHECK_THROWS_AS(config::load("does-not-exist.toml"), DataError);
}

TEST_CASE("config::format_reg_no")
{
  CHECK(config::format_reg_no("{code}-{year}-{seq:03}", "JYWL", 2024, 7) == "JYWL-2024-007");
  CHECK(config::format_reg_no("{code}{seq:05}", "HF", 2024, 12) == "HF00012");
  CHECK_THROWS_AS(config::format_reg_no("{code}-{seq", "X", 2024, 1), DataError);
}

TEST_SUITE_END();
