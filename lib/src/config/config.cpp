// SPDX-License-Identifier: MIT
#include "toml_source.hpp"

#include <normdoc/config/config.hpp>
#include <normdoc/util/file.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <type_traits>

namespace normdoc::config {

namespace {

Location region_location(const toml::source_region& region, const std::string& source, const std::string& key)
{
  return Location{source, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column), key};
}

std::string expect_string(const toml::node& node, const std::string& source, const std::string& key)
{
  if (const auto* value = node.as_string()) {
    return value->get();
  }
  throw DataError("应为字符串（用双引号括起）", normdoc::location_of(node, source, key));
}

util::Duration expect_duration(const toml::node& node, const std::string& source, const std::string& key)
{
  const std::string text = expect_string(node, source, key);
  try {
    return util::Duration::parse(text);
  } catch (const DataError& e) {
    throw e.located(normdoc::location_of(node, source, key));
  }
}

using Setter = std::function<void(Config&, const toml::node&, const std::string& source, const std::string& key)>;

template<typename T> Setter field(T Config::*member)
{
  return [member](Config& config, const toml::node& node, const std::string& source, const std::string& key) {
    if constexpr (std::is_same_v<T, bool>) {
      const auto* value = node.as_boolean();
      if (!value) {
        throw DataError("应为 true 或 false", normdoc::location_of(node, source, key));
      }
      config.*member = value->get();
    } else if constexpr (std::is_same_v<T, util::Duration>) {
      config.*member = expect_duration(node, source, key);
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      const auto* array = node.as_array();
      if (!array) {
        throw DataError("应为字符串数组，例如 [\"甲\", \"乙\"]", normdoc::location_of(node, source, key));
      }
      (config.*member).clear();
      for (const auto& element : *array) {
        (config.*member).push_back(expect_string(element, source, key));
      }
    } else {
      config.*member = expect_string(node, source, key);
    }
  };
}

// A validity period counts calendar time: working days make no sense for it.
Setter calendar_period(util::Duration Config::*member)
{
  return [member](Config& config, const toml::node& node, const std::string& source, const std::string& key) {
    const util::Duration period = expect_duration(node, source, key);
    if (period.in_working_days()) {
      throw DataError("有效期应以日、月或年计，不能用工作日", normdoc::location_of(node, source, key));
    }
    config.*member = period;
  };
}

void set_busy_timeout(Config& config, const toml::node& node, const std::string& source, const std::string& key)
{
  const auto* value = node.as_integer();
  if (!value || value->get() < 0 || value->get() > 3'600'000) {
    throw DataError("应为 0 到 3600000 之间的整数（毫秒）", normdoc::location_of(node, source, key));
  }
  config.busy_timeout = std::chrono::milliseconds{value->get()};
}

void set_max_text(Config& config, const toml::node& node, const std::string& source, const std::string& key)
{
  // Up to what one input file may hold (util::k_max_input_bytes).
  const auto* value = node.as_integer();
  if (!value || value->get() < 1 || value->get() > 256) {
    throw DataError("应为 1 到 256 之间的整数（MB）", normdoc::location_of(node, source, key));
  }
  config.max_text_bytes = static_cast<std::uint64_t>(value->get()) << 20U;
}

void set_reg_pattern(Config& config, const toml::node& node, const std::string& source, const std::string& key)
{
  config.reg_pattern = expect_string(node, source, key);
  try {
    format_reg_no(config.reg_pattern, "X", 2024, 1);
  } catch (const DataError& e) {
    throw e.located(normdoc::location_of(node, source, key));
  }
}

const std::map<std::string, Setter>& setters()
{
  static const std::map<std::string, Setter> k_setters = {
    {"db", field(&Config::db)},
    {"user", field(&Config::user)},
    {"time_zone", field(&Config::time_zone)},
    {"busy_timeout_ms", set_busy_timeout},
    {"office.name", field(&Config::office_name)},
    {"office.code", field(&Config::office_code)},
    {"registration.pattern", set_reg_pattern},
    {"validity.default", calendar_period(&Config::validity_default)},
    {"validity.trial", calendar_period(&Config::validity_trial)},
    {"validity.trial_markers", field(&Config::trial_markers)},
    {"reminders.evaluation_lead", calendar_period(&Config::evaluation_lead)},
    {"reminders.due_within", field(&Config::due_within)},
    {"calendar.files", field(&Config::calendar_files)},
    {"procedure.comment_business", field(&Config::comment_business)},
    {"procedure.comment_general", field(&Config::comment_general)},
    {"procedure.legality_review_limit", field(&Config::legality_review_limit)},
    {"procedure.legality_review_minimum", field(&Config::legality_review_minimum)},
    {"filing.deadline", field(&Config::filing_deadline)},
    {"filing.review_period", field(&Config::filing_review_period)},
    {"filing.supplement_period", field(&Config::filing_supplement_period)},
    {"filing.correction_period", field(&Config::correction_period)},
    {"filing.bodies", field(&Config::filing_bodies)},
    {"filing.materials", field(&Config::filing_materials)},
    {"evaluation.renumber", field(&Config::renumber_on_continue)},
    {"basis.review_within", field(&Config::basis_review_within)},
    {"limits.text_mb", set_max_text},
    {"screening.jurisdiction_names", field(&Config::jurisdiction_names)},
    {"audit.key", field(&Config::audit_key)},
    {"audit.checkpoints", field(&Config::audit_checkpoints)},
    {"audit.checkpoint_every", field(&Config::checkpoint_every)},
  };
  return k_setters;
}

std::vector<std::string> known_keys()
{
  std::vector<std::string> keys;
  for (const auto& [key, setter] : setters()) {
    keys.push_back(key);
  }
  return keys;
}

void apply_table(Config& config, const toml::table& table, const std::string& prefix, const std::string& source)
{
  for (const auto& [raw_key, node] : table) {
    const std::string key = prefix.empty() ? std::string(raw_key.str()) : prefix + "." + std::string(raw_key.str());
    if (const auto* sub = node.as_table(); sub && prefix.empty()) {
      apply_table(config, *sub, key, source);
      continue;
    }
    const auto setter = setters().find(key);
    if (setter == setters().end()) {
      const auto suggestion = util::closest_match(key, known_keys());
      throw DataError(fmt::format("未知的配置项“{}”", key), region_location(raw_key.source(), source, key),
                      suggestion ? fmt::format("是否想写“{}”？", *suggestion) : "可用的配置项见 man normdoc");
    }
    setter->second(config, node, source, key);
  }
}

} // namespace

