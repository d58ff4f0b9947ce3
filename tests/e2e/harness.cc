#include "tests/e2e/harness.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace vn::e2e {
namespace {

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

RunResult vnindex(const std::vector<std::string>& args) { return run(VNINDEX_BIN, args); }
RunResult vnsearch(const std::vector<std::string>& args) { return run(VNSEARCH_BIN, args); }

std::filesystem::path work_dir(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(E2E_WORK_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path sample_corpus() { return SAMPLE_CORPUS_DIR; }

const std::filesystem::path& sample_index() {
  static const std::filesystem::path index = [] {
    // One directory per process: CTest runs test cases as separate processes in parallel.
    const std::filesystem::path dir =
        work_dir("sample-index-" + std::to_string(getpid())) / "index";
    const RunResult r = vnindex({"--quiet", "--index", dir.string(), sample_corpus().string()});
    if (r.exit_code != 0) {
      throw std::runtime_error("indexing the sample corpus failed: " + r.err);
    }
    return dir;
  }();
  return index;
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

}  // namespace vn::e2e
