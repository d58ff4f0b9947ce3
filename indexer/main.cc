// vnindex: the command-line front of the indexer library. Parses options, runs the indexer or the
// check, shows the summary, and turns failures into one clear message and an exit code (README
// "Exit status").
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "common/index_location.h"
#include "common/sqlite.h"
#include "indexer/index_check.h"
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "indexer/progress.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFatal = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 3;
constexpr int kExitLocked = 4;
constexpr int kExitInconsistent = 5;

const std::string kAfterWriteFailure =
    "; the index keeps its last committed state (vnsearch still searches it): free space (or "
    "raise the file-size limit) and run the same command again to complete it";

// The message for an error that stopped the run, with what to do about it.
std::string fatal_message(const std::exception_ptr& error, const std::filesystem::path& dir) {
  const std::string rebuild = "; rebuild it: " + vn::rebuild_command(dir);
  try {
    std::rethrow_exception(error);
  } catch (const vn::IndexLockedError& e) {
    return e.what();
  } catch (const vn::IndexVersionError& e) {
    return e.what();
  } catch (const Xapian::DatabaseCorruptError& e) {
    return "the index " + dir.string() + " is damaged: " + e.get_description() + rebuild;
  } catch (const Xapian::DatabaseOpeningError& e) {
    return "cannot open the index " + dir.string() + ": " + e.get_description() + rebuild;
  } catch (const Xapian::DatabaseError& e) {
    if (e.get_msg().find("writing") != std::string::npos) {
      return "cannot write the index " + dir.string() + ": " + e.get_description() +
             kAfterWriteFailure;
    }
    return "cannot read the index " + dir.string() + " (damaged?): " + e.get_description() +
           rebuild;
  } catch (const Xapian::Error& e) {
    return dir.string() + ": " + e.get_description();
  } catch (const vn::SqliteError& e) {
    const std::string what = e.what();
    if (what.find("not a database") != std::string::npos ||
        what.find("malformed") != std::string::npos) {
      return "the index's SQLite file is damaged: " + what + rebuild;
    }
    if (what.find("full") != std::string::npos || what.find("I/O error") != std::string::npos) {
      return "cannot write the index: " + what + kAfterWriteFailure;
    }
    return "cannot use the index's SQLite file: " + what;
  } catch (const std::filesystem::filesystem_error& e) {
    return std::string(e.what()) + "; check the permissions, or choose another --index";
  } catch (const std::bad_alloc&) {
    return "out of memory";
  } catch (const std::exception& e) {
    return std::string("unexpected error: ") + e.what();
  }
  return "unexpected error";
}

bool is_locked_error(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const vn::IndexLockedError&) {
    return true;
  } catch (...) {
    return false;
  }
}

