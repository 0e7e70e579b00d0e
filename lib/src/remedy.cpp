// SPDX-License-Identifier: MIT
#include <normdoc/error.hpp>
#include <normdoc/remedy.hpp>
#include <normdoc/util/json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace normdoc {

namespace {

constexpr std::array<std::pair<Action, std::string_view>, 21> k_commands{{
  {Action::same, ""},
  {Action::add, "add"},
  {Action::acknowledge, "acknowledge"},
  {Action::backup, "backup"},
  {Action::cleanup_open, "cleanup open"},
  {Action::cleanup_status, "cleanup status"},
  {Action::doctor, "doctor"},
  {Action::evaluate, "evaluate"},
  {Action::file, "file"},
  {Action::filing_corrected, "filing corrected"},
  {Action::filing_result, "filing result"},
  {Action::init, "init"},
  {Action::list, "list"},
  {Action::record, "record"},
  {Action::review_answer, "review answer"},
  {Action::review_conclude, "review conclude"},
  {Action::review_dismiss, "review dismiss"},
  {Action::review_list, "review list"},
  {Action::review_show, "review show"},
  {Action::review_start, "review start"},
  {Action::show, "show"},
}};

// The reminder cache is computed from the records: recomputing it mends it.
Hint recompute_hint()
{
  return Hint(std::string("用 ") + std::string(k_remedy_mark) + " 重新计算提醒", {{Action::doctor, {}, {{"fix", ""}}}});
}

} // namespace

std::string_view action_command(Action action)
{
  const auto entry =
    std::find_if(k_commands.begin(), k_commands.end(), [&](const auto& known) { return known.first == action; });
  return entry == k_commands.end() ? std::string_view() : entry->second;
}

std::string encode_remedy(const Remedy& remedy)
{
  util::JsonWriter json;
  json.begin_object().member("action", action_command(remedy.action)).key("arguments").begin_array();
  for (const auto& argument : remedy.arguments) {
    json.value(argument);
  }
  json.end_array().key("fields").begin_array();
  for (const auto& [field, value] : remedy.fields) {
    json.begin_array().value(field).value(value).end_array();
  }
  json.end_array().end_object();
  return json.str();
}

Remedy decode_remedy(std::string_view text)
{
  try {
    const auto stored = nlohmann::json::parse(text);
    const auto command = stored.at("action").get<std::string>();
    const auto entry =
      std::find_if(k_commands.begin(), k_commands.end(), [&](const auto& known) { return known.second == command; });
    if (entry == k_commands.end()) {
      throw DataError("保存的操作步骤无法识别：" + command, {}, recompute_hint());
    }
    Remedy remedy{entry->first};
    remedy.arguments = stored.at("arguments").get<std::vector<std::string>>();
    for (const auto& field : stored.at("fields")) {
      remedy.fields.emplace_back(field.at(0).get<std::string>(), field.at(1).get<std::string>());
    }
    return remedy;
  } catch (const nlohmann::json::exception&) {
    throw DataError("保存的操作步骤已损坏", {}, recompute_hint());
  }
}

} // namespace normdoc
