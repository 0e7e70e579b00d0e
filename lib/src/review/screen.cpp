// SPDX-License-Identifier: MIT
#include <normdoc/review/screen.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <regex>

namespace normdoc::review {

namespace {

constexpr int k_excerpt_context = 16; // characters either side of a hit
// Set on a transition whose target state ends at least one pattern, so that the scan looks at
// the output lists only there.
constexpr std::int32_t k_has_output = 0x40000000;

bool is_continuation(char byte)
{
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// `text` with its printable ASCII written in full-width forms (！ to ～), the way a drafter on
// a Chinese keyboard may type the same phrase.
std::string full_width(std::string_view text)
{
  std::string out;
  for (const char ch : text) {
    if (ch >= 0x21 && ch <= 0x7E) {
      util::append_utf8(out, static_cast<char32_t>(ch) + 0xFEE0);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// For every byte offset of `line`, the (0-based) character it belongs to; for the end offset,
// the number of characters. A hit [begin, end) covers characters [index[begin], index[end]).
std::vector<int> char_index(std::string_view line)
{
  std::vector<int> index(line.size() + 1);
  int chars = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!is_continuation(line[i])) {
      ++chars;
    }
    index[i] = chars - 1;
  }
  index[line.size()] = chars;
  return index;
}

// Sentence number of every character: 。；！？ and their ASCII forms end a sentence.
std::vector<int> sentence_index(std::string_view line, const std::vector<int>& chars)
{
  std::vector<int> sentence(static_cast<std::size_t>(chars.back()) + 1, 0);
  int current = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (is_continuation(line[i])) {
      continue;
    }
    sentence[static_cast<std::size_t>(chars[i])] = current;
    const std::string_view here = line.substr(i, 3);
    const bool ends = line[i] == ';' || line[i] == '!' || line[i] == '?' || here == "。" || here == "；"
                      || here == "！" || here == "？";
    if (ends) {
      ++current;
    }
  }
  sentence.back() = current;
  return sentence;
}

// The hit's characters and `k_excerpt_context` either side, with … where the line is cut.
std::string excerpt(std::string_view line, const std::vector<int>& chars, std::size_t begin, std::size_t end)
{
  const int first = std::max(0, chars[begin] - k_excerpt_context);
  const int last = std::min(chars.back(), chars[end] + k_excerpt_context);
  std::size_t from = 0;
  while (from < line.size() && (is_continuation(line[from]) || chars[from] < first)) {
    ++from;
  }
  std::size_t to = from;
  while (to < line.size() && (is_continuation(line[to]) || chars[to] < last)) {
    ++to;
  }
  std::string text(util::trim(line.substr(from, to - from)));
  return (first > 0 ? "…" : "") + text + (last < chars.back() ? "…" : "");
}


} // namespace

Screener::Screener(const std::vector<const Checklist*>& checklists)
{
  std::map<std::string, std::uint32_t> known;
  for (const Checklist* checklist : checklists) {
    for (const Item& item : checklist->items) {
      for (const Rule& rule : item.rules) {
        const auto rule_index = static_cast<std::uint32_t>(m_rules.size());
        m_rules.push_back(RuleRef{checklist, &item, &rule});
        // Phrases are stored half-width; a full-width twin of any phrase with ASCII in it goes
        // into the automaton too, so lines are matched as written, without folding each one.
        const auto use = [&](const std::vector<std::string>& phrases, Role role) {
          for (const auto& phrase : phrases) {
            std::vector<std::string> forms{phrase};
            if (std::string wide = full_width(phrase); wide != phrase) {
              forms.push_back(std::move(wide));
            }
            for (const auto& form : forms) {
              auto [it, inserted] = known.try_emplace(form, 0);
              if (inserted) {
                it->second = add_pattern(form);
              }
              m_uses[it->second].push_back(Use{rule_index, role});
            }
          }
        };
        use(rule.phrases, rule.regex.empty() ? Role::primary : Role::anchor);
        use(rule.near, Role::near);
        use(rule.unless, Role::unless);
        if (!rule.regex.empty()) {
          // std::regex works on bytes: rules use literal CJK sequences, not character classes.
          m_regex_rules.push_back(rule_index);
          m_regexes.emplace_back(rule.regex, std::regex::ECMAScript | std::regex::optimize);
        }
      }
    }
  }
  build();
}

std::uint32_t Screener::add_pattern(const std::string& text)
{
  m_patterns.push_back(text);
  m_uses.emplace_back();
  return static_cast<std::uint32_t>(m_patterns.size() - 1);
}

void Screener::build()
{
  m_next.assign(1, {});
  m_next[0].fill(-1);
  m_output.assign(1, {});
  for (std::uint32_t p = 0; p < m_patterns.size(); ++p) {
    std::int32_t state = 0;
    for (const char ch : m_patterns[p]) {
      const auto byte = static_cast<unsigned char>(ch);
      if (m_next[static_cast<std::size_t>(state)][byte] < 0) {
        m_next[static_cast<std::size_t>(state)][byte] = static_cast<std::int32_t>(m_next.size());
        m_next.emplace_back();
        m_next.back().fill(-1);
        m_output.emplace_back();
      }
      state = m_next[static_cast<std::size_t>(state)][byte];
    }
    m_output[static_cast<std::size_t>(state)].push_back(p);
  }
  // Breadth-first: fold each state's failure link into its missing transitions, so that the
  // scan is one table look-up per byte.
  std::vector<std::int32_t> fail(m_next.size(), 0);
  std::deque<std::int32_t> queue;
  for (auto& target : m_next[0]) {
    if (target < 0) {
      target = 0;
    } else {
      queue.push_back(target);
    }
  }
  while (!queue.empty()) {
    const std::int32_t state = queue.front();
    queue.pop_front();
    const auto s = static_cast<std::size_t>(state);
    const auto& inherited = m_output[static_cast<std::size_t>(fail[s])];
    m_output[s].insert(m_output[s].end(), inherited.begin(), inherited.end());
    for (std::size_t byte = 0; byte < 256; ++byte) {
      const std::int32_t target = m_next[s][byte];
      if (target < 0) {
        m_next[s][byte] = m_next[static_cast<std::size_t>(fail[s])][byte];
      } else {
        fail[static_cast<std::size_t>(target)] = m_next[static_cast<std::size_t>(fail[s])][byte];
        queue.push_back(target);
      }
    }
  }
  // Breadth-first order guarantees every output list is complete before it is flagged here.
  for (auto& row : m_next) {
    for (auto& target : row) {
      if (!m_output[static_cast<std::size_t>(target)].empty()) {
        target |= k_has_output;
      }
    }
  }
}

void Screener::screen_line(std::string_view line, int line_number, const std::string& file,
                           std::vector<Finding>& out) const
{
  std::vector<Hit> hits;
  std::int32_t state = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    state = m_next[static_cast<std::size_t>(state)][static_cast<unsigned char>(line[i])];
    if ((state & k_has_output) != 0) {
      state &= ~k_has_output;
      for (const std::uint32_t pattern : m_output[static_cast<std::size_t>(state)]) {
        hits.push_back(Hit{pattern, i + 1 - m_patterns[pattern].size(), i + 1});
      }
    }
  }
  if (hits.empty()) {
    return; // every rule needs a phrase on the line, a regex rule its anchor
  }
  // Candidate primary hits per rule, in line order; regex rules add theirs.
  std::map<std::uint32_t, std::vector<std::pair<std::size_t, std::size_t>>> candidates;
  for (const Hit& hit : hits) {
    for (const Use& use : m_uses[hit.pattern]) {
      if (use.role == Role::primary) {
        candidates[use.rule].emplace_back(hit.begin, hit.end);
      }
    }
  }
  for (std::size_t r = 0; r < m_regex_rules.size(); ++r) {
    const std::uint32_t rule_index = m_regex_rules[r];
    const bool anchored = std::any_of(hits.begin(), hits.end(), [&](const Hit& hit) {
      const auto& uses = m_uses[hit.pattern];
      return std::any_of(uses.begin(), uses.end(),
                         [&](const Use& use) { return use.rule == rule_index && use.role == Role::anchor; });
    });
    if (!anchored) {
      continue;
    }
    // Regexes see the folded line (full-width forms as ASCII); folding keeps one character per
    // character, so the match is mapped back to the line by character position.
    const std::string folded = util::normalize_width(line);
    std::cmatch match;
    if (std::regex_search(folded.data(), folded.data() + folded.size(), match, m_regexes[r])) {
      const std::vector<int> folded_chars = char_index(folded);
      const auto folded_begin = static_cast<std::size_t>(match.position(0));
      const int first_char = folded_chars[folded_begin];
      const int last_char = folded_chars[folded_begin + static_cast<std::size_t>(match.length(0))];
      const std::vector<int> line_chars = char_index(line);
      const auto byte_of = [&](int character) {
        return static_cast<std::size_t>(std::lower_bound(line_chars.begin(), line_chars.end() - 1, character) -
                                        line_chars.begin());
      };
      candidates[rule_index].emplace_back(byte_of(first_char), last_char >= line_chars.back() ? line.size()
                                                                                               : byte_of(last_char));
    }
  }
  if (candidates.empty()) {
    return;
  }
  const std::vector<int> chars = char_index(line);
  const std::vector<int> sentence = sentence_index(line, chars);
  const auto has_role = [&](std::uint32_t rule, Role role, const auto& accept) {
    return std::any_of(hits.begin(), hits.end(), [&](const Hit& other) {
      const auto& uses = m_uses[other.pattern];
      return std::any_of(uses.begin(), uses.end(), [&](const Use& use) { return use.rule == rule && use.role == role; })
             && accept(other);
    });
  };
  for (const auto& [rule_index, spans] : candidates) {
    const Rule& rule = *m_rules[rule_index].rule;
    for (const auto& [begin, end] : spans) {
      const int first = chars[begin];
      const int last = chars[end];
      if (!rule.near.empty() && !has_role(rule_index, Role::near, [&](const Hit& other) {
            const int other_first = chars[other.begin];
            const int other_last = chars[other.end];
            const int gap = other_first >= last ? other_first - last : first - other_last;
            return gap <= rule.within;
          })) {
        continue;
      }
      const int own_sentence = sentence[static_cast<std::size_t>(first)];
      if (!rule.unless.empty() && has_role(rule_index, Role::unless, [&](const Hit& other) {
            return sentence[static_cast<std::size_t>(chars[other.begin])] == own_sentence;
          })) {
        continue;
      }
      const RuleRef& ref = m_rules[rule_index];
      out.push_back(Finding{file, line_number, first + 1, rule.id, ref.checklist->id, ref.item->id, ref.item->article,
                            rule.severity, rule.message, excerpt(line, chars, begin, end)});
      break; // one finding per rule and line: the first place is enough to look at
    }
  }
}

Encoding screen_stream(std::istream& in, const std::string& name, const Screener& screener,
                       const std::function<void(const Finding&)>& emit)
{
  Encoding encoding = Encoding::utf8;
  std::string line;
  std::vector<Finding> findings;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) {
      line.erase(0, 3);
    }
    if (util::find_invalid_utf8(line)) {
      auto decoded = util::decode_gb18030(line);
      if (!decoded) {
        throw DataError("既不是 UTF-8 也不是 GB18030/GBK 编码的文本", Location{name, number, 0, {}},
                        "确认这是文本文件；其他编码先用 iconv 转为 UTF-8");
      }
      encoding = Encoding::gb18030;
      line = std::move(*decoded);
    }
    findings.clear();
    screener.screen_line(line, number, name, findings);
    // Findings come out rule by rule; readers expect column order.
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.column < b.column; });
    for (const auto& finding : findings) {
      emit(finding);
    }
  }
  return encoding;
}

Encoding screen_stream(std::istream& in, const std::string& name, const Screener& screener, std::vector<Finding>& out)
{
  return screen_stream(in, name, screener, [&](const Finding& finding) { out.push_back(finding); });
}

std::string_view encoding_key(Encoding encoding)
{
  return encoding == Encoding::utf8 ? "utf-8" : "gb18030";
}

} // namespace normdoc::review
