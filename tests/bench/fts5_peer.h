// The standing peer of every benchmark and evaluation: SQLite FTS5 over the same articles, set up
// as a user would (tokenizer 'unicode61 remove_diacritics 2', bm25 with the title weighted above
// the body), so vnsearch's figures always come with FTS5's on the same data and queries.
// Not for: anything vnsearch itself does; this never uses the vnsearch analyser or index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/sqlite.h"

namespace vn::bench {

class Fts5Index {
 public:
  // A fresh database at `file` (an existing file, and its -wal/-shm, is replaced).
  static Fts5Index create(const std::filesystem::path& file);
  // An existing database, read-only. Throws vn::SqliteError when it cannot be opened.
  static Fts5Index open(const std::filesystem::path& file);

  Fts5Index(Fts5Index&&) noexcept = default;
  Fts5Index& operator=(Fts5Index&&) = delete;
  ~Fts5Index();

  // Adds one article. Rows are batched in a transaction (committed every kBatch rows and by
  // finish()); underscores of word-segmented text become spaces, so compounds are searchable by
  // their syllables as a reader types them.
  void add(std::string_view key, std::string_view title, std::string_view body);
  // Commits, merges FTS5's segments into one b-tree ('optimize', as a careful user does after a
  // bulk load) and leaves a single-file database (journal mode DELETE) that open() can read.
  void finish();

  // Keys ranked by bm25(fts, 0, 5.0, 1.0) (title 5x body), at most `limit`. A MATCH syntax error
  // throws vn::SqliteError.
  std::vector<std::string> search(const std::string& match_expression, int limit);
  // The same ranking with what a search box shows: title and FTS5's snippet() of the body
  // (about 24 tokens, matches in <mark>…</mark>), to compare with vnsearch's results + snippets.
  struct Hit {
    std::string key;
    std::string title;
    std::string snippet;
  };
  std::vector<Hit> search_hits(const std::string& match_expression, int limit);
  // The number of articles matching.
  std::int64_t count(const std::string& match_expression);

  // Search-box completion as FTS5 offers it (an fts5vocab table): the indexed terms starting
  // with the last word of `prefix`, most documents first, at most `limit`. FTS5 stores terms in
  // lower case without diacritics (except đ), so `prefix` should be typed that way.
  struct Completion {
    std::string term;
    std::int64_t docs = 0;
  };
  std::vector<Completion> suggest(std::string_view prefix, int limit);

  // A user's query as FTS5 MATCH syntax: each word quoted (underscores as spaces, so a compound
  // is a phrase of its syllables) and ANDed; "phrases" kept as phrases; a trailing word* as a
  // prefix ("word"*); `@"name"`/`name:"name"` as the plain phrase (FTS5 has no notion of names);
  // `title:x` as a title column filter. Other vnsearch operators are passed as quoted words.
  // Returns "" for a query with no words.
  static std::string to_match(std::string_view user_query);

  static constexpr int kBatch = 10'000;

 private:
  explicit Fts5Index(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  void commit();

  // Declared first so the statements are finalised before the connection closes.
  std::unique_ptr<SqliteDb> db_;
  std::optional<Statement> insert_;
  std::optional<Statement> search_;
  std::optional<Statement> hits_;
  std::optional<Statement> count_;
  std::optional<Statement> suggest_;
  int pending_ = 0;
  bool in_transaction_ = false;
};

}  // namespace vn::bench
