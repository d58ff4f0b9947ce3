#include "indexer/index_check.h"
#include <nlohmann/json.hpp>
#include <optional>

#include "common/index_location.h"
#include "common/schema.h"
#include "indexer/writer_lock.h"

namespace vn {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> sqlite_meta(SqliteDb& db, std::string_view key) {
  Statement st = db.prepare("SELECT value FROM meta WHERE key = ?1");
  st.bind(1, key);
  if (!st.step()) {
    return std::nullopt;
  }
  return st.text(0);
}

std::string version_finding(const std::string& side, const std::string& analyzer,
                            const std::string& schema_version) {
  if (analyzer == std::to_string(schema::kAnalyzerVersion) &&
      schema_version == std::to_string(schema::kSchemaVersion)) {
    return {};
  }
  return side + " was written by another version (analyser " + (analyzer.empty() ? "?" : analyzer) +
         ", schema " + (schema_version.empty() ? "?" : schema_version) + "; this vnindex writes " +
         std::to_string(schema::kAnalyzerVersion) + ", " + std::to_string(schema::kSchemaVersion) +
         ")";
}

}  // namespace

SideComparison compare_sides(const Xapian::Database& xapian, SqliteDb& sqlite) {
  SideComparison out;
  out.xapian_documents = xapian.get_doccount();
  Statement count = sqlite.prepare("SELECT count(*) FROM articles");
  out.sqlite_rows = count.step() ? count.integer(0) : 0;

  const std::string prefix(schema::kKey);
  Xapian::TermIterator term = xapian.allterms_begin(prefix);
  const Xapian::TermIterator terms_end = xapian.allterms_end(prefix);
  Statement rows = sqlite.prepare("SELECT key, docid, path FROM articles ORDER BY key");
  bool have_row = rows.step();
  while (term != terms_end || have_row) {
    const std::optional<std::string> xkey =
        term != terms_end ? std::optional((*term).substr(prefix.size())) : std::nullopt;
    const std::optional<std::string> skey = have_row ? std::optional(rows.text(0)) : std::nullopt;
    if (xkey && (!skey || *xkey < *skey)) {
      out.mismatches.push_back({Mismatch::Kind::kOnlyXapian, *xkey, {}});
      ++term;
      continue;
    }
    if (skey && (!xkey || *skey < *xkey)) {
      out.mismatches.push_back({Mismatch::Kind::kOnlySqlite, *skey, rows.text(2)});
      have_row = rows.step();
      continue;
    }
    if (term.get_termfreq() > 1) {
      out.mismatches.push_back({Mismatch::Kind::kDuplicate, *xkey, rows.text(2)});
    } else if (*xapian.postlist_begin(*term) != static_cast<Xapian::docid>(rows.integer(1))) {
      out.mismatches.push_back({Mismatch::Kind::kDocid, *xkey, rows.text(2)});
    }
    ++term;
    have_row = rows.step();
  }
  return out;
}

std::string describe(const Mismatch& m) {
  switch (m.kind) {
    case Mismatch::Kind::kOnlyXapian:
      return "key " + m.key + " is in Xapian but has no SQLite row";
    case Mismatch::Kind::kOnlySqlite:
      return "key " + m.key + " has a SQLite row but no Xapian document";
    case Mismatch::Kind::kDocid:
      return "key " + m.key + ": the SQLite row names another Xapian document";
    case Mismatch::Kind::kDuplicate:
      return "key " + m.key + " is on several Xapian documents";
  }
  return {};
}

