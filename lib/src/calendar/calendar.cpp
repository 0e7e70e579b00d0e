// SPDX-License-Identifier: MIT
#include "toml_source.hpp"

#include <normdoc/calendar/calendar.hpp>
#include <normdoc/util/file.hpp>

#include "embedded_files.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace normdoc::calendar {

namespace {

constexpr std::int64_t k_schema = 1;

Location where(const toml::source_region& region, const std::string& source, std::string_view key)
{
  return Location{source, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column), std::string(key)};
}

std::set<util::Date> read_dates(const toml::table& table, std::string_view key, int year, const std::string& source)
{
  std::set<util::Date> dates;
  const toml::node* node = table.get(key);
  if (!node) {
    return dates;
  }
  const auto* array = node->as_array();
  if (!array) {
    throw DataError("应为日期数组，例如 [2024-10-01, 2024-10-02]", where(node->source(), source, key));
  }
  for (const auto& element : *array) {
    const auto* value = element.as_date();
    if (!value) {
      throw DataError("应为不带引号的日期，例如 2024-10-01", where(element.source(), source, key));
    }
    const toml::date d = value->get();
    try {
      const util::Date date = util::Date::from_ymd(d.year, d.month, d.day);
      if (date.year() != year) {
        throw DataError(fmt::format("日期 {} 不在本文件的年份 {} 内", date.iso(), year));
      }
      dates.insert(date);
    } catch (const DataError& e) {
      throw e.located(where(element.source(), source, key));
    }
  }
  return dates;
}

} // namespace

Calendar Calendar::built_in()
{
  Calendar calendar;
  for (const EmbeddedFile& file : calendar_files()) {
    calendar.add_year(file.text, "schemas/calendar/" + std::string(file.name));
  }
  return calendar;
}

void Calendar::add_year(std::string_view toml_text, const std::string& source)
{
  const toml::table table = parse_toml(toml_text, source);
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (name != "schema" && name != "year" && name != "source" && name != "holidays" && name != "workdays") {
      throw DataError(fmt::format("未知的字段“{}”", name), where(key.source(), source, name),
                      "工作日历文件只有 schema、year、source、holidays、workdays 五个字段");
    }
  }
  const auto schema = table["schema"].value<std::int64_t>();
  if (schema != k_schema) {
    throw DataError(fmt::format("不支持的工作日历格式版本（应为 schema = {}）", k_schema),
                    where(table.source(), source, "schema"));
  }
  const auto year = table["year"].value<std::int64_t>();
  if (!year || *year < 1900 || *year > 2199) {
    throw DataError("缺少年份或年份无效（year = 2027）", where(table.source(), source, "year"));
  }
  const int y = static_cast<int>(*year);
  Year data;
  data.holidays = read_dates(table, "holidays", y, source);
  data.workdays = read_dates(table, "workdays", y, source);
  data.source = table["source"].value_or(std::string(source));
  for (const util::Date& day : data.workdays) {
    if (data.holidays.contains(day)) {
      throw DataError(fmt::format("{} 同时列为放假日和调休上班日", day.iso()),
                      where(table.source(), source, "workdays"));
    }
  }
  m_years[y] = std::move(data);
}

void Calendar::add_year_file(const std::string& path)
{
  add_year(util::read_file(path, "工作日历文件"), path);
}

std::vector<int> Calendar::years() const
{
  std::vector<int> years;
  for (const auto& [year, data] : m_years) {
    years.push_back(year);
  }
  return years;
}

std::string Calendar::digest() const
{
  std::string text;
  for (const auto& [year, data] : m_years) {
    text += fmt::format("{} off", year);
    for (const util::Date& day : data.holidays) {
      text += ' ' + day.iso();
    }
    text += " on";
    for (const util::Date& day : data.workdays) {
      text += ' ' + day.iso();
    }
    text += '\n';
  }
  return text;
}

const Calendar::Year& Calendar::year_of(const util::Date& day) const
{
  const auto found = m_years.find(day.year());
  if (found == m_years.end()) {
    throw DataError(fmt::format("工作日历没有{}年的数据", day.year()), {},
                    fmt::format("国务院办公厅公布{}年放假安排后，按 schemas/calendar/ 的格式写一个文件，"
                                "加入配置 [calendar] files",
                                day.year()));
  }
  return found->second;
}

bool Calendar::is_working_day(const util::Date& day) const
{
  const Year& year = year_of(day);
  if (year.holidays.contains(day)) {
    return false;
  }
  if (year.workdays.contains(day)) {
    return true;
  }
  return day.iso_weekday() <= 5;
}

util::Date Calendar::add_working_days(const util::Date& from, int count) const
{
  util::Date day = from;
  for (int found = 0; found < count;) {
    day = day.add_days(1);
    if (is_working_day(day)) {
      ++found;
    }
  }
  return day;
}

int Calendar::working_days_between(const util::Date& from, const util::Date& to) const
{
  int count = 0;
  for (util::Date day = from.add_days(1); day <= to; day = day.add_days(1)) {
    if (is_working_day(day)) {
      ++count;
    }
  }
  return count;
}

util::Date Calendar::next_working_day_from(const util::Date& day) const
{
  util::Date candidate = day;
  while (!is_working_day(candidate)) {
    candidate = candidate.add_days(1);
  }
  return candidate;
}

util::Date Calendar::period_end(const util::Date& start, const util::Duration& period) const
{
  if (period.in_working_days()) {
    return add_working_days(start, period.count);
  }
  // 民法典 第二百零一条: the start day is not counted, so N days end on start + N;
  // 第二百零二条: months and years end on the corresponding day (Duration::after clamps);
  // 第二百零三条: a last day that is a 法定休假日 moves to the next working day.
  return next_working_day_from(period.after(start));
}

Calendar::Deadline Calendar::deadline(const util::Date& start, const util::Duration& period) const
{
  try {
    return Deadline{period_end(start, period), {}};
  } catch (const DataError& e) {
    // N working days are at least N calendar days, and the roll-over only moves a date later,
    // so this is the earliest possible end.
    const util::Duration calendar_days{period.count,
                                       period.in_working_days() ? util::Duration::Unit::days : period.unit};
    return Deadline{calendar_days.after(start), fmt::format("（{}，未按节假日顺延）", e.bare_message())};
  }
}

} // namespace normdoc::calendar
