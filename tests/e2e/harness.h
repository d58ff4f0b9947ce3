// Runs the real vnindex and vnsearch programs for end-to-end tests, and gives each test a fresh
// work directory under the build tree (removed when the test starts, kept after it so a failure
// can be inspected).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vn::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `program` with `args` (no shell), feeding `input` to its standard input.
RunResult run(const std::string& program, const std::vector<std::string>& args,
              const std::string& input = {});

RunResult vnindex(const std::vector<std::string>& args);
RunResult vnsearch(const std::vector<std::string>& args);

// A fresh, empty directory for the current test, named after it.
std::filesystem::path work_dir(const std::string& name);

// An index of the sample corpus, built once per test process and shared by read-only tests.
const std::filesystem::path& sample_index();

std::filesystem::path sample_corpus();

// Writes `content` to `path`, creating parent directories.
void write_file(const std::filesystem::path& path, const std::string& content);

// The keys of the results of `vnsearch search --json`-less text output, in rank order: the lines
// that follow a rank line ("1. title" then "   key · category").
std::vector<std::string> result_keys(const std::string& search_output);

}  // namespace vn::e2e
