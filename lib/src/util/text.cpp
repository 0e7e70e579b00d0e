// SPDX-License-Identifier: MIT
#include <normdoc/util/text.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace normdoc::util {

namespace {

constexpr char32_t k_replacement = 0xFFFD;

// Decodes one code point at `pos` and advances it; returns nothing on malformed input
// (overlong forms, surrogates and values above U+10FFFF included).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos)
{
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
    minimum = 0x10000;
  } else {
    return std::nullopt;
  }
  if (pos + length > text.size()) {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      return std::nullopt;
    }
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return std::nullopt;
  }
  pos += length;
  return value;
}

bool is_space(char32_t c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x3000 || c == 0x00A0;
}

bool is_wide(char32_t c)
{
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_combining(char32_t c)
{
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F);
}

} // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text)
{
  // Runs over every byte screened: a validating loop without decoding (RFC 3629 table 3-7),
  // with fast paths for what documents are made of: eight ASCII bytes at a time, and runs of
  // three-byte characters whose lead (E1–EC, EE–EF) allows any continuation byte (all of CJK,
  // the full-width forms and the CJK punctuation), two at a time from one eight-byte word.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t pos = 0;
  while (pos < size) {
    if (pos + 8 <= size) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes + pos, sizeof word);
      if constexpr (std::endian::native == std::endian::little) {
        if ((word & 0x8080808080808080U) == 0) {
          pos += 8;
          continue;
        }
        // Bytes 0 and 3 are leads E0–EF, bytes 1, 2, 4 and 5 continuation bytes, and neither
        // lead is E0 or ED (low nibble 0 or D: bits of 0x2001).
        const bool shaped = (word & 0x0000C0C0F0C0C0F0U) == 0x00008080E08080E0U;
        const auto first = static_cast<unsigned>(word & 0x0F);
        const auto second = static_cast<unsigned>(word >> 24 & 0x0F);
        if (shaped && ((0x2001U >> first | 0x2001U >> second) & 1U) == 0) {
          pos += 6;
          continue;
        }
      } else if ((word & 0x8080808080808080U) == 0) {
        pos += 8;
        continue;
      }
    }
    while (pos + 3 <= size) {
      const unsigned lead = bytes[pos];
      const bool plain_lead = lead - 0xE1U <= 0xEFU - 0xE1U && lead != 0xED;
      const bool continued = ((bytes[pos + 1] ^ 0x80U) | (bytes[pos + 2] ^ 0x80U)) < 0x40U;
      if (!(plain_lead && continued)) {
        break;
      }
      pos += 3;
    }
    if (pos >= size) {
      break;
    }
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80;
      high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return pos;
    }
    if (pos + length > size || bytes[pos + 1] < low || bytes[pos + 1] > high) {
      return pos;
    }
    for (std::size_t i = 2; i < length; ++i) {
      if ((bytes[pos + i] & 0xC0) != 0x80) {
        return pos;
      }
    }
    pos += length;
  }
  return std::nullopt;
}

std::vector<std::size_t> line_aligned_cuts(std::string_view text, std::size_t parts)
{
  std::vector<std::size_t> cuts{0};
  for (std::size_t p = 1; p < parts; ++p) {
    const std::size_t target = std::max(cuts.back(), text.size() / parts * p);
    if (target == 0 || target >= text.size() || text[target - 1] == '\n') {
      cuts.push_back(std::min(target, text.size()));
      continue;
    }
    const std::size_t line_break = text.find('\n', target);
    cuts.push_back(line_break == std::string_view::npos ? text.size() : line_break + 1);
  }
  cuts.push_back(text.size());
  return cuts;
}

std::size_t utf8_sequence_length(unsigned char lead)
{
  if (lead >= 0xF0) {
    return 4;
  }
  if (lead >= 0xE0) {
    return 3;
  }
  return lead >= 0xC0 ? 2 : 1;
}

std::u32string decode_utf8(std::string_view text)
{
  std::u32string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (auto c = next_code_point(text, pos)) {
      out.push_back(*c);
    } else {
      out.push_back(k_replacement);
      ++pos;
    }
  }
  return out;
}

std::size_t code_point_count(std::string_view text)
{
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++count) {
    if (!next_code_point(text, pos)) {
      ++pos;
    }
  }
  return count;
}

void append_utf8(std::string& out, char32_t c)
{
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string normalize_width(std::string_view text)
{
  // Byte-level, because it runs on every line screened: U+FF01–U+FF5E are EF BC 81 – EF BD 9E
  // and map to 0x21–0x7E; U+3000 is E3 80 80. Everything else is copied as it is.
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0xEF && i + 2 < text.size()) {
      const auto second = static_cast<unsigned char>(text[i + 1]);
      const auto third = static_cast<unsigned char>(text[i + 2]);
      const char32_t code_point = 0xF000 | ((second & 0x3F) << 6) | (third & 0x3F);
      if ((second == 0xBC || second == 0xBD) && (third & 0xC0) == 0x80 && code_point >= 0xFF01 &&
          code_point <= 0xFF5E) {
        out[length++] = static_cast<char>(code_point - 0xFEE0);
        i += 2;
        continue;
      }
    } else if (byte == 0xE3 && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\x80') {
      out[length++] = ' ';
      i += 2;
      continue;
    }
    out[length++] = text[i];
  }
  out.resize(length);
  return out;
}

std::string remove_spaces(std::string_view text)
{
  // Decoded in place rather than through decode_utf8: every imported text goes through here,
  // and the UTF-32 copy cost as much as the work.
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = next_code_point(text, pos);
    if (!c) {
      append_utf8(out, k_replacement);
      ++pos;
    } else if (!is_space(*c)) {
      append_utf8(out, *c);
    }
  }
  return out;
}

std::string_view trim(std::string_view text)
{
  constexpr std::string_view k_blank = " \t\r\n\v\f";
  const auto first = text.find_first_not_of(k_blank);
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(k_blank);
  return text.substr(first, last - first + 1);
}

int display_width(std::string_view text)
{
  int width = 0;
  for (char32_t c : decode_utf8(text)) {
    if (is_combining(c)) {
      continue;
    }
    width += is_wide(c) ? 2 : 1;
  }
  return width;
}

std::vector<std::string> split(std::string_view text, char separator)
{
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

} // namespace normdoc::util

namespace normdoc::util {

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates)
{
  const std::u32string target = decode_utf8(word);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const std::u32string other = decode_utf8(candidate);
    // Edit distance counting a swap of two neighbours as one edit (optimal string alignment):
    // `lsit` is one slip from `list`, not two.
    std::vector<std::vector<std::size_t>> d(target.size() + 1, std::vector<std::size_t>(other.size() + 1));
    for (std::size_t i = 0; i <= target.size(); ++i) {
      d[i][0] = i;
    }
    for (std::size_t j = 0; j <= other.size(); ++j) {
      d[0][j] = j;
    }
    for (std::size_t i = 1; i <= target.size(); ++i) {
      for (std::size_t j = 1; j <= other.size(); ++j) {
        const std::size_t cost = target[i - 1] == other[j - 1] ? 0 : 1;
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && target[i - 1] == other[j - 2] && target[i - 2] == other[j - 1]) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    const std::size_t distance = d[target.size()][other.size()];
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // Beyond a third of the word it is a different word, not a typo.
  if (best && best_distance <= std::max<std::size_t>(1, target.size() / 3)) {
    return best;
  }
  return std::nullopt;
}

} // namespace normdoc::util
