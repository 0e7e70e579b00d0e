// SPDX-License-Identifier: MIT
#include <normdoc/search/search.hpp>

#include <normdoc/error.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace normdoc::search {

namespace {

constexpr std::string_view k_open = "【";
constexpr std::string_view k_close = "】";
// Characters of context on each side of a match in a snippet.
constexpr std::size_t k_context = 24;

std::size_t code_points(std::string_view text)
{
  return static_cast<std::size_t>(
    std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Byte offset `count` code points before (negative) or after `from`, clamped to the text.
std::size_t step_chars(std::string_view text, std::size_t from, long count)
{
  std::size_t pos = from;
  const auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80; };
  for (; count < 0 && pos > 0; ++count) {
    do {
      --pos;
    } while (pos > 0 && continuation(pos));
  }
  for (; count > 0 && pos < text.size(); --count) {
    do {
      ++pos;
    } while (pos < text.size() && continuation(pos));
  }
  return pos;
}

std::string one_line(std::string text)
{
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return std::string(util::trim(text));
}

// Where `needle` next occurs in `text` from `from`, ignoring ASCII case as the trigram index
// does; npos when it does not (the index also folds case beyond ASCII).
std::size_t find_folded(std::string_view text, std::string_view needle, std::size_t from = 0)
{
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (needle.empty() || from > text.size()) {
    return std::string_view::npos;
  }
  if (std::none_of(needle.begin(), needle.end(), [&](char c) { return upper(c) || lower(c); })) {
    return text.find(needle, from);
  }
  const auto fold = [&](char c) { return upper(c) ? static_cast<char>(c - 'A' + 'a') : c; };
  const auto found = std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), needle.begin(),
                                 needle.end(), [&](char a, char b) { return fold(a) == fold(b); });
  return found == text.end() ? std::string_view::npos : static_cast<std::size_t>(found - text.begin());
}

// `text` with every occurrence of `needle` marked, ASCII case folded as the index folds it.
std::string mark_all(std::string_view text, std::string_view needle)
{
  std::string out;
  std::size_t pos = 0;
  for (std::size_t found = find_folded(text, needle); found != std::string_view::npos;
       found = find_folded(text, needle, pos)) {
    out.append(text.substr(pos, found - pos)).append(k_open).append(text.substr(found, needle.size())).append(k_close);
    pos = found + needle.size();
  }
  return out.append(text.substr(pos));
}

// Bytes read from a stored text at a time while looking for the first match.
constexpr std::size_t k_chunk = std::size_t{1} << 20U;
// Bytes on each side of a match that always hold `k_context` whole characters (four bytes at
// most each) and the start of the character the window's edge falls in.
constexpr std::size_t k_margin = 4 * k_context + 3;

// Where `needle` first occurs in the stored text, read a chunk at a time (the end of each
// chunk kept for a match across the boundary): a match near the start of a 100 MB text costs
// one chunk, not a copy of the text.
std::size_t find_stored(const store::ValueReader& text, std::string_view needle)
{
  std::string chunk;
  std::string window;
  std::size_t window_start = 0;
  for (std::size_t read = 0; read < text.size(); read += chunk.size()) {
    text.read(read, std::min(k_chunk, text.size() - read), chunk);
    const std::size_t kept = std::min(window.size(), needle.size() - 1);
    window.erase(0, window.size() - kept);
    window += chunk;
    window_start = read - kept;
    if (const std::size_t found = find_folded(window, needle); found != std::string_view::npos) {
      return window_start + found;
    }
  }
  return std::string_view::npos;
}

// A window of the stored text around the first occurrence of `needle` (or its start), the
// occurrences in the window marked: its cost does not grow with the text beyond the search
// for the first occurrence.
std::string passage(const store::ValueReader& text, std::string_view needle)
{
  const std::size_t found = find_stored(text, needle);
  const std::size_t match_length = found == std::string_view::npos ? 0 : needle.size();
  const std::size_t anchor = found == std::string_view::npos ? 0 : found;
  const std::size_t read_from = anchor > k_margin ? anchor - k_margin : 0;
  const std::size_t read_to = std::min(text.size(), anchor + match_length + 2 * k_margin);
  std::string bytes;
  text.read(read_from, read_to - read_from, bytes);
  const std::string_view window(bytes);
  const std::size_t start = step_chars(window, anchor - read_from, -static_cast<long>(k_context));
  const std::size_t end = step_chars(window, anchor - read_from + match_length,
                                     static_cast<long>(found == std::string_view::npos ? 2 * k_context : k_context));
  const std::string_view shown = window.substr(start, end - start);
  std::string out = read_from + start > 0 ? "…" : "";
  out += found == std::string_view::npos ? std::string(shown) : mark_all(shown, needle);
  if (read_from + end < text.size()) {
    out += "…";
  }
  return one_line(std::move(out));
}

