// The single-writer lock of an index: an exclusive flock(2) on <index>/write.lock, held for a
// writer's whole life. Xapian's own locks live inside the shard directories, and compaction
// switches the index to new ones before the writer ends; this lock stays put. The kernel releases
// it when the process dies, so a killed run never leaves a stale lock behind.
#pragma once

#include <filesystem>
#include <stdexcept>

namespace vn {

class IndexLockedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WriterLock {
 public:
  // Creates the index directory when missing and takes the lock, waiting up to a second for it
  // (a --check holds it shared for an instant). Throws IndexLockedError when another process
  // keeps it, std::filesystem::filesystem_error when the file cannot be opened.
  explicit WriterLock(const std::filesystem::path& index_dir);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

  // Whether another process writes the index in `index_dir` now. Never takes the lock for
  // longer than the test; false when the index has no lock file.
  static bool held(const std::filesystem::path& index_dir);

 private:
  int fd_ = -1;
};

}  // namespace vn
