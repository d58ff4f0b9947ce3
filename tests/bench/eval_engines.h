// The two search engines of the evaluation behind one interface, each given a query exactly as a
// user types it: vnsearch in process (query_parser + Searcher, as `vnsearch search` runs them) and
// SQLite FTS5 (fts5_peer, the query turned into MATCH syntax as a user would write it).
// Not for: judging the answers (eval_tasks.h).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vn::bench {

class Engine {
 public:
  virtual ~Engine() = default;
  virtual const char* name() const = 0;

  // The best `limit` results as a user sees them (vnsearch shows one article per story), best
  // first. A query the engine rejects returns no keys and leaves the reason in last_error()
  // (empty otherwise).
  std::vector<std::string> top(const std::string& user_query, std::size_t limit) {
    return search(user_query, limit, /*every_article=*/false);
  }
  // Every matching article, duplicates included: asks for `expected` + 50 and, while the answer
  // fills the limit, for more.
  std::vector<std::string> all(const std::string& user_query, std::size_t expected);
  const std::string& last_error() const { return error_; }

 protected:
  virtual std::vector<std::string> search(const std::string& user_query, std::size_t limit,
                                          bool every_article) = 0;
  std::string error_;
};

// vnsearch on the index directory `index` (built by vnindex). Throws vn::IndexUnavailable.
std::unique_ptr<Engine> open_vnsearch(const std::filesystem::path& index);
// FTS5 on a database written by Fts5Index. Throws vn::SqliteError.
std::unique_ptr<Engine> open_fts5(const std::filesystem::path& database);

}  // namespace vn::bench