CheckReport check_index(const fs::path& dir) {
  CheckReport report;
  const std::string d = shell_word(dir.string());
  auto unreadable = [&](const std::string& finding) {
    report.status = CheckStatus::kUnreadable;
    report.findings.push_back(finding);
    report.fix = "rebuild it: " + rebuild_command(dir);
    return report;
  };
  std::error_code ec;
  if (!fs::exists(sqlite_path(dir), ec) || !fs::exists(xapian_path(dir), ec)) {
    report.status = CheckStatus::kUnreadable;
    report.findings.push_back("no index at " + dir.string());
    report.fix = "create it: vnindex --index " + d + " ARTICLES...";
    return report;
  }
  // First: while a run writes, its first commit may not have stamped the versions yet, and the
  // shards may be between two commits.
  if (WriterLock::held(dir)) {
    report.status = CheckStatus::kBusy;
    report.findings.push_back("a vnindex is writing this index now");
    report.fix = "check again when it has finished";
    return report;
  }
  std::optional<Xapian::Database> xapian;
  try {
    xapian.emplace(open_xapian_for_reading(dir));
  } catch (const Xapian::Error& e) {
    return unreadable("cannot read the Xapian database: " + e.get_description());
  }
  std::optional<SqliteDb> sqlite;
  try {
    sqlite.emplace(sqlite_path(dir).string(), SqliteDb::Mode::kReadOnly);
    Statement integrity = sqlite->prepare("PRAGMA quick_check");
    const std::string verdict = integrity.step() ? integrity.text(0) : "no answer";
    if (verdict != "ok") {
      return unreadable("the SQLite file is damaged: " + verdict);
    }
  } catch (const SqliteError& e) {
    return unreadable(std::string("cannot read the SQLite file: ") + e.what());
  }

  try {
    std::vector<std::string> problems;
    for (const std::string& finding :
         {version_finding("the Xapian database",
                          xapian->get_metadata(std::string(schema::kMetaAnalyzerVersion)),
                          xapian->get_metadata(std::string(schema::kMetaSchemaVersion))),
          version_finding("the SQLite file",
                          sqlite_meta(*sqlite, schema::kSqliteMetaAnalyzer).value_or(""),
                          sqlite_meta(*sqlite, schema::kSqliteMetaSchema).value_or(""))}) {
      if (!finding.empty()) {
        problems.push_back(finding);
      }
    }
    if (!problems.empty()) {
      report.status = CheckStatus::kInconsistent;
      report.findings = problems;
      report.fix = "rebuild it: " + rebuild_command(dir);
      return report;
    }
    bool interrupted = false;
    if (const auto pid = sqlite_meta(*sqlite, schema::kMetaRunInProgress)) {
      report.findings.push_back("the last vnindex run (pid " + *pid + ") was interrupted");
      interrupted = true;
    }
    const SideComparison sides = compare_sides(*xapian, *sqlite);
    report.findings.insert(report.findings.begin(),
                           std::to_string(sides.xapian_documents) + " Xapian documents, " +
                               std::to_string(sides.sqlite_rows) + " SQLite rows");
    if (const auto last_run = sqlite_meta(*sqlite, schema::kMetaLastRun)) {
      report.findings.insert(report.findings.begin() + 1,
                             "last run " + *last_run + ", from " + recorded_roots(dir));
    }
    if (sides.agree()) {
      report.findings.push_back("every key is on both sides with the same document id");
      if (interrupted) {  // Yet consistent: the kill fell between two commits.
        report.findings.push_back("nothing to repair; the next run completes the work");
      }
      return report;
    }
    report.status = CheckStatus::kInconsistent;
    constexpr std::size_t kShown = 10;
    for (std::size_t i = 0; i < sides.mismatches.size() && i < kShown; ++i) {
      report.findings.push_back(describe(sides.mismatches[i]));
    }
    if (sides.mismatches.size() > kShown) {
      report.findings.push_back("... " + std::to_string(sides.mismatches.size() - kShown) +
                                " more mismatched keys");
    }
    if (sides.mismatches.empty()) {
      report.findings.push_back("documents without a key");
    }
    report.fix = "repair it (drops what disagrees, then re-reads the inputs): vnindex --index " +
                 d + " --repair " + recorded_roots(dir);
  } catch (const Xapian::Error& e) {
    return unreadable("the Xapian database is damaged: " + e.get_description());
  } catch (const SqliteError& e) {
    return unreadable(std::string("the SQLite file is damaged: ") + e.what());
  }
  return report;
}

}  // namespace vn
