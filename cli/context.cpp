// SPDX-License-Identifier: MIT
#include "context.hpp"

#include <normdoc/audit/replay.hpp>
#include <normdoc/error.hpp>
#include <normdoc/store/target.hpp>

#include <fmt/format.h>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <string_view>

namespace normdoc::cli {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name)
{
  const char* value = std::getenv(name);
  return value ? value : "";
}

fs::path xdg_dir(const char* variable, const char* fallback)
{
  const std::string value = env(variable);
  if (!value.empty()) {
    return value;
  }
  return fs::path(env("HOME")) / fallback;
}

// A relative path in a config file is relative to that file, not to where normdoc runs.
fs::path relative_to_config(const config::Config& settings, const std::string& path)
{
  const fs::path configured = path;
  if (configured.is_absolute() || settings.source.empty()) {
    return configured;
  }
  return fs::path(settings.source).parent_path() / configured;
}

} // namespace

namespace {

// Whether TZ came from the environment (then it wins over the config's time_zone).
bool g_time_zone_from_environment = false;

void set_time_zone(const std::string& zone)
{
  setenv("TZ", zone.c_str(), 1);
  tzset();
}

} // namespace

Context::Context()
{
  g_time_zone_from_environment = !env("TZ").empty();
  if (!g_time_zone_from_environment) {
    set_time_zone("Asia/Shanghai");
  }
}

const config::Config& Context::config()
{
  if (m_config) {
    return *m_config;
  }
  const std::string explicit_path = !options.config.empty() ? options.config : env("NORMDOC_CONFIG");
  if (!explicit_path.empty()) {
    if (!fs::exists(explicit_path)) {
      throw DataError("配置文件不存在", Location{explicit_path, 0, 0, {}}, "用 normdoc init 生成一个");
    }
    m_config = config::load(explicit_path);
  } else if (fs::exists("normdoc.toml")) {
    m_config = config::load("normdoc.toml");
  } else if (const fs::path user = xdg_dir("XDG_CONFIG_HOME", ".config") / "normdoc" / "config.toml";
             fs::exists(user)) {
    m_config = config::load(user);
  } else {
    m_config = config::Config{};
  }
  if (!g_time_zone_from_environment && m_config->time_zone) {
    set_time_zone(*m_config->time_zone);
  }
  return *m_config;
}

fs::path Context::config_target() const
{
  const std::string explicit_path = !options.config.empty() ? options.config : env("NORMDOC_CONFIG");
  if (!explicit_path.empty()) {
    return explicit_path;
  }
  return xdg_dir("XDG_CONFIG_HOME", ".config") / "normdoc" / "config.toml";
}

std::string Context::db_path()
{
  if (!options.db.empty()) {
    return options.db;
  }
  if (const std::string from_env = env("NORMDOC_DB"); !from_env.empty()) {
    return from_env;
  }
  const config::Config& settings = config();
  if (settings.db) {
    // A server's connection string is not a path.
    if (store::dialect_of(*settings.db) == store::Dialect::postgresql) {
      return *settings.db;
    }
    return relative_to_config(settings, *settings.db).string();
  }
  return (xdg_dir("XDG_DATA_HOME", ".local/share") / "normdoc" / "registry.db").string();
}

namespace {

// Where files kept beside the configuration go: its directory, or the default one.
fs::path beside_config(const config::Config& config, const fs::path& target)
{
  return config.source.empty() ? target.parent_path() : fs::path(config.source).parent_path();
}

} // namespace

fs::path Context::audit_key_path()
{
  return config().audit_key ? relative_to_config(config(), *config().audit_key)
                            : beside_config(config(), config_target()) / "normdoc-audit.key";
}

fs::path Context::checkpoints_path()
{
  return config().audit_checkpoints ? relative_to_config(config(), *config().audit_checkpoints)
                                    : beside_config(config(), config_target()) / "checkpoints.jsonl";
}

store::Database Context::open_database()
{
  return open_as(store::Database::OpenMode::existing);
}

store::Database Context::open_database_for_reading()
{
  return open_as(store::Database::OpenMode::read);
}

void Context::check_backend(const std::string& target) const
{
  if (store::dialect_of(target) != store::Dialect::postgresql) {
    return;
  }
  // A password in the string is refused first, whatever the command.
  store::check_target(target);
  // Every command runs on a server (issue 20); the few that cannot (backup, which is
  // pg_dump's job there) say so themselves.
}

store::Database Context::open_as(store::Database::OpenMode mode)
{
  const std::string target = db_path();
  check_backend(target);
  store::Database db = store::Database::open(target, mode, config().busy_timeout);
  // A registry from before the log carried everything the replay needs gets its baseline
  // event once, on first use after the upgrade (by a process that may write).
  if (!db.read_only() && audit::baseline_due(db)) {
    store::Transaction txn(db);
    audit::record_baseline(txn, stamp());
    txn.commit();
  }
  return db;
}

