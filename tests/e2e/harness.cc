#include "tests/e2e/harness.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "common/index_location.h"
#include "common/sqlite.h"

extern char** environ;

namespace vn::e2e {
namespace {

// The user and group nobody: what permission tests run as when the tests run as root.
constexpr uid_t kUnprivileged = 65534;

void pipe_or_throw(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
}

// Pumps stdin and drains stdout/stderr together so no pipe fills up and blocks the child.
void pump(int in_fd, const std::string& input, int out_fd, int err_fd, RunResult& r) {
  std::size_t written = 0;
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  std::array<char, 65536> buf{};
  while (out_fd >= 0 || err_fd >= 0) {
    std::array<pollfd, 3> fds{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}, {in_fd, POLLOUT, 0}}};
    poll(fds.data(), fds.size(), -1);
    for (int k = 0; k < 2; ++k) {
      int& fd = k == 0 ? out_fd : err_fd;
      if (fd >= 0 && (fds[k].revents & (POLLIN | POLLHUP | POLLERR))) {
        const ssize_t n = read(fd, buf.data(), buf.size());
        if (n <= 0) {
          close(fd);
          fd = -1;
        } else {
          (k == 0 ? r.out : r.err).append(buf.data(), static_cast<std::size_t>(n));
        }
      }
    }
    if (in_fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      written += n > 0 ? static_cast<std::size_t>(n) : input.size();
      if (written >= input.size()) {
        close(in_fd);
        in_fd = -1;
      }
    }
  }
  if (in_fd >= 0) {
    close(in_fd);
  }
}

}  // namespace

RunResult run(const std::string& program, const std::vector<std::string>& args,
              const std::string& input) {
  int in[2], out[2], err[2];
  pipe_or_throw(in);
  pipe_or_throw(out);
  pipe_or_throw(err);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0) {
    throw std::runtime_error("cannot start " + program);
  }
  RunResult r;
  pump(in[1], input, out[0], err[0], r);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