struct Candidate
{
  std::int64_t id;
  std::string title;
  std::string snippet;
  double score;
};

std::string fts_phrase(const std::string& query)
{
  std::string phrase = "\"";
  for (const char c : query) {
    phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return phrase + "\"";
}

// Matches best first, ids and scores only: titles and passages are made for the few hits
// shown (reading every matching text would dominate on a large registry).
std::vector<Candidate> indexed(store::Database& db, const std::string& query)
{
  auto stmt = db.prepare("SELECT rowid, bm25(document_fts, 10.0, 1.0) AS score FROM document_fts"
                         " WHERE document_fts MATCH ? ORDER BY score, rowid");
  stmt.bind(1, fts_phrase(query));
  std::vector<Candidate> found;
  while (stmt.step() == store::Step::row) {
    // bm25 is lower for better matches.
    found.push_back(Candidate{stmt.integer(0), {}, {}, -stmt.real(1)});
  }
  return found;
}

// One- and two-character queries. The trigram index has no term that short, but every
// occurrence followed by two more characters begins an indexed trigram, so the index's own
// vocabulary (fts5vocab, 'instance') finds and counts them by prefix without reading a text:
// at 10,000 documents 罚款 takes 30 ms where scanning the texts took 550. Texts are indexed
// with two line breaks after them (schema 9), so only an occurrence at the very end of a title
// escapes the prefix: titles are short and scanned for it.
std::vector<Candidate> short_query(store::Database& db, const std::string& query)
{
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.document_fts_instances"
          " USING fts5vocab(main, document_fts, 'instance')");
  // The trigram tokenizer folds case, so its terms are lower case.
  std::string term = query;
  std::transform(term.begin(), term.end(), term.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  // Summed here rather than by GROUP BY, whose sort of every occurrence was most of the time
  // (100,000 documents, 规定: 876,001 occurrences, 500 ms in SQL).
  auto stmt = db.prepare("SELECT doc, col = 'title' FROM temp.document_fts_instances"
                         " WHERE term >= ?1 AND term < ?1 || char(1114111)");
  stmt.bind(1, term);
  std::unordered_map<std::int64_t, double> scores;
  while (stmt.step() == store::Step::row) {
    scores[stmt.integer(0)] += stmt.integer(1) == 1 ? 10.0 : 1.0;
  }
  std::vector<Candidate> found;
  found.reserve(scores.size());
  for (const auto& [id, score] : scores) {
    found.push_back(Candidate{id, {}, {}, score});
  }
  // Titles are indexed without trailing line breaks: an occurrence that is not followed by two
  // more characters is looked up in the title-ending indexes (schema 11). One character can
  // also be the last but one. Written out per length: SQLite uses an index on an expression
  // only for that very expression.
  auto title_ends = db.prepare(
    code_points(query) == 1 ? "SELECT id FROM document WHERE substr(title, -1) = ?1"
                              " OR (substr(title, -2) >= ?1 AND substr(title, -2) < ?1 || char(1114111)) ORDER BY id"
                            : "SELECT id FROM document WHERE substr(title, -2) = ?1 ORDER BY id");
  title_ends.bind(1, query);
  while (title_ends.step() == store::Step::row) {
    if (!scores.contains(title_ends.integer(0))) {
      found.push_back(Candidate{title_ends.integer(0), {}, {}, 10.0});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  return found;
}

// Occurrences of `needle` in `text`, overlapping ones too (as FTS5 counts a phrase's
// instances), ASCII case folded; with `room`, only those followed by at least `room` more
// characters of `text` (whose trigram the index holds).
std::int64_t occurrences(std::string_view text, std::string_view needle, std::size_t room = 0)
{
  std::int64_t count = 0;
  for (std::size_t found = find_folded(text, needle); found != std::string_view::npos;
       found = find_folded(text, needle, step_chars(text, found, 1))) {
    if (room > 0 && code_points(text.substr(found)) < code_points(needle) + room) {
      break;
    }
    ++count;
  }
  return count;
}

// `text` as a LIKE pattern matching it anywhere (PostgreSQL's default escape, the backslash).
std::string like_anywhere(std::string_view text)
{
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += c;
  }
  return pattern + "%";
}

// PostgreSQL: pg_trgm finds the documents (its GIN indexes answer ILIKE of three characters
// or more; shorter queries scan), and the ranking is computed here by the very rules SQLite's
// FTS5 applies (indexed, short_query), so that both backends print the same order and
// scores: FTS5's trigram index holds each title and each text followed by two line breaks
// (schema 17), one token per character that has two more after it.
std::vector<Candidate> ranked_here(store::Database& db, const std::string& query)
{
  const bool short_query = code_points(query) < 3;
  const auto tokens = [](std::int64_t characters) { return std::max<std::int64_t>(0, characters - 2); };
  auto stmt = db.prepare("SELECT d.id, d.title, t.text FROM document d LEFT JOIN document_text t ON t.document = d.id"
                         " WHERE d.id IN (SELECT id FROM document WHERE title ILIKE ?1"
                         " UNION SELECT document FROM document_text WHERE text ILIKE ?1) ORDER BY d.id");
  stmt.bind(1, like_anywhere(query));
  struct Row
  {
    std::int64_t id;
    std::int64_t title_hits;
    std::int64_t text_hits;
    std::int64_t size;
    bool title_end;
  };
  std::vector<Row> rows;
  while (stmt.step() == store::Step::row) {
    const std::string_view title = stmt.text_view(1);
    const std::size_t title_chars = code_points(title);
    Row row{stmt.integer(0), occurrences(title, query, short_query ? 3 - code_points(query) : 0), 0,
            tokens(static_cast<std::int64_t>(title_chars)), false};
    if (short_query) {
      // What SQLite looks up in its title-ending indexes (short_query), compared as it is: case and all.
      const std::size_t last_two = step_chars(title, title.size(), -2);
      row.title_end = code_points(query) == 1 ? title.substr(step_chars(title, title.size(), -1)) == query ||
                                                  title.substr(last_two).starts_with(query)
                                              : title.substr(last_two) == query;
    }
    if (!stmt.is_null(2)) {
      const std::string_view text = stmt.text_view(2);
      row.text_hits = occurrences(text, query);
      // The text's tokens: its characters and the two line breaks after it, less two.
      row.size += static_cast<std::int64_t>(code_points(text));
    }
    rows.push_back(row);
  }
  std::vector<Candidate> found;
  if (rows.empty()) {
    return found;
  }
  if (short_query) {
    for (const Row& row : rows) {
      const double score = 10.0 * static_cast<double>(row.title_hits) + static_cast<double>(row.text_hits);
      if (score > 0 || row.title_end) {
        found.push_back(Candidate{row.id, {}, {}, score > 0 ? score : 10.0});
      }
    }
  } else {
    // FTS5's bm25 (fts5_aux.c): k1 1.2, b 0.75, the phrase's idf over every document, a row's
    // size its tokens in both columns, its frequency the instances weighted 10 in the title.
    const std::int64_t documents = db.single_integer("SELECT count(*) FROM document");
    const std::int64_t all_tokens =
      db.single_integer("SELECT coalesce(sum(greatest(char_length(title) - 2, 0)), 0)"
                        " + coalesce((SELECT sum(char_length(text)) FROM document_text), 0) FROM document");
    const auto hits =
      std::count_if(rows.begin(), rows.end(), [](const Row& row) { return row.title_hits + row.text_hits > 0; });
    const double k1 = 1.2;
    const double b = 0.75;
    const double average = static_cast<double>(all_tokens) / static_cast<double>(documents);
    double idf = std::log((static_cast<double>(documents - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    if (idf <= 0.0) {
      idf = 1e-6;
    }
    for (const Row& row : rows) {
      if (row.title_hits + row.text_hits == 0) {
        continue; // found by a case folding beyond ASCII, which the ranking does not apply
      }
      const double frequency = 10.0 * static_cast<double>(row.title_hits) + static_cast<double>(row.text_hits);
      const auto size = static_cast<double>(row.size);
      const double score = idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * size / average)));
      found.push_back(Candidate{row.id, {}, {}, score});
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  return found;
}

// The title with the matches marked and a passage of the text around the first one, built
// from a window of the text, not by FTS5's snippet() or highlight(), which tokenise the whole
// text (a 4 MB text took 15 s a query).
void describe(store::Database& db, const std::string& query, const registry::Document& doc, Candidate& candidate)
{
  candidate.title = mark_all(doc.title, query);
  auto stored = db.prepare("SELECT 1 FROM document_text WHERE document = ?");
  stored.bind(1, candidate.id);
  candidate.snippet = stored.step() == store::Step::row
                        ? passage(db.open_value("document_text", "text", "document", candidate.id), query)
                        : "";
}

} // namespace

std::vector<Hit> find(store::Database& db, std::string_view raw_query, const registry::ListFilter& filter,
                      std::size_t limit)
{
  const std::string query(util::trim(raw_query));
  if (query.empty()) {
    throw UsageError("请给出要查找的词语");
  }
  const bool use_index = code_points(query) >= 3;
  std::vector<Candidate> candidates = db.dialect() == store::Dialect::postgresql ? ranked_here(db, query)
                                      : use_index                                ? indexed(db, query)
                                                                                 : short_query(db, query);
  std::vector<Hit> hits;
  for (auto& candidate : candidates) {
    if (hits.size() >= limit) {
      break;
    }
    auto doc = registry::find(db, candidate.id);
    if (doc && filter.accepts(*doc)) {
      describe(db, query, *doc, candidate);
      hits.push_back(Hit{std::move(*doc), candidate.title, candidate.snippet, candidate.score});
    }
  }
  return hits;
}

std::size_t index_mismatches(store::Database& db)
{
  if (db.dialect() == store::Dialect::postgresql) {
    // pg_trgm indexes the columns themselves (schema 6): the server keeps them in step.
    return 0;
  }
  // A string of n characters gives the trigram tokenizer n - 2 tokens (none below three).
  const auto trigrams = [](std::int64_t characters) { return std::max<std::int64_t>(0, characters - 2); };
  std::size_t mismatches = 0;
  auto documents = db.prepare("SELECT length(f.title), length(f.text), s.sz FROM document_fts_source f"
                              " LEFT JOIN document_fts_docsize s ON s.id = f.id");
  while (documents.step() == store::Step::row) {
    const std::string sizes = documents.text(2);
    // FTS5 keeps each column's token count as a SQLite varint.
    std::vector<std::int64_t> counts;
    std::int64_t value = 0;
    std::size_t length = 0;
    for (const char c : sizes) {
      const auto byte = static_cast<unsigned char>(c);
      ++length;
      if (length == 9) {
        value = (value << 8) | byte;
      } else {
        value = (value << 7) | (byte & 0x7F);
      }
      if (length == 9 || (byte & 0x80) == 0) {
        counts.push_back(value);
        value = 0;
        length = 0;
      }
    }
    const std::vector<std::int64_t> expected{trigrams(documents.integer(0)), trigrams(documents.integer(1))};
    if (documents.is_null(2) || counts != expected) {
      ++mismatches;
    }
  }
  const auto extra =
    db.single_integer("SELECT count(*) FROM document_fts_docsize WHERE id NOT IN (SELECT id FROM document)");
  return mismatches + static_cast<std::size_t>(extra);
}

std::size_t rebuild_index(store::Transaction& txn)
{
  store::Database& db = txn.database();
  if (db.dialect() == store::Dialect::postgresql) {
    db.exec("REINDEX INDEX document_title_trgm; REINDEX INDEX document_text_trgm");
    return static_cast<std::size_t>(db.single_integer("SELECT count(*) FROM document"));
  }
  db.exec("INSERT INTO document_fts (document_fts) VALUES ('rebuild')");
  return static_cast<std::size_t>(db.single_integer("SELECT count(*) FROM document_fts_docsize"));
}

BulkLoad::BulkLoad(store::Transaction& txn, std::size_t documents)
    // pg_trgm's indexes are on the columns themselves: nothing to defer on PostgreSQL.
    : m_txn(txn), m_deferred(documents > k_bulk_threshold && txn.database().dialect() == store::Dialect::sqlite)
{
  if (m_deferred) {
    // The index is built at the end over everything loaded: the large cache keeps its pages.
    m_txn.database().use_bulk_cache();
    m_txn.database().exec("UPDATE search_index_state SET deferred = 1");
  }
}

void BulkLoad::finish(bool changed_indexed_documents)
{
  if (!m_deferred) {
    return;
  }
  store::Database& db = m_txn.database();
  db.exec("UPDATE search_index_state SET deferred = 0");
  if (changed_indexed_documents) {
    rebuild_index(m_txn);
  } else {
    // The documents the load added are the ones without an index entry.
    db.exec("INSERT INTO document_fts (rowid, title, text) SELECT id, title, text FROM document_fts_source"
            " WHERE id NOT IN (SELECT id FROM document_fts_docsize)");
  }
  m_deferred = false;
}

} // namespace normdoc::search
