// Writes articles into an index directory: the Xapian database and the SQLite metadata, kept in
// step. Holds the single-writer lock for its lifetime (Xapian's own lock on its database).
// Commit order: Xapian first, then SQLite, so a crash in between leaves documents that the next
// run replaces by their unique key, never SQLite rows without a document.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "common/sqlite.h"
#include "indexer/article.h"
#include "indexer/document_builder.h"

namespace vn {

class IndexLockedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The index was built by a version with another schema or analyser: it must be rebuilt.
class IndexVersionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IndexWriter {
 public:
  // Opens or creates the index in `dir`. Throws IndexLockedError when another vnindex writes it,
  // IndexVersionError when another version built it, and Xapian::Error or SqliteError when the
  // directory cannot be used.
  explicit IndexWriter(const std::filesystem::path& dir);
  ~IndexWriter();

  // The stored content hash for `key`, if the article is in the index.
  std::optional<std::string> stored_hash(const std::string& key);

  // Adds or replaces the article with `article.key`.
  void put(const Article& article, BuiltDocument built);

  // Makes everything put so far durable and visible to searchers.
  void commit();

  std::int64_t article_count();

 private:
  Xapian::WritableDatabase xapian_;
  SqliteDb sqlite_;
  Statement find_hash_;
  Statement put_article_;
  Statement delete_names_;
  Statement put_name_;
  bool in_transaction_ = false;
};

}  // namespace vn
