// SPDX-License-Identifier: MIT
#include <normdoc/review/screen.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/encoding.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>
#include <tuple>
#include <utility>

namespace normdoc::review {

void write_members(util::JsonWriter& json, const Finding& finding, const util::Members& members)
{
  util::MemberWriter out(json, members);
  out.member("file", finding.file)
    .member("line", finding.line)
    .member("column", finding.column)
    .member("rule", finding.rule)
    .member("checklist", finding.checklist)
    .member("item", finding.item)
    .member("article", finding.article)
    .member("severity", severity_key(finding.severity))
    .member("message", finding.message)
    .member("excerpt", finding.excerpt);
  if (!finding.matched.empty()) {
    out.member("matched", finding.matched);
  }
}

namespace {

constexpr int k_excerpt_context = 16; // characters either side of a hit
// Set on a transition whose target state ends at least one pattern, so that the scan looks at
// the output lists only there.
constexpr std::uint16_t k_has_output = 0x8000;

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
void char_index(std::string_view line, std::vector<int>& index)
{
  index.resize(line.size() + 1);
  int chars = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!is_continuation(line[i])) {
      ++chars;
    }
    index[i] = chars - 1;
  }
  index[line.size()] = chars;
}

std::vector<int> char_index(std::string_view line)
{
  std::vector<int> index;
  char_index(line, index);
  return index;
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

struct Screener::Scratch
{
  std::vector<std::size_t> clause_ends;
  std::vector<std::size_t> sentence_ends;
  std::vector<int> chars;
};

// A line and, found on first use, the byte offsets where its clauses and sentences end: most
// lines with a hit have no rule that matches in full, and they never pay for the boundaries.
// The vectors are the thread's, reused from line to line (one Line at a time per thread).
class Screener::Line
{
public:
  Line(std::string_view text, Scratch& scratch) : m_text(text), m_scratch(scratch)
  {
    m_scratch.clause_ends.clear();
    m_scratch.sentence_ends.clear();
  }

  std::string_view text() const { return m_text; }

  // Whether [from, to) crosses the end of a clause (or of a sentence, for Scope::sentence).
  bool crosses(Scope scope, std::size_t from, std::size_t to) const
  {
    if (from >= to) {
      return false;
    }
    find_bounds();
    const auto& ends = scope == Scope::clause ? m_scratch.clause_ends : m_scratch.sentence_ends;
    const auto it = std::lower_bound(ends.begin(), ends.end(), from);
    return it != ends.end() && *it < to;
  }

  // Characters in [from, to).
  int chars(std::size_t from, std::size_t to) const
  {
    int count = 0;
    for (std::size_t i = from; i < to && i < m_text.size(); ++i) {
      count += is_continuation(m_text[i]) ? 0 : 1;
    }
    return count;
  }

  const std::vector<int>& char_index() const
  {
    if (!m_indexed) {
      review::char_index(m_text, m_scratch.chars);
      m_indexed = true;
    }
    return m_scratch.chars;
  }

private:
  // Byte by byte: ASCII ; ! ? , : and the full-width 。；！？，： (E3 80 82, EF BC 9B/81/9F/8C/9A).
  void find_bounds() const
  {
    if (m_found) {
      return;
    }
    m_found = true;
    const auto* bytes = reinterpret_cast<const unsigned char*>(m_text.data());
    const std::size_t size = m_text.size();
    for (std::size_t i = 0; i < size; ++i) {
      const unsigned char ch = bytes[i];
      bool sentence = false;
      bool clause = false;
      if (ch < 0x80) {
        sentence = ch == ';' || ch == '!' || ch == '?';
        clause = ch == ',' || ch == ':';
      } else if (ch == 0xE3 && i + 3 <= size) {
        sentence = bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82;
      } else if (ch == 0xEF && i + 3 <= size && bytes[i + 1] == 0xBC) {
        const unsigned char last = bytes[i + 2];
        sentence = last == 0x9B || last == 0x81 || last == 0x9F;
        clause = last == 0x8C || last == 0x9A;
      }
      if (sentence) {
        m_scratch.sentence_ends.push_back(i);
      }
      if (sentence || clause) {
        m_scratch.clause_ends.push_back(i);
      }
    }
  }

  std::string_view m_text;
  Scratch& m_scratch;
  mutable bool m_found = false;
  mutable bool m_indexed = false;
};

Screener::Screener(const std::vector<const Checklist*>& checklists, ScreenOptions options)
    : m_options(std::move(options))
{
  for (auto& name : m_options.local_names) {
    name = util::normalize_width(util::trim(name));
  }
  std::erase_if(m_options.local_names, [](const std::string& name) { return name.empty(); });
  for (std::size_t c = 0; c < checklists.size(); ++c) {
    const Checklist* checklist = checklists[c];
    const auto bit = static_cast<std::uint8_t>(1U << std::min<std::size_t>(c, 7));
    // Words with a role for every rule of the checklist, marked per pattern.
    const auto mark = [&](const char* name, std::vector<std::uint8_t>& marks) {
      if (const auto found = checklist->classes.find(name); found != checklist->classes.end()) {
        for (const auto& word : found->second) {
          for (const auto& form : {word, full_width(word)}) {
            const std::uint32_t p = pattern(form);
            marks[p] |= bit;
          }
        }
      }
    };
    mark("prohibition", m_prohibits);
    mark("negated_restating", m_negated);
    for (const Item& item : checklist->items) {
      for (const Rule& rule : item.rules) {
        const auto rule_index = static_cast<std::uint32_t>(m_rules.size());
        m_rules.push_back(RuleRef{checklist, &item, &rule, bit});
        m_complete.push_back(static_cast<std::uint8_t>((1U << rule.sequence.size()) - 1));
        use(rule.phrases, rule_index, rule.regex.empty() ? Role::primary : Role::anchor);
        use(rule.near, rule_index, Role::near);
        use(rule.unless, rule_index, Role::unless);
        for (std::size_t e = 0; e < rule.sequence.size(); ++e) {
          const Element& element = rule.sequence[e];
          use(element.words, rule_index, Role::element, static_cast<std::uint16_t>(e));
          if (std::find(element.classes.begin(), element.classes.end(), "local") != element.classes.end()) {
            use(m_options.local_names, rule_index, Role::element, static_cast<std::uint16_t>(e));
          }
          if (std::find(element.classes.begin(), element.classes.end(), k_place_class) != element.classes.end()) {
            if (m_place_rules.empty() || m_place_rules.back().first != rule_index) {
              m_place_rules.emplace_back(rule_index, 0);
            }
            m_place_rules.back().second |= static_cast<std::uint8_t>(1U << e);
          }
        }
        if (!rule.regex.empty()) {
          // std::regex works on bytes: rules use literal CJK sequences, not character classes.
          m_regex_rules.push_back(rule_index);
          m_regexes.emplace_back(rule.regex, std::regex::ECMAScript | std::regex::optimize);
        }
      }
    }
  }
  if (!m_place_rules.empty()) {
    m_place_pattern = pattern(std::string(k_place_word));
  }
  build();
}

// Words are stored half-width; a full-width twin of any word with ASCII in it goes into the
// automaton too, so lines are matched as written, without folding each one.
void Screener::use(const std::vector<std::string>& words, std::uint32_t rule, Role role, std::uint16_t element)
{
  for (const auto& word : words) {
    std::vector<std::string> forms{word};
    if (std::string wide = full_width(word); wide != word) {
      forms.push_back(std::move(wide));
    }
    for (const auto& form : forms) {
      m_uses[pattern(form)].push_back(Use{rule, role, element});
    }
  }
}

std::uint32_t Screener::pattern(const std::string& text)
{
  auto [it, inserted] = m_known.try_emplace(text, 0);
  if (inserted) {
    it->second = static_cast<std::uint32_t>(m_patterns.size());
    m_patterns.push_back(text);
    m_uses.emplace_back();
    m_prohibits.push_back(0);
    m_negated.push_back(0);
  }
  return it->second;
}

void Screener::build()
{
  // Bytes that occur in no pattern all lead back to the root: they share one column, so the
  // table has a column per distinct pattern byte (about 100 for CJK text) instead of 256, and
  // stays small enough for the cache.
  // A word with a line break in it can never occur within a line; left out, the break leads
  // back to the root from every state, so that a walk can run over many lines at once.
  const auto fits_a_line = [](const std::string& text) { return text.find('\n') == std::string::npos; };
  m_byte_class.fill(0);
  m_alphabet = 1;
  for (const auto& text : m_patterns) {
    if (!fits_a_line(text)) {
      continue;
    }
    for (const char ch : text) {
      auto& column = m_byte_class[static_cast<unsigned char>(ch)];
      if (column == 0) {
        column = static_cast<std::uint16_t>(m_alphabet++);
      }
    }
  }
  // At most one state per pattern byte: reserved, so that the table is not copied as it grows.
  std::size_t most_states = 1;
  for (const auto& text : m_patterns) {
    most_states += text.size();
  }
  std::vector<std::int32_t> next(m_alphabet, -1);
  next.reserve(most_states * m_alphabet);
  const auto at = [&](std::size_t state, std::size_t column) -> std::int32_t& {
    return next[state * m_alphabet + column];
  };
  std::vector<std::vector<std::uint32_t>> output(1); // patterns ending at each state
  for (std::uint32_t p = 0; p < m_patterns.size(); ++p) {
    if (!fits_a_line(m_patterns[p])) {
      continue;
    }
    std::size_t state = 0;
    for (const char ch : m_patterns[p]) {
      const std::size_t column = m_byte_class[static_cast<unsigned char>(ch)];
      if (at(state, column) < 0) {
        at(state, column) = static_cast<std::int32_t>(output.size());
        next.resize(next.size() + m_alphabet, -1);
        output.emplace_back();
      }
      state = static_cast<std::size_t>(at(state, column));
    }
    output[state].push_back(p);
  }
  const std::size_t states = output.size();
  if (states > k_has_output) {
    throw DataError(fmt::format("审查清单的词语太多（自动机{}个状态，上限 {}）", states, k_has_output), Location{});
  }
  // Breadth-first: fold each state's failure link into its missing transitions, so that the
  // scan is one table look-up per byte.
  std::vector<std::size_t> fail(states, 0);
  std::deque<std::size_t> queue;
  for (std::size_t column = 0; column < m_alphabet; ++column) {
    if (at(0, column) < 0) {
      at(0, column) = 0;
    } else {
      queue.push_back(static_cast<std::size_t>(at(0, column)));
    }
  }
  while (!queue.empty()) {
    const std::size_t s = queue.front();
    queue.pop_front();
    const auto& inherited = output[fail[s]];
    output[s].insert(output[s].end(), inherited.begin(), inherited.end());
    for (std::size_t column = 0; column < m_alphabet; ++column) {
      const std::int32_t target = at(s, column);
      if (target < 0) {
        at(s, column) = at(fail[s], column);
      } else {
        fail[static_cast<std::size_t>(target)] = static_cast<std::size_t>(at(fail[s], column));
        queue.push_back(static_cast<std::size_t>(target));
      }
    }
  }
  // Breadth-first order guarantees every output list is complete before it is flagged here.
  m_next.resize(next.size());
  for (std::size_t i = 0; i < next.size(); ++i) {
    const auto target = static_cast<std::uint16_t>(next[i]);
    m_next[i] = output[target].empty() ? target : static_cast<std::uint16_t>(target | k_has_output);
  }
  m_output_first.clear();
  m_output.clear();
  for (const auto& patterns : output) {
    m_output_first.push_back(static_cast<std::uint32_t>(m_output.size()));
    m_output.insert(m_output.end(), patterns.begin(), patterns.end());
  }
  m_output_first.push_back(static_cast<std::uint32_t>(m_output.size()));
  m_length.clear();
  for (const auto& text : m_patterns) {
    m_length.push_back(static_cast<std::uint32_t>(text.size()));
  }
  m_element_first.clear();
  m_element_uses.clear();
  m_primary_first.clear();
  m_primary_uses.clear();
  for (const auto& uses : m_uses) {
    m_element_first.push_back(static_cast<std::uint32_t>(m_element_uses.size()));
    m_primary_first.push_back(static_cast<std::uint32_t>(m_primary_uses.size()));
    for (const Use& u : uses) {
      if (u.role == Role::element) {
        m_element_uses.push_back(ElementUse{u.rule, u.element, static_cast<std::uint16_t>(1U << u.element)});
      }
      if (u.role == Role::primary || u.role == Role::anchor) {
        m_primary_uses.push_back(u);
      }
    }
  }
  m_element_first.push_back(static_cast<std::uint32_t>(m_element_uses.size()));
  m_primary_first.push_back(static_cast<std::uint32_t>(m_primary_uses.size()));
}

// Whether an `unless` word of the rule stands in the same clause or sentence as the match
// [begin, end), or a prohibition word (不得、禁止…) earlier in the same sentence governs it.
bool Screener::suppressed(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, std::size_t begin,
                          std::size_t end) const
{
  const Rule& rule = *ref.rule;
  const auto rule_index = static_cast<std::uint32_t>(&ref - m_rules.data());
  for (const Hit& hit : hits) {
    if (rule.negation && (m_prohibits[hit.pattern] & ref.checklist_bit) != 0 && hit.end <= begin &&
        !line.crosses(Scope::sentence, hit.end, begin)) {
      return true;
    }
    if (rule.unless.empty()) {
      continue;
    }
    const auto& uses = m_uses[hit.pattern];
    const bool unless = std::any_of(uses.begin(), uses.end(),
                                    [&](const Use& u) { return u.rule == rule_index && u.role == Role::unless; });
    if (!unless) {
      continue;
    }
    // "未按规定备案的" describes the breach: a restating word inside a negated one is no basis.
    const bool negated = std::any_of(hits.begin(), hits.end(), [&](const Hit& other) {
      return (m_negated[other.pattern] & ref.checklist_bit) != 0 && other.begin <= hit.begin && hit.end <= other.end;
    });
    if (negated) {
      continue;
    }
    const bool same_unit = hit.end <= begin   ? !line.crosses(rule.unless_scope, hit.end, begin)
                           : hit.begin >= end ? !line.crosses(rule.unless_scope, end, hit.begin)
                                              : true;
    if (same_unit) {
      return true;
    }
  }
  return false;
}

void Screener::emit(const Line& line, const RuleRef& ref, std::size_t begin, std::size_t end, std::string matched,
                    int number, const std::string& file, std::vector<Finding>& out) const
{
  const Rule& rule = *ref.rule;
  const std::vector<int>& chars = line.char_index();
  out.push_back(Finding{file, number, chars[begin] + 1, rule.id, ref.checklist->id, ref.item->id, ref.item->article,
                        rule.severity_for(m_options.issuer_level), rule.message,
                        excerpt(line.text(), chars, begin, end), std::move(matched)});
}

// Grows by doubling and is never cleared to zero: the interleaved walk writes an output at
// every byte and moves on only where one ends a pattern, so it needs room for a whole round
// of bytes checked once, not a capacity check (and its branch) per byte.
class Screener::Outputs
{
public:
  void clear() { m_size = 0; }
  // Room for `extra` more outputs after the last; returns where the next one goes.
  Output* room(std::size_t extra)
  {
    if (m_size + extra > m_capacity) {
      const std::size_t capacity = std::max(m_size + extra, 2 * m_capacity);
      auto data = std::make_unique_for_overwrite<Output[]>(capacity);
      std::copy(m_data.get(), m_data.get() + m_size, data.get());
      m_data = std::move(data);
      m_capacity = capacity;
    }
    return m_data.get() + m_size;
  }
  // The outputs written into room() end before `end`.
  void end_at(const Output* end) { m_size = static_cast<std::size_t>(end - m_data.get()); }
  void push_back(Output output)
  {
    *room(1) = output;
    ++m_size;
  }
  const Output* begin() const { return m_data.get(); }
  const Output* end() const { return m_data.get() + m_size; }

private:
  std::unique_ptr<Output[]> m_data;
  std::size_t m_size = 0;
  std::size_t m_capacity = 0;
};

struct Screener::Walk
{
  static constexpr std::size_t streams = 8;
  std::vector<std::size_t> cuts;      // stretch k is [cuts[k], cuts[k + 1]), whole lines
  std::array<Outputs, streams> found; // each stretch's outputs, in text order
};

namespace {

constexpr std::uint64_t k_state_bits = 0xFFFF; // of an Output

} // namespace

void Screener::add_hits(std::uint32_t state, std::size_t end, std::vector<Hit>& hits) const
{
  for (std::uint32_t o = m_output_first[state]; o < m_output_first[state + 1]; ++o) {
    const std::uint32_t p = m_output[o];
    hits.push_back(Hit{p, end - m_length[p], end});
  }
}

// One stream, from `state`: each step waits for the look-up before it.
void Screener::walk(std::string_view text, std::size_t from, std::size_t to, std::size_t state, Outputs& out) const
{
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = from; i < to; ++i) {
    const std::uint16_t target = m_next[state * m_alphabet + m_byte_class[bytes[i]]];
    state = target & static_cast<std::uint16_t>(~k_has_output);
    if ((target & k_has_output) != 0) {
      out.push_back((static_cast<Output>(i + 1) << 16) | state);
    }
  }
}

