// One vnindex run: list the inputs, skip those unchanged since the last run, read and analyse each
// article, write the changed ones, prune vanished ones, commit. Repairs the index first when the
// last run was interrupted. Reports through IndexObserver; never prints.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vn {

struct IndexOptions {
  std::filesystem::path index_dir;           // Created when missing.
  std::vector<std::filesystem::path> inputs;  // Files and directories.
  std::size_t commit_every = 2000;           // Articles between commits (bounds lost work).
  unsigned jobs = 0;  // Worker threads (and shards of a new index); 0: one per core.
  // Delete the articles of the roots given whose inputs vanished (files under a folder given that
  // no longer exist, keys no longer in a JSON Lines input given).
  bool prune = false;
  // Compare Xapian and SQLite and drop what disagrees even when the last run finished.
  bool repair = false;
};

struct IndexSummary {
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t deleted = 0;      // Pruned (--prune).
  std::int64_t repaired = 0;     // Articles dropped because Xapian and SQLite disagreed.
  std::int64_t skipped = 0;      // Inputs (files or JSON lines) reported as bad and not indexed.
  std::int64_t warnings = 0;     // Articles indexed despite a problem (e.g. an unreadable date).
  std::int64_t bytes = 0;        // Article bytes read.
  std::int64_t input_bytes_done = 0;   // Input file bytes (on disk) read or skipped as unchanged.
  std::int64_t input_bytes_total = 0;  // Input file bytes in all; 0 when unknown (stdin).
  std::int64_t articles = 0;     // Articles in the index after the run.
  double seconds = 0;
};

// Receives events during a run; the program decides how to show them.
class IndexObserver {
 public:
  virtual ~IndexObserver() = default;
  // An input that was not indexed, with a one-line reason. `path` is "file:LINE" for a line of a
  // JSON Lines input.
  virtual void skipped(const std::string& path, const std::string& reason) = 0;
  // An article indexed despite a problem, at `where` ("file:LINE").
  virtual void warning(const std::string& /*where*/, const std::string& /*message*/) {}
  // Called after each article with the running totals.
  virtual void progress(const IndexSummary& so_far) = 0;
};

// Runs the indexer. Throws on errors that stop the run (index locked or unwritable); bad inputs
// are reported and counted instead.
IndexSummary run_index(const IndexOptions& options, IndexObserver& observer);

}  // namespace vn
