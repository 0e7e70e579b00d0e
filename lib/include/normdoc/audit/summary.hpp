// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/audit/event_log.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::audit {

// An event's payload said in one Chinese line for people (`log`'s 内容 column): each field
// with its Chinese name, codes with their labels (keep → 继续有效, passed → 通过), nulls
// left out, hashes shortened; the review it names is labelled `review_word` (review_words).
// The JSON itself stays what `log --format json` shows.
std::string summarize(std::string_view kind, std::string_view payload, std::string_view review_word = "审查");

// What the review each of `events` is about is called (review::review_word: 审核 or 审查; 审查
// for events not about a review), so that `log` names a legality review's steps 开始审核 etc.
// review-start names its checklist; review-answer, -dismiss and -conclude name the review,
// started earlier in the same list (a document's log holds its reviews whole; 审查 when the
// start is not there); outdate-review names the voided procedure step's kind.
std::vector<std::string_view> review_words(const std::vector<Event>& events);

} // namespace normdoc::audit