Spawned::Spawned(const std::string& program, const std::vector<std::string>& args, Limits limits) {
  static std::atomic<int> serial{0};
  const std::string base = (std::filesystem::path(E2E_WORK_DIR) / "spawned-").string() +
                           std::to_string(getpid()) + "-" + std::to_string(serial++);
  std::filesystem::create_directories(E2E_WORK_DIR);
  out_path_ = base + ".out";
  err_path_ = base + ".err";
  int in[2];
  pipe_or_throw(in);
  const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0 || err < 0) {
    throw std::runtime_error("cannot create output files " + base);
  }
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  // fork + exec rather than posix_spawn: only a forked child can set its own rlimit. The child
  // calls only async-signal-safe functions.
  pid_ = fork();
  if (pid_ == 0) {
    if (limits.file_size >= 0) {
      const rlimit limit{static_cast<rlim_t>(limits.file_size),
                         static_cast<rlim_t>(limits.file_size)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (limits.unprivileged && geteuid() == 0 &&
        (setgroups(0, nullptr) != 0 || setgid(kUnprivileged) != 0 ||
         setuid(kUnprivileged) != 0)) {
      static constexpr char kMessage[] = "e2e harness: cannot switch to the unprivileged user\n";
      [[maybe_unused]] const ssize_t n = write(err, kMessage, sizeof kMessage - 1);
      _exit(126);
    }
    dup2(in[0], 0);
    dup2(out, 1);
    dup2(err, 2);
    execve(program.c_str(), argv.data(), environ);
    _exit(127);
  }
  close(in[0]);
  close(out);
  close(err);
  if (pid_ < 0) {
    close(in[1]);
    throw std::runtime_error("cannot start " + program);
  }
  input_fd_ = in[1];
}

Spawned::~Spawned() {
  if (!reaped_) {
    kill(SIGKILL);
    wait();
  }
  if (input_fd_ >= 0) {
    close(input_fd_);
  }
  std::error_code ec;
  std::filesystem::remove(out_path_, ec);
  std::filesystem::remove(err_path_, ec);
}

void Spawned::write_input(const std::string& bytes) {
  std::size_t written = 0;
  while (input_fd_ >= 0 && written < bytes.size()) {
    const ssize_t n = write(input_fd_, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      break;
    }
    written += static_cast<std::size_t>(n);
  }
}

void Spawned::close_input() {
  if (input_fd_ >= 0) {
    close(input_fd_);
    input_fd_ = -1;
  }
}

void Spawned::kill(int signal) {
  if (!reaped_) {
    ::kill(pid_, signal);
  }
}

bool Spawned::finished() {
  if (!reaped_ && waitpid(pid_, &status_, WNOHANG) == pid_) {
    reaped_ = true;
  }
  return reaped_;
}

namespace {
std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

std::string Spawned::output_so_far() const { return read_whole(out_path_) + read_whole(err_path_); }

RunResult Spawned::wait() {
  close_input();
  if (!reaped_) {
    waitpid(pid_, &status_, 0);
    reaped_ = true;
  }
  RunResult r;
  r.exit_code = WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
  r.out = read_whole(out_path_);
  r.err = read_whole(err_path_);
  return r;
}

RunResult run_limited(const std::string& program, const std::vector<std::string>& args,
                      Spawned::Limits limits) {
  Spawned p(program, args, limits);
  return p.wait();
}

std::string vnindex_bin() { return VNINDEX_BIN; }
std::string vnsearch_bin() { return VNSEARCH_BIN; }
std::filesystem::path shared_corpus() { return SHARED_CORPUS_DIR; }
namespace {

// Where the unprivileged user cannot go on the way to `path`: a folder above it that others
// cannot enter, or "".
std::string unreachable_above(const std::filesystem::path& path) {
  for (std::filesystem::path p = std::filesystem::absolute(path).parent_path();;
       p = p.parent_path()) {
    struct stat st{};
    if (stat(p.c_str(), &st) != 0 || (st.st_mode & S_IXOTH) == 0) {
      return p.string();
    }
    if (p == p.root_path()) {
      return {};
    }
  }
}

}  // namespace

std::string permissions_unenforceable(const std::filesystem::path& dir) {
  if (geteuid() != 0) {
    return {};
  }
  for (const std::filesystem::path& needed : {dir, std::filesystem::path(VNINDEX_BIN)}) {
    if (const std::string folder = unreachable_above(needed); !folder.empty()) {
      return "running as root, and the unprivileged user cannot enter " + folder;
    }
  }
  return {};
}

void give_to_unprivileged(const std::filesystem::path& dir) {
  if (geteuid() != 0) {
    return;
  }
  REQUIRE(lchown(dir.c_str(), kUnprivileged, kUnprivileged) == 0);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    REQUIRE(lchown(entry.path().c_str(), kUnprivileged, kUnprivileged) == 0);
  }
}

RunResult vnindex(const std::vector<std::string>& args) { return run(VNINDEX_BIN, args); }
RunResult vnsearch(const std::vector<std::string>& args) { return run(VNSEARCH_BIN, args); }

std::filesystem::path work_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(E2E_WORK_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path sample_corpus() { return SAMPLE_CORPUS_DIR; }

namespace {

// The sample index of this process, removed when the process ends (one per test case under
// CTest; thousands of runs would otherwise fill the disk).
struct SampleIndex {
  // One directory per process: CTest runs test cases as separate processes in parallel.
  std::filesystem::path dir = work_dir("sample-index-" + std::to_string(getpid()));
  SampleIndex() {
    const RunResult r = vnindex({"--quiet", "--index", index().string(), sample_corpus().string()});
    if (r.exit_code != 0) {
      throw std::runtime_error("indexing the sample corpus failed: " + r.err);
    }
  }
  ~SampleIndex() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  SampleIndex(const SampleIndex&) = delete;
  SampleIndex& operator=(const SampleIndex&) = delete;
  std::filesystem::path index() const { return dir / "index"; }
};

}  // namespace

const std::filesystem::path& sample_index() {
  static const SampleIndex sample;
  static const std::filesystem::path index = sample.index();
  return index;
}

std::map<std::string, std::int64_t> indexed_docids(const std::filesystem::path& index) {
  vn::SqliteDb db(vn::sqlite_path(index).string(), vn::SqliteDb::Mode::kReadOnly);
  vn::Statement rows = db.prepare("SELECT key, docid FROM articles");
  std::map<std::string, std::int64_t> out;
  while (rows.step()) {
    out[rows.text(0)] = rows.integer(1);
  }
  return out;
}

std::map<std::string, std::int64_t> xapian_file_times(const std::filesystem::path& index) {
  std::map<std::string, std::int64_t> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(vn::xapian_path(index))) {
    if (entry.is_regular_file() && entry.path().filename() != "flintlock") {
      out[entry.path().string()] = entry.last_write_time().time_since_epoch().count();
    }
  }
  return out;
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> result_keys(const std::string& search_output) {
  std::vector<std::string> keys;
  std::istringstream in(search_output);
  std::string line;
  bool after_rank = false;
  while (std::getline(in, line)) {
    if (after_rank && line.starts_with("   ")) {
      const std::string rest = line.substr(3);
      keys.push_back(rest.substr(0, rest.find(" · ")));
    }
    after_rank = !line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) &&
                 line.find(". ") != std::string::npos;
  }
  return keys;
}

bool slow_tier() {
  const char* slow = std::getenv("VNSEARCH_SLOW_TESTS");
  return slow != nullptr && std::string(slow) == "1";
}

nlohmann::json json_output(const RunResult& r) {
  REQUIRE_MESSAGE(!r.out.empty(), r.err);
  return nlohmann::json::parse(r.out);
}

nlohmann::json sample_json(std::vector<std::string> args) {
  args.insert(args.begin() + 1, {"--index", sample_index().string(), "--json"});
  const RunResult r = vnsearch(args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

nlohmann::json index_stats(const std::filesystem::path& index) {
  const RunResult r = vnsearch({"stats", "--index", index.string(), "--json"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> search_keys(const std::filesystem::path& index,
                                     const std::string& query) {
  const RunResult r = vnsearch({"search", "--index", index.string(), "--limit", "50", query});
  REQUIRE_MESSAGE(r.exit_code <= 1, "vnsearch search " << query << ": " << r.err);
  return result_keys(r.out);
}

}  // namespace vn::e2e
