// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc {

// What an officer can do about a refusal or a reminder, named by action and fields: the library
// names the command (`action_command`), the CLI says the command line with its options and
// quoting (cli/remedy.cpp). A new action is one entry here and one in remedy.cpp's table.
enum class Action
{
  same, // the command that was refused, again with the remedy's fields
  add,
  acknowledge,
  backup,
  cleanup_open,
  cleanup_status,
  doctor,
  evaluate,
  file,
  filing_corrected,
  filing_result,
  init,
  list,
  record,
  review_answer,
  review_conclude,
  review_dismiss,
  review_list,
  review_show,
  review_start,
  show,
};

struct Remedy
{
  Action action = Action::same;
  std::vector<std::string> arguments{};                      // as they are written (R3, 编号)
  std::vector<std::pair<std::string, std::string>> fields{}; // a field and its value, if any
};

// The command an action is, as the officer types it after `normdoc` ("review answer"); empty
// for Action::same. Also the action's stored key.
std::string_view action_command(Action action);

// A field's value that the officer writes in (a reason, a note, an opinion): said as '…'.
inline constexpr char k_placeholder[] = "…";

// A remedy as stored text (the reminder cache keeps the step that clears each reminder) and
// back; `decode_remedy` throws DataError on text `encode_remedy` did not write.
std::string encode_remedy(const Remedy& remedy);
Remedy decode_remedy(std::string_view text);

// Where a hint's text says a remedy; the i-th mark stands for the i-th remedy.
inline constexpr std::string_view k_remedy_mark = "⟨remedy⟩";

// A remedy printed on a second line under an error: text, and the remedies its marks stand for.
struct Hint
{
  Hint() = default;
  Hint(std::string words) : text(std::move(words)) {} // a hint without a remedy
  Hint(const char* words) : text(words) {}
  Hint(std::string words, std::vector<Remedy> said) : text(std::move(words)), remedies(std::move(said)) {}

  std::string text;
  std::vector<Remedy> remedies{};
};

} // namespace normdoc
