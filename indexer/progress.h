// What vnindex shows while and after it runs: skipped inputs and warnings on stderr, a live
// progress line when stderr is a terminal (articles, MB, MB/s, and the ETA when the input's total
// size is known), and the final summary as a sentence or as one JSON object.
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "indexer/indexer.h"

namespace vn {

class TerminalObserver : public IndexObserver {
 public:
  // `live`: draw the progress line (stderr is a terminal and --quiet was not given).
  explicit TerminalObserver(bool live) : live_(live) {}

  void skipped(const std::string& path, const std::string& reason) override;
  void warning(const std::string& where, const std::string& message) override;
  void progress(const IndexSummary& so_far) override;
  // Erases the progress line, if drawn, before other output.
  void clear_line();

 private:
  static constexpr int kMaxWarningsShown = 20;
  bool live_;
  int warnings_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// "indexed into DIR: 3 added, 0 updated, ... (1.2 MB/s)" and a line for warnings or repairs.
std::string summary_text(const IndexSummary& s, const std::filesystem::path& dir);
// The same as one JSON object on one line (stable field names; see README).
std::string summary_json(const IndexSummary& s, const std::filesystem::path& dir);

}  // namespace vn
