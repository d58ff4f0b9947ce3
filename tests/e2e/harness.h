// Runs the real vnindex and vnsearch programs for end-to-end tests, and gives each test a fresh
// work directory under the build tree (removed when the test starts, kept after it so a failure
// can be inspected).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vn::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `program` with `args` (no shell), feeding `input` to its standard input.
RunResult run(const std::string& program, const std::vector<std::string>& args,
              const std::string& input = {});

// A program started without waiting for it: its standard input stays open for write_input(),
// its output goes to files read by wait(). For tests that hold a process mid-run, kill it, or
// limit what it may write.
class Spawned {
 public:
  struct Limits {
    long long file_size = -1;  // RLIMIT_FSIZE in bytes; -1 for none.
    // Run as the unprivileged user (see permissions_apply) when the tests run as root.
    bool unprivileged = false;
  };
  Spawned(const std::string& program, const std::vector<std::string>& args, Limits limits);
  Spawned(const std::string& program, const std::vector<std::string>& args)
      : Spawned(program, args, Limits{}) {}
  ~Spawned();  // Kills the process if still running.
  Spawned(const Spawned&) = delete;
  Spawned& operator=(const Spawned&) = delete;

  void write_input(const std::string& bytes);
  void close_input();
  void kill(int signal);
  // Whether it has exited (without waiting).
  bool finished();
  // Waits for the exit and returns the status (128 + signal when killed) and the output.
  RunResult wait();
  // The output so far (the process may be running).
  std::string output_so_far() const;
  int pid() const { return pid_; }

 private:
  int pid_ = -1;
  int input_fd_ = -1;
  std::string out_path_;
  std::string err_path_;
  bool reaped_ = false;
  int status_ = 0;
};

// Runs `program` under `limits` and waits for it.
RunResult run_limited(const std::string& program, const std::vector<std::string>& args,
                      Spawned::Limits limits);

RunResult vnindex(const std::vector<std::string>& args);
RunResult vnsearch(const std::vector<std::string>& args);

// Whether the long tests run (VNSEARCH_SLOW_TESTS=1, set by `scripts/test --slow`).
bool slow_tier();

// A fresh, empty directory for the current test, named after it.
std::filesystem::path work_dir(const std::string& name);

// An index of the sample corpus, built once per test process and shared by read-only tests.
const std::filesystem::path& sample_index();

std::filesystem::path sample_corpus();

std::string vnindex_bin();
std::string vnsearch_bin();

// The shared corpus beside the repository (may be absent: tests then skip with a message).
std::filesystem::path shared_corpus();

// File permissions block nothing for root, and CI runs the tests as root. A test of what a
// permission blocks therefore runs the program with Limits::unprivileged, which as root means as
// the user nobody (uid and gid 65534), on files given to that user by give_to_unprivileged().
// Returns why that cannot work here (a folder above `dir` that others cannot enter), or "".
std::string permissions_unenforceable(const std::filesystem::path& dir);
// As root: makes the unprivileged user own `dir` and everything under it. Otherwise nothing.
void give_to_unprivileged(const std::filesystem::path& dir);

// Key -> Xapian docid of every article row in the index's SQLite file (read only).
std::map<std::string, std::int64_t> indexed_docids(const std::filesystem::path& index);

// Path -> modification time (ns) of every file of the index's Xapian side, to tell whether a run
// wrote anything.
std::map<std::string, std::int64_t> xapian_file_times(const std::filesystem::path& index);

// Writes `content` to `path`, creating parent directories.
void write_file(const std::filesystem::path& path, const std::string& content);

// The keys of the results of `vnsearch search --json`-less text output, in rank order: the lines
// that follow a rank line ("1. title" then "   key · category").
std::vector<std::string> result_keys(const std::string& search_output);

// A program's --json output, parsed; fails the test (showing stderr) when there is none.
nlohmann::json json_output(const RunResult& r);

// `vnsearch COMMAND --index SAMPLE --json ARGS...` (args = {COMMAND, ARGS...}) on the sample
// index, parsed; fails the test unless vnsearch exits 0.
nlohmann::json sample_json(std::vector<std::string> args);

// `vnsearch stats --json` of `index`; fails the test when vnsearch cannot read it.
nlohmann::json index_stats(const std::filesystem::path& index);

// The keys `vnsearch search` finds in `index` for `query` (up to 50), in rank order. Fails the
// test when vnsearch does not answer (exit status over 1), so "nothing found" means just that.
std::vector<std::string> search_keys(const std::filesystem::path& index, const std::string& query);

}  // namespace vn::e2e
