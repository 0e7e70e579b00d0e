// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/review/checklist.hpp>
#include <normdoc/util/json.hpp>

#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::review {

// One place in a text that an automatic rule points at. A hit is a reason to look, not a
// verdict: the reviewer decides.
struct Finding
{
  std::string file;
  int line = 0;
  int column = 0; // in characters, from 1
  std::string rule;
  std::string checklist;
  std::string item;
  std::string article;
  Severity severity = Severity::warning;
  std::string message;
  std::string excerpt;
  std::string matched; // the words that made the rule fire, joined by …
};

// The one serialiser of a finding, as JSON members (see util::Members): file line column rule
// checklist item article severity message excerpt, and matched when there is one.
void write_members(util::JsonWriter& json, const Finding& finding, const util::Members& members = {});

// What a screen knows about the document: the issuer's level (unknown: the strictest, county)
// and the office's own jurisdiction names, which join every {local} element of a sequence
// (an office in 济源 writes "济源市内企业", "在示范区注册").
struct ScreenOptions
{
  IssuerLevel issuer_level = IssuerLevel::county;
  std::vector<std::string> local_names;
};

// The findings of a run of whole lines, in line and column order, and where it stopped.
struct ScreenedLines
{
  std::vector<Finding> findings;
  bool gb18030 = false;     // a line needed decoding from GB18030
  int bad_line = 0;         // the line that is neither UTF-8 nor GB18030 (screening stopped there)
  std::exception_ptr error; // anything else that stopped screening (findings before it are kept)
};

// All rules of the given checklists compiled into one automaton: every literal word of every
// rule (phrases, sequence elements, near, unless, prohibition words) is found in a single pass
// over each line (Aho–Corasick over UTF-8 bytes); rules are then decided from those hits alone.
// Hand-written rather than Hyperscan (Debian's libhyperscan 5.4): on the 68.5 MB benchmark input
// Hyperscan's literal matcher took 212–248 ms to report every match of the 392 benchmark words
// (plus 6–31 ms to compile), the interleaved walk about 120 ms for every pattern of every rule
// (a quarter of check's CPU time, by perf), and it needs no library and no callback per match.
class Screener
{
public:
  explicit Screener(const std::vector<const Checklist*>& checklists, ScreenOptions options = {});

  // Appends the findings of one line of UTF-8 text (full-width forms are folded first).
  void screen_line(std::string_view line, int line_number, const std::string& file, std::vector<Finding>& out) const;

  // Screens `text`, whole lines from the start of line `first_line`, each ended by a line break
  // (the last one may not be), as screen_stream does: a CR before the break and a BOM on line 1
  // are left out, a line that is not UTF-8 is decoded from GB18030, each line's findings come
  // in column order. Never throws: a failure is recorded in `out` with what came before it.
  // The automaton walks several stretches of the text at once (independent look-ups overlap
  // instead of each waiting for the one before).
  void screen_lines(std::string_view text, int first_line, const std::string& file, ScreenedLines& out) const;

  std::size_t pattern_count() const { return m_patterns.size(); }

private:
  struct RuleRef
  {
    const Checklist* checklist;
    const Item* item;
    const Rule* rule;
    std::uint8_t checklist_bit; // in m_prohibits
  };
  enum class Role : std::uint8_t
  {
    primary,
    near,
    unless,
    anchor,
    element
  };
  struct Use
  {
    std::uint32_t rule;
    Role role;
    std::uint16_t element; // sequence position, for Role::element
  };
  struct Hit
  {
    std::uint32_t pattern;
    std::size_t begin; // byte offsets in the line
    std::size_t end;
  };
  struct Tagged // a hit as one rule uses it
  {
    std::uint32_t rule;
    Role role;
    std::uint16_t element;
    std::size_t begin;
    std::size_t end;
    std::uint32_t pattern;
  };
  // The walk reached a state that ends patterns: the byte offset after the last byte (from the
  // start of the stretch walked) shifted left by 16, the state in the low 16 bits.
  using Output = std::uint64_t;
  class Outputs;  // a stretch's outputs, written without a capacity check per byte
  struct Walk;    // the outputs of each stretch of a text walked side by side
  class Line;     // a line with its clause and sentence boundaries
  struct Scratch; // a line's boundaries and character index, reused from line to line
  struct ElementUse
  {
    std::uint32_t rule;
    std::uint16_t element; // sequence position
    std::uint16_t mask;    // 1 << element
  };

