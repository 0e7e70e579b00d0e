// SPDX-License-Identifier: MIT
#pragma once

#include "exit_code.hpp"

#include <normdoc/audit/event_log.hpp>
#include <normdoc/calendar/calendar.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/store/database.hpp>
#include <normdoc/util/date.hpp>

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace normdoc::cli {

struct GlobalOptions
{
  std::string db;
  std::string config;
  std::string actor;
  // The subcommand the command line names (`audit`) and the word after it (`verify`), for
  // refusing on PostgreSQL what is not yet ported to it.
  std::string command;
  std::string command_detail;
};

// What every command needs besides its own options: settings, the database, the actor and
// the clock. Resolved lazily, so `--help` touches nothing.
class Context
{
public:
  // Times are shown in the local time zone: TZ when the environment sets it, else the
  // config's time_zone, else Asia/Shanghai (not the machine's zone: servers often run UTC).
  Context();

  GlobalOptions options;
  // What the command found, for commands whose exit code reports findings (`due`).
  ExitCode exit_code = ExitCode::ok;

  // --config, else $NORMDOC_CONFIG, else ./normdoc.toml, else $XDG_CONFIG_HOME/normdoc/config.toml;
  // built-in defaults when none exists.
  const config::Config& config();
  // Where `init` writes a starter config: the explicit choice, else the user's config dir.
  std::filesystem::path config_target() const;
  // --db, else $NORMDOC_DB, else the config's `db`, else $XDG_DATA_HOME/normdoc/registry.db.
  std::string db_path();

  // The office's private key for log checkpoints and the checkpoints file: the config's
  // audit.key and audit.checkpoints, else beside the configuration file.
  std::filesystem::path audit_key_path();
  std::filesystem::path checkpoints_path();

  store::Database open_database();
  // For commands that only read: also a database the user may not write, or one in a
  // read-only directory (see store::Database::OpenMode::read).
  store::Database open_database_for_reading();
  store::Database create_database();

  // The actor (--as, else NORMDOC_USER, else config `user`, else the login name) and the
  // current UTC time. Throws UsageError when no name can be found.
  audit::Stamp stamp();
  // The current time, UTC, as stored: 2026-12-01T09:02:15Z.
  std::string now_utc() const;
  // Today: $NORMDOC_TODAY when set (YYYY-MM-DD), else the clock's date in local time.
  util::Date today() const;
  // The date something was done, given in `option`: a day after today is refused (DataError)
  // unless the command was told it is `planned`.
  util::Date done_date(const std::string& text, const std::string& option, bool planned) const;
  // `--as-of` when given, else today.
  util::Date as_of(const std::string& option_value) const;

  // The built-in working-day calendar plus the office's files from the config.
  const calendar::Calendar& calendar();

private:
  // This machine's clock, or the instant $NORMDOC_NOW fixes (UsageError when malformed).
  std::time_t clock() const;
  store::Database open_as(store::Database::OpenMode mode);
  // Throws UsageError when `target` is a PostgreSQL server and this command does not work on
  // one yet: refused in one line rather than run against SQL it was not written for.
  void check_backend(const std::string& target) const;
  std::optional<config::Config> m_config;
  std::optional<calendar::Calendar> m_calendar;
};

// Parses a date given on the command line; errors name the option.
util::Date parse_date_option(const std::string& text, const std::string& option);
// The same for an option that may be left out (empty).
std::optional<util::Date> optional_date_option(const std::string& text, const std::string& option);
// An option's text, or nothing when it was left empty.
std::optional<std::string> optional_text(const std::string& text);
util::Duration parse_duration_option(const std::string& text, const std::string& option);

} // namespace normdoc::cli
