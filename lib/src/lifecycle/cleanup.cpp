// SPDX-License-Identifier: MIT
#include <normdoc/lifecycle/cleanup.hpp>

#include <normdoc/error.hpp>
#include <normdoc/registry/acknowledgement.hpp>
#include <normdoc/review/screen.hpp>
#include <normdoc/util/csv.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <sstream>

namespace normdoc::lifecycle {

namespace {

constexpr std::array<util::Named<Decision>, 4> k_decisions{{
  {Decision::keep, "keep", "继续有效"},
  {Decision::amend, "amend", "修改"},
  {Decision::repeal, "repeal", "废止"},
  {Decision::invalidate, "invalidate", "宣布失效"},
}};

[[noreturn]] void bad_term(std::string_view term, std::string_view why)
{
  throw UsageError(
    fmt::format("清理范围中的“{}”{}", term, why),
    "可用：issuer=制定机关、year=年份、business、findings=legality|fair-competition|all、before=日期、expired，"
    "用逗号连接");
}

// Expired on `date` and not yet recorded as 已失效 in the catalogue (acknowledged `expired`).
bool lapsed_unconfirmed(store::Database& db, const registry::Document& doc, const util::Date& date)
{
  if (doc.status_on(date) != registry::Status::expired) {
    return false;
  }
  auto ack = db.prepare("SELECT 1 FROM acknowledgement WHERE document = ? AND subject = ?");
  ack.bind_all(doc.id, registry::k_ack_expired);
  return ack.step() != store::Step::row;
}

// Whether the stored text of `doc` has error or warning findings of the checklists.
bool has_findings(store::Database& db, const registry::Document& doc, const review::Screener& screener)
{
  const auto text = registry::text_of(db, doc.id);
  if (!text) {
    return false;
  }
  std::vector<review::Finding> findings;
  std::istringstream in(*text);
  review::screen_stream(in, fmt::format("#{}", doc.id), screener, findings);
  return std::any_of(findings.begin(), findings.end(),
                     [](const review::Finding& f) { return f.severity != review::Severity::info; });
}

std::vector<registry::Document> documents_in_scope(store::Database& db, const Scope& scope, const util::Date& date)
{
  registry::ListFilter filter{date};
  filter.issuer = scope.issuer;
  filter.year = scope.year;
  std::vector<registry::Document> documents = registry::list(db, filter);
  std::erase_if(documents, [&](const registry::Document& doc) {
    return doc.status_on(date) != registry::Status::published && !(scope.expired && lapsed_unconfirmed(db, doc, date));
  });
  std::optional<review::Screener> screener;
  if (scope.findings) {
    screener.emplace(review::select_checklists(*scope.findings));
  }
  std::erase_if(documents, [&](const registry::Document& doc) {
    return (scope.business && !doc.concerns_business) || (scope.before && !(doc.published < scope.before)) ||
           (screener && !has_findings(db, doc, *screener));
  });
  return documents;
}

std::int64_t campaign_id(store::Database& db, const std::string& name)
{
  auto stmt = db.prepare("SELECT id FROM cleanup WHERE name = ?");
  stmt.bind(1, name);
  if (stmt.step() == store::Step::row) {
    return stmt.integer(0);
  }
  std::vector<std::string> names;
  auto all = db.prepare("SELECT name FROM cleanup ORDER BY id");
  while (all.step() == store::Step::row) {
    names.push_back(all.text(0));
  }
  const auto suggestion = util::closest_match(name, names);
  Hint hint(fmt::format("用 {} 开始一次清理", k_remedy_mark), {{Action::cleanup_open, {"名称"}, {{"scope", "范围"}}}});
  if (suggestion) {
    hint = Hint(fmt::format("是否想写“{}”？", *suggestion));
  }
  throw DataError(fmt::format("没有名为“{}”的清理", name), Location{{}, 0, 0, "name"}, std::move(hint));
}

Campaign require_open(store::Database& db, const std::string& name)
{
  Campaign campaign = load_campaign(db, name);
  if (campaign.closed_on) {
    throw DataError(fmt::format("清理“{}”已于 {} 结束，决定不能再改", name, campaign.closed_on->iso()),
                    Location{{}, 0, 0, "name"});
  }
  return campaign;
}

} // namespace

std::string_view decision_key(Decision decision)
{
  return util::named(k_decisions, decision).key;
}

std::string_view decision_label(Decision decision)
{
  return util::named(k_decisions, decision).label;
}

std::optional<Decision> parse_decision(std::string_view key)
{
  return util::parse_named(k_decisions, key);
}

std::vector<std::string> decision_keys()
{
  return util::named_keys(k_decisions);
}

std::size_t Campaign::decided() const
{
  return static_cast<std::size_t>(
    std::count_if(items.begin(), items.end(), [](const CleanupItem& item) { return item.decision.has_value(); }));
}

Scope parse_scope(std::string_view text)
{
  Scope scope;
  for (const auto& raw : util::split(text, ',')) {
    const std::string term(util::trim(raw));
    if (term.empty()) {
      continue;
    }
    const std::size_t equals = term.find('=');
    const std::string key = term.substr(0, equals);
    const std::string value = equals == std::string::npos ? "" : std::string(util::trim(term.substr(equals + 1)));
    if (key == "business" && equals == std::string::npos) {
      scope.business = true;
    } else if (key == "issuer" && !value.empty()) {
      scope.issuer = value;
    } else if (key == "year") {
      int year = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), year);
      if (value.empty() || ec != std::errc() || end != value.data() + value.size() || year < 1900 || year > 2199) {
        bad_term(term, "不是有效的年份");
      }
      scope.year = year;
    } else if (key == "findings" && (value == "legality" || value == "fair-competition" || value == "all")) {
      scope.findings = value;
    } else if (key == "expired" && equals == std::string::npos) {
      scope.expired = true;
    } else if (key == "before" && !value.empty()) {
      try {
        scope.before = util::Date::parse(value);
      } catch (const DataError&) {
        bad_term(term, "不是有效的日期");
      }
    } else {
      bad_term(term, "无法识别");
    }
  }
  return scope;
}

