// SPDX-License-Identifier: MIT
// The stored-reminder cache (reminder_store.hpp), and `doctor`'s check and `--fix` of it.
#include "reminder_store.hpp"

#include "reminders.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/sha256.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace normdoc::deadline {

namespace {

const util::Date& epoch()
{
  static const util::Date k_epoch = util::Date::from_ymd(1970, 1, 1);
  return k_epoch;
}

// Days since 1970-01-01: the R*Tree's coordinates.
int day_number(const util::Date& day)
{
  return epoch().days_until(day);
}

// Every document of the registry with its reminders, to rebuild or check what is stored.
void for_every_document(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                        const std::function<void(const registry::Document&, const std::vector<Reminder>&)>& visit)
{
  for_each_document(db, registry::ListFilter{epoch()}, config, calendar, visit);
}

// A reminder's clearance as the cache stores it: the step as encode_remedy writes it (a JSON
// object), or the words of a reminder that ends by itself.
std::string stored_clearance(const Clearance& clearance)
{
  return clearance.step ? encode_remedy(*clearance.step) : clearance.by_itself;
}

Clearance read_clearance(const std::string& stored)
{
  if (stored.starts_with('{')) {
    return Clearance{decode_remedy(stored)};
  }
  return Clearance{std::nullopt, stored};
}

constexpr int k_always_before = -10'000'000;
constexpr int k_always_after = 10'000'000;

// The first day on which `expires` is within the evaluation lead: Duration::after is monotonic,
// so a binary search between publication and expiry finds it.
util::Date evaluation_start(const util::Date& published, const util::Date& expires, const util::Duration& lead)
{
  int low = 0;
  int high = std::max(0, published.days_until(expires));
  while (low < high) {
    const int middle = low + (high - low) / 2;
    if (lead.after(published.add_days(middle)) >= expires) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return published.add_days(low);
}

struct Window
{
  int first_day;
  int last_day;
};

// The stretches of days on which `reminder` applies. `applies` depends on the day only through
// comparisons with the document's dates and the reminder's own (the cuts), so it is constant
// from one cut to the next and is asked once per stretch.
std::vector<Window> windows(const Reminder& reminder, const registry::Document& doc, const config::Config& config)
{
  std::vector<util::Date> cuts;
  for (const auto& date : {doc.published, doc.repealed, doc.invalidated, doc.amended, doc.withdrawn, doc.effective}) {
    if (date) {
      cuts.push_back(*date);
    }
  }
  if (doc.expires) {
    cuts.push_back(doc.expires->add_days(1));
  }
  for (const auto& bound : {reminder.from, reminder.until}) {
    if (bound) {
      cuts.push_back(*bound);
    }
  }
  if (reminder.when == When::comment_open) {
    cuts.push_back(reminder.due.add_days(1));
  }
  if (reminder.when == When::evaluation) {
    cuts.push_back(evaluation_start(*doc.published, reminder.due, config.evaluation_lead));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::vector<Window> found;
  const auto stretch = [&](const util::Date& sample, int first_day, int last_day) {
    if (!applies(reminder, doc, sample, config)) {
      return;
    }
    if (!found.empty() && found.back().last_day == first_day - 1) {
      found.back().last_day = last_day;
    } else {
      found.push_back(Window{first_day, last_day});
    }
  };
  if (cuts.empty()) {
    stretch(epoch(), k_always_before, k_always_after);
    return found;
  }
  stretch(cuts.front().add_days(-1), k_always_before, day_number(cuts.front()) - 1);
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    stretch(cuts[i], day_number(cuts[i]), i + 1 < cuts.size() ? day_number(cuts[i + 1]) - 1 : k_always_after);
  }
  return found;
}

// Each reminder of `doc` with each stretch of days it applies on: one stored row each.
void for_each_window(const registry::Document& doc, const std::vector<Reminder>& reminders,
                     const config::Config& config, const std::function<void(const Reminder&, const Window&)>& visit)
{
  for (const auto& reminder : reminders) {
    for (const auto& window : windows(reminder, doc, config)) {
      visit(reminder, window);
    }
  }
}

// What the stored reminders were computed from, besides the records: the settings they use, the
// calendar, and the version of the rules below (raise it when a reminder's rule or text changes).
std::string basis_digest(const config::Config& config, const calendar::Calendar& calendar)
{
  constexpr int k_rules_version = 5;
  std::string basis = fmt::format("rules {}\n", k_rules_version);
  for (const util::Duration* period :
       {&config.filing_deadline, &config.filing_review_period, &config.filing_supplement_period,
        &config.correction_period, &config.legality_review_limit, &config.comment_business, &config.comment_general,
        &config.evaluation_lead}) {
    basis += period->to_string() + '\n';
  }
  for (const auto& body : config.filing_bodies) {
    basis += "filing body " + body + '\n';
  }
  return util::sha256_hex(basis + calendar.digest());
}

class ReminderStore
{
public:
  ReminderStore(store::Database& db, const config::Config& config)
      : m_db(db), m_config(config),
        m_item(db.prepare("INSERT INTO due_item (document, title, issuer, kind, what, due, article, action)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
        m_window(db.prepare("INSERT INTO due_window (id, first_day, last_day) VALUES (?, ?, ?)"))
  {
  }

  void put(const registry::Document& doc, const std::vector<Reminder>& reminders)
  {
    for_each_window(doc, reminders, m_config, [&](const Reminder& reminder, const Window& window) {
      m_item
        .bind_all(doc.id, doc.title, doc.issuer, kind_key(reminder.kind), reminder.what, reminder.due, reminder.article,
                  stored_clearance(reminder.action))
        .run();
      m_item.reset();
      m_window.bind_all(m_db.last_insert_rowid(), window.first_day, window.last_day).run();
      m_window.reset();
    });
  }

private:
  store::Database& m_db;
  const config::Config& m_config;
  store::Statement m_item;
  store::Statement m_window;
};

bool computed_with(store::Database& db, const std::string& digest)
{
  auto stmt = db.prepare("SELECT digest = ? FROM due_basis");
  stmt.bind(1, digest);
  return stmt.step() == store::Step::row && stmt.integer(0) == 1;
}

bool any_stale(store::Database& db)
{
  return db.single_integer("SELECT EXISTS (SELECT 1 FROM due_stale)") == 1;
}

// Past this many stale documents (a large import), rebuilding from the whole registry read in
// three queries is faster than three queries per document (100,000 documents: 0.75 ms per
// stale document, 8 s for all).
constexpr std::int64_t k_stale_bulk = 10'000;

void rebuild_all(store::Database& db, const config::Config& config, const calendar::Calendar& calendar,
                 const std::string& digest)
{
  db.exec("DELETE FROM due_window; DELETE FROM due_item; DELETE FROM due_stale");
  ReminderStore reminders(db, config);
  for_every_document(db, config, calendar,
                     [&](const registry::Document& doc, const auto& found) { reminders.put(doc, found); });
  db.prepare("UPDATE due_basis SET digest = ?").bind(1, digest).run();
}

void rebuild_stale(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  std::vector<std::int64_t> stale;
  auto select = db.prepare("SELECT document FROM due_stale");
  while (select.step() == store::Step::row) {
    stale.push_back(select.integer(0));
  }
  auto forget_windows = db.prepare("DELETE FROM due_window WHERE id IN (SELECT id FROM due_item WHERE document = ?)");
  auto forget_items = db.prepare("DELETE FROM due_item WHERE document = ?");
  ReminderStore reminders(db, config);
  for (const std::int64_t id : stale) {
    forget_windows.bind(1, id).run();
    forget_windows.reset();
    forget_items.bind(1, id).run();
    forget_items.reset();
    if (const auto doc = registry::find(db, id)) {
      reminders.put(*doc, reminders_of(*doc, procedure::steps_of(db, id), filing::filings_of(db, id),
                                       registry::acknowledgements_of(db, id), config, calendar));
    }
  }
  db.exec("DELETE FROM due_stale");
}

// One reminder with one stretch of days, as a line of text, for comparing stored and computed.
std::string reminder_line(std::string_view title, std::string_view issuer, std::string_view kind, std::string_view what,
                          std::string_view due, std::string_view article, std::string_view action,
                          std::int64_t first_day, std::int64_t last_day)
{
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", title, issuer, kind, what, due, article, action, first_day,
                     last_day);
}

DueKind stored_kind(const std::string& key)
{
  if (const auto kind = util::parse_named(due_kinds(), key)) {
    return *kind;
  }
  throw DataError(fmt::format("存储的到期提醒类别“{}”无法识别（由更新版本的 normdoc 写入？）", key),
                  Location{{}, 0, 0, "kind"},
                  Hint(fmt::format("运行 {} 重新计算到期提醒", k_remedy_mark), {{Action::doctor, {}, {{"fix", ""}}}}));
}

} // namespace

bool refresh(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  const std::string digest = basis_digest(config, calendar);
  if (computed_with(db, digest) && !any_stale(db)) {
    return true;
  }
  if (db.read_only()) {
    return false;
  }
  try {
    store::Transaction txn(db);
    // Checked again: another process may have brought them up to date while this one waited.
    if (computed_with(db, digest) && db.single_integer("SELECT count(*) FROM due_stale") <= k_stale_bulk) {
      rebuild_stale(db, config, calendar);
    } else {
      rebuild_all(db, config, calendar, digest);
    }
    txn.commit();
    return true;
  } catch (const DatabaseError& e) {
    if (e.kind() == DatabaseError::Kind::busy || e.kind() == DatabaseError::Kind::read_only) {
      return false;
    }
    throw;
  }
}

std::vector<DueItem> stored_items(store::Database& db, const DueQuery& query)
{
  // The R*Tree's ids (SQLite), or the GiST index over the windows' date ranges (PostgreSQL),
  // sorted by the IN list, read the reminders in the order they are stored.
  auto stmt =
    db.prepare(db.pick("SELECT kind, document, title, what, due, article, action FROM due_item"
                       " WHERE id IN (SELECT id FROM due_window WHERE first_day <= ?1 AND last_day >= ?1)"
                       " AND (?2 IS NULL OR issuer = ?2) ORDER BY id",
                       "SELECT kind, document, title, what, due, article, action FROM due_item"
                       " WHERE id IN (SELECT id FROM due_window WHERE days @> (date '1970-01-01' + ?1::integer))"
                       " AND (?2::text IS NULL OR issuer = ?2) ORDER BY id"));
  stmt.bind(1, day_number(query.as_of));
  stmt.bind(2, query.issuer);
  std::vector<DueItem> items;
  while (stmt.step() == store::Step::row) {
    items.push_back(item_of(stored_kind(stmt.text(0)), stmt.integer(1), stmt.text(2), stmt.text(3),
                            *stmt.optional_date(4), stmt.text(5), read_clearance(stmt.text(6)), query.as_of));
  }
  return items;
}

ReminderCheck examine_reminders(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  ReminderCheck check;
  if (!computed_with(db, basis_digest(config, calendar)) || any_stale(db)) {
    check.detail = "尚未按当前记录和设置计算，下次运行 due 时计算";
    return check;
  }
  std::map<std::int64_t, std::multiset<std::string>> computed;
  for_every_document(db, config, calendar, [&](const registry::Document& doc, const auto& reminders) {
    for_each_window(doc, reminders, config, [&](const Reminder& reminder, const Window& window) {
      computed[doc.id].insert(reminder_line(doc.title, doc.issuer, kind_key(reminder.kind), reminder.what,
                                            reminder.due.iso(), reminder.article, stored_clearance(reminder.action),
                                            window.first_day, window.last_day));
    });
  });
  std::map<std::int64_t, std::multiset<std::string>> stored;
  std::size_t count = 0;
  auto stmt =
    db.prepare("SELECT i.document, i.title, i.issuer, i.kind, i.what, i.due, i.article, i.action, w.first_day,"
               " w.last_day"
               " FROM due_item i JOIN due_window w ON w.id = i.id");
  while (stmt.step() == store::Step::row) {
    ++count;
    stored[stmt.integer(0)].insert(reminder_line(stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5),
                                                 stmt.text(6), stmt.text(7), stmt.integer(8), stmt.integer(9)));
  }
  std::set<std::int64_t> differing;
  for (const auto& [document, lines] : computed) {
    const auto found = stored.find(document);
    if (found == stored.end() || found->second != lines) {
      differing.insert(document);
    }
  }
  for (const auto& [document, lines] : stored) {
    if (!computed.contains(document)) {
      differing.insert(document);
    }
  }
  check.ok = differing.empty();
  check.detail = check.ok
                   ? fmt::format("{}条提醒与登记一致", count)
                   : fmt::format("{}份文件的到期提醒与登记不一致（如 #{}）", differing.size(), *differing.begin());
  return check;
}

void rebuild_reminders(store::Database& db, const config::Config& config, const calendar::Calendar& calendar)
{
  store::Transaction txn(db);
  rebuild_all(db, config, calendar, basis_digest(config, calendar));
  txn.commit();
}

} // namespace normdoc::deadline