int check(const std::filesystem::path& dir) {
  const vn::CheckReport report = vn::check_index(dir);
  std::ostream& out = report.status == vn::CheckStatus::kConsistent ? std::cout : std::cerr;
  const char* verdict = report.status == vn::CheckStatus::kConsistent ? "consistent"
                        : report.status == vn::CheckStatus::kBusy     ? "busy"
                                                                      : "NOT consistent";
  out << "vnindex: index " << dir.string() << ": " << verdict << '\n';
  for (const std::string& finding : report.findings) {
    out << "  " << finding << '\n';
  }
  if (!report.fix.empty()) {
    out << "  to fix: " << report.fix << '\n';
  }
  switch (report.status) {
    case vn::CheckStatus::kConsistent:
      return kExitOk;
    case vn::CheckStatus::kBusy:
      return kExitLocked;
    case vn::CheckStatus::kInconsistent:
      return kExitInconsistent;
    case vn::CheckStatus::kUnreadable:
      return kExitFatal;
  }
  return kExitFatal;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "vnindex: index Vietnamese news articles for vnsearch.\n"
      "Reads the given files and folders (recursively):\n"
      "  .txt          one article per file, title on the first line (a one-line article is\n"
      "                split where its headline ends); key = path relative to the folder given,\n"
      "                category = the parent folder's name\n"
      "  .jsonl .json  JSON Lines: one object per line with id, title, body (or content, text),\n"
      "                and optionally category, source, url, date (or published: YYYY-MM-DD,\n"
      "                ISO-8601 or dd/mm/yyyy); other fields are kept as metadata;\n"
      "                key = id, else FILE:LINE\n"
      "  -             JSON Lines on standard input (key without id: stdin:LINE)\n"
      "  .zip .tar .tgz .tar.gz .tar.zst .tar.xz .tar.bz2\n"
      "                archives: each .txt, .jsonl or .json entry as above, key ARCHIVE/ENTRY\n"
      "Any of these may be compressed: .gz .zst .xz .bz2 (e.g. dump.jsonl.zst), read as a stream.\n"
      "Re-running skips unchanged files (same size and time) and articles (same content hash),\n"
      "and replaces changed ones; --prune also deletes the articles whose inputs vanished.",
      "vnindex"};
  std::string index_option;
  std::vector<std::filesystem::path> inputs;
  bool quiet = false;
  bool json = false;
  bool prune = false;
  bool check_only = false;
  bool repair = false;
  std::size_t commit_every = 2000;
  app.add_option("--index", index_option,
                 "Index directory (default: $VNSEARCH_INDEX, else ./vnsearch-index)");
  app.add_flag("-q,--quiet", quiet, "No progress line (it is drawn only on a terminal anyway)");
  app.add_flag("--json", json, "Print the summary as one JSON object on stdout");
  app.add_flag("--prune", prune,
               "Delete the articles of the folders and files given whose inputs vanished");
  app.add_flag("--check", check_only,
               "Only verify the index (Xapian and SQLite agree, versions) and say how to fix it");
  app.add_flag("--repair", repair,
               "Drop the articles on which Xapian and SQLite disagree, then index the inputs");
  app.add_option("--commit-every", commit_every, "Articles between commits (default 2000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  unsigned jobs = 0;
  app.add_option("-j,--jobs", jobs,
                 "Threads analysing and writing (default: one per core); a new index gets one "
                 "Xapian shard per job")
      ->check(CLI::Range(1U, 256U));
  app.add_option("inputs", inputs, "Article files and folders to index, - for standard input");
  app.set_version_flag("--version", std::string("vnindex ") + VNSEARCH_VERSION);
  app.footer(
      "Exit status: 0 success (--check: consistent), 1 fatal error (the message says what to\n"
      "do; the index keeps its last committed state), 2 usage error, 3 finished but some inputs\n"
      "(files or JSON lines) were skipped (each reported on stderr), 4 another vnindex is\n"
      "writing the index (--check: a run is in progress), 5 --check found the index\n"
      "inconsistent.");
  try {
    app.parse(argc, argv);
    if (check_only && (!inputs.empty() || prune || repair)) {
      throw CLI::ValidationError("--check takes no inputs and no other action");
    }
    if (!check_only && inputs.empty() && !repair) {
      throw CLI::ValidationError("no inputs given: name the files and folders to index");
    }
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);
    }
    std::cerr << "vnindex: " << e.what() << " (see vnindex --help)\n";
    return kExitUsage;
  }

  const std::filesystem::path dir = vn::resolve_index_dir(index_option);
  if (check_only) {
    return check(dir);
  }
  // A write over a file-size limit fails with EFBIG (reported below) instead of killing us.
  signal(SIGXFSZ, SIG_IGN);
  if (std::error_code ec; std::filesystem::exists(dir, ec) && access(dir.c_str(), W_OK) != 0) {
    std::cerr << "vnindex: the index " << dir.string()
              << " is read-only for this user; make it writable, or choose another --index\n";
    return kExitFatal;
  }
  vn::TerminalObserver observer(!quiet && !json && isatty(STDERR_FILENO));
  std::exception_ptr error;
  try {
    vn::IndexOptions options{dir, inputs};
    options.jobs = jobs;
    options.commit_every = commit_every;
    options.prune = prune;
    options.repair = repair;
    const vn::IndexSummary summary = vn::run_index(options, observer);
    observer.clear_line();
    std::cout << (json ? vn::summary_json(summary, dir) : vn::summary_text(summary, dir))
              << std::flush;
    return summary.skipped > 0 ? kExitSkipped : kExitOk;
  } catch (...) {
    error = std::current_exception();
  }
  observer.clear_line();
  std::cerr << "vnindex: " << fatal_message(error, dir) << '\n';
  return is_locked_error(error) ? kExitLocked : kExitFatal;
}