Campaign open_campaign(store::Transaction& txn, const std::string& name, const std::string& scope_text,
                       const util::Date& date, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  if (util::trim(name).empty()) {
    throw DataError("清理须有名称，例如2026年度清理", Location{{}, 0, 0, "name"});
  }
  auto existing = db.prepare("SELECT 1 FROM cleanup WHERE name = ?");
  existing.bind(1, name);
  if (existing.step() == store::Step::row) {
    throw DataError(fmt::format("已有名为“{}”的清理", name), Location{{}, 0, 0, "name"});
  }
  const Scope scope = parse_scope(scope_text);
  const auto documents = documents_in_scope(db, scope, date);
  if (documents.empty()) {
    throw DataError(fmt::format("{} 现行有效的文件中没有符合范围“{}”的", date.iso(), scope_text),
                    Location{{}, 0, 0, "scope"});
  }
  db.prepare("INSERT INTO cleanup (name, scope, opened_on, opened_at, opened_by) VALUES (?, ?, ?, ?, ?)")
    .bind_all(name, scope_text, date, stamp.at, stamp.actor)
    .run();
  const std::int64_t id = db.last_insert_rowid();
  auto insert = db.prepare("INSERT INTO cleanup_item (cleanup, document) VALUES (?, ?)");
  for (const auto& doc : documents) {
    insert.bind_all(id, doc.id).run();
    insert.reset();
  }
  util::JsonWriter payload;
  payload.begin_object()
    .member("cleanup", name)
    .member("scope", scope_text)
    .member("date", date.iso())
    .member("documents", static_cast<std::int64_t>(documents.size()))
    .key("members")
    .begin_array();
  // Which documents are in the campaign, so that the replay can compare its items.
  for (const auto& doc : documents) {
    payload.value(doc.id);
  }
  payload.end_array().end_object();
  audit::append(txn, stamp, std::nullopt, "cleanup-open", payload.str());
  return load_campaign(db, name);
}

