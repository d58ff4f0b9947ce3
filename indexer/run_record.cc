#include "indexer/run_record.h"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>

#include "common/schema.h"

namespace vn {

RunRecord::RunRecord(IndexWriter& writer)
    : writer_(writer),
      db_(writer.sqlite_in_transaction()),
      find_input_(db_.prepare("SELECT size, mtime_ns, articles FROM inputs WHERE path = ?1")),
      put_input_(db_.prepare("INSERT OR REPLACE INTO inputs (path, size, mtime_ns, articles) "
                             "VALUES (?1, ?2, ?3, ?4)")),
      delete_input_(db_.prepare("DELETE FROM inputs WHERE path = ?1")),
      count_(db_.prepare("SELECT count(*) FROM articles")),
      // A folder's files are the paths in [folder + "/", folder + "0"): '0' follows '/' in byte
      // order, and SQLite compares text bytewise here (BINARY).
      under_(db_.prepare("SELECT key, path FROM articles WHERE path >= ?1 AND path < ?2")),
      exactly_(db_.prepare("SELECT key, path FROM articles WHERE path = ?1")),
      get_meta_(db_.prepare("SELECT value FROM meta WHERE key = ?1")),
      put_meta_(db_.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")),
      delete_meta_(db_.prepare("DELETE FROM meta WHERE key = ?1")) {}

std::optional<InputStat> RunRecord::input(const std::string& source) {
  writer_.sqlite_in_transaction();
  find_input_.bind(1, source);
  std::optional<InputStat> stat;
  if (find_input_.step()) {
    stat = InputStat{find_input_.integer(0), find_input_.integer(1), find_input_.integer(2)};
  }
  find_input_.reset();
  return stat;
}

void RunRecord::record_input(const std::string& source, const InputStat& stat) {
  writer_.sqlite_in_transaction();
  put_input_.bind(1, source).bind(2, stat.size).bind(3, stat.mtime_ns).bind(4, stat.articles);
  put_input_.run();
}

void RunRecord::forget_input(const std::string& source) {
  writer_.sqlite_in_transaction();
  delete_input_.bind(1, source).run();
}

std::int64_t RunRecord::article_rows() {
  const std::int64_t rows = count_.step() ? count_.integer(0) : 0;
  count_.reset();
  return rows;
}

std::vector<std::pair<std::string, std::string>> RunRecord::articles_from(const std::string& source,
                                                                          bool folder) {
  Statement& st = folder ? under_ : exactly_;
  if (folder) {
    const std::string base = source.ends_with('/') ? source.substr(0, source.size() - 1) : source;
    st.bind(1, base + "/").bind(2, base + "0");
  } else {
    st.bind(1, source);
  }
  std::vector<std::pair<std::string, std::string>> found;
  while (st.step()) {
    found.emplace_back(st.text(0), st.text(1));
  }
  st.reset();
  return found;
}

std::optional<std::string> RunRecord::meta(std::string_view key) {
  get_meta_.bind(1, key);
  std::optional<std::string> value;
  if (get_meta_.step()) {
    value = get_meta_.text(0);
  }
  get_meta_.reset();
  return value;
}

void RunRecord::set_meta(std::string_view key, const std::string& value) {
  writer_.sqlite_in_transaction();
  put_meta_.bind(1, key).bind(2, value).run();
}

std::optional<long> RunRecord::run_in_progress() {
  const std::optional<std::string> pid = meta(schema::kMetaRunInProgress);
  if (!pid) {
    return std::nullopt;
  }
  try {
    return std::stol(*pid);
  } catch (const std::exception&) {
    return 0;  // Unreadable, but set: still an interrupted run.
  }
}

void RunRecord::mark_started() {
  set_meta(schema::kMetaRunInProgress, std::to_string(getpid()));
  writer_.commit();
}

void RunRecord::mark_finished(const std::vector<std::string>& roots) {
  std::vector<std::string> all;
  if (const std::optional<std::string> stored = meta(schema::kMetaRoots)) {
    const nlohmann::json parsed = nlohmann::json::parse(*stored, nullptr, false);
    if (parsed.is_array()) {
      for (const nlohmann::json& root : parsed) {
        if (root.is_string()) {
          all.push_back(root.get<std::string>());
        }
      }
    }
  }
  for (const std::string& root : roots) {
    if (root != "-") {
      all.push_back(root);
    }
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  set_meta(schema::kMetaRoots,
           nlohmann::json(all).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  set_meta(schema::kMetaLastRun, iso8601_utc_now());
  delete_meta_.bind(1, schema::kMetaRunInProgress).run();
}

std::string iso8601_utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace vn
