// SPDX-License-Identifier: MIT
#include <normdoc/doctor/doctor.hpp>

#include <normdoc/audit/event_log.hpp>
#include <normdoc/audit/replay.hpp>
#include <normdoc/deadline/due.hpp>
#include <normdoc/error.hpp>
#include <normdoc/search/search.hpp>
#include <normdoc/store/migrations.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace normdoc::doctor {

namespace {

Check integrity(store::Database& db)
{
  if (db.dialect() == store::Dialect::postgresql) {
    // The server checks its pages itself (checksums, WAL); SQLite's file check has no
    // counterpart a client can run without amcheck and superuser rights.
    return Check{"integrity", "文件完整性", true, "服务器上的数据库，存储完整性由数据库服务器保证"};
  }
  auto stmt = db.prepare("PRAGMA integrity_check(20)");
  std::vector<std::string> problems;
  while (stmt.step() == store::Step::row) {
    if (stmt.text(0) != "ok") {
      problems.push_back(stmt.text(0));
    }
  }
  return Check{"integrity", "文件完整性", problems.empty(),
               problems.empty()
                 ? "SQLite 完整性检查通过"
                 : fmt::format("SQLite 完整性检查发现{}处问题，第一处（{}）", problems.size(), problems.front())};
}

Check foreign_keys(store::Database& db)
{
  if (db.dialect() == store::Dialect::postgresql) {
    // PostgreSQL enforces every foreign key on every write; none can be broken.
    return Check{"foreign-keys", "引用关系", true, "没有断开的引用（服务器强制检查）"};
  }
  auto stmt = db.prepare("PRAGMA foreign_key_check");
  std::size_t broken = 0;
  std::string first;
  while (stmt.step() == store::Step::row) {
    if (broken++ == 0) {
      first = fmt::format("{} 第{}行指向不存在的 {}", stmt.text(0), stmt.integer(1), stmt.text(2));
    }
  }
  return Check{"foreign-keys", "引用关系", broken == 0,
               broken == 0 ? "没有断开的引用" : fmt::format("{}处断开，{}", broken, first)};
}

Check schema(store::Database& db)
{
  const int version = db.schema_version();
  const int latest = store::latest_schema_version();
  return Check{"schema", "数据库结构版本", version == latest, fmt::format("版本 {}（本程序 {}）", version, latest)};
}

// The same checks as `audit verify`, in one pass over the log: the hash chain, then the
// document rows against the replayed log.
std::array<Check, 2> audit_log(store::Database& db)
{
  audit::Verification chain;
  const audit::ReplayResult replayed = audit::replay(db, &chain);
  return {
    Check{"audit", "操作日志哈希链", chain.ok(),
          chain.ok() ? fmt::format("{}条事件，链头 {}", chain.events, chain.head_hash.substr(0, 12)) : chain.problem},
    Check{"audit-replay", "文件登记与操作日志一致", replayed.ok(),
          replayed.ok() ? fmt::format("{}份文件与日志重放结果一致", replayed.documents) : replayed.problem}};
}

Check search_index(store::Database& db)
{
  const std::size_t mismatches = search::index_mismatches(db);
  std::string problem;
  // FTS5 compares its index with its own content; it needs a write transaction (rolled
  // back), which a database opened read-only cannot start.
  const bool postgresql = db.dialect() == store::Dialect::postgresql;
  const bool self_check = !db.read_only() && !postgresql;
  if (mismatches == 0 && self_check) {
    try {
      store::Transaction txn(db);
      db.exec("INSERT INTO document_fts (document_fts) VALUES ('integrity-check')");
    } catch (const Error& e) {
      problem = fmt::format("全文索引损坏：{}", e.what());
    }
  } else if (mismatches > 0) {
    problem = fmt::format("{}份文件的全文索引与登记不一致", mismatches);
  }
  return Check{"search-index", "全文检索索引", problem.empty(),
               !problem.empty() ? problem
               : postgresql     ? "与登记一致（索引由数据库服务器随登记维护）"
               : self_check     ? "与登记一致"
                                : "与登记一致（只读打开，未做 FTS5 自检）"};
}

} // namespace

bool Report::ok() const
{
  return std::all_of(checks.begin(), checks.end(), [](const Check& check) { return check.ok; });
}

bool Report::failed(std::string_view key) const
{
  return std::any_of(checks.begin(), checks.end(), [key](const Check& check) { return check.key == key && !check.ok; });
}

bool Report::repairable() const
{
  return failed("search-index") || failed("due-reminders");
}

Report examine(store::Database& db)
{
  Report report{{integrity(db), foreign_keys(db), schema(db)}};
  // A damaged file makes the remaining checks meaningless and may throw.
  if (report.checks.front().ok) {
    const auto [chain, projection] = audit_log(db);
    report.checks.push_back(chain);
    report.checks.push_back(projection);
    report.checks.push_back(search_index(db));
  }
  return report;
}

Report examine(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  Report report = examine(db);
  // The stored reminders need the settings and calendar; on a damaged file they are moot.
  if (report.checks.front().ok) {
    const deadline::ReminderCheck reminders = deadline::examine_reminders(db, config, calendar);
    report.checks.push_back(Check{"due-reminders", "到期提醒", reminders.ok, reminders.detail});
  }
  return report;
}

Report repair(store::Database& db, const Report& report, const config::Config& config,
              const calendar::Calendar& calendar)
{
  if (!report.repairable()) {
    return report;
  }
  if (report.failed("search-index")) {
    store::Transaction txn(db);
    search::rebuild_index(txn);
    txn.commit();
  }
  if (report.failed("due-reminders")) {
    deadline::rebuild_reminders(db, config, calendar);
  }
  return examine(db, config, calendar);
}

void write_json(util::JsonWriter& json, const Report& report)
{
  json.begin_object().member("ok", report.ok()).key("checks").begin_array();
  for (const auto& check : report.checks) {
    json.begin_object().member("key", check.key).member("ok", check.ok).member("detail", check.detail).end_object();
  }
  json.end_array().end_object();
}

} // namespace normdoc::doctor
