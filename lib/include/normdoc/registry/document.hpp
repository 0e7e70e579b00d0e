// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/date.hpp>
#include <normdoc/util/duration.hpp>
#include <normdoc/util/named.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::registry {

// `scheduled` (已登记待公布: numbered, publication date ahead), `pending` (已公布待施行: published,
// 施行日期 ahead), `expired` and `withdrawn` are derived from the dates and never stored.
enum class Status
{
  draft,
  reviewing,
  approved,
  scheduled,
  pending,
  published,
  amended,
  repealed,
  expired,
  invalidated,
  withdrawn
};

// Stable English key (`published`), for JSON, CSV and flags.
std::string_view status_key(Status status);
// Chinese label for people (现行有效).
std::string_view status_label(Status status);
// Accepts the key or the Chinese label; nothing when neither matches.
std::optional<Status> parse_status(std::string_view text);
// Every status with its key and label, for the CLI's choices.
util::NamedTable<Status> statuses();

struct Document
{
  std::int64_t id = 0;
  std::optional<std::string> reg_no;
  std::optional<std::string> doc_no;
  std::string title;
  std::string issuer;
  std::optional<std::string> drafting_unit;
  std::string kind = "normative";
  bool concerns_business = false;
  bool trial = false;
  Status recorded_status = Status::draft; // as stored: never `expired`
  std::optional<std::string> validity;    // requested period, e.g. "5y"
  std::optional<util::Date> drafted;
  std::optional<util::Date> published;
  std::optional<util::Date> effective;
  std::optional<util::Date> expires; // last day in force
  std::optional<util::Date> repealed;
  std::optional<std::string> repeal_reason;
  std::optional<util::Date> amended;
  std::optional<util::Date> invalidated;
  std::optional<util::Date> withdrawn; // drafting ended without publication (撤回/终止起草)
  std::optional<std::int64_t> amends;
  std::optional<std::int64_t> superseded_by;
  std::optional<std::string> index_no;
  std::optional<std::string> subject;
  std::optional<std::string> text_sha256;
  std::optional<std::string> text_source;
  std::string created_at;
  std::string updated_at;

  // The status on `as_of`, derived from the recorded dates: before its publication date a
  // published document is `scheduled`, before its effective date `pending`; one whose last
  // day in force has passed is `expired` (自动失效); one repealed, amended or invalidated
  // after `as_of` was still published then.
  Status status_on(const util::Date& as_of) const;
  // Published, effective and not yet ended on `as_of`.
  bool in_force_on(const util::Date& as_of) const;
  // Repealed, amended, declared void or withdrawn on or before `as_of`: nothing about it is due
  // any more.
  bool ended_on(const util::Date& as_of) const;
};

// Whether `title` names a trial document (暂行/试行 by default).
bool is_trial_title(std::string_view title, const std::vector<std::string>& markers);

// Last day in force for a document effective on `effective` with a validity of `validity`:
// the period includes the effective day, so "自2024年1月1日起施行，有效期5年" ends on
// 2028-12-31, as offices write it.
util::Date expiry_for(const util::Date& effective, const util::Duration& validity);

} // namespace normdoc::registry
