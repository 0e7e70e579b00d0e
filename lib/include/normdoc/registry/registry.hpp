// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>
#include <normdoc/config/config.hpp>
#include <normdoc/registry/document.hpp>
#include <normdoc/store/database.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::registry {

// The full text of a document and the file it came from.
struct DocumentText
{
  std::string content;
  std::string source;
};

struct NewDocument
{
  std::string title;
  std::string issuer;
  std::optional<std::string> doc_no; // any accepted spelling; stored canonical
  std::optional<std::string> drafting_unit;
  std::string kind = "normative";
  bool concerns_business = false;
  std::optional<util::Duration> validity;
  std::optional<util::Date> expires;
  std::optional<util::Date> drafted;
  std::optional<util::Date> effective; // 施行日期 the draft states; publish's default
  std::optional<std::string> index_no;
  std::optional<std::string> subject;
  std::optional<DocumentText> text;
};

struct Publication
{
  util::Date date;
  std::optional<util::Date> effective{}; // default: the publication date
  std::optional<util::Date> expires{};   // overrides the validity period
  std::optional<util::Duration> validity{};
  std::optional<std::string> reg_no{}; // a number issued before normdoc was used
};

// Fields `edit` may change; unset fields stay as they are.
struct Changes
{
  std::optional<std::string> title;
  std::optional<std::string> issuer;
  std::optional<std::string> doc_no;
  std::optional<std::string> drafting_unit;
  std::optional<std::string> index_no;
  std::optional<std::string> subject;
  std::optional<bool> concerns_business;
  std::optional<DocumentText> text;
  // What a new text of a draft states (施行日期, 有效期); documents already published keep theirs.
  std::optional<util::Date> effective;
  std::optional<util::Duration> validity;
  std::optional<util::Date> expires;
};

struct ListFilter
{
  util::Date as_of;
  std::optional<Status> status{}; // as derived on `as_of`
  std::optional<std::string> issuer{};
  std::optional<int> year{}; // publication year; drafts: year registered
  bool in_force = false;
  std::optional<util::Duration> expiring_within{};
  bool not_ended = false; // drop documents repealed, amended or invalidated by `as_of`

  // Whether `doc` passes every condition (list() also narrows by issuer and year in SQL).
  bool accepts(const Document& doc) const;
};

// The document registry: every write takes the command's transaction and appends its event
// in it, so a failure leaves both the documents and the log as they were.
class Registry
{
public:
  explicit Registry(const config::Config& config) : m_config(config) {}

  // Registers a draft. Throws DataError on a missing title or issuer, a malformed 文号 or
  // one the issuer already used.
  Document add(store::Transaction& txn, const NewDocument& input, const audit::Stamp& stamp) const;

  // Publishes a draft: assigns the registration number, sets the effective date and the last
  // day in force. Throws DataError when the document is not a draft (or under review).
  Document publish(store::Transaction& txn, const Document& doc, const Publication& publication,
                   const audit::Stamp& stamp) const;

  // Repeals a document in force on `date`. Throws DataError for drafts and ended documents.
  Document repeal(store::Transaction& txn, const Document& doc, const util::Date& date, const std::string& reason,
                  const audit::Stamp& stamp) const;

  // Records that `replacement` amends `doc` from `date`: `doc` becomes `amended`.
  Document amend(store::Transaction& txn, const Document& doc, const Document& replacement, const util::Date& date,
                 const audit::Stamp& stamp) const;

  Document edit(store::Transaction& txn, const Document& doc, const Changes& changes, const audit::Stamp& stamp) const;

  // Ends the drafting of a document never published (撤回/终止起草) on `date`: it stays in the
  // registry as 已撤回 and nothing is due about it. Throws DataError for a published or already
  // withdrawn document, a date before it was drafted, or an empty reason.
  Document withdraw(store::Transaction& txn, const Document& doc, const util::Date& date, const std::string& reason,
                    const audit::Stamp& stamp) const;

  // Declares a document in force void from `date` (宣布失效, a cleanup decision).
  Document invalidate(store::Transaction& txn, const Document& doc, const util::Date& date, const std::string& reason,
                      const audit::Stamp& stamp) const;

  // A new validity period decided on `date` (后评估: 继续有效): `expires` is the new last day;
  // with `evaluation.renumber` the document is re-registered under the next number. Throws
  // DataError when the document is not in force on `date` (an expired one is re-issued instead).
  Document renew(store::Transaction& txn, const Document& doc, const util::Date& date, const util::Date& expires,
                 const audit::Stamp& stamp) const;

private:
  std::string next_reg_no(store::Database& db, int year) const;
  Document end_with_reason(store::Transaction& txn, const Document& doc, const util::Date& date,
                           const std::string& reason, const audit::Stamp& stamp, Status status) const;

  const config::Config& m_config;
};

std::optional<Document> find(store::Database& db, std::int64_t id);
// Every document's id, in order (`export --all`), and how many there are.
std::vector<std::int64_t> ids(store::Database& db);
std::int64_t count(store::Database& db);

// REF is the internal id, the registration number or the 文号 (any accepted spelling).
// Throws DataError when nothing matches, or when a 文号 is shared by several issuers.
Document resolve(store::Database& db, std::string_view ref);

std::vector<Document> list(store::Database& db, const ListFilter& filter);
// The same documents, one at a time, so a pass over a large registry holds none of them.
void for_each(store::Database& db, const ListFilter& filter, const std::function<void(const Document&)>& visit);

// Re-extracts the laws cited by document `id` from its text (done whenever a text is stored).
void replace_citations(store::Database& db, std::int64_t id, std::string_view text);

// The stored full text, if any.
std::optional<std::string> text_of(store::Database& db, std::int64_t id);

} // namespace normdoc::registry