void decide(store::Transaction& txn, const std::string& name, const std::vector<DecisionInput>& decisions,
            const std::string& source, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const Campaign campaign = require_open(db, name);
  auto update = db.prepare("UPDATE cleanup_item SET decision = ?, reason = ?, decided_by = ?, decided_at = ?"
                           " WHERE cleanup = ? AND document = ?");
  for (const auto& input : decisions) {
    const Location where{source, input.line, 0, "ref"};
    registry::Document doc;
    try {
      doc = registry::resolve(db, input.ref);
    } catch (const DataError& e) {
      throw e.located(where);
    }
    const bool in_campaign = std::any_of(campaign.items.begin(), campaign.items.end(),
                                         [&](const CleanupItem& item) { return item.document.id == doc.id; });
    if (!in_campaign) {
      throw DataError(fmt::format("文件 #{}《{}》不在清理“{}”的范围内", doc.id, doc.title, name), where);
    }
    // A document whose validity ran out has lapsed by itself (regulations.md 7.3): nothing is left
    // to keep in force or to repeal; the campaign confirms it or has it made again.
    if (doc.status_on(campaign.opened_on) == registry::Status::expired &&
        (input.decision == Decision::keep || input.decision == Decision::repeal)) {
      throw DataError(fmt::format("文件 #{}《{}》有效期已于 {} 届满，自动失效，不能决定{}", doc.id, doc.title,
                                  doc.expires ? doc.expires->iso() : "", decision_label(input.decision)),
                      Location{source, input.line, 0, "decision"},
                      "决定 invalidate（确认失效，在目录中记为已失效）或 amend（仍需要的，重新制定发布）");
    }
    const std::string reason(util::trim(input.reason));
    if (reason.empty() && input.decision != Decision::keep) {
      throw DataError(fmt::format("决定{}须写明理由", decision_label(input.decision)),
                      Location{source, input.line, 0, "reason"});
    }
    update
      .bind_all(decision_key(input.decision), reason.empty() ? std::nullopt : std::optional(reason), stamp.actor,
                stamp.at, campaign.id, doc.id)
      .run();
    update.reset();
    util::JsonWriter payload;
    payload.begin_object()
      .member("cleanup", name)
      .member("decision", decision_key(input.decision))
      .member("reason", reason)
      .end_object();
    audit::append(txn, stamp, doc.id, "cleanup-decide", payload.str());
  }
}

std::vector<DecisionInput> parse_decisions_csv(std::string_view text, const std::string& source)
{
  const auto rows = util::parse_csv(text, source);
  if (rows.empty()) {
    throw DataError("文件为空；第一行应为列名 ref,decision,reason", Location{source, 1, 0, {}});
  }
  const util::CsvColumns columns(rows.front(), {"ref", "decision", "reason"}, source,
                                 {{"文件", "ref"}, {"文件编号", "ref"}, {"决定", "decision"}, {"理由", "reason"}});
  std::vector<DecisionInput> decisions;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const util::CsvRow& row = rows[i];
    DecisionInput input;
    input.line = row.line;
    input.ref = columns.get(row, "ref");
    if (input.ref.empty()) {
      throw DataError("缺少文件（ref 列）", Location{source, row.line, 0, "ref"});
    }
    const std::string decision = columns.get(row, "decision");
    const auto parsed = parse_decision(decision);
    if (!parsed) {
      throw DataError(
        fmt::format("未知的决定“{}”，应为 keep、amend、repeal 或 invalidate（继续有效/修改/废止/宣布失效）", decision),
        Location{source, row.line, 0, "decision"});
    }
    input.decision = *parsed;
    input.reason = columns.get(row, "reason");
    decisions.push_back(std::move(input));
  }
  return decisions;
}

