// SPDX-License-Identifier: MIT
#include <normdoc/util/duration.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <utility>

namespace normdoc::util {

Duration Duration::parse(std::string_view raw)
{
  const std::string text = remove_spaces(normalize_width(raw));
  int count = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  const std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
  static constexpr std::array<std::pair<std::string_view, Unit>, 12> k_units{{
    {"wd", Unit::working_days},
    {"个工作日", Unit::working_days},
    {"工作日", Unit::working_days},
    {"d", Unit::days},
    {"日", Unit::days},
    {"天", Unit::days},
    {"m", Unit::months},
    {"个月", Unit::months},
    {"月", Unit::months},
    {"y", Unit::years},
    {"年", Unit::years},
    {"a", Unit::years},
  }};
  if (ec == std::errc{} && count > 0 && count <= 100000) {
    for (const auto& [name, unit] : k_units) {
      if (suffix == name) {
        return Duration{count, unit};
      }
    }
  }
  throw DataError(fmt::format("无法识别的期限“{}”", raw), {},
                  "期限写作 数字+单位：30d（日）、15wd（工作日）、6m（月）、5y（年）");
}

Date Duration::after(const Date& from) const
{
  switch (unit) {
  case Unit::days:
    return from.add_days(count);
  case Unit::months:
    return from.add_months(count);
  case Unit::years:
    return from.add_years(count);
  case Unit::working_days:
    break;
  }
  throw DataError(fmt::format("期限 {} 按工作日计算，此处只能用日、月、年", to_string()));
}

std::string Duration::to_string() const
{
  const char* suffix = unit == Unit::days ? "d" : unit == Unit::months ? "m" : unit == Unit::years ? "y" : "wd";
  return fmt::format("{}{}", count, suffix);
}

std::string Duration::chinese() const
{
  const char* suffix = unit == Unit::days     ? "日"
                       : unit == Unit::months ? "个月"
                       : unit == Unit::years  ? "年"
                                              : "个工作日";
  return fmt::format("{}{}", count, suffix);
}

} // namespace normdoc::util
