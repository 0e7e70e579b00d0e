// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::util {

// Position of the first byte that is not well-formed UTF-8, or nothing when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// `parts` + 1 offsets that cut `text` into `parts` stretches of about equal size, each cut at the
// start of a line (just after a '\n'): 0 first, text.size() last, never decreasing. A stretch is
// empty when a line is longer than the stretch before it would have been.
std::vector<std::size_t> line_aligned_cuts(std::string_view text, std::size_t parts);

// Code points of valid UTF-8 `text`; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view text);
// decode_utf8(text).size(), without the copy.
std::size_t code_point_count(std::string_view text);
void append_utf8(std::string& out, char32_t code_point);
// Bytes of the UTF-8 sequence that starts with `lead` (1 for ASCII and stray bytes), for
// cutting text between characters.
std::size_t utf8_sequence_length(unsigned char lead);

// Full-width ASCII forms (Ａ１，) become half-width and the ideographic space a plain space,
// so that what a drafter typed on a Chinese keyboard compares equal to its ASCII twin.
std::string normalize_width(std::string_view text);

// `text` without any ASCII or ideographic whitespace.
std::string remove_spaces(std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// Terminal columns taken by `text`: East Asian wide and full-width characters count two,
// combining marks zero, everything else one.
int display_width(std::string_view text);

// `text` split at `separator`; empty pieces are kept.
std::vector<std::string> split(std::string_view text, char separator);

} // namespace normdoc::util

namespace normdoc::util {

// The candidate nearest to `word` by edit distance, when it is close enough to be a likely
// typo ("did you mean …").
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace normdoc::util