Campaign close_campaign(store::Transaction& txn, const registry::Registry& registry, const std::string& name,
                        const util::Date& date, bool allow_undecided, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const Campaign campaign = require_open(db, name);
  if (date < campaign.opened_on) {
    throw DataError(fmt::format("结束日期 {} 早于开始日期 {}", date.iso(), campaign.opened_on.iso()),
                    Location{{}, 0, 0, "date"});
  }
  const std::size_t undecided = campaign.items.size() - campaign.decided();
  if (undecided > 0 && !allow_undecided) {
    throw DataError(fmt::format("清理“{}”还有{}份文件未作决定", name, undecided), Location{{}, 0, 0, "name"},
                    Hint(fmt::format("用 {} 查看；确需先结束的，加 {}", k_remedy_mark, k_remedy_mark),
                         {{Action::cleanup_status, {name}}, {Action::same, {}, {{"allow_undecided", ""}}}}));
  }
  const std::string why_prefix = fmt::format("清理“{}”：", name);
  for (const auto& item : campaign.items) {
    if (!item.decision) {
      continue;
    }
    const bool ends = *item.decision == Decision::repeal || *item.decision == Decision::invalidate;
    if (ends && item.document.status_on(date) == registry::Status::expired) {
      // Lapsed already (before or during the campaign): the decision is recorded as the
      // catalogue's 已失效, the way out `due` names for an expired document.
      if (lapsed_unconfirmed(db, item.document, date)) {
        registry::record_acknowledgement(txn, item.document.id, registry::k_ack_expired, date,
                                         why_prefix + item.reason.value_or(""), stamp);
      }
    } else if (*item.decision == Decision::repeal) {
      registry.repeal(txn, item.document, date, why_prefix + item.reason.value_or(""), stamp);
    } else if (*item.decision == Decision::invalidate) {
      registry.invalidate(txn, item.document, date, why_prefix + item.reason.value_or(""), stamp);
    }
  }
  db.prepare("UPDATE cleanup SET closed_on = ?, closed_at = ?, closed_by = ? WHERE id = ?")
    .bind_all(date, stamp.at, stamp.actor, campaign.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object()
    .member("cleanup", name)
    .member("date", date.iso())
    .member("decided", static_cast<std::int64_t>(campaign.decided()))
    .member("undecided", static_cast<std::int64_t>(undecided))
    .end_object();
  audit::append(txn, stamp, std::nullopt, "cleanup-close", payload.str());
  return load_campaign(db, name);
}

Campaign load_campaign(store::Database& db, const std::string& name)
{
  const std::int64_t id = campaign_id(db, name);
  auto stmt = db.prepare("SELECT name, scope, opened_on, opened_by, closed_on FROM cleanup WHERE id = ?");
  stmt.bind(1, id);
  stmt.step();
  Campaign campaign{id, stmt.text(0), stmt.text(1), *stmt.optional_date(2), stmt.text(3), stmt.optional_date(4)};
  auto items = db.prepare("SELECT document, decision, reason, decided_by FROM cleanup_item WHERE cleanup = ?"
                          " ORDER BY document");
  items.bind(1, id);
  while (items.step() == store::Step::row) {
    CleanupItem item{*registry::find(db, items.integer(0))};
    if (const auto decision = items.optional_text(1)) {
      item.decision = parse_decision(*decision);
    }
    item.reason = items.optional_text(2);
    item.decided_by = items.optional_text(3);
    campaign.items.push_back(std::move(item));
  }
  return campaign;
}

std::vector<Campaign> list_campaigns(store::Database& db)
{
  std::vector<std::string> names;
  auto stmt = db.prepare("SELECT name FROM cleanup ORDER BY id");
  while (stmt.step() == store::Step::row) {
    names.push_back(stmt.text(0));
  }
  std::vector<Campaign> campaigns;
  campaigns.reserve(names.size());
  for (const auto& name : names) {
    campaigns.push_back(load_campaign(db, name));
  }
  return campaigns;
}

} // namespace normdoc::lifecycle
