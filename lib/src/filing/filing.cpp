// SPDX-License-Identifier: MIT
#include <normdoc/filing/filing.hpp>

#include <normdoc/error.hpp>
#include <normdoc/registry/registry.hpp>
#include <normdoc/util/csv.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace normdoc::filing {

namespace {

constexpr std::array<util::Named<Result>, 6> k_results{{
  {Result::registered, "registered", "予以备案登记"},
  {Result::deferred, "deferred", "暂缓办理备案登记"},
  {Result::refused, "refused", "不予备案登记"},
  {Result::passed, "passed", "审查通过"},
  {Result::correct, "correct", "责令改正"},
  {Result::revoke, "revoke", "撤销"},
}};

std::string join_lines(const std::vector<std::string>& items)
{
  std::string out;
  for (const auto& item : items) {
    out += out.empty() ? item : "\n" + item;
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text)
{
  return text.empty() ? std::vector<std::string>{} : util::split(text, '\n');
}

// The live filing of `doc` with `body`.
Filing find_filing(store::Database& db, const registry::Document& doc, const std::string& body)
{
  for (auto& filing : filings_of(db, doc.id)) {
    if (filing.body == body) {
      return filing;
    }
  }
  throw DataError(fmt::format("文件 #{} 没有向“{}”报送备案的记录", doc.id, body), Location{{}, 0, 0, "to"},
                  Hint(fmt::format("先用 {} 记录报送", k_remedy_mark),
                       {{Action::file, {std::to_string(doc.id)}, {{"to", body}, {"date", "日期"}}}}));
}

void append_event(store::Transaction& txn, const registry::Document& doc, std::string_view kind,
                  util::JsonWriter& payload, const audit::Stamp& stamp)
{
  payload.end_object();
  audit::append(txn, stamp, doc.id, kind, payload.str());
}

} // namespace

std::string_view result_key(Result result)
{
  return util::named(k_results, result).key;
}

std::string_view result_label(Result result)
{
  return util::named(k_results, result).label;
}

std::optional<Result> parse_result(std::string_view key)
{
  return util::parse_named(k_results, key);
}

util::NamedTable<Result> results()
{
  return k_results;
}

bool concludes_review(Result result)
{
  return result == Result::passed || result == Result::correct || result == Result::revoke || result == Result::refused;
}

bool orders_correction(Result result)
{
  return result == Result::correct || result == Result::revoke;
}

std::optional<Outcome> Filing::last_result() const
{
  const auto last =
    std::find_if(outcomes.rbegin(), outcomes.rend(), [](const Outcome& outcome) { return outcome.kind == "result"; });
  if (last == outcomes.rend()) {
    return std::nullopt;
  }
  return *last;
}

std::optional<Outcome> Filing::open_correction() const
{
  std::optional<Outcome> open;
  for (const auto& outcome : outcomes) {
    if (outcome.kind == "result" && outcome.result && orders_correction(*outcome.result)) {
      open = outcome;
    } else if (outcome.kind == "corrected") {
      open.reset();
    }
  }
  return open;
}

void write_members(util::JsonWriter& json, const Filing& filing, const util::Members& members)
{
  util::MemberWriter out(json, members);
  out.member("body", filing.body).member("filed", filing.filed.iso());
  for (const auto& [member, items] :
       {std::pair{"materials", &filing.materials}, std::pair{"missing", &filing.missing}}) {
    if (out.key(member)) {
      json.begin_array();
      for (const auto& item : *items) {
        json.value(item);
      }
      json.end_array();
    }
  }
  if (out.key("outcomes")) {
    json.begin_array();
    for (const auto& outcome : filing.outcomes) {
      json.begin_object();
      write_members(json, outcome);
      json.end_object();
    }
    json.end_array();
  }
  out.member("voided", util::to_iso(filing.voided)).member("void_reason", filing.void_reason);
}

void write_members(util::JsonWriter& json, const Outcome& outcome, const util::Members& members)
{
  util::MemberWriter(json, members)
    .member("kind", outcome.kind)
    .member("result", outcome.result ? std::optional(std::string(result_key(*outcome.result))) : std::nullopt)
    .member("date", outcome.date.iso())
    .member("until", util::to_iso(outcome.until))
    .member("note", outcome.note);
}

std::vector<Filing> file(store::Transaction& txn, const registry::Document& doc, const std::vector<std::string>& bodies,
                         const util::Date& date, const std::optional<std::vector<std::string>>& sent,
                         const config::Config& config, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  if (!doc.published) {
    throw DataError(fmt::format("文件 #{}《{}》尚未发布，不能报送备案", doc.id, doc.title));
  }
  if (date < *doc.published) {
    throw DataError(fmt::format("报送日期 {} 早于发布日期 {}", date.iso(), doc.published->iso()),
                    Location{{}, 0, 0, "date"});
  }
  if (bodies.empty()) {
    throw DataError("须给出备案机关", Location{{}, 0, 0, "to"});
  }
  const std::vector<std::string> materials = sent.value_or(config.filing_materials);
  std::vector<std::string> missing;
  for (const auto& item : config.filing_materials) {
    if (std::find(materials.begin(), materials.end(), item) == materials.end()) {
      missing.push_back(item);
    }
  }
  const auto existing = filings_of(db, doc.id);
  for (const auto& raw_body : bodies) {
    const std::string body(util::trim(raw_body));
    if (body.empty()) {
      throw UsageError("备案机关名称不能为空");
    }
    if (std::any_of(existing.begin(), existing.end(), [&](const Filing& f) { return f.body == body; })) {
      throw DataError(fmt::format("文件 #{} 已向“{}”报送备案", doc.id, body), Location{{}, 0, 0, "to"});
    }
    db.prepare("INSERT INTO filing (document, body, filed, materials, missing) VALUES (?, ?, ?, ?, ?)")
      .bind_all(doc.id, body, date, join_lines(materials), join_lines(missing))
      .run();
    util::JsonWriter payload;
    payload.begin_object();
    write_members(payload, Filing{.body = body, .filed = date, .materials = materials, .missing = missing},
                  {.except = {"outcomes", "voided", "void_reason"}, .rename = {{"filed", "date"}}});
    append_event(txn, doc, "file", payload, stamp);
  }
  return filings_of(db, doc.id);
}

Filing record_result(store::Transaction& txn, const registry::Document& doc, const std::string& body, Result result,
                     const util::Date& date, const std::optional<util::Date>& until,
                     const std::optional<std::string>& note, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const Filing filing = find_filing(db, doc, body);
  if (date < filing.filed) {
    throw DataError(fmt::format("结果日期 {} 早于报送日期 {}", date.iso(), filing.filed.iso()),
                    Location{{}, 0, 0, "date"});
  }
  if (until && *until < date) {
    throw DataError(fmt::format("期限 {} 早于结果日期 {}", until->iso(), date.iso()), Location{{}, 0, 0, "until"});
  }
  db.prepare("INSERT INTO filing_outcome (filing, kind, result, date, until, note) VALUES (?, 'result', ?, ?, ?, ?)")
    .bind_all(filing.id, result_key(result), date, until, note)
    .run();
  util::JsonWriter payload;
  payload.begin_object().member("body", body);
  write_members(payload, Outcome{"result", result, date, until, note}, {.except = {"kind"}});
  append_event(txn, doc, "filing-result", payload, stamp);
  return find_filing(db, doc, body);
}

Filing record_correction(store::Transaction& txn, const registry::Document& doc, const std::string& body,
                         const util::Date& date, const std::string& note, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const Filing filing = find_filing(db, doc, body);
  const auto open = filing.open_correction();
  if (!open) {
    throw DataError(fmt::format("“{}”没有对文件 #{} 作出需要纠正的审查意见", body, doc.id));
  }
  if (date < open->date) {
    throw DataError(fmt::format("纠正日期 {} 早于审查意见日期 {}", date.iso(), open->date.iso()),
                    Location{{}, 0, 0, "date"});
  }
  if (util::trim(note).empty()) {
    throw DataError("须写明作了哪些修改", Location{{}, 0, 0, "note"});
  }
  db.prepare("INSERT INTO filing_outcome (filing, kind, date, note) VALUES (?, 'corrected', ?, ?)")
    .bind_all(filing.id, date, note)
    .run();
  util::JsonWriter payload;
  payload.begin_object().member("body", body);
  write_members(payload, Outcome{"corrected", std::nullopt, date, std::nullopt, note}, {.only = {"date", "note"}});
  append_event(txn, doc, "filing-corrected", payload, stamp);
  return find_filing(db, doc, body);
}

std::vector<std::string> split_items(std::string_view text)
{
  std::string normalized;
  for (const char32_t c : util::decode_utf8(text)) {
    util::append_utf8(normalized, c == U'、' || c == U'，' ? U',' : c);
  }
  std::vector<std::string> items;
  for (const auto& item : util::split(normalized, ',')) {
    if (!util::trim(item).empty()) {
      items.emplace_back(util::trim(item));
    }
  }
  return items;
}

std::vector<Filing> import_filings(store::Transaction& txn, std::string_view csv, const std::string& source,
                                   const util::Date& today, const config::Config& config, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  const auto rows = util::parse_csv(csv, source);
  if (rows.size() < 2) {
    throw DataError("没有备案记录；第一行应为列名 ref,body,date（可加 materials）", Location{source, 1, 0, {}});
  }
  const util::CsvColumns columns(
    rows.front(), {"ref", "body", "date"}, source,
    {{"文件", "ref"}, {"文件编号", "ref"}, {"备案机关", "body"}, {"报送日期", "date"}, {"报送材料", "materials"}});
  std::vector<Filing> imported;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const util::CsvRow& row = rows[i];
    const auto at = [&](std::string_view field) { return Location{source, row.line, 0, std::string(field)}; };
    try {
      const std::string ref = columns.get(row, "ref");
      if (ref.empty()) {
        throw DataError("缺少文件（ref 列）", at("ref"));
      }
      const registry::Document doc = registry::resolve(db, ref);
      const std::string body = columns.get(row, "body");
      if (body.empty()) {
        throw DataError("缺少备案机关（body 列）", at("body"));
      }
      const util::Date date = [&] {
        try {
          return util::Date::parse(columns.get(row, "date"));
        } catch (const DataError& e) {
          throw e.located(at("date"));
        }
      }();
      if (today < date) {
        throw DataError(fmt::format("报送日期 {} 晚于今天（{}）：导入的是已报送的记录", date.iso(), today.iso()),
                        at("date"));
      }
      const std::string materials = columns.get(row, "materials");
      const auto sent = materials.empty() ? std::nullopt : std::optional(split_items(materials));
      for (auto& filing : file(txn, doc, {body}, date, sent, config, stamp)) {
        if (filing.body == body) {
          imported.push_back(std::move(filing));
        }
      }
    } catch (const DataError& e) {
      throw e.located(at("ref"));
    }
  }
  return imported;
}