// The text cut at line starts (where every walk is at the root) into stretches walked side by
// side, one byte of each per round: the look-ups of different stretches do not depend on each
// other, so the processor overlaps their latencies. Each step writes its output and moves the
// stretch's write position only when the state ends a pattern (no branch to mispredict: most
// bytes of Chinese text end some word, most do not).
void Screener::walk_interleaved(std::string_view text, Walk& out) const
{
  constexpr std::size_t k_streams = Walk::streams;
  constexpr std::size_t k_round = 1024; // bytes per stretch between checks of the room
  out.cuts = util::line_aligned_cuts(text, k_streams);
  const std::vector<std::size_t>& cuts = out.cuts;
  std::size_t common = text.size();
  for (std::size_t k = 0; k < k_streams; ++k) {
    common = std::min(common, cuts[k + 1] - cuts[k]);
    out.found[k].clear();
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::uint16_t* next = m_next.data();
  const std::uint16_t* column = m_byte_class.data();
  const std::size_t alphabet = m_alphabet;
  std::array<const unsigned char*, k_streams> at{};
  for (std::size_t k = 0; k < k_streams; ++k) {
    at[k] = bytes + cuts[k];
  }
  std::array<std::size_t, k_streams> state{};
  std::array<Output*, k_streams> write{};
  // One step of stream K; the fold below writes the round out with constant indices, so that
  // the states stay in registers.
  const auto step = [&](auto k, std::size_t i) {
    const std::uint16_t target = next[state[k] * alphabet + column[at[k][i]]];
    state[k] = target & static_cast<std::uint16_t>(~k_has_output);
    *write[k] = (static_cast<Output>(i + 1) << 16) | state[k];
    write[k] += target >> 15;
  };
  const auto round = [&]<std::size_t... K>(std::size_t i, std::index_sequence<K...>)
  {
    (step(std::integral_constant<std::size_t, K>{}, i), ...);
  };
  for (std::size_t i = 0; i < common;) {
    const std::size_t stop = std::min(common, i + k_round);
    for (std::size_t k = 0; k < k_streams; ++k) {
      write[k] = out.found[k].room(stop - i);
    }
    for (; i < stop; ++i) {
      round(i, std::make_index_sequence<k_streams>{});
    }
    for (std::size_t k = 0; k < k_streams; ++k) {
      out.found[k].end_at(write[k]);
    }
  }
  for (std::size_t k = 0; k < k_streams; ++k) {
    const std::string_view stretch = text.substr(cuts[k], cuts[k + 1] - cuts[k]);
    walk(stretch, common, stretch.size(), state[k], out.found[k]); // the rest of the stretch
  }
}

void Screener::screen_line(std::string_view text, int line_number, const std::string& file,
                           std::vector<Finding>& out) const
{
  // Reused from line to line: most lines have a hit, and a fresh vector each time is a malloc.
  thread_local Outputs outputs;
  thread_local std::vector<Hit> hits;
  outputs.clear();
  hits.clear();
  walk(text, 0, text.size(), 0, outputs);
  for (const Output o : outputs) {
    add_hits(static_cast<std::uint32_t>(o & k_state_bits), static_cast<std::size_t>(o >> 16), hits);
  }
  decide(text, hits, line_number, file, out);
}

void Screener::decide(std::string_view text, const std::vector<Hit>& line_hits, int line_number,
                      const std::string& file, std::vector<Finding>& out) const
{
  thread_local std::vector<Tagged> tagged;
  tagged.clear();
  if (line_hits.empty()) {
    return; // every rule needs a word on the line, a regex rule its anchor
  }
  const std::vector<Hit>* all_hits = &line_hits;
  // Which elements of each sequence rule the line holds: common words (在、企业、奖励) hit on
  // most lines, and a rule missing an element is dropped before any sorting. A word that comes
  // back on the line adds nothing: each pattern is counted once (stamped with the line).
  thread_local std::vector<std::uint8_t> present;
  thread_local std::vector<std::uint32_t> touched;
  thread_local std::vector<std::uint32_t> stamps; // per pattern: the last line it was counted on
  thread_local std::uint32_t stamp = 0;
  // Cleared before resizing: the last line may have been screened by another screener with more
  // rules (fair competition, then legality), whose indices lie past this one's size.
  for (const std::uint32_t r : touched) {
    present[r] = 0;
  }
  touched.clear();
  present.resize(std::max(present.size(), m_rules.size()));
  stamps.resize(std::max(stamps.size(), m_patterns.size()));
  if (++stamp == 0) { // wrapped: no stamp may look current
    std::fill(stamps.begin(), stamps.end(), 0);
    stamp = 1;
  }
  // Through locals: touched.push_back could alias the members' data pointers.
  std::uint8_t* const marks = present.data();
  const std::uint8_t* const full = m_complete.data();
  const ElementUse* const element_uses = m_element_uses.data();
  const std::uint32_t* const element_first = m_element_first.data();
  std::uint32_t* const stamped = stamps.data();
  for (const Hit& hit : line_hits) {
    if (std::exchange(stamped[hit.pattern], stamp) == stamp) {
      continue;
    }
    const ElementUse* const last = element_uses + element_first[hit.pattern + 1];
    for (const ElementUse* u = element_uses + element_first[hit.pattern]; u != last; ++u) {
      const std::uint8_t was = marks[u->rule];
      if (was == 0) {
        touched.push_back(u->rule);
      }
      marks[u->rule] = static_cast<std::uint8_t>(was | u->mask);
    }
  }
  // Place names, only where a {place} rule lacks nothing else: the look-up is a few hash probes
  // at each 省市县区州旗盟 of the line.
  const bool wants_places = std::any_of(m_place_rules.begin(), m_place_rules.end(), [&](const auto& place_rule) {
    return (marks[place_rule.first] | place_rule.second) == full[place_rule.first];
  });
  if (wants_places) {
    thread_local std::vector<Hit> extended;
    extended = line_hits;
    // Names end in a three-byte character: only the ends of those are tried.
    for (std::size_t i = 0; i + 3 <= text.size();) {
      const auto lead = static_cast<unsigned char>(text[i]);
      if ((lead & 0xF0) != 0xE0) {
        ++i;
        continue;
      }
      const std::size_t end = i + 3;
      i = end;
      const std::size_t begin = place_name_before(text, end);
      // A name followed by 域 or 场 is part of a word: 港口区域, 城市场.
      const std::string_view after = text.substr(end, 3);
      if (begin != std::string_view::npos && after != "\u57DF" && after != "\u573A") {
        extended.push_back(Hit{m_place_pattern, begin, end});
      }
    }
    if (extended.size() > line_hits.size()) {
      for (const auto& [rule, mask] : m_place_rules) {
        if (marks[rule] == 0) {
          touched.push_back(rule);
        }
        marks[rule] = static_cast<std::uint8_t>(marks[rule] | mask);
      }
      all_hits = &extended;
    }
  }
  const std::vector<Hit>& hits = *all_hits;
  const bool complete =
    std::any_of(touched.begin(), touched.end(), [&](std::uint32_t rule) { return marks[rule] == full[rule]; });
  // Every hit as each rule uses it, grouped by rule (then element, then place): primaries and
  // anchors always, elements of complete sequences (none, on most lines).
  for (const Hit& hit : hits) {
    const Use* const last = m_primary_uses.data() + m_primary_first[hit.pattern + 1];
    for (const Use* u = m_primary_uses.data() + m_primary_first[hit.pattern]; u != last; ++u) {
      tagged.push_back(Tagged{u->rule, u->role, u->element, hit.begin, hit.end, hit.pattern});
    }
    if (!complete) {
      continue;
    }
    const ElementUse* const end = element_uses + element_first[hit.pattern + 1];
    for (const ElementUse* u = element_uses + element_first[hit.pattern]; u != end; ++u) {
      if (marks[u->rule] == full[u->rule]) {
        tagged.push_back(Tagged{u->rule, Role::element, u->element, hit.begin, hit.end, hit.pattern});
      }
    }
  }
  if (tagged.empty()) {
    return;
  }
  std::sort(tagged.begin(), tagged.end(), [](const Tagged& a, const Tagged& b) {
    return std::tie(a.rule, a.element, a.begin, a.end) < std::tie(b.rule, b.element, b.begin, b.end);
  });
  thread_local Scratch scratch;
  const Line line(text, scratch);
  for (auto group = tagged.begin(); group != tagged.end();) {
    const auto group_end = std::find_if(group, tagged.end(), [&](const Tagged& t) { return t.rule != group->rule; });
    const RuleRef& ref = m_rules[group->rule];
    const Rule& rule = *ref.rule;
    if (!rule.sequence.empty()) {
      match_sequence(line, ref, hits, group, group_end, line_number, file, out);
    } else if (group->role == Role::anchor) {
      match_regex(line, ref, hits, line_number, file, out);
    } else {
      match_phrase(line, ref, hits, group, group_end, line_number, file, out);
    }
    group = group_end;
  }
}

void Screener::match_phrase(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, Iterator first,
                            Iterator last, int number, const std::string& file, std::vector<Finding>& out) const
{
  const Rule& rule = *ref.rule;
  const auto rule_index = static_cast<std::uint32_t>(&ref - m_rules.data());
  for (auto candidate = first; candidate != last; ++candidate) {
    const std::size_t begin = candidate->begin;
    const std::size_t end = candidate->end;
    if (!rule.near.empty()) {
      const bool near = std::any_of(hits.begin(), hits.end(), [&](const Hit& other) {
        const auto& uses = m_uses[other.pattern];
        const bool is_near = std::any_of(uses.begin(), uses.end(),
                                         [&](const Use& u) { return u.rule == rule_index && u.role == Role::near; });
        if (!is_near) {
          return false; // before counting the characters between: most hits are not near words
        }
        const int gap = other.begin >= end   ? line.chars(end, other.begin)
                        : other.end <= begin ? line.chars(other.end, begin)
                                             : 0;
        return gap <= rule.within;
      });
      if (!near) {
        continue;
      }
    }
    if (suppressed(line, ref, hits, begin, end)) {
      continue;
    }
    emit(line, ref, begin, end, m_patterns[candidate->pattern], number, file, out);
    return; // one finding per rule and line: the first place is enough to look at
  }
}

void Screener::match_regex(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, int number,
                           const std::string& file, std::vector<Finding>& out) const
{
  const auto rule_index = static_cast<std::uint32_t>(&ref - m_rules.data());
  const auto r =
    static_cast<std::size_t>(std::find(m_regex_rules.begin(), m_regex_rules.end(), rule_index) - m_regex_rules.begin());
  // Regexes see the folded line (full-width forms as ASCII); folding keeps one character per
  // character, so the match is mapped back to the line by character position.
  const std::string folded = util::normalize_width(line.text());
  std::cmatch match;
  if (!std::regex_search(folded.data(), folded.data() + folded.size(), match, m_regexes[r])) {
    return;
  }
  const std::vector<int> folded_chars = char_index(folded);
  const auto folded_begin = static_cast<std::size_t>(match.position(0));
  const int first_char = folded_chars[folded_begin];
  const int last_char = folded_chars[folded_begin + static_cast<std::size_t>(match.length(0))];
  const std::vector<int>& line_chars = line.char_index();
  const auto byte_of = [&](int character) {
    return static_cast<std::size_t>(std::lower_bound(line_chars.begin(), line_chars.end() - 1, character) -
                                    line_chars.begin());
  };
  const std::size_t begin = byte_of(first_char);
  const std::size_t end = last_char >= line_chars.back() ? line.text().size() : byte_of(last_char);
  if (!suppressed(line, ref, hits, begin, end)) {
    emit(line, ref, begin, end, match.str(0), number, file, out);
  }
}

// The first place where the rule's elements occur in order (or in any order), inside one
// clause or sentence, each within its gap of the one before; then the unless and prohibition
// checks. Elements are tried from each occurrence of the first one, the earliest next
// occurrence each time.
void Screener::match_sequence(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, Iterator first,
                              Iterator last, int number, const std::string& file, std::vector<Finding>& out) const
{
  const Rule& rule = *ref.rule;
  const std::size_t n = rule.sequence.size(); // at most k_max_elements (checked when loaded)
  std::array<std::pair<Iterator, Iterator>, k_max_elements> by_element;
  by_element.fill({last, last});
  for (auto it = first; it != last;) {
    const auto next = std::find_if(it, last, [&](const Tagged& t) { return t.element != it->element; });
    by_element[it->element] = {it, next};
    it = next;
  }
  if (std::any_of(by_element.begin(), by_element.begin() + static_cast<std::ptrdiff_t>(n),
                  [&](const auto& range) { return range.first == range.second; })) {
    return; // an element is missing from the line
  }
  std::array<const Tagged*, k_max_elements> chosen{};
  // The gap is the text between the two elements, whichever comes first (any_order may place the
  // next element before the previous one); overlapping elements have none.
  const auto fits = [&](const Tagged& previous, const Tagged& next, int gap) {
    const Tagged& left = next.begin < previous.begin ? next : previous;
    const Tagged& right = next.begin < previous.begin ? previous : next;
    const int between = right.begin > left.end ? line.chars(left.end, right.begin) : 0;
    return !line.crosses(rule.scope, std::min(previous.begin, next.begin), std::max(previous.end, next.end)) &&
           (gap == 0 || between <= gap);
  };
  for (auto start = by_element[0].first; start != by_element[0].second; ++start) {
    chosen[0] = &*start;
    bool complete = true;
    for (std::size_t e = 1; e < n && complete; ++e) {
      const Tagged& previous = *chosen[e - 1];
      const auto& [from, to] = by_element[e];
      const auto found = std::find_if(from, to, [&](const Tagged& t) {
        const bool placed =
          rule.any_order ? (t.end <= previous.begin || t.begin >= previous.end) : t.begin >= previous.end;
        return placed && fits(previous, t, rule.sequence[e].gap);
      });
      complete = found != to;
      if (complete) {
        chosen[e] = &*found;
      }
    }
    if (!complete) {
      continue;
    }
    std::size_t begin = chosen[0]->begin;
    std::size_t end = chosen[0]->end;
    std::string matched;
    for (std::size_t e = 0; e < n; ++e) {
      const Tagged* part = chosen[e];
      begin = std::min(begin, part->begin);
      end = std::max(end, part->end);
      matched += (matched.empty() ? "" : "…") + m_patterns[part->pattern];
    }
    if (suppressed(line, ref, hits, begin, end)) {
      continue;
    }
    emit(line, ref, begin, end, std::move(matched), number, file, out);
    return;
  }
}

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// Findings come out rule by rule; readers expect column order. Two rules of one item at one
// place say the same thing: the more severe is enough.
void order_line_findings(std::vector<Finding>& findings)
{
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.column < b.column; });
  for (auto it = findings.begin(); it != findings.end();) {
    const auto twin = std::find_if(findings.begin(), findings.end(), [&](const Finding& other) {
      return &other != &*it && other.item == it->item && other.column == it->column &&
             (other.severity > it->severity || (other.severity == it->severity && &other < &*it));
    });
    it = twin != findings.end() ? findings.erase(it) : it + 1;
  }
}

} // namespace

