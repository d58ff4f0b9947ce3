#include "indexer/shard_pool.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "common/schema.h"
#include "common/terms.h"

namespace vn {
namespace {

// Articles queued per worker before put() waits: enough to keep a worker busy while the reading
// thread parses the next lines, few enough that memory stays a few MB per worker.
constexpr std::size_t kMaxQueued = 64;

}  // namespace

ShardPool::ShardPool(std::vector<Xapian::WritableDatabase> shards, unsigned jobs)
    : shards_(std::move(shards)) {
  const auto n = static_cast<unsigned>(shards_.size());
  const unsigned threads = std::clamp(jobs, 1U, n);
  for (unsigned w = 0; w < threads; ++w) {
    workers_.push_back(std::make_unique<Worker>());
  }
  for (unsigned s = 0; s < n; ++s) {
    workers_[s % threads]->shards.push_back(s);
    doccount_ += shards_[s].get_doccount();
    const std::string generation = shards_[s].get_metadata(std::string(schema::kMetaGeneration));
    generation_ =
        std::max<std::uint64_t>(generation_, std::strtoull(generation.c_str(), nullptr, 10));
  }
  // A run killed between two shards' commits left them at different generations, and readers
  // wait for them to agree: the first commit of this run stamps them all again.
  changed_ = std::any_of(shards_.begin(), shards_.end(), [&](const Xapian::WritableDatabase& db) {
    return std::strtoull(db.get_metadata(std::string(schema::kMetaGeneration)).c_str(), nullptr,
                         10) != generation_;
  });
  in_transaction_.assign(n, 0);
  try {
    for (auto& w : workers_) {
      w->thread = std::thread([this, worker = w.get()] { work(*worker); });
    }
  } catch (...) {
    stop_workers();
    throw;
  }
}

ShardPool::~ShardPool() { stop_workers(); }

void ShardPool::stop_workers() {
  for (auto& w : workers_) {
    {
      std::lock_guard lock(w->mutex);
      w->stopping = true;
    }
    w->changed.notify_all();
  }
  for (auto& w : workers_) {
    if (w->thread.joinable()) {
      w->thread.join();
    }
  }
}

void ShardPool::put(Article article) {
  rethrow_error();
  changed_ = true;
  const unsigned shard = shard_of(article.key, static_cast<unsigned>(shards_.size()));
  queue(*workers_[shard % workers_.size()], Task{Task::Kind::kPut, std::move(article)});
}

void ShardPool::remove(const std::string& key) {
  rethrow_error();
  changed_ = true;
  const unsigned shard = shard_of(key, static_cast<unsigned>(shards_.size()));
  Article article;
  article.key = key;
  queue(*workers_[shard % workers_.size()], Task{Task::Kind::kRemove, std::move(article)});
}

std::vector<WrittenArticle> ShardPool::take_written() {
  std::lock_guard lock(done_mutex_);
  std::vector<WrittenArticle> out;
  out.swap(written_);
  return out;
}

void ShardPool::commit() {
  // Read by the workers after queue() below, which orders these writes before.
  stamp_ = std::exchange(changed_, false);
  generation_ += stamp_ ? 1 : 0;
  for (auto& w : workers_) {
    queue(*w, Task{Task::Kind::kCommit, {}});
  }
  drain();
  // Every worker is idle now, waiting for a task: reading the shards from here is safe.
  doccount_ = 0;
  for (const auto& db : shards_) {
    doccount_ += db.get_doccount();
  }
}

void ShardPool::set_codec(TextCodec codec) {
  drain();
  codec_ = std::make_shared<const TextCodec>(std::move(codec));
}

void ShardPool::drain() {
  {
    std::unique_lock lock(done_mutex_);
    done_changed_.wait(lock, [&] { return outstanding_ == 0; });
  }
  rethrow_error();
}

void ShardPool::compact_into(const std::vector<std::filesystem::path>& targets) {
  drain();
  // The workers are idle; each shard's compaction is read-mostly work on its own files.
  std::vector<std::exception_ptr> errors(shards_.size());
  std::vector<std::thread> threads;
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    threads.emplace_back([&, s] {
      try {
        shards_[s].compact(targets[s].string(), Xapian::DBCOMPACT_NO_RENUMBER);
      } catch (...) {
        errors[s] = std::current_exception();
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (const std::exception_ptr& e : errors) {
    if (e) {
      std::rethrow_exception(e);
    }
  }
}

void ShardPool::queue(Worker& worker, Task task) {
  {
    std::lock_guard lock(done_mutex_);
    ++outstanding_;
  }
  {
    std::unique_lock lock(worker.mutex);
    worker.changed.wait(
        lock, [&] { return worker.tasks.size() < kMaxQueued || task.kind == Task::Kind::kCommit; });
    worker.tasks.push_back(std::move(task));
  }
  worker.changed.notify_all();
}

void ShardPool::work(Worker& worker) {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(worker.mutex);
      worker.changed.wait(lock, [&] { return worker.stopping || !worker.tasks.empty(); });
      if (worker.tasks.empty()) {
        return;
      }
      task = std::move(worker.tasks.front());
      worker.tasks.pop_front();
    }
    worker.changed.notify_all();
    bool failed;
    {
      std::lock_guard lock(done_mutex_);
      failed = error_ != nullptr;
    }
    std::exception_ptr error;
    if (!failed) {
      try {
        handle(worker, task);
      } catch (...) {
        error = std::current_exception();
      }
    }
    {
      std::lock_guard lock(done_mutex_);
      if (error && !error_) {
        error_ = error;
      }
      --outstanding_;
    }
    done_changed_.notify_all();
  }
}

void ShardPool::handle(Worker& worker, Task& task) {
  const auto n = static_cast<unsigned>(shards_.size());
  switch (task.kind) {
    case Task::Kind::kPut: {
      BuiltDocument built = worker.builder.build(task.article);
      const unsigned shard = shard_of(task.article.key, n);
      begin_transaction(shard);
      const Xapian::docid docid = shards_[shard].replace_document(
          term(schema::kKey, task.article.key), built.document);
      std::string stored_body = codec_->compress(task.article.body);
      WrittenArticle written{std::move(task.article), combined_docid(docid, shard, n),
                             std::move(built.names), std::move(stored_body)};
      std::lock_guard lock(done_mutex_);
      written_.push_back(std::move(written));
      return;
    }
    case Task::Kind::kRemove: {
      const unsigned shard = shard_of(task.article.key, n);
      begin_transaction(shard);
      shards_[shard].delete_document(term(schema::kKey, task.article.key));
      return;
    }
    case Task::Kind::kCommit:
      for (unsigned s : worker.shards) {
        if (stamp_) {
          shards_[s].set_metadata(std::string(schema::kMetaGeneration),
                                  std::to_string(generation_));
        }
        if (in_transaction_[s] != 0) {
          shards_[s].commit_transaction();
          in_transaction_[s] = 0;
        } else {
          shards_[s].commit();
        }
      }
      return;
  }
}

void ShardPool::begin_transaction(unsigned shard) {
  if (in_transaction_[shard] == 0) {
    shards_[shard].begin_transaction(/*flushed=*/true);
    in_transaction_[shard] = 1;
  }
}

void ShardPool::rethrow_error() {
  std::exception_ptr error;
  {
    std::lock_guard lock(done_mutex_);
    error = error_;
  }
  if (error) {
    std::rethrow_exception(error);
  }
}

}  // namespace vn
