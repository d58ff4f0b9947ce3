// Writes articles into an index directory: the Xapian shards and the SQLite metadata, kept in
// step. Holds the single-writer lock (writer_lock.h) for its lifetime. Analysis and Xapian writes
// run in a ShardPool; SQLite is written here. Commit order: every Xapian shard first, then SQLite,
// so a crash in between leaves documents that the next run replaces by their unique key (in the
// shard the key hashes to), never SQLite rows without a document.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/sqlite.h"
#include "indexer/article.h"
#include "indexer/shard_pool.h"
#include "indexer/writer_lock.h"

namespace vn {

// The index was built by a version with another schema or analyser: it must be rebuilt.
class IndexVersionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class IndexWriter {
 public:
  // Opens or creates the index in `dir`, writing it from `jobs` threads (0: one per core). A new
  // index gets one shard per job; an existing one keeps its shard count. Throws IndexLockedError
  // when another vnindex writes it, IndexVersionError when another version built it, and
  // Xapian::Error or SqliteError when the directory cannot be used.
  explicit IndexWriter(const std::filesystem::path& dir, unsigned jobs = 0);
  ~IndexWriter();

  // What the index holds for `key`, if the article is in it (or was put in this run).
  struct Stored {
    std::string hash;  // Of the content.
    std::string path;  // The input it was read from.
  };
  std::optional<Stored> stored(const std::string& key);

  // Adds or replaces the article with `article.key`; analysed and written by a worker thread.
  void put(Article article);

  // Removes the article with `key` from both sides (nothing when absent).
  void remove(const std::string& key);

  // The SQLite connection inside the open write transaction (begun if none), for the indexer's
  // own tables (inputs, meta): what is written there commits with the articles.
  SqliteDb& sqlite_in_transaction();

  // Makes everything put so far durable and visible to searchers.
  void commit();

  // Articles in the index as of the last commit.
  std::int64_t article_count();

  unsigned shard_count() const { return shard_count_; }

  // Commits, then, when this writer wrote (put or removed) at least a tenth of the index's
  // articles, compacts every shard into a new directory and switches the stub to them: the index
  // on disk shrinks by ~40% and is never broken at any moment (an interrupted compaction leaves the
  // old shards listed, and the copy is removed by the next writer). Returns whether it compacted.
  // The last call on a writer: it must not be used afterwards.
  bool compact_if_worthwhile();

 private:
  void begin();
  void write_rows();

  static constexpr std::int64_t kCompactEvery = 10;  // Compact when written >= articles / 10.
  // The text dictionary is trained at the first commit that leaves 1,000 articles in the index
  // (common/text_dictionary.h): 300 articles already give 98% of its gain.
  static constexpr std::size_t kDictionaryArticles = 1000;

  WriterLock lock_;  // First: taken before anything of the index is opened or changed.
  std::filesystem::path dir_;
  ShardPool pool_;
  unsigned shard_count_;
  SqliteDb sqlite_;
  Statement find_stored_;
  Statement put_article_;
  Statement put_name_;
  Statement delete_article_;
  bool in_transaction_ = false;
  std::int64_t written_ = 0;  // Articles put or removed since the last compaction.
  // Keys of the articles queued but not yet in SQLite: a key repeated within a run waits for them.
  std::unordered_set<std::string> in_flight_;
  // The index has a text dictionary, or this run tried to train one: no more tries.
  bool dictionary_settled_ = false;
};

}  // namespace vn
