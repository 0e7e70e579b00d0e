// SPDX-License-Identifier: MIT
#include <normdoc/registry/registry.hpp>

#include <normdoc/basis/citation.hpp>
#include <normdoc/error.hpp>
#include <normdoc/ingest/extract.hpp>
#include <normdoc/registry/doc_no.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/json.hpp>
#include <normdoc/util/sha256.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <charconv>

namespace normdoc::registry {

namespace {

constexpr std::string_view k_select =
  "SELECT d.id, d.reg_no, d.doc_no, d.title, d.issuer, d.drafting_unit, d.kind, d.concerns_business, d.trial,"
  " d.status, d.validity, d.drafted, d.published, d.effective, d.expires, d.repealed, d.repeal_reason,"
  " d.amended, d.invalidated, d.amends, d.superseded_by, d.index_no, d.subject, t.sha256, t.source,"
  " d.created_at, d.updated_at, d.withdrawn"
  " FROM document d LEFT JOIN document_text t INDEXED BY document_text_summary ON t.document = d.id";

Document read_document(const store::Statement& stmt)
{
  Document doc;
  doc.id = stmt.integer(0);
  doc.reg_no = stmt.optional_text(1);
  doc.doc_no = stmt.optional_text(2);
  doc.title = stmt.text(3);
  doc.issuer = stmt.text(4);
  doc.drafting_unit = stmt.optional_text(5);
  doc.kind = stmt.text(6);
  doc.concerns_business = stmt.integer(7) != 0;
  doc.trial = stmt.integer(8) != 0;
  doc.recorded_status = parse_status(stmt.text(9)).value_or(Status::draft);
  doc.validity = stmt.optional_text(10);
  doc.drafted = stmt.optional_date(11);
  doc.published = stmt.optional_date(12);
  doc.effective = stmt.optional_date(13);
  doc.expires = stmt.optional_date(14);
  doc.repealed = stmt.optional_date(15);
  doc.repeal_reason = stmt.optional_text(16);
  doc.amended = stmt.optional_date(17);
  doc.invalidated = stmt.optional_date(18);
  doc.amends = stmt.optional_integer(19);
  doc.superseded_by = stmt.optional_integer(20);
  doc.index_no = stmt.optional_text(21);
  doc.subject = stmt.optional_text(22);
  doc.text_sha256 = stmt.optional_text(23);
  doc.text_source = stmt.optional_text(24);
  doc.created_at = stmt.text(25);
  doc.updated_at = stmt.text(26);
  doc.withdrawn = stmt.optional_date(27);
  return doc;
}

Document reload(store::Database& db, std::int64_t id)
{
  auto doc = find(db, id);
  if (!doc) {
    throw DataError(fmt::format("找不到编号为 {} 的文件", id));
  }
  return *doc;
}

std::string describe(const Document& doc)
{
  return fmt::format("#{}《{}》", doc.id, doc.title);
}

std::string required_text(const std::string& value, std::string_view field)
{
  std::string trimmed(util::trim(value));
  if (trimmed.empty()) {
    throw DataError("不能为空", Location{{}, 0, 0, std::string(field)});
  }
  if (util::find_invalid_utf8(trimmed)) {
    throw DataError("含有无效的 UTF-8 字节", Location{{}, 0, 0, std::string(field)});
  }
  return trimmed;
}

std::optional<std::string> canonical_doc_no(const std::optional<std::string>& raw)
{
  if (!raw || util::trim(*raw).empty()) {
    return std::nullopt;
  }
  try {
    return DocNo::parse(*raw).canonical();
  } catch (const DataError& e) {
    throw e.located(Location{{}, 0, 0, "doc_no"});
  }
}

void ensure_doc_no_free(store::Database& db, const std::string& issuer, const std::optional<std::string>& doc_no,
                        std::int64_t self)
{
  if (!doc_no) {
    return;
  }
  auto stmt = db.prepare("SELECT id, title FROM document WHERE issuer = ? AND doc_no = ? AND id <> ?");
  stmt.bind_all(issuer, *doc_no, self);
  if (stmt.step() == store::Step::row) {
    throw DataError(fmt::format("{}已有文号为 {} 的文件 #{}《{}》", issuer, *doc_no, stmt.integer(0), stmt.text(1)),
                    Location{{}, 0, 0, "doc_no"});
  }
}

void store_text(store::Database& db, std::int64_t id, const DocumentText& text, std::uint64_t max_bytes)
{
  ingest::require_text_within_limit(text.content.size(), max_bytes, text.source);
  util::require_no_nul(text.content, text.source);
  if (const auto bad = util::find_invalid_utf8(text.content)) {
    throw DataError(fmt::format("全文不是有效的 UTF-8（第{}字节）", *bad + 1), Location{text.source, 0, 0, "text"},
                    "请先转换为 UTF-8，例如 iconv -f GB18030 -t UTF-8");
  }
  db.prepare("INSERT INTO document_text (document, text, sha256, source) VALUES (?, ?, ?, ?)"
             " ON CONFLICT (document) DO UPDATE SET text = excluded.text, sha256 = excluded.sha256,"
             " source = excluded.source")
    .bind_all(id, text.content, util::sha256_hex(text.content), text.source)
    .run();
  replace_citations(db, id, text.content);
}

// `label` names the date given in Chinese (废止日期), `field` the option it came from.
void require_not_before(const util::Date& date, std::string_view label, const std::optional<util::Date>& reference,
                        std::string_view what, std::string_view field)
{
  if (reference && date < *reference) {
    throw DataError(fmt::format("{} {} 早于{} {}", label, date.iso(), what, reference->iso()),
                    Location{{}, 0, 0, std::string(field)});
  }
}

} // namespace

Document Registry::add(store::Transaction& txn, const NewDocument& input, const audit::Stamp& stamp) const
{
  store::Database& db = txn.database();
  const std::string title = required_text(input.title, "title");
  const std::string issuer = required_text(input.issuer, "issuer");
  const auto doc_no = canonical_doc_no(input.doc_no);
  if (input.kind != "normative" && input.kind != "other") {
    throw DataError(fmt::format("未知的文件类别“{}”，应为 normative 或 other", input.kind), Location{{}, 0, 0, "kind"});
  }
  ensure_doc_no_free(db, issuer, doc_no, 0);
  const bool trial = is_trial_title(title, m_config.trial_markers);
  const auto validity = input.validity ? std::optional(input.validity->to_string()) : std::nullopt;
  db.prepare("INSERT INTO document (doc_no, title, issuer, drafting_unit, kind, concerns_business, trial, status,"
             " validity, drafted, effective, expires, index_no, subject, created_at, updated_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)")
    .bind_all(doc_no, title, issuer, input.drafting_unit, input.kind, input.concerns_business, trial, validity,
              util::to_iso(input.drafted), util::to_iso(input.effective), util::to_iso(input.expires), input.index_no,
              input.subject, stamp.at, stamp.at)
    .run();
  const std::int64_t id = db.last_insert_rowid();
  if (input.text) {
    store_text(db, id, *input.text, m_config.max_text_bytes);
  }
  Document doc = reload(db, id);
  util::JsonWriter payload;
  payload.begin_object()
    .member("title", doc.title)
    .member("issuer", doc.issuer)
    .member("doc_no", doc.doc_no)
    .member("drafting_unit", doc.drafting_unit)
    .member("kind", doc.kind)
    .member("concerns_business", doc.concerns_business)
    .member("trial", doc.trial)
    .member("validity", doc.validity)
    .member("effective", util::to_iso(doc.effective))
    .member("expires", util::to_iso(doc.expires))
    .member("text_sha256", doc.text_sha256)
    .end_object();
  audit::append(txn, stamp, id, "add", payload.str());
  return doc;
}

std::string Registry::next_reg_no(store::Database& db, int year) const
{
  // One sequence per code and year when the pattern shows the year (numbers restart each
  // year), otherwise one running sequence per code.
  const bool yearly = m_config.reg_pattern.find("{year}") != std::string::npos;
  const std::string scope = yearly ? fmt::format("{}:{}", m_config.office_code, year) : m_config.office_code;
  auto last = db.prepare("SELECT last FROM reg_sequence WHERE scope = ?");
  last.bind(1, scope);
  std::int64_t seq = last.step() == store::Step::row ? last.integer(0) : 0;
  auto taken = db.prepare("SELECT 1 FROM document WHERE reg_no = ?");
  std::string candidate;
  // Numbers entered by hand for older documents may already hold the next value.
  do {
    ++seq;
    candidate = config::format_reg_no(m_config.reg_pattern, m_config.office_code, year, seq);
    taken.reset();
    taken.bind(1, candidate);
  } while (taken.step() == store::Step::row);
  db.prepare("INSERT INTO reg_sequence (scope, last) VALUES (?, ?)"
             " ON CONFLICT (scope) DO UPDATE SET last = excluded.last")
    .bind_all(scope, seq)
    .run();
  return candidate;
}

Document Registry::publish(store::Transaction& txn, const Document& doc, const Publication& publication,
                           const audit::Stamp& stamp) const
{
  store::Database& db = txn.database();
  if (doc.published) {
    // Judged on what was recorded, not on the new date (which may fall before the first one).
    throw DataError(fmt::format("{}已于 {} 发布（登记编号 {}），不能再次发布", describe(doc), doc.published->iso(),
                                doc.reg_no.value_or("无")),
                    {}, "发布日期有误时先更正发布记录；修改后重新印发的文件请另行登记并用 amend 关联");
  }
  if (doc.withdrawn) {
    throw DataError(fmt::format("{}已于 {} 撤回（终止起草），不能发布", describe(doc), doc.withdrawn->iso()));
  }
  // The date the draft's text states counts when none is given (explicit options win).
  const util::Date effective = publication.effective.value_or(doc.effective.value_or(publication.date));
  // 优化营商环境条例 第六十四条第二款: 未经公布的不得作为行政管理依据 — a document cannot take
  // effect before it is published.
  if (effective < publication.date) {
    throw DataError(fmt::format("施行日期 {} 早于发布日期 {}", effective.iso(), publication.date.iso()),
                    Location{{}, 0, 0, "effective"},
                    Hint(publication.effective
                           ? fmt::format("核对 {}", k_remedy_mark)
                           : fmt::format("施行日期取自正文的施行条款；用 {} 给出实际的施行日期", k_remedy_mark),
                         {{Action::same, {}, {{"effective", ""}}}}));
  }
  util::Date expires = effective;
  if (publication.expires) {
    expires = *publication.expires;
  } else if (publication.validity) {
    expires = expiry_for(effective, *publication.validity);
  } else if (doc.expires) {
    expires = *doc.expires;
  } else if (doc.validity) {
    expires = expiry_for(effective, util::Duration::parse(*doc.validity));
  } else {
    expires = expiry_for(effective, doc.trial ? m_config.validity_trial : m_config.validity_default);
  }
  if (expires < effective) {
    throw DataError(fmt::format("有效期截止日 {} 早于施行日期 {}", expires.iso(), effective.iso()),
                    Location{{}, 0, 0, "expires"});
  }
  require_not_before(publication.date, "发布日期", doc.drafted, "起草日期", "published");
  std::string reg_no;
  if (publication.reg_no) {
    reg_no = required_text(*publication.reg_no, "reg_no");
    auto taken = db.prepare("SELECT id FROM document WHERE reg_no = ?");
    taken.bind(1, reg_no);
    if (taken.step() == store::Step::row) {
      throw DataError(fmt::format("登记编号 {} 已被文件 #{} 使用", reg_no, taken.integer(0)),
                      Location{{}, 0, 0, "reg_no"});
    }
  } else {
    reg_no = next_reg_no(db, publication.date.year());
  }
  db.prepare("UPDATE document SET status = 'published', reg_no = ?, published = ?, effective = ?, expires = ?,"
             " updated_at = ? WHERE id = ?")
    .bind_all(reg_no, publication.date.iso(), effective.iso(), expires.iso(), stamp.at, doc.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object()
    .member("reg_no", reg_no)
    .member("published", publication.date.iso())
    .member("effective", effective.iso())
    .member("expires", expires.iso())
    .end_object();
  audit::append(txn, stamp, doc.id, "publish", payload.str());
  return reload(db, doc.id);
}

namespace {

// A document can be ended (repealed, amended) on `date` only if it was published by then
// and had not already ended.
void require_endable(const Document& doc, const util::Date& date, std::string_view action, std::string_view date_label)
{
  if (!doc.published) {
    throw DataError(fmt::format("{}尚未发布（{}），不能{}", describe(doc), status_label(doc.recorded_status), action));
  }
  require_not_before(date, date_label, doc.published, "发布日期", "date");
  const Status status = doc.status_on(date);
  if (status == Status::expired) {
    // 有效期届满自动失效 (regulations.md 7.3): nothing is left to end; the catalogue records it.
    // A decision taken before the expiry (renewal after an evaluation, 7.3: "renewal → the period
    // restarts") may be recorded late, on its own date.
    throw DataError(
      fmt::format("{}已于 {} 有效期届满自动失效，不能{}", describe(doc), doc.expires->add_days(1).iso(), action), {},
      Hint(fmt::format("届满前已作出决定的，用 {} 写明决定日期补记；否则在目录中确认失效：{}，仍需施行的，重新制定发布",
                       k_remedy_mark, k_remedy_mark),
           {{Action::same, {}, {{"date", ""}}},
            {Action::acknowledge, {std::to_string(doc.id), "expired"}, {{"reason", "…"}}}}));
  }
  // A document published but not yet effective (已公布待施行) can be ended as well.
  if ((status != Status::published && status != Status::pending) || doc.recorded_status != Status::published) {
    throw DataError(fmt::format("{}的状态为“{}”，不能{}", describe(doc), status_label(doc.recorded_status), action));
  }
}

} // namespace

Document Registry::repeal(store::Transaction& txn, const Document& doc, const util::Date& date,
                          const std::string& reason, const audit::Stamp& stamp) const
{
  return end_with_reason(txn, doc, date, reason, stamp, Status::repealed);
}

Document Registry::amend(store::Transaction& txn, const Document& doc, const Document& replacement,
                         const util::Date& date, const audit::Stamp& stamp) const
{
  store::Database& db = txn.database();
  if (replacement.id == doc.id) {
    throw DataError(fmt::format("{}不能修改自身", describe(doc)), Location{{}, 0, 0, "by"});
  }
  if (replacement.amends) {
    throw DataError(fmt::format("{}已是文件 #{} 的修改版本", describe(replacement), *replacement.amends),
                    Location{{}, 0, 0, "by"});
  }
  require_endable(doc, date, "修改", "修改日期");
  db.prepare("UPDATE document SET status = 'amended', amended = ?, superseded_by = ?, updated_at = ? WHERE id = ?")
    .bind_all(date.iso(), replacement.id, stamp.at, doc.id)
    .run();
  db.prepare("UPDATE document SET amends = ?, updated_at = ? WHERE id = ?")
    .bind_all(doc.id, stamp.at, replacement.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object().member("date", date.iso()).member("by", replacement.id).end_object();
  audit::append(txn, stamp, doc.id, "amend", payload.str());
  return reload(db, doc.id);
}

Document Registry::invalidate(store::Transaction& txn, const Document& doc, const util::Date& date,
                              const std::string& reason, const audit::Stamp& stamp) const
{
  return end_with_reason(txn, doc, date, reason, stamp, Status::invalidated);
}

// Repeal (废止) and declaring void (宣布失效) end a document the same way; only the status, the
// date column and the event differ.
Document Registry::end_with_reason(store::Transaction& txn, const Document& doc, const util::Date& date,
                                   const std::string& reason, const audit::Stamp& stamp, Status status) const
{
  store::Database& db = txn.database();
  const bool repeal = status == Status::repealed;
  const std::string why = required_text(reason, "reason");
  require_endable(doc, date, repeal ? "废止" : "宣布失效", repeal ? "废止日期" : "宣布失效日期");
  db.prepare(repeal
               ? "UPDATE document SET status = 'repealed', repealed = ?, repeal_reason = ?, updated_at = ? WHERE id = ?"
               : "UPDATE document SET status = 'invalidated', invalidated = ?, repeal_reason = ?, updated_at = ?"
                 " WHERE id = ?")
    .bind_all(date.iso(), why, stamp.at, doc.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object().member("date", date.iso()).member("reason", why).end_object();
  audit::append(txn, stamp, doc.id, repeal ? "repeal" : "invalidate", payload.str());
  return reload(db, doc.id);
}

Document Registry::withdraw(store::Transaction& txn, const Document& doc, const util::Date& date,
                            const std::string& reason, const audit::Stamp& stamp) const
{
  store::Database& db = txn.database();
  const std::string why = required_text(reason, "reason");
  if (doc.published) {
    throw DataError(fmt::format("{}已于 {} 发布，不能撤回", describe(doc), doc.published->iso()), {},
                    "已发布的文件用 repeal 废止");
  }
  if (doc.withdrawn) {
    throw DataError(fmt::format("{}已于 {} 撤回", describe(doc), doc.withdrawn->iso()));
  }
  require_not_before(date, "撤回日期", doc.drafted, "起草日期", "date");
  db.prepare("UPDATE document SET withdrawn = ?, repeal_reason = ?, updated_at = ? WHERE id = ?")
    .bind_all(date.iso(), why, stamp.at, doc.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object().member("date", date.iso()).member("reason", why).end_object();
  audit::append(txn, stamp, doc.id, "withdraw", payload.str());
  return reload(db, doc.id);
}

Document Registry::renew(store::Transaction& txn, const Document& doc, const util::Date& date,
                         const util::Date& expires, const audit::Stamp& stamp) const
{
  store::Database& db = txn.database();
  require_endable(doc, date, "延续有效期", "决定日期");
  if (expires <= date) {
    throw DataError(fmt::format("新的有效期截止日 {} 不在决定日期 {} 之后", expires.iso(), date.iso()),
                    Location{{}, 0, 0, "expires"});
  }
  const std::optional<std::string> reg_no =
    m_config.renumber_on_continue ? std::optional(next_reg_no(db, date.year())) : doc.reg_no;
  db.prepare("UPDATE document SET expires = ?, reg_no = ?, updated_at = ? WHERE id = ?")
    .bind_all(expires.iso(), reg_no, stamp.at, doc.id)
    .run();
  util::JsonWriter payload;
  payload.begin_object()
    .member("date", date.iso())
    .key("expires")
    .begin_object()
    .member("from", util::to_iso(doc.expires))
    .member("to", expires.iso())
    .end_object()
    .key("reg_no")
    .begin_object()
    .member("from", doc.reg_no)
    .member("to", reg_no)
    .end_object()
    .end_object();
  audit::append(txn, stamp, doc.id, "renew", payload.str());
  return reload(db, doc.id);
}

Document Registry::edit(store::Transaction& txn, const Document& doc, const Changes& changes,
                        const audit::Stamp& stamp) const
{
  store::Database& db = txn.database();
  Document updated = doc;
  util::JsonWriter payload;
  payload.begin_object();
  const auto record = [&](std::string_view field, const std::optional<std::string>& before,
                          const std::optional<std::string>& after) {
    if (before != after) {
      payload.key(field).begin_object().member("from", before).member("to", after).end_object();
    }
  };
  if (changes.title) {
    updated.title = required_text(*changes.title, "title");
    updated.trial = is_trial_title(updated.title, m_config.trial_markers);
    record("title", doc.title, updated.title);
  }
  if (changes.issuer) {
    updated.issuer = required_text(*changes.issuer, "issuer");
    record("issuer", doc.issuer, updated.issuer);
  }
  if (changes.doc_no) {
    updated.doc_no = canonical_doc_no(changes.doc_no);
    record("doc_no", doc.doc_no, updated.doc_no);
  }
  const auto optional_field = [&](std::string_view field, const std::optional<std::string>& change,
                                  std::optional<std::string> Document::*member) {
    if (change) {
      const std::string_view trimmed = util::trim(*change);
      updated.*member = trimmed.empty() ? std::nullopt : std::optional(std::string(trimmed));
      record(field, doc.*member, updated.*member);
    }
  };
  optional_field("drafting_unit", changes.drafting_unit, &Document::drafting_unit);
  optional_field("index_no", changes.index_no, &Document::index_no);
  optional_field("subject", changes.subject, &Document::subject);
  if (changes.concerns_business && *changes.concerns_business != doc.concerns_business) {
    updated.concerns_business = *changes.concerns_business;
    payload.key("concerns_business")
      .begin_object()
      .member("from", doc.concerns_business)
      .member("to", updated.concerns_business)
      .end_object();
  }
  if (changes.text) {
    store_text(db, doc.id, *changes.text, m_config.max_text_bytes);
    record("text_sha256", doc.text_sha256, util::sha256_hex(changes.text->content));
  }
  // The terms a draft's text states; a published document's dates were fixed at publication.
  if (!doc.published) {
    if (changes.effective) {
      updated.effective = changes.effective;
      record("effective", util::to_iso(doc.effective), util::to_iso(updated.effective));
    }
    if (changes.validity || changes.expires) {
      updated.validity = changes.validity ? std::optional(changes.validity->to_string()) : std::nullopt;
      updated.expires = changes.expires;
      record("validity", doc.validity, updated.validity);
      record("expires", util::to_iso(doc.expires), util::to_iso(updated.expires));
    }
  }
  payload.end_object();
  if (payload.str() == "{}") {
    throw UsageError("没有要修改的内容（新值与原值相同，或未给出任何修改项）");
  }
  ensure_doc_no_free(db, updated.issuer, updated.doc_no, doc.id);
  db.prepare("UPDATE document SET title = ?, issuer = ?, doc_no = ?, drafting_unit = ?, index_no = ?, subject = ?,"
             " concerns_business = ?, trial = ?, effective = ?, validity = ?, expires = ?, updated_at = ? WHERE id = ?")
    .bind_all(updated.title, updated.issuer, updated.doc_no, updated.drafting_unit, updated.index_no, updated.subject,
              updated.concerns_business, updated.trial, util::to_iso(updated.effective), updated.validity,
              util::to_iso(updated.expires), stamp.at, doc.id)
    .run();
  audit::append(txn, stamp, doc.id, "edit", payload.str());
  return reload(db, doc.id);
}

std::optional<Document> find(store::Database& db, std::int64_t id)
{
  auto stmt = db.prepare(std::string(k_select) + " WHERE d.id = ?");
  stmt.bind(1, id);
  if (stmt.step() == store::Step::row) {
    return read_document(stmt);
  }
  return std::nullopt;
}

std::vector<std::int64_t> ids(store::Database& db)
{
  auto stmt = db.prepare("SELECT id FROM document ORDER BY id");
  std::vector<std::int64_t> found;
  while (stmt.step() == store::Step::row) {
    found.push_back(stmt.integer(0));
  }
  return found;
}

std::int64_t count(store::Database& db)
{
  return db.single_integer("SELECT count(*) FROM document");
}

Document resolve(store::Database& db, std::string_view raw_ref)
{
  const std::string ref(util::trim(raw_ref));
  std::int64_t id = 0;
  const std::string_view digits =
    !ref.empty() && ref[0] == '#' ? std::string_view(ref).substr(1) : std::string_view(ref);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec == std::errc{} && end == digits.data() + digits.size()) {
    if (auto doc = find(db, id)) {
      return *doc;
    }
  }
  auto by_reg_no = db.prepare(std::string(k_select) + " WHERE d.reg_no = ?");
  by_reg_no.bind(1, ref);
  if (by_reg_no.step() == store::Step::row) {
    return read_document(by_reg_no);
  }
  // A number given up at re-registration still finds its document.
  auto by_previous_reg_no =
    db.prepare("SELECT document FROM evaluation WHERE previous_reg_no = ? AND"
               " new_reg_no IS DISTINCT FROM previous_reg_no AND voided IS NULL ORDER BY id DESC LIMIT 1");
  by_previous_reg_no.bind(1, ref);
  if (by_previous_reg_no.step() == store::Step::row) {
    return *find(db, by_previous_reg_no.integer(0));
  }
  std::optional<std::string> doc_no;
  try {
    doc_no = DocNo::parse(ref).canonical();
  } catch (const DataError&) {
    // Not a 文号 either: reported below as not found.
  }
  if (doc_no) {
    auto by_doc_no = db.prepare(std::string(k_select) + " WHERE d.doc_no = ? ORDER BY d.id");
    by_doc_no.bind(1, *doc_no);
    std::vector<Document> matches;
    while (by_doc_no.step() == store::Step::row) {
      matches.push_back(read_document(by_doc_no));
    }
    if (matches.size() == 1) {
      return matches.front();
    }
    if (matches.size() > 1) {
      std::string ids;
      for (const auto& match : matches) {
        ids += fmt::format(" #{}（{}）", match.id, match.issuer);
      }
      throw DataError(fmt::format("文号 {} 对应多个文件：{}", *doc_no, ids), {}, "请用文件编号指定");
    }
  }
  throw DataError(fmt::format("找不到文件“{}”", ref), {},
                  Hint(fmt::format("可用文件编号、登记编号或文号指定；用 {} 查看", k_remedy_mark), {{Action::list}}));
}

void for_each(store::Database& db, const ListFilter& filter, const std::function<void(const Document&)>& visit)
{
  auto stmt = db.prepare(std::string(k_select) +
                         " WHERE (?1 IS NULL OR d.issuer = ?1)"
                         " AND (?2 IS NULL OR substr(coalesce(d.published, d.created_at), 1, 4) = ?2)"
                         // Written for both dialects: a comparison is no number on PostgreSQL.
                         " AND (?3 IS NULL OR NOT ((d.repealed IS NOT NULL AND d.repealed <= ?3)"
                         "                         OR (d.amended IS NOT NULL AND d.amended <= ?3)"
                         "                         OR (d.invalidated IS NOT NULL AND d.invalidated <= ?3)))"
                         " ORDER BY d.id");
  stmt.bind(1, filter.issuer);
  stmt.bind(2, filter.year ? std::optional(fmt::format("{:04}", *filter.year)) : std::nullopt);
  stmt.bind(3, filter.not_ended ? std::optional(filter.as_of.iso()) : std::nullopt);
  while (stmt.step() == store::Step::row) {
    const Document doc = read_document(stmt);
    if (filter.accepts(doc)) {
      visit(doc);
    }
  }
}

std::vector<Document> list(store::Database& db, const ListFilter& filter)
{
  std::vector<Document> documents;
  for_each(db, filter, [&](const Document& doc) { documents.push_back(doc); });
  return documents;
}

bool ListFilter::accepts(const Document& doc) const
{
  if (issuer && doc.issuer != *issuer) {
    return false;
  }
  if (year) {
    const std::string dated = doc.published ? doc.published->iso() : doc.created_at;
    if (dated.substr(0, 4) != fmt::format("{:04}", *year)) {
      return false;
    }
  }
  if (status && doc.status_on(as_of) != *status) {
    return false;
  }
  if (in_force && !doc.in_force_on(as_of)) {
    return false;
  }
  if (not_ended && doc.ended_on(as_of)) {
    return false;
  }
  if (expiring_within) {
    const util::Date window_end = expiring_within->after(as_of);
    return doc.in_force_on(as_of) && doc.expires && *doc.expires <= window_end;
  }
  return true;
}

void replace_citations(store::Database& db, std::int64_t id, std::string_view text)
{
  db.prepare("DELETE FROM citation WHERE document = ?").bind(1, id).run();
  auto insert = db.prepare("INSERT INTO citation (document, law, cited_as) VALUES (?, ?, ?)");
  for (const auto& citation : basis::extract_citations(text)) {
    insert.bind_all(id, citation.law, citation.cited_as).run();
    insert.reset();
  }
}

std::optional<std::string> text_of(store::Database& db, std::int64_t id)
{
  auto stmt = db.prepare("SELECT text FROM document_text WHERE document = ?");
  stmt.bind(1, id);
  if (stmt.step() == store::Step::row) {
    return stmt.text(0);
  }
  return std::nullopt;
}

} // namespace normdoc::registry
