// A thin RAII layer over sqlite3: one connection, prepared statements only. Errors throw
// SqliteError with SQLite's message and the file name.
// Not for: knowing the vnsearch tables (schema.h lists them; indexer and query use them).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace vn {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement;

class SqliteDb {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Opens (kReadWrite: creates) the database at `path`, then runs `setup_sql` (e.g. the schema).
  // Read-write connections use WAL, so readers keep seeing the last committed state while a
  // writer works.
  SqliteDb(const std::string& path, Mode mode, std::string_view setup_sql = {});
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs SQL without parameters (schema, BEGIN/COMMIT). Never pass user data here.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  const std::string& path() const { return path_; }

 private:
  friend class Statement;
  [[noreturn]] void fail(std::string_view what) const;

  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0, as in SQLite.
class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);
  // Steps once: true when a row is available, false when done.
  bool step();
  // Resets for re-use with new bindings.
  void reset();
  // Steps to completion, then resets (for INSERT/UPDATE/DELETE).
  void run();

  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;
  std::string blob(int column) const;

 private:
  friend class SqliteDb;
  Statement(const SqliteDb& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}

  const SqliteDb* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace vn
