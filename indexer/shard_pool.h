// Writes articles into the Xapian shards of one index from worker threads: each worker analyses
// its articles (its own DocumentBuilder) and alone owns the WritableDatabases of its shards, so
// analysis and Xapian's inverter (the bottleneck) run on every core. An article's shard is fixed
// by a hash of its key (shard_of), so re-indexing replaces it in the shard that holds it. The pool
// itself is driven by one thread (IndexWriter); a worker's error is rethrown there by the next
// call.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/compressed_text.h"
#include "common/index_location.h"
#include "indexer/article.h"
#include "indexer/document_builder.h"

namespace vn {

// An article written to its shard: what the SQLite row needs.
struct WrittenArticle {
  Article article;
  Xapian::docid docid = 0;  // In the shards searched together (Xapian::Database::add_database).
  std::vector<FoundName> names;
  std::string stored_body;  // article.body compressed for SQLite (compressed_text.h).
};

class ShardPool {
 public:
  // Takes the shards (index = shard number) and writes them from min(jobs, shards) threads.
  ShardPool(std::vector<Xapian::WritableDatabase> shards, unsigned jobs);
  // Stops the workers. What was not committed is discarded: the changes between two commits form
  // a Xapian transaction, so a run that fails half-way leaves each shard as its last commit left
  // it, in step with SQLite.
  ~ShardPool();
  ShardPool(const ShardPool&) = delete;
  ShardPool& operator=(const ShardPool&) = delete;

  // Queues the article for its shard; blocks while that worker is far behind (bounded memory).
  void put(Article article);
  // Queues the deletion of the article with `key` from its shard.
  void remove(const std::string& key);
  // The articles written since the last call, in no particular order.
  std::vector<WrittenArticle> take_written();
  // Waits until everything queued is written.
  void drain();
  // Waits until everything queued is written, then compresses the texts of the articles put next
  // with `codec` (without a dictionary until the first call).
  void set_codec(TextCodec codec);
  // Waits until everything queued is written, then commits every shard.
  void commit();
  // Compacts shard i into targets[i], every shard at once; call after commit(). The shards stay
  // open on their old directories.
  void compact_into(const std::vector<std::filesystem::path>& targets);
  unsigned shard_count() const { return static_cast<unsigned>(shards_.size()); }
  // Documents in all shards as of the last commit().
  Xapian::doccount doccount() const { return doccount_; }

 private:
  struct Task {
    enum class Kind { kPut, kRemove, kCommit } kind;
    Article article;  // kPut: the article; kRemove: only its key.
  };
  struct Worker {
    std::thread thread;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Task> tasks;
    bool stopping = false;
    std::vector<unsigned> shards;  // The shards this worker owns.
    DocumentBuilder builder;
  };

  void stop_workers();
  void begin_transaction(unsigned shard);
  void queue(Worker& worker, Task task);
  void work(Worker& worker);
  void handle(Worker& worker, Task& task);
  void rethrow_error();

  std::vector<Xapian::WritableDatabase> shards_;
  // Read by the workers; replaced only while they are idle (set_codec drains first).
  std::shared_ptr<const TextCodec> codec_ = std::make_shared<const TextCodec>();
  // Per shard, 1 while it has a transaction open; only that shard's worker touches its byte.
  std::vector<std::uint8_t> in_transaction_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::mutex done_mutex_;  // Guards the members below.
  std::condition_variable done_changed_;
  std::size_t outstanding_ = 0;  // Tasks queued and not yet handled.
  std::vector<WrittenArticle> written_;
  std::exception_ptr error_;
  Xapian::doccount doccount_ = 0;
  // Written to every shard by each commit (schema::kMetaGeneration); continues the highest found.
  std::uint64_t generation_ = 0;
  // Something was put or removed since the last commit (or the shards' generations disagreed).
  bool changed_ = false;
  bool stamp_ = false;  // This commit raises the generation (only a commit with changes does).
};

}  // namespace vn