Filing void_filing(store::Transaction& txn, const registry::Document& doc, const std::string& body,
                   const util::Date& date, const std::string& reason, const audit::Stamp& stamp)
{
  store::Database& db = txn.database();
  Filing filing = find_filing(db, doc, body);
  const std::string why(util::trim(reason));
  if (why.empty()) {
    throw DataError("须写明作废理由", Location{{}, 0, 0, "reason"});
  }
  db.prepare("UPDATE filing SET voided = ?, void_reason = ? WHERE id = ?").bind_all(date.iso(), why, filing.id).run();
  filing.voided = date;
  filing.void_reason = why;
  util::JsonWriter payload;
  payload.begin_object().member("filing", filing.id);
  write_members(payload, filing,
                {.except = {"materials", "missing", "outcomes"}, .rename = {{"void_reason", "reason"}}});
  append_event(txn, doc, "void-filing", payload, stamp);
  return filing;
}

namespace {

// The filings with their outcomes, of one document or of all (two queries either way).
std::vector<Filing> load_filings(store::Database& db, std::optional<std::int64_t> document, bool void_too)
{
  // Separate statements, not `?1 IS NULL OR document = ?1`: SQLite plans that as a full scan
  // even when a document is given (EXPLAIN QUERY PLAN: SCAN filing).
  const std::string select = fmt::format("SELECT id, document, body, filed, materials, missing, voided, void_reason"
                                         " FROM filing WHERE {}",
                                         void_too ? "TRUE" : "voided IS NULL");
  auto stmt = document ? db.prepare(select + " AND document = ? ORDER BY id") : db.prepare(select + " ORDER BY id");
  if (document) {
    stmt.bind(1, *document);
  }
  std::vector<Filing> filings;
  std::unordered_map<std::int64_t, std::size_t> position;
  while (stmt.step() == store::Step::row) {
    position.emplace(stmt.integer(0), filings.size());
    filings.push_back(Filing{.id = stmt.integer(0),
                             .document = stmt.integer(1),
                             .body = stmt.text(2),
                             .filed = util::Date::parse(stmt.text(3)),
                             .materials = split_lines(stmt.text(4)),
                             .missing = split_lines(stmt.text(5)),
                             .voided = stmt.optional_date(6),
                             .void_reason = stmt.optional_text(7)});
  }
  constexpr std::string_view k_outcomes =
    "SELECT o.filing, o.kind, o.result, o.date, o.until, o.note FROM filing_outcome o";
  auto outcomes = document
                    ? db.prepare(std::string(k_outcomes) + " JOIN filing f ON f.id = o.filing WHERE f.document = ?"
                                                           " ORDER BY o.id")
                    : db.prepare(std::string(k_outcomes) + " ORDER BY o.id");
  if (document) {
    outcomes.bind(1, *document);
  }
  while (outcomes.step() == store::Step::row) {
    const auto at = position.find(outcomes.integer(0));
    if (at == position.end()) {
      continue; // an outcome of a void filing
    }
    const auto result = outcomes.optional_text(2);
    filings[at->second].outcomes.push_back(Outcome{outcomes.text(1), result ? parse_result(*result) : std::nullopt,
                                                   util::Date::parse(outcomes.text(3)), outcomes.optional_date(4),
                                                   outcomes.optional_text(5)});
  }
  return filings;
}

} // namespace