Config parse(std::string_view text, const std::string& source)
{
  if (const auto bad = util::find_invalid_utf8(text)) {
    throw DataError(fmt::format("不是有效的 UTF-8 文本（第{}字节），配置文件须以 UTF-8 保存", *bad + 1),
                    Location{source, 0, 0, {}});
  }
  Config config;
  config.source = source;
  apply_table(config, parse_toml(text, source), "", source);
  return config;
}

Config load(const std::filesystem::path& path)
{
  return parse(util::read_file(path, "配置文件"), path.string());
}

std::string format_reg_no(std::string_view pattern, std::string_view code, int year, std::int64_t seq)
{
  std::string out;
  std::size_t pos = 0;
  bool has_seq = false;
  while (pos < pattern.size()) {
    const auto open = pattern.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(pattern.substr(pos));
      break;
    }
    out.append(pattern.substr(pos, open - pos));
    const auto close = pattern.find('}', open);
    if (close == std::string_view::npos) {
      throw DataError(fmt::format("登记编号格式“{}”缺少右花括号", pattern));
    }
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    if (name == "code") {
      out.append(code);
    } else if (name == "year") {
      out += std::to_string(year);
    } else if (name == "seq") {
      out += std::to_string(seq);
      has_seq = true;
    } else if (name.size() == 6 && name.substr(0, 5) == "seq:0" && name[5] >= '1' && name[5] <= '9') {
      out += fmt::format("{:0{}}", seq, name[5] - '0');
      has_seq = true;
    } else {
      throw DataError(fmt::format("登记编号格式含未知的占位符“{{{}}}”", name), {},
                      "可用占位符：{code}、{year}、{seq}、{seq:03}");
    }
    pos = close + 1;
  }
  if (!has_seq) {
    throw DataError(fmt::format("登记编号格式“{}”须含序号 {{seq}}，否则编号会重复", pattern));
  }
  return out;
}

