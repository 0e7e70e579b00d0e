// SPDX-License-Identifier: MIT
#include <normdoc/registry/document.hpp>

#include <normdoc/util/named.hpp>

#include <array>

namespace normdoc::registry {

namespace {

constexpr std::array<util::Named<Status>, 11> k_status_names{{
  {Status::draft, "draft", "起草中"},
  {Status::reviewing, "reviewing", "审核中"},
  {Status::approved, "approved", "已审议"},
  {Status::scheduled, "scheduled", "已登记待公布"},
  {Status::pending, "pending", "已公布待施行"},
  {Status::published, "published", "现行有效"},
  {Status::amended, "amended", "已修改"},
  {Status::repealed, "repealed", "已废止"},
  {Status::expired, "expired", "已失效"},
  {Status::invalidated, "invalidated", "宣布失效"},
  {Status::withdrawn, "withdrawn", "已撤回"},
}};

bool reached(const std::optional<util::Date>& date, const util::Date& as_of)
{
  return date && *date <= as_of;
}

} // namespace

std::string_view status_key(Status status)
{
  return util::named(k_status_names, status).key;
}

std::string_view status_label(Status status)
{
  return util::named(k_status_names, status).label;
}

std::optional<Status> parse_status(std::string_view text)
{
  return util::parse_named(k_status_names, text);
}

util::NamedTable<Status> statuses()
{
  return k_status_names;
}

Status Document::status_on(const util::Date& as_of) const
{
  if (!published) {
    return reached(withdrawn, as_of) ? Status::withdrawn : recorded_status;
  }
  // Registered and numbered (统一登记、统一编号, 国办发〔2018〕37号 (八)) but not yet issued: a
  // publication recorded ahead of its date.
  if (!reached(published, as_of)) {
    return Status::scheduled;
  }
  if (reached(repealed, as_of)) {
    return Status::repealed;
  }
  if (reached(invalidated, as_of)) {
    return Status::invalidated;
  }
  if (reached(amended, as_of)) {
    return Status::amended;
  }
  // Published but its 施行日期 not reached: not yet a basis for administration.
  if (effective && as_of < *effective) {
    return Status::pending;
  }
  if (expires && *expires < as_of) {
    return Status::expired;
  }
  return Status::published;
}

bool Document::in_force_on(const util::Date& as_of) const
{
  return status_on(as_of) == Status::published;
}

bool Document::ended_on(const util::Date& as_of) const
{
  const Status status = status_on(as_of);
  return status == Status::repealed || status == Status::amended || status == Status::invalidated ||
         status == Status::withdrawn;
}

bool is_trial_title(std::string_view title, const std::vector<std::string>& markers)
{
  for (const auto& marker : markers) {
    if (!marker.empty() && title.find(marker) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

util::Date expiry_for(const util::Date& effective, const util::Duration& validity)
{
  return validity.after(effective).add_days(-1);
}

} // namespace normdoc::registry
