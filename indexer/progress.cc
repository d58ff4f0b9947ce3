#include "indexer/progress.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace vn {
namespace {

double megabytes(std::int64_t bytes) { return static_cast<double>(bytes) / 1e6; }

double rate(std::int64_t bytes, double seconds) {
  return seconds > 0 ? megabytes(bytes) / seconds : 0.0;
}

// "1:05" or "2:03:10".
std::string clock_text(double seconds) {
  const long total = static_cast<long>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
  }
  return text;
}

}  // namespace

void TerminalObserver::skipped(const std::string& path, const std::string& reason) {
  clear_line();
  // Paths and reasons come from the inputs (an archive's entry names): shown escaped, they can
  // neither break the line nor send a terminal escape.
  std::cerr << "vnindex: skipped " << escape_controls(path) << ": " << escape_controls(reason)
            << '\n';
}

void TerminalObserver::warning(const std::string& where, const std::string& message) {
  if (++warnings_ > kMaxWarningsShown) {
    return;
  }
  clear_line();
  std::cerr << "vnindex: warning: " << escape_controls(where) << ": "
            << escape_controls(message) << '\n';
  if (warnings_ == kMaxWarningsShown) {
    std::cerr << "vnindex: further warnings are counted in the summary, not shown\n";
  }
}

void TerminalObserver::progress(const IndexSummary& s) {
  const auto now = std::chrono::steady_clock::now();
  if (!live_ || now - last_ < std::chrono::milliseconds(200)) {
    return;
  }
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // The rate and ETA count input bytes on disk (compressed, for a compressed dump), the only
  // measure of which the total is known in advance.
  std::string eta;
  if (s.input_bytes_total > 0 && s.input_bytes_done > 0 && seconds > 1) {
    const double left = static_cast<double>(s.input_bytes_total - s.input_bytes_done);
    eta = ", " + std::to_string(100 * s.input_bytes_done / s.input_bytes_total) + "%, ETA " +
          clock_text(left / (static_cast<double>(s.input_bytes_done) / seconds));
  }
  std::fprintf(stderr, "\r%lld articles, %.1f MB, %.1f MB/s%s\033[K",
               static_cast<long long>(s.added + s.updated + s.unchanged), megabytes(s.bytes),
               rate(s.bytes, seconds), eta.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void TerminalObserver::clear_line() {
  if (drawn_) {
    std::cerr << "\r\033[K";
    drawn_ = false;
  }
}

std::string summary_text(const IndexSummary& s, const std::filesystem::path& dir) {
  char text[512];
  std::snprintf(
      text, sizeof text,
      "indexed into %s: %lld added, %lld updated, %lld unchanged, %lld skipped, %lld deleted; "
      "%lld articles in the index; %.1f MB in %.2f s (%.1f MB/s)\n",
      dir.string().c_str(), static_cast<long long>(s.added), static_cast<long long>(s.updated),
      static_cast<long long>(s.unchanged), static_cast<long long>(s.skipped),
      static_cast<long long>(s.deleted), static_cast<long long>(s.articles), megabytes(s.bytes),
      s.seconds, rate(s.bytes, s.seconds));
  std::string out = text;
  if (s.repaired > 0) {
    out += "repaired an interrupted run: " + std::to_string(s.repaired) +
           " articles on only one side dropped and re-read from their inputs\n";
  }
  if (s.warnings > 0) {
    out += std::to_string(s.warnings) + " warning" + (s.warnings == 1 ? "" : "s") +
           " (articles indexed despite a problem; see stderr)\n";
  }
  return out;
}

std::string summary_json(const IndexSummary& s, const std::filesystem::path& dir) {
  const nlohmann::ordered_json j = {
      {"index", dir.string()},    {"added", s.added},       {"updated", s.updated},
      {"unchanged", s.unchanged}, {"skipped", s.skipped},   {"deleted", s.deleted},
      {"repaired", s.repaired},   {"warnings", s.warnings}, {"articles", s.articles},
      {"bytes", s.bytes},         {"seconds", s.seconds},   {"mb_per_s", rate(s.bytes, s.seconds)},
  };
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace vn
