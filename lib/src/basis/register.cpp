// SPDX-License-Identifier: MIT
#include <normdoc/basis/register.hpp>

#include <normdoc/basis/citation.hpp>
#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/csv.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>

#include <fmt/format.h>

#include <array>
#include <map>
#include <utility>

namespace normdoc::basis {

namespace {

struct CatalogueRow
{
  std::string name;
  std::string level;
  std::string category;
  std::optional<util::Date> published;
  std::optional<util::Date> valid_from;
  bool expired = false;
};

std::optional<util::Date> optional_date_field(const util::CsvColumns& columns, const util::CsvRow& row,
                                              std::string_view field, const std::string& source)
{
  const std::string text = columns.get(row, field);
  if (text.empty()) {
    return std::nullopt;
  }
  try {
    return util::Date::parse(text);
  } catch (const DataError& e) {
    throw e.located(Location{source, row.line, 0, std::string(field)});
  }
}

std::vector<CatalogueRow> read_catalogue(std::string_view text, const std::string& source)
{
  const auto rows = util::parse_csv(text, source);
  if (rows.size() < 2) {
    throw DataError("目录为空；第一行应为列名 name,level,publish,valid_from,expired", Location{source, 1, 0, {}});
  }
  const util::CsvColumns columns(rows.front(), {"name", "level", "publish", "valid_from", "expired"}, source);
  std::vector<CatalogueRow> read;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const util::CsvRow& row = rows[i];
    CatalogueRow entry;
    entry.name = normalize_law_name(columns.get(row, "name"));
    if (entry.name.empty()) {
      throw DataError("缺少法律名称", Location{source, row.line, 0, "name"});
    }
    entry.level = columns.get(row, "level");
    entry.category = columns.get(row, "category");
    entry.published = optional_date_field(columns, row, "publish", source);
    entry.valid_from = optional_date_field(columns, row, "valid_from", source);
    const std::string expired = columns.get(row, "expired");
    if (expired != "0" && expired != "1" && !expired.empty()) {
      throw DataError(fmt::format("expired 应为 0 或 1，而不是“{}”", expired),
                      Location{source, row.line, 0, "expired"});
    }
    entry.expired = expired == "1";
    read.push_back(std::move(entry));
  }
  return read;
}

// The versions of one law merged: the latest in force, or the latest of all when none is.
Law merge(const std::vector<const CatalogueRow*>& versions)
{
  const auto rank = [](const CatalogueRow* row) { return std::make_pair(!row->expired, row->published); };
  const CatalogueRow* current = versions.front();
  for (const CatalogueRow* row : versions) {
    if (rank(current) < rank(row)) {
      current = row;
    }
  }
  return Law{current->name,
             current->level.empty() ? std::nullopt : std::optional(current->level),
             current->category.empty() ? std::nullopt : std::optional(current->category),
             current->published,
             current->valid_from,
             current->expired};
}

Law read_law(const store::Statement& stmt)
{
  return Law{stmt.text(0),          stmt.optional_text(1), stmt.optional_text(2),
             stmt.optional_date(3), stmt.optional_date(4), stmt.integer(5) != 0};
}

void insert_change(store::Database& db, const Change& change)
{
  db.prepare("INSERT INTO law_change (law, kind, date, recorded_on, source) VALUES (?, ?, ?, ?, ?)")
    .bind_all(change.law, change_key(change.kind), change.date, change.recorded_on, change.source)
    .run();
}

// The latest day the document was reconsidered: evaluated, reviewed for legality, or decided
// in a cleanup.
std::optional<util::Date> last_reconsidered(store::Database& db, std::int64_t document)
{
  auto stmt = db.prepare("SELECT max(d) FROM (SELECT date AS d FROM evaluation WHERE document = ?1 AND voided IS NULL"
                         " UNION ALL SELECT concluded FROM review WHERE document = ?1 AND checklist = 'legality'"
                         " AND concluded IS NOT NULL"
                         " UNION ALL SELECT substr(decided_at, 1, 10) FROM cleanup_item WHERE document = ?1"
                         " AND decision IS NOT NULL) AS dates");
  stmt.bind(1, document);
  stmt.step();
  return stmt.optional_date(0);
}

} // namespace