store::Database Context::create_database()
{
  const std::string path = db_path();
  check_backend(path);
  return store::Database::open(path, store::Database::OpenMode::create, config().busy_timeout);
}

std::time_t Context::clock() const
{
  // NORMDOC_NOW stops the clock at one instant (golden tests compare printed times and the log's
  // hashes byte for byte); written as stored, in UTC.
  const std::string fixed = env("NORMDOC_NOW");
  if (fixed.empty()) {
    return std::time(nullptr);
  }
  std::tm parts{};
  const char* end = strptime(fixed.c_str(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  if (!end || *end != '\0') {
    throw UsageError(fmt::format("环境变量 NORMDOC_NOW 不是时刻：“{}”", fixed),
                     "写成 YYYY-MM-DDTHH:MM:SSZ（世界协调时），或不设置以使用本机时钟");
  }
  return timegm(&parts);
}

std::string Context::now_utc() const
{
  // fmt 9 formats a system_clock time point in the local zone, which the constructor sets to the
  // office's; stored times are UTC, so the broken-down time comes from gmtime_r.
  const std::time_t now = clock();
  std::tm utc{};
  gmtime_r(&now, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec);
}

audit::Stamp Context::stamp()
{
  // --as, then NORMDOC_USER (cron jobs and containers, where $USER is often unset), then the
  // config's user, then the login name: $USER, $LOGNAME, the account of this process.
  std::string actor = options.actor;
  if (actor.empty()) {
    actor = env("NORMDOC_USER");
  }
  if (actor.empty() && config().user) {
    actor = *config().user;
  }
  for (const char* variable : {"USER", "LOGNAME"}) {
    if (actor.empty()) {
      actor = env(variable);
    }
  }
  if (actor.empty()) {
    if (const passwd* account = getpwuid(getuid()); account && account->pw_name) {
      actor = account->pw_name;
    }
  }
  if (actor.empty()) {
    // The log and every opinion name who acted: never "unknown".
    throw UsageError("不知道经办人是谁：本进程没有登录名",
                     "用 --as 姓名，或设置环境变量 NORMDOC_USER，或在配置文件中写 user = \"姓名\"");
  }
  return audit::Stamp{actor, now_utc()};
}

util::Date Context::today() const
{
  // NORMDOC_TODAY sets the clock for the whole program (tests, the README tour, replaying a
  // day's work); `--as-of` still wins where a command takes it.
  const std::string fixed = env("NORMDOC_TODAY");
  if (!fixed.empty()) {
    try {
      return util::Date::parse(fixed);
    } catch (const DataError& e) {
      throw UsageError(fmt::format("环境变量 NORMDOC_TODAY 不是日期：{}", e.bare_message()),
                       "写成 YYYY-MM-DD，或不设置以使用本机日期");
    }
  }
  const std::time_t now = clock();
  std::tm local{};
  localtime_r(&now, &local);
  return util::Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                              static_cast<unsigned>(local.tm_mday));
}

util::Date Context::as_of(const std::string& option_value) const
{
  return option_value.empty() ? today() : parse_date_option(option_value, "--as-of");
}

const calendar::Calendar& Context::calendar()
{
  if (!m_calendar) {
    calendar::Calendar loaded = calendar::Calendar::built_in();
    const config::Config& settings = config();
    for (const auto& file : settings.calendar_files) {
      loaded.add_year_file(relative_to_config(settings, file).string());
    }
    m_calendar = std::move(loaded);
  }
  return *m_calendar;
}

util::Date parse_date_option(const std::string& text, const std::string& option)
{
  try {
    return util::Date::parse(text);
  } catch (const DataError& e) {
    throw e.located(Location{{}, 0, 0, option});
  }
}

util::Date Context::done_date(const std::string& text, const std::string& option, bool planned) const
{
  const util::Date date = parse_date_option(text, option);
  const util::Date now = today();
  if (!planned && now < date) {
    throw DataError(fmt::format("{} {} 晚于今天（{}）：尚未发生的事不能记为已办", option, date.iso(), now.iso()),
                    Location{{}, 0, 0, option}, "核对日期；确是计划中的日期，加 --planned");
  }
  return date;
}

std::optional<util::Date> optional_date_option(const std::string& text, const std::string& option)
{
  return text.empty() ? std::nullopt : std::optional(parse_date_option(text, option));
}

std::optional<std::string> optional_text(const std::string& text)
{
  return text.empty() ? std::nullopt : std::optional(text);
}

util::Duration parse_duration_option(const std::string& text, const std::string& option)
{
  try {
    return util::Duration::parse(text);
  } catch (const DataError& e) {
    throw e.located(Location{{}, 0, 0, option});
  }
}

} // namespace normdoc::cli
