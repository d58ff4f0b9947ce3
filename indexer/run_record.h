// What vnindex records in the index's SQLite file besides the articles: each input's size and
// modification time (to skip unchanged files unread), the marker of a run in progress (to detect
// an interrupted run), the last run's time and the roots indexed. Everything is written through
// the writer's connection, so it commits together with the articles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/sqlite.h"
#include "indexer/index_writer.h"

namespace vn {

struct InputStat {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;  // -1: recorded while possibly still being written; never matches.
  std::int64_t articles = 0;
};

class RunRecord {
 public:
  explicit RunRecord(IndexWriter& writer);

  std::optional<InputStat> input(const std::string& source);
  void record_input(const std::string& source, const InputStat& stat);
  void forget_input(const std::string& source);

  std::int64_t article_rows();
  // Keys and paths of the articles read from `source`, or from under it when it is a folder.
  std::vector<std::pair<std::string, std::string>> articles_from(const std::string& source,
                                                                 bool folder);

  // The pid of a run that started and did not finish, if any.
  std::optional<long> run_in_progress();
  // Marks this process's run as started and commits that at once.
  void mark_started();
  // Stamps the last run (now, ISO 8601 UTC), adds `roots` to those recorded and clears the
  // marker; committed by the writer's next commit.
  void mark_finished(const std::vector<std::string>& roots);

 private:
  std::optional<std::string> meta(std::string_view key);
  void set_meta(std::string_view key, const std::string& value);

  IndexWriter& writer_;
  SqliteDb& db_;
  Statement find_input_;
  Statement put_input_;
  Statement delete_input_;
  Statement count_;
  Statement under_;
  Statement exactly_;
  Statement get_meta_;
  Statement put_meta_;
  Statement delete_meta_;
};

// Now as ISO 8601 UTC, to the second: "2026-11-26T01:02:03Z".
std::string iso8601_utc_now();

}  // namespace vn