std::string starter(std::string_view office_name, std::string_view office_code, std::string_view user)
{
  std::string quoted_user;
  for (const char c : user) {
    if (c == '"' || c == '\\') {
      quoted_user += '\\';
    }
    quoted_user += c;
  }
  return fmt::format(R"(# normdoc 配置文件（TOML）。未写的项使用注释中的默认值。
# 查找顺序：--config、环境变量 NORMDOC_CONFIG、./normdoc.toml、$XDG_CONFIG_HOME/normdoc/config.toml

# 数据库文件；默认 $XDG_DATA_HOME/normdoc/registry.db
# db = "/srv/normdoc/registry.db"

# 写入操作日志和审核意见的经办人；默认依次取 --as、环境变量 NORMDOC_USER、此项、登录名
{}user = "{}"

# 显示时间所用的时区（存储一律为 UTC）；环境变量 TZ 优先
# time_zone = "Asia/Shanghai"

# 另一进程占用数据库时的最长等待（毫秒）
# busy_timeout_ms = 5000

[office]
# 制定机关名称（add 未给 --issuer 时使用）
name = "{}"
# 登记编号中的机关代码
code = "{}"

[registration]
# 登记编号格式：{{code}} 机关代码，{{year}} 年份，{{seq}} 序号（{{seq:03}} 补零到3位）
pattern = "{{code}}-{{year}}-{{seq:03}}"

[validity]
# 有效期默认值：一般5年；标题含“暂行”“试行”的2年（各地规定不一，按本地规定修改）
default = "5y"
trial = "2y"
trial_markers = ["暂行", "试行"]

[reminders]
# 有效期届满前多久开始后评估
evaluation_lead = "6m"
# normdoc due 默认提前提醒的时间
due_within = "30d"

[calendar]
# 本地补充的工作日历文件（格式同 schemas/calendar/2024.toml），覆盖内置年份
# files = ["calendar-2027.toml"]

[procedure]
# 公开征求意见最短期限：涉及市场主体经济活动的30日（优化营商环境条例第六十二条），其他7个工作日
comment_business = "30d"
comment_general = "7wd"
# 合法性审核最长、最短期限（国办发〔2018〕115号 (五)）；短于最短期限须说明紧急情况
legality_review_limit = "15wd"
legality_review_minimum = "5wd"

[filing]
# 报送备案期限（自公布之日起；按本地规定，可写 "15wd" 表示工作日）
deadline = "30d"
# 备案审查期限、暂缓登记后补报期限、纠正期限
review_period = "30d"
supplement_period = "15d"
correction_period = "30d"
# 每份文件都应报送的备案机关；留空表示至少报送一处
# bodies = ["济源示范区管委会", "济源示范区人大工委"]
# 备案材料清单
materials = ["备案报告", "正式文本", "起草说明", "制定依据", "合法性审核意见", "公平竞争审查结论"]

[evaluation]
# 后评估决定继续有效时是否重新登记编号（有的地方重新登记、重新计算有效期；有效期总是重新计算）
renumber = false

[basis]
# 所依据的法律修订或废止后，多久之内完成评估（河南省优化营商环境条例第五十一条：“及时”清理）
review_within = "3m"

[screening]
# 本机关辖区的地名：筛查时与“本地、本市”等同样看待（起草者会写“济源市内企业”“在示范区注册”）
# jurisdiction_names = ["济源", "示范区"]
)",
                     user.empty() ? "# " : "", user.empty() ? "张三" : quoted_user, office_name, office_code);
}

} // namespace normdoc::config