std::vector<Filing> filings_of(store::Database& db, std::int64_t document, bool void_too)
{
  return load_filings(db, document, void_too);
}

std::unordered_map<std::int64_t, std::vector<Filing>> filings_by_document(store::Database& db)
{
  std::unordered_map<std::int64_t, std::vector<Filing>> filings;
  for (auto& filing : load_filings(db, std::nullopt, false)) {
    filings[filing.document].push_back(std::move(filing));
  }
  return filings;
}

} // namespace normdoc::filing

namespace normdoc::filing {

Compliance compliance(store::Database& db, const config::Config& config, const calendar::Calendar& calendar, int year,
                      const util::Date& as_of)
{
  Compliance report;
  report.year = year;
  registry::ListFilter filter{util::Date::from_ymd(year, 12, 31)};
  filter.year = year;
  for (const auto& doc : registry::list(db, filter)) {
    if (!doc.published || doc.published->year() != year || doc.kind != "normative") {
      continue;
    }
    ++report.published;
    // A filing or outcome recorded ahead of its date (--planned) is a plan: done only from that
    // day on.
    auto filings = filings_of(db, doc.id);
    std::erase_if(filings, [&](const Filing& filing) { return as_of < filing.filed; });
    for (auto& filing : filings) {
      std::erase_if(filing.outcomes, [&](const Outcome& outcome) { return as_of < outcome.date; });
    }
    const auto deadline = calendar.deadline(*doc.published, config.filing_deadline);
    if (!deadline.caveat.empty()) {
      report.calendar_gaps.push_back(deadline.caveat);
    }
    const auto filing_with = [&](const std::string& body) -> const Filing* {
      for (const auto& filing : filings) {
        if (filing.body == body) {
          return &filing;
        }
      }
      return nullptr;
    };
    std::vector<const Filing*> required;
    if (config.filing_bodies.empty()) {
      if (!filings.empty()) {
        required.push_back(&filings.front());
      }
    } else {
      for (const auto& body : config.filing_bodies) {
        required.push_back(filing_with(body));
      }
    }
    const bool filed =
      !required.empty() && std::all_of(required.begin(), required.end(), [](const Filing* f) { return f; });
    if (filed) {
      ++report.filed;
      if (std::all_of(required.begin(), required.end(), [&](const Filing* f) { return f->filed <= deadline.date; })) {
        ++report.filed_on_time;
      }
    }
    for (const auto& filing : filings) {
      if (filing.open_correction()) {
        ++report.open_corrections;
      }
    }
    auto overrides = db.prepare("SELECT count(*) FROM event WHERE document = ? AND kind = 'gate-override'");
    overrides.bind(1, doc.id);
    overrides.step();
    report.gate_overrides += static_cast<int>(overrides.integer(0));
  }
  std::sort(report.calendar_gaps.begin(), report.calendar_gaps.end());
  report.calendar_gaps.erase(std::unique(report.calendar_gaps.begin(), report.calendar_gaps.end()),
                             report.calendar_gaps.end());
  return report;
}

} // namespace normdoc::filing