namespace {

constexpr std::array<util::Named<ChangeKind>, 2> k_changes{{
  {ChangeKind::revised, "revised", "修订"},
  {ChangeKind::repealed, "repealed", "废止"},
}};

} // namespace

std::string_view change_key(ChangeKind kind)
{
  return util::named(k_changes, kind).key;
}

std::string_view change_label(ChangeKind kind)
{
  return util::named(k_changes, kind).label;
}

std::optional<ChangeKind> parse_change(std::string_view text)
{
  return util::parse_named(k_changes, text);
}

ImportResult import_catalogue(store::Transaction& txn, std::string_view csv_text, const std::string& source,
                              const util::Date& today, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const std::vector<CatalogueRow> rows = read_catalogue(csv_text, source);
  std::map<std::string, std::vector<const CatalogueRow*>> by_name;
  for (const auto& row : rows) {
    by_name[row.name].push_back(&row);
  }
  ImportResult result;
  result.laws = by_name.size();
  auto upsert = db.prepare("INSERT INTO law (name, level, category, published, valid_from, repealed, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET level = excluded.level,"
                           " category = excluded.category, published = excluded.published,"
                           " valid_from = excluded.valid_from, repealed = excluded.repealed,"
                           " updated_at = CASE WHEN law.published IS DISTINCT FROM excluded.published"
                           " OR law.repealed <> excluded.repealed THEN excluded.updated_at ELSE law.updated_at END");
  for (const auto& [name, versions] : by_name) {
    const Law law = merge(versions);
    const std::optional<Law> before = find_law(db, name);
    if (!before) {
      ++result.added;
    } else if (law.repealed && !before->repealed) {
      result.changes.push_back(Change{name, ChangeKind::repealed, std::nullopt, today, source});
    } else if (law.published && (!before->published || *before->published < *law.published)) {
      result.changes.push_back(Change{name, ChangeKind::revised, law.published, today, source});
    }
    upsert.bind_all(law.name, law.level, law.category, law.published, law.valid_from, law.repealed, stamp.at).run();
    upsert.reset();
  }
  for (const auto& change : result.changes) {
    insert_change(db, change);
  }
  util::JsonWriter payload;
  payload.begin_object()
    .member("source", source)
    .member("laws", static_cast<std::int64_t>(result.laws))
    .member("added", static_cast<std::int64_t>(result.added))
    .member("changes", static_cast<std::int64_t>(result.changes.size()))
    .end_object();
  audit::append(txn, stamp, std::nullopt, "basis-import", payload.str());
  return result;
}

