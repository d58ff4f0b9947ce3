#include "indexer/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <system_error>

namespace vn {
namespace {

std::filesystem::path lock_path(const std::filesystem::path& index_dir) {
  return index_dir / "write.lock";
}

}  // namespace

WriterLock::WriterLock(const std::filesystem::path& index_dir) {
  std::filesystem::create_directories(index_dir);
  const std::filesystem::path path = lock_path(index_dir);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw std::filesystem::filesystem_error("cannot open the index's lock file", path,
                                            std::error_code(errno, std::generic_category()));
  }
  // A `vnindex --check` tests the lock by taking it shared for an instant: wait that out (a
  // second) rather than call it another writer.
  int error = 0;
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
      return;
    }
    error = errno;
    if (error != EWOULDBLOCK) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::close(fd_);
  if (error == EWOULDBLOCK) {
    throw IndexLockedError("index " + index_dir.string() +
                           " is being written by another vnindex; wait for it to finish");
  }
  throw std::filesystem::filesystem_error("cannot lock the index", path,
                                          std::error_code(error, std::generic_category()));
}

WriterLock::~WriterLock() { ::close(fd_); }

bool WriterLock::held(const std::filesystem::path& index_dir) {
  const int fd = ::open(lock_path(index_dir).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  const bool busy = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);
  return busy;
}

}  // namespace vn
