// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc {

// What an officer can do about a refusal, named by action and fields: the library does not
// know the command line. The CLI says a remedy as its command and options (cli/remedy.cpp).
enum class Action
{
  same, // the command that was refused, again with the remedy's fields
  add,
  acknowledge,
  backup,
  cleanup_open,
  cleanup_status,
  doctor,
  file,
  init,
  list,
  review_answer,
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
