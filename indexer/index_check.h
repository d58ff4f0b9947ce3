// Verifies that the two sides of an index agree: the Xapian documents and the SQLite rows (same
// count, every key on both sides, the same docid), and that this program's schema and analyser
// wrote them. Used by `vnindex --check` (read only) and by the repair of an interrupted run.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/sqlite.h"

namespace vn {

struct Mismatch {
  enum class Kind { kOnlyXapian, kOnlySqlite, kDocid, kDuplicate };
  Kind kind;
  std::string key;
  std::string path;  // The input the SQLite row names; empty when there is no row.
};

struct SideComparison {
  std::int64_t xapian_documents = 0;
  std::int64_t sqlite_rows = 0;
  std::vector<Mismatch> mismatches;
  bool agree() const { return mismatches.empty() && xapian_documents == sqlite_rows; }
};

// Walks the keys of both sides in order (a merge: memory stays constant but for the mismatches).
// Throws Xapian::Error or SqliteError when a side cannot be read.
SideComparison compare_sides(const Xapian::Database& xapian, SqliteDb& sqlite);

// One-line description of a mismatch, for messages.
std::string describe(const Mismatch& m);

enum class CheckStatus {
  kConsistent,
  kInconsistent,  // The sides disagree, or another version wrote the index: `fix` says what to do.
  kBusy,          // A vnindex is writing the index now.
  kUnreadable,    // Missing or corrupt: `fix` says how to create or rebuild it.
};

struct CheckReport {
  CheckStatus status = CheckStatus::kConsistent;
  std::vector<std::string> findings;  // What was checked and what is wrong, one line each.
  std::string fix;                    // The command(s) that repair it; empty when consistent.
};

CheckReport check_index(const std::filesystem::path& dir);

}  // namespace vn