  std::uint32_t pattern(const std::string& text);
  void use(const std::vector<std::string>& words, std::uint32_t rule, Role role, std::uint16_t element = 0);
  void build();
  void walk(std::string_view text, std::size_t from, std::size_t to, std::size_t state, Outputs& out) const;
  void walk_interleaved(std::string_view text, Walk& out) const;
  void add_hits(std::uint32_t state, std::size_t end, std::vector<Hit>& hits) const;
  void decide(std::string_view text, const std::vector<Hit>& hits, int line_number, const std::string& file,
              std::vector<Finding>& out) const;
  bool suppressed(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, std::size_t begin,
                  std::size_t end) const;
  using Iterator = std::vector<Tagged>::const_iterator;
  void match_phrase(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, Iterator first, Iterator last,
                    int number, const std::string& file, std::vector<Finding>& out) const;
  void match_regex(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, int number,
                   const std::string& file, std::vector<Finding>& out) const;
  void match_sequence(const Line& line, const RuleRef& ref, const std::vector<Hit>& hits, Iterator first, Iterator last,
                      int number, const std::string& file, std::vector<Finding>& out) const;
  void emit(const Line& line, const RuleRef& ref, std::size_t begin, std::size_t end, std::string matched, int number,
            const std::string& file, std::vector<Finding>& out) const;

  ScreenOptions m_options;
  std::vector<RuleRef> m_rules;
  std::vector<std::uint8_t> m_complete; // per rule: the element mask of a full sequence
  std::vector<std::string> m_patterns;
  std::map<std::string, std::uint32_t> m_known;  // pattern text → index
  std::vector<std::vector<Use>> m_uses;          // per pattern
  std::vector<std::uint8_t> m_prohibits;         // per pattern: checklists whose prohibition word it is
  std::vector<std::uint8_t> m_negated;           // per pattern: checklists whose negated restating word it is
  std::array<std::uint16_t, 256> m_byte_class{}; // byte → column of m_next
  std::size_t m_alphabet = 1;                    // columns
  std::vector<std::uint16_t> m_next;             // state × column → state, failure links folded in;
                                                 // the top bit marks states that end a pattern
  std::vector<std::uint32_t> m_length;           // per pattern: its bytes
  std::vector<std::uint32_t> m_output_first;     // per state and one more: where its patterns start
  std::vector<std::uint32_t> m_output;           // the patterns ending at each state, state after state
  // Per pattern (first index, and one more) what decide() reads for every hit, in one array each
  // instead of a vector per pattern: the sequence elements it stands for, and its primary and
  // anchor uses.
  std::vector<std::uint32_t> m_element_first;
  std::vector<ElementUse> m_element_uses;
  std::vector<std::uint32_t> m_primary_first;
  std::vector<Use> m_primary_uses;
  std::vector<std::uint32_t> m_regex_rules;
  std::vector<std::regex> m_regexes; // parallel to m_regex_rules
  // The {place} class: its one pattern (never in the automaton) and the rules using it, each with
  // the element mask of its {place} elements; names are looked up only for those rules.
  std::uint32_t m_place_pattern = 0;
  std::vector<std::pair<std::uint32_t, std::uint8_t>> m_place_rules;
};

enum class Encoding
{
  utf8,
  gb18030
};
std::string_view encoding_key(Encoding encoding);

// How screen_stream reads: blocks of whole lines; a large block is cut at line breaks into one
// part per thread, and the parts' findings are passed on in order once all are screened.
struct StreamTuning
{
  std::size_t block = std::size_t{4} << 20;         // bytes read at a time (longer when a line is)
  std::size_t parallel_from = std::size_t{1} << 20; // smaller blocks are screened on this thread alone
  unsigned threads = 0;                             // 0: one per core, at most 4
};

// Screens a whole stream line by line, in constant memory (a block of lines at a time): each
// line is decoded from UTF-8, or from GB18030/GBK when it is not valid UTF-8, and its findings
// are passed to `emit` in line and column order, on the calling thread. Returns the encoding
// seen (GB18030 if any line needed it). Throws DataError naming the line when a line is
// neither, after passing on the findings of the lines before it.
Encoding screen_stream(std::istream& in, const std::string& name, const Screener& screener,
                       const std::function<void(const Finding&)>& emit, const StreamTuning& tuning = {});
// The same, collecting the findings.
Encoding screen_stream(std::istream& in, const std::string& name, const Screener& screener, std::vector<Finding>& out);

} // namespace normdoc::review