void Screener::screen_lines(std::string_view text, int first_line, const std::string& file, ScreenedLines& out) const
{
  // The thread's buffers and the tables, each looked up once here and not at every output of
  // the loop below (the hit vector it grows could alias a table's pointer).
  thread_local Walk walked_buffers;
  thread_local std::vector<Hit> hit_buffer;
  thread_local std::vector<Finding> finding_buffer;
  Walk& walked = walked_buffers;
  std::vector<Hit>& hits = hit_buffer;
  std::vector<Finding>& line_findings = finding_buffer;
  const std::uint32_t* const output_first = m_output_first.data();
  const std::uint32_t* const output_patterns = m_output.data();
  const std::uint32_t* const lengths = m_length.data();
  int number = first_line;
  try {
    walk_interleaved(text, walked);
    // Lines before the first bad byte are UTF-8 (a line break is never inside a character).
    const std::size_t valid_until = util::find_invalid_utf8(text).value_or(text.size());
    // The stretches' outputs one after the other, in text order: no line crosses a cut.
    std::size_t stretch = 0;
    const Output* output = walked.found[0].begin();
    const Output* stretch_end = walked.found[0].end();
    std::size_t base = 0; // where the stretch starts
    const auto next_stretch = [&] {
      while (output == stretch_end && stretch + 1 < Walk::streams) {
        ++stretch;
        output = walked.found[stretch].begin();
        stretch_end = walked.found[stretch].end();
        base = walked.cuts[stretch];
      }
    };
    for (std::size_t start = 0; start < text.size(); ++number) {
      const std::size_t line_break = text.find('\n', start);
      const std::size_t line_end = line_break == std::string_view::npos ? text.size() : line_break;
      std::size_t begin = start;
      std::size_t end = line_end;
      start = line_break == std::string_view::npos ? text.size() : line_break + 1;
      if (end > begin && text[end - 1] == '\r') {
        --end;
      }
      if (number == 1 && text.substr(begin, end - begin).starts_with(k_bom)) {
        begin += k_bom.size();
      }
      const std::string_view line = text.substr(begin, end - begin);
      // The walk's hits on this line: no word holds a line break, so none crosses one; a hit
      // on a BOM or CR left out of the line is dropped.
      hits.clear();
      for (next_stretch(); output != stretch_end; ++output, next_stretch()) {
        const std::size_t output_end = base + static_cast<std::size_t>(*output >> 16);
        if (output_end > line_end) {
          break;
        }
        const auto state = static_cast<std::size_t>(*output & k_state_bits);
        for (std::uint32_t o = output_first[state]; o < output_first[state + 1]; ++o) {
          const std::uint32_t p = output_patterns[o];
          const std::size_t hit_begin = output_end - lengths[p];
          if (hit_begin >= begin && output_end <= end) {
            hits.push_back(Hit{p, hit_begin - begin, output_end - begin});
          }
        }
      }
      line_findings.clear();
      if (line_end > valid_until && util::find_invalid_utf8(line)) {
        const auto decoded = util::decode_gb18030(line);
        if (!decoded) {
          out.bad_line = number;
          return;
        }
        out.gb18030 = true;
        screen_line(*decoded, number, file, line_findings);
      } else {
        decide(line, hits, number, file, line_findings);
      }
      order_line_findings(line_findings);
      std::move(line_findings.begin(), line_findings.end(), std::back_inserter(out.findings));
    }
  } catch (...) {
    out.error = std::current_exception();
  }
}