Change record_change(store::Transaction& txn, const std::string& raw_name, ChangeKind kind, const util::Date& date,
                     const util::Date& today, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const std::string name = normalize_law_name(raw_name);
  if (name.empty()) {
    throw DataError("缺少法律名称", Location{{}, 0, 0, "name"});
  }
  db.prepare("INSERT INTO law (name, updated_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
    .bind_all(name, stamp.at)
    .run();
  if (kind == ChangeKind::revised) {
    db.prepare("UPDATE law SET published = CASE WHEN published IS NULL OR published < ?1 THEN ?1 ELSE published END,"
               " updated_at = ?2 WHERE name = ?3")
      .bind_all(date, stamp.at, name)
      .run();
  } else {
    db.prepare("UPDATE law SET repealed = 1, updated_at = ? WHERE name = ?").bind_all(stamp.at, name).run();
  }
  Change change{name, kind, date, today, "manual"};
  insert_change(db, change);
  util::JsonWriter payload;
  payload.begin_object().member("law", name).member("change", change_key(kind)).member("date", date.iso()).end_object();
  audit::append(txn, stamp, std::nullopt, "basis-change", payload.str());
  return change;
}

std::optional<Law> find_law(store::Database& db, std::string_view name)
{
  auto stmt = db.prepare("SELECT name, level, category, published, valid_from, repealed FROM law WHERE name = ?");
  stmt.bind(1, normalize_law_name(name));
  if (stmt.step() != store::Step::row) {
    return std::nullopt;
  }
  return read_law(stmt);
}

std::vector<LawEntry> list_laws(store::Database& db, const LawFilter& filter)
{
  auto stmt = db.prepare(
    "SELECT l.name, l.level, l.category, l.published, l.valid_from, l.repealed,"
    " (SELECT count(*) FROM citation c WHERE c.law = l.name),"
    " ch.kind, ch.date, ch.recorded_on, ch.source"
    " FROM law l LEFT JOIN law_change ch ON ch.id = (SELECT max(id) FROM law_change WHERE law = l.name)"
    " WHERE (?1 = 0 OR EXISTS (SELECT 1 FROM citation c WHERE c.law = l.name)) AND (?2 = 0 OR ch.id IS NOT NULL)"
    " ORDER BY l.name");
  stmt.bind_all(filter.cited_only, filter.changed_only);
  std::vector<LawEntry> laws;
  while (stmt.step() == store::Step::row) {
    LawEntry entry{read_law(stmt), stmt.integer(6), std::nullopt};
    if (const auto kind = stmt.optional_text(7)) {
      entry.last_change =
        Change{entry.law.name, *parse_change(*kind), stmt.optional_date(8), *stmt.optional_date(9), stmt.text(10)};
    }
    laws.push_back(std::move(entry));
  }
  return laws;
}

std::vector<Flag> flags(store::Database& db, const util::Date& as_of)
{
  // Only citations whose law changed after the document was published come back; the
  // document's status on `as_of` and whether it was reconsidered are checked per hit. The
  // register's laws lead (CROSS JOIN keeps that order): left to itself the planner walked every
  // citation to save a sort (100,000 documents, 135,884 citations: 20 ms with no law at all).
  // PostgreSQL has no such hint (and no CROSS JOIN with ON): a plain join there.
  auto stmt =
    db.prepare(std::string("SELECT c.document, c.law, c.cited_as, l.published, l.repealed, substr(l.updated_at, 1, 10),"
                           " (SELECT max(date) FROM law_change WHERE law = l.name AND kind = 'repealed'),"
                           " (SELECT source FROM law_change WHERE law = l.name ORDER BY id DESC LIMIT 1)") +
               std::string(db.pick(" FROM law l CROSS JOIN citation c ON c.law = l.name",
                                   " FROM law l JOIN citation c ON c.law = l.name")) +
               " JOIN document d ON d.id = c.document WHERE d.published IS NOT NULL"
               " AND (l.repealed = 1 OR l.published > d.published) ORDER BY c.document, c.law");
  std::vector<Flag> found;
  while (stmt.step() == store::Step::row) {
    const auto doc = registry::find(db, stmt.integer(0));
    if (!doc || doc->status_on(as_of) != registry::Status::published) {
      continue;
    }
    const bool repealed = stmt.integer(4) != 0;
    Change change{stmt.text(1), repealed ? ChangeKind::repealed : ChangeKind::revised,
                  repealed ? stmt.optional_date(6) : stmt.optional_date(3), *stmt.optional_date(5),
                  stmt.optional_text(7).value_or("catalogue")};
    const util::Date since = change.date.value_or(change.recorded_on);
    const auto reconsidered = last_reconsidered(db, doc->id);
    if (reconsidered && *reconsidered >= since) {
      continue;
    }
    found.push_back(Flag{*doc, stmt.text(1), stmt.text(2), std::move(change)});
  }
  return found;
}

std::size_t rescan(store::Transaction& txn)
{
  store::Database& db = txn.database();
  std::vector<std::pair<std::int64_t, std::string>> texts;
  auto stmt = db.prepare("SELECT document, text FROM document_text ORDER BY document");
  while (stmt.step() == store::Step::row) {
    texts.emplace_back(stmt.integer(0), stmt.text(1));
  }
  for (const auto& [id, text] : texts) {
    registry::replace_citations(db, id, text);
  }
  return texts.size();
}

} // namespace normdoc::basis
