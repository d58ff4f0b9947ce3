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

  void warning(const std::string& where, const std::string& message) override {
    if (++warnings_ > kMaxWarningsShown) {
      return;
    }
    clear_line();
    std::cerr << "vnindex: warning: " << where << ": " << message << '\n';
    if (warnings_ == kMaxWarningsShown) {
      std::cerr << "vnindex: further warnings are counted in the summary, not shown\n";
    }
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
  static constexpr int kMaxWarningsShown = 20;
  bool live_;
  int warnings_ = 0;
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
  if (s.warnings > 0) {
    std::printf("%lld warning%s (articles indexed despite a problem; see stderr)\n",
                static_cast<long long>(s.warnings), s.warnings == 1 ? "" : "s");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "vnindex: index Vietnamese news articles for vnsearch.\n"
      "Reads the given files and folders (recursively):\n"
      "  .txt          one article per file, title on the first line; key = path relative to\n"
      "                the folder given, category = the parent folder's name\n"
      "  .jsonl .json  JSON Lines: one object per line with id, title, body (or content, text),\n"
      "                and optionally category, source, url, date (or published: YYYY-MM-DD,\n"
      "                ISO-8601 or dd/mm/yyyy); other fields are kept as metadata;\n"
      "                key = id, else FILE:LINE\n"
      "  -             JSON Lines on standard input (key without id: stdin:LINE)\n"
      "Any of these may be compressed: .gz .zst .xz .bz2 (e.g. dump.jsonl.zst), read as a stream.\n"
      "Re-running skips unchanged articles and replaces changed ones.",
      "vnindex"};
  std::string index_option;
  std::vector<std::filesystem::path> inputs;
  bool quiet = false;
  app.add_option("--index", index_option,
                 "Index directory (default: $VNSEARCH_INDEX, else ./vnsearch-index)");
  app.add_flag("-q,--quiet", quiet, "No progress line");
  app.add_option("inputs", inputs, "Article files and folders to index, - for standard input")
      ->required();
  app.set_version_flag("--version", std::string("vnindex ") + VNSEARCH_VERSION);
  app.footer(
      "Exit status: 0 success, 1 fatal error (nothing more indexed), 2 usage error,\n"
      "3 finished but some inputs (files or JSON lines) were skipped (each reported on stderr).");
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
  } catch (const vn::IndexVersionError& e) {
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