namespace {

constexpr std::size_t k_first_read = std::size_t{64} << 10;

// Counted on this thread before the workers start on a block: memchr from break to break (lines
// are tens of bytes and more) instead of a test per byte.
int line_breaks(std::string_view text)
{
  int count = 0;
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  while (at != end) {
    const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
    if (found == nullptr) {
      break;
    }
    at = static_cast<const char*>(found) + 1;
    ++count;
  }
  return count;
}

// Worker threads kept for a whole stream: each screens its part of every large block, so that
// its thread-local buffers are reused from block to block instead of being allocated (and
// faulted in) again by a new thread each time.
class Crew
{
public:
  using Job = std::function<void(std::size_t)>;

  explicit Crew(std::size_t size)
  {
    for (std::size_t w = 0; w < size; ++w) {
      m_workers.emplace_back([this, w] { work(w); });
    }
  }
  Crew(const Crew&) = delete;
  Crew& operator=(const Crew&) = delete;
  ~Crew()
  {
    wait();
    {
      const std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_wake.notify_all();
  } // the workers are joined here (m_workers is destroyed first)

  // Runs job(w) on every worker w, once the last round has finished. The job must not throw.
  void start(Job job)
  {
    wait();
    {
      const std::lock_guard lock(m_mutex);
      m_job = std::move(job);
      m_busy = m_workers.size();
      ++m_round;
    }
    m_wake.notify_all();
  }

  // Until every worker has finished the round.
  void wait()
  {
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
  }

private:
  void work(std::size_t w)
  {
    std::size_t seen = 0;
    std::unique_lock lock(m_mutex);
    while (true) {
      m_wake.wait(lock, [&] { return m_stop || m_round != seen; });
      if (m_stop) {
        return;
      }
      seen = m_round;
      const Job& job = m_job; // not changed before every worker has finished
      lock.unlock();
      job(w);
      lock.lock();
      if (--m_busy == 0) {
        m_done.notify_all();
      }
    }
  }

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_done;
  Job m_job;
  std::size_t m_round = 0;
  std::size_t m_busy = 0;
  bool m_stop = false;
  std::vector<std::jthread> m_workers; // last: started once the rest exists, joined first
};

// The parts' findings to `emit`, in order; then the first failure, if any.
void pass_on(const std::vector<ScreenedLines>& parts, const std::string& name,
             const std::function<void(const Finding&)>& emit, Encoding& encoding)
{
  for (const ScreenedLines& part : parts) {
    for (const Finding& finding : part.findings) {
      emit(finding);
    }
    if (part.gb18030) {
      encoding = Encoding::gb18030;
    }
    if (part.bad_line != 0) {
      throw DataError("既不是 UTF-8 也不是 GB18030/GBK 编码的文本", Location{name, part.bad_line, 0, {}},
                      "确认这是文本文件；其他编码先用 iconv 转为 UTF-8");
    }
    if (part.error) {
      std::rethrow_exception(part.error);
    }
  }
}

} // namespace

// Blocks of whole lines; a large block is cut at line starts into one part per worker. While
// the workers screen a block, this thread passes on the findings of the block before (kept in
// the other of two result sets), so that writing them out overlaps the screening.
Encoding screen_stream(std::istream& in, const std::string& name, const Screener& screener,
                       const std::function<void(const Finding&)>& emit, const StreamTuning& tuning)
{
  const std::size_t threads =
    tuning.threads != 0 ? tuning.threads : std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
  Encoding encoding = Encoding::utf8;
  // Small at first (a short file should not pay for zeroing a whole block), doubled while reads
  // fill it, up to a block (or beyond, for a longer line).
  std::string buffer(std::clamp<std::size_t>(tuning.block, 1, k_first_read), '\0');
  bool was_full = false;
  std::size_t filled = 0;
  int number = 1;
  std::array<std::vector<ScreenedLines>, 2> results;
  std::size_t current = 0;
  bool pending = false; // results[current ^ 1] holds findings not yet passed on
  std::vector<std::string_view> parts;
  std::vector<int> firsts;
  std::optional<Crew> crew; // last: destroyed (a round in flight finished) before what it uses
  for (bool more = true; more;) {
    if (filled == buffer.size() || (was_full && buffer.size() < tuning.block)) {
      buffer.resize(buffer.size() * 2);
    }
    in.read(buffer.data() + filled, static_cast<std::streamsize>(buffer.size() - filled));
    filled += static_cast<std::size_t>(in.gcount());
    more = static_cast<bool>(in);
    was_full = filled == buffer.size();
    // Whole lines only, until the stream ends.
    const std::string_view read(buffer.data(), filled);
    const std::size_t last_break = read.rfind('\n');
    const std::size_t whole = !more ? filled : last_break == std::string_view::npos ? 0 : last_break + 1;
    if (whole == 0) {
      continue;
    }
    const std::string_view block = read.substr(0, whole);
    const std::size_t count = threads > 1 && block.size() >= tuning.parallel_from ? threads : 1;
    const std::vector<std::size_t> cuts = util::line_aligned_cuts(block, count);
    parts.clear();
    firsts.clear();
    for (std::size_t p = 0; p < count; ++p) {
      parts.push_back(block.substr(cuts[p], cuts[p + 1] - cuts[p]));
      firsts.push_back(number);
      number += line_breaks(parts.back());
    }
    if (block.back() != '\n') {
      ++number; // the stream's last line, without a line break
    }
    std::vector<ScreenedLines>& mine = results[current];
    mine.resize(count);
    for (ScreenedLines& part : mine) {
      part.findings.clear();
      part.gb18030 = false;
      part.bad_line = 0;
      part.error = nullptr;
    }
    if (count > 1) {
      if (!crew) {
        crew.emplace(count);
      }
      crew->start([&](std::size_t w) { screener.screen_lines(parts[w], firsts[w], name, mine[w]); });
    } else {
      screener.screen_lines(parts[0], firsts[0], name, mine[0]);
    }
    if (pending) {
      pass_on(results[current ^ 1], name, emit, encoding);
    }
    if (crew) {
      crew->wait();
    }
    pending = true;
    current ^= 1;
    std::memmove(buffer.data(), buffer.data() + whole, filled - whole);
    filled -= whole;
  }
  if (pending) {
    pass_on(results[current ^ 1], name, emit, encoding);
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
