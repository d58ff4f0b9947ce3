// vnindex: the command-line front of the indexer library. Parses options, shows progress and the
// summary, maps failures to exit codes (README "Exit status").
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <xapian.h>

#include <cstdio>
#include <iostream>

#include "common/index_location.h"
#include "common/sqlite.h"
#include "indexer/index_writer.h"
#include "indexer/indexer.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFatal = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 3;

class TerminalObserver : public vn::IndexObserver {
 public:
  explicit TerminalObserver(bool quiet) : live_(!quiet && isatty(STDERR_FILENO)) {}

  void skipped(const std::string& path, const std::string& reason) override {
    clear_line();
    std::cerr << "vnindex: skipped " << path << ": " << reason << '\n';
  }

  void progress(const vn::IndexSummary& s) override {
    const auto now = std::chrono::steady_clock::now();
    if (!live_ || now - last_ < std::chrono::milliseconds(200)) {
      return;
    }
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(s.bytes) / 1e6;
    std::fprintf(stderr, "\r%lld articles, %.1f MB, %.1f MB/s\033[K",
                 static_cast<long long>(s.added + s.updated + s.unchanged), mb,
                 seconds > 0 ? mb / seconds : 0.0);
    drawn_ = true;
  }

  void clear_line() {
    if (drawn_) {
      std::cerr << "\r\033[K";
      drawn_ = false;
    }
  }

 private:
  bool live_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void print_summary(const vn::IndexSummary& s, const std::filesystem::path& dir) {
  const double mb = static_cast<double>(s.bytes) / 1e6;
  std::printf(
      "indexed into %s: %lld added, %lld updated, %lld unchanged, %lld skipped; %lld articles in "
      "the index; %.1f MB in %.2f s (%.1f MB/s)\n",
      dir.string().c_str(), static_cast<long long>(s.added), static_cast<long long>(s.updated),
      static_cast<long long>(s.unchanged), static_cast<long long>(s.skipped),
      static_cast<long long>(s.articles), mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "vnindex: index Vietnamese news articles for vnsearch.\n"
      "Reads .txt articles (one per file, title on the first line) from the given files and\n"
      "folders (recursively); the category is the parent folder's name. Re-running skips\n"
      "unchanged articles and replaces changed ones.",
      "vnindex"};
  std::string index_option;
  std::vector<std::filesystem::path> inputs;
  bool quiet = false;
  app.add_option("--index", index_option,
                 "Index directory (default: $VNSEARCH_INDEX, else ./vnsearch-index)");
  app.add_flag("-q,--quiet", quiet, "No progress line");
  app.add_option("inputs", inputs, "Article files and folders to index")->required();
  app.set_version_flag("--version", std::string("vnindex ") + VNSEARCH_VERSION);
  app.footer(
      "Exit status: 0 success, 1 fatal error (nothing more indexed), 2 usage error,\n"
      "3 finished but some inputs were skipped (each reported on stderr).");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);
    }
    std::cerr << "vnindex: " << e.what() << " (see vnindex --help)\n";
    return kExitUsage;
  }

  const std::filesystem::path dir = vn::resolve_index_dir(index_option);
  TerminalObserver observer(quiet);
  try {
    const vn::IndexSummary summary = vn::run_index({dir, inputs}, observer);
    observer.clear_line();
    print_summary(summary, dir);
    return summary.skipped > 0 ? kExitSkipped : kExitOk;
  } catch (const vn::IndexLockedError& e) {
    std::cerr << "vnindex: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "vnindex: " << dir.string() << ": " << e.get_description() << '\n';
  } catch (const vn::SqliteError& e) {
    std::cerr << "vnindex: " << e.what() << '\n';
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "vnindex: " << e.what() << '\n';
  }
  observer.clear_line();
  return kExitFatal;
}
