// Opens an index for reading and answers parsed queries with ranked hits and their stored
// metadata. Any number of Searchers (in any number of processes) can read while vnindex writes;
// each sees the last committed state.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/compressed_text.h"
#include "common/sqlite.h"
#include "query/facets.h"
#include "query/index_lexicon.h"
#include "query/query_parser.h"

namespace vn {

// The index cannot be used; the message names the fix (e.g. the vnindex command to run).
class IndexUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Hit {
  std::size_t rank = 0;  // 1-based.
  double score = 0;
  std::string key;
  std::string title;
  std::string category;
  std::string source;
  std::string url;
  std::string date;
  std::string body;
  Xapian::doccount duplicates = 0;  // Articles with the same text collapsed into this one.
};

enum class SortOrder { kRelevance, kDate };

struct SearchOptions {
  std::size_t offset = 0;
  std::size_t limit = 10;
  SortOrder sort = SortOrder::kRelevance;  // kDate: newest first, relevance among equal dates.
  bool collapse = true;   // One result per story: articles with the same text collapse into one.
  bool facets = false;    // Count categories, sources, months and names of the matches.
  std::size_t facet_limit = 10;          // Values shown per facet.
  Xapian::doccount facet_sample = 1000;  // Matches counted at least (all when fewer match).
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount estimated_total = 0;
  std::optional<Facets> facets;  // Name keys replaced by how the articles write them.
  // Nothing matched the query's words as words, so these are the matches of ParsedQuery::loose.
  bool loosened = false;
};

struct IndexStats {
  std::int64_t articles = 0;        // Documents in Xapian.
  std::int64_t rows = 0;            // Rows in SQLite (equal to `articles` in a consistent index).
  std::int64_t names = 0;           // Distinct names.
  std::uintmax_t index_bytes = 0;   // Bytes on disk, Xapian and SQLite together.
  std::string analyzer_version;
  std::string schema_version;
  std::string last_run;             // When vnindex last committed (ISO 8601, UTC), or empty.
};

class Searcher {
 public:
  // Throws IndexUnavailable when `dir` holds no index, or one built by another analyser or schema.
  explicit Searcher(const std::filesystem::path& dir);

  // When nothing matches and the query has a loose form (ParsedQuery::loose), answers that.
  SearchResult search(const ParsedQuery& query, const SearchOptions& options);

  // The stored article with this key, if any (rank and score are 0).
  std::optional<Hit> find_article(const std::string& key);

  IndexStats stats();

  // The index's vocabulary, for parse_query() to recognise words typed with spaces.
  const Lexicon& lexicon() const { return lexicon_; }
  const Xapian::Database& database() const { return xapian_; }

  // How the articles write a name whose canonical key is `key` ("hòa_bình" → "Hòa Bình").
  std::string name_display(const std::string& key);

  // The names most articles mention, as written, with their article counts.
  FacetCounts top_names(std::size_t limit);

 private:
  void read_row(Hit& hit, Statement& statement);
  SearchResult search_once(const ParsedQuery& query, const SearchOptions& options);

  Xapian::Database xapian_;
  IndexLexicon lexicon_;
  std::filesystem::path dir_;
  SqliteDb sqlite_;
  Statement row_;
  Statement row_by_key_;
  Statement name_display_;
  TextCodec codec_;
};

}  // namespace vn
