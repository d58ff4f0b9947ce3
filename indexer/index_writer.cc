#include "indexer/index_writer.h"

#include <chrono>

#include "common/index_location.h"
#include "common/schema.h"

namespace vn {
namespace {

Xapian::WritableDatabase open_xapian(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  try {
    return Xapian::WritableDatabase(xapian_path(dir).string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexLockedError("index " + dir.string() +
                           " is being written by another vnindex; wait for it to finish");
  }
}

// Refuses an index whose documents were written with another schema or analyser: adding to it
// would mix incompatible terms or fail on a missing column.
void check_version(const Xapian::WritableDatabase& db, const std::filesystem::path& dir) {
  const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzerVersion));
  const std::string schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if ((!analyzer.empty() && analyzer != std::to_string(schema::kAnalyzerVersion)) ||
      (!schema_version.empty() && schema_version != std::to_string(schema::kSchemaVersion))) {
    throw IndexVersionError("index " + dir.string() + " was built by another version (analyser " +
                            analyzer + ", schema " + schema_version + "; this vnindex writes " +
                            std::to_string(schema::kAnalyzerVersion) + ", " +
                            std::to_string(schema::kSchemaVersion) + "); rebuild it with: rm -rf " +
                            dir.string() + " && vnindex --index " + dir.string() + " ARTICLES...");
  }
}

// The SQLite file of `dir`, once the Xapian database there is known to be of this version.
std::string checked_sqlite_path(const Xapian::WritableDatabase& db,
                                const std::filesystem::path& dir) {
  check_version(db, dir);
  return sqlite_path(dir).string();
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir)
    : xapian_(open_xapian(dir)),
      sqlite_(checked_sqlite_path(xapian_, dir), SqliteDb::Mode::kReadWrite, schema::kSqliteSchema),
      find_hash_(sqlite_.prepare("SELECT hash FROM articles WHERE key = ?1")),
      put_article_(sqlite_.prepare(
          "INSERT OR REPLACE INTO articles (key, docid, title, category, source, url, date, path,"
          " line, bytes, hash, indexed_at, body, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
          " ?9, ?10, ?11, ?12, ?13, ?14)")),
      delete_names_(sqlite_.prepare("DELETE FROM article_names WHERE key = ?1")),
      put_name_(sqlite_.prepare(
          "INSERT OR IGNORE INTO article_names (key, name, display) VALUES (?1, ?2, ?3)")) {
  xapian_.set_metadata(std::string(schema::kMetaAnalyzerVersion),
                       std::to_string(schema::kAnalyzerVersion));
  xapian_.set_metadata(std::string(schema::kMetaSchemaVersion),
                       std::to_string(schema::kSchemaVersion));
  Statement set_meta = sqlite_.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
  set_meta.bind(1, "analyzer_version").bind(2, std::to_string(schema::kAnalyzerVersion)).run();
  set_meta.bind(1, "schema_version").bind(2, std::to_string(schema::kSchemaVersion)).run();
}

IndexWriter::~IndexWriter() {
  if (in_transaction_) {
    try {
      sqlite_.exec("ROLLBACK");
    } catch (const SqliteError&) {
      // Nothing more to do: SQLite rolls back an open transaction when the file is closed anyway.
    }
  }
}

std::optional<std::string> IndexWriter::stored_hash(const std::string& key) {
  find_hash_.bind(1, key);
  std::optional<std::string> hash;
  if (find_hash_.step()) {
    hash = find_hash_.text(0);
  }
  find_hash_.reset();
  return hash;
}

void IndexWriter::put(const Article& a, BuiltDocument built) {
  if (!in_transaction_) {
    sqlite_.exec("BEGIN");
    in_transaction_ = true;
  }
  const std::string id_term = std::string(schema::kKey) + a.key;
  const Xapian::docid docid = xapian_.replace_document(id_term, built.document);
  put_article_.bind(1, a.key).bind(2, static_cast<std::int64_t>(docid)).bind(3, a.title);
  auto bind_optional = [&](int index, const std::string& value) {
    value.empty() ? put_article_.bind_null(index) : put_article_.bind(index, value);
  };
  bind_optional(4, a.category);
  bind_optional(5, a.source);
  bind_optional(6, a.url);
  bind_optional(7, a.date);
  put_article_.bind(8, a.path).bind(9, a.line).bind(10, a.bytes).bind(11, a.hash);
  put_article_.bind(12, now_seconds()).bind(13, a.body);
  bind_optional(14, a.extra);
  put_article_.run();
  delete_names_.bind(1, a.key).run();
  for (const FoundName& n : built.names) {
    put_name_.bind(1, a.key).bind(2, n.key).bind(3, n.display).run();
  }
}

void IndexWriter::commit() {
  xapian_.commit();
  if (in_transaction_) {
    sqlite_.exec("COMMIT");
    in_transaction_ = false;
  }
}

std::int64_t IndexWriter::article_count() { return xapian_.get_doccount(); }

}  // namespace vn
