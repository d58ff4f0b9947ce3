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

#include "common/sqlite.h"
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
};

struct SearchOptions {
  std::size_t offset = 0;
  std::size_t limit = 10;
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount estimated_total = 0;
};

class Searcher {
 public:
  // Throws IndexUnavailable when `dir` holds no index, or one built by another analyser or schema.
  explicit Searcher(const std::filesystem::path& dir);

  SearchResult search(const ParsedQuery& query, const SearchOptions& options);

  // The index's vocabulary, for parse_query() to recognise words typed with spaces.
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  void check_versions(const std::filesystem::path& dir) const;

  Xapian::Database xapian_;
  IndexLexicon lexicon_;
  SqliteDb sqlite_;
  Statement row_;
};

}  // namespace vn
