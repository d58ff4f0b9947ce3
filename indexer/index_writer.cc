#include "indexer/index_writer.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "common/index_location.h"
#include "common/schema.h"
#include "common/text_dictionary.h"

namespace vn {
namespace {

// Refuses an index whose documents were written with another schema or analyser: adding to it
// would mix incompatible terms or fail on a missing column.
void check_version(const Xapian::Database& db, const std::filesystem::path& dir) {
  const std::string analyzer = db.get_metadata(std::string(schema::kMetaAnalyzerVersion));
  const std::string schema_version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  if ((!analyzer.empty() && analyzer != std::to_string(schema::kAnalyzerVersion)) ||
      (!schema_version.empty() && schema_version != std::to_string(schema::kSchemaVersion))) {
    throw IndexVersionError("index " + dir.string() + " was built by another version (analyser " +
                            analyzer + ", schema " + schema_version + "; this vnindex writes " +
                            std::to_string(schema::kAnalyzerVersion) + ", " +
                            std::to_string(schema::kSchemaVersion) +
                            "); rebuild it with: " + rebuild_command(dir));
  }
}

// Schema 2 kept one Xapian database directly in xapian/; it has no stub and must be rebuilt.
void refuse_unsharded(const std::filesystem::path& dir) {
  const std::filesystem::path old = xapian_path(dir);
  if (std::filesystem::exists(old / "iamglass")) {
    check_version(Xapian::Database(old.string()), dir);
    throw IndexVersionError("index " + dir.string() + " has no shards (an older vnindex built " +
                            "it); rebuild it with: " + rebuild_command(dir));
  }
}

// The stub lists the shards, so that Xapian opens them as one database. Replaced by rename: a
// reader sees the old list or the new one, never a part.
void write_stub(const std::filesystem::path& dir, const std::vector<std::string>& names) {
  const std::filesystem::path stub = xapian_stub_path(dir);
  const std::filesystem::path tmp = stub.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    for (const std::string& name : names) {
      out << "glass " << name << '\n';
    }
    out.close();
    if (!out) {
      throw std::filesystem::filesystem_error("cannot write the shard list", tmp,
                                              std::make_error_code(std::errc::io_error));
    }
  }
  std::filesystem::rename(tmp, stub);
}

// Shard directories the stub no longer lists: left by a compaction interrupted before or after
// its switch. Only the writer (holding the locks) removes them.
void remove_stray_shards(const std::filesystem::path& dir, const std::vector<std::string>& names) {
  for (const auto& entry : std::filesystem::directory_iterator(xapian_path(dir))) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name.starts_with("shard") &&
        std::find(names.begin(), names.end(), name) == names.end()) {
      std::filesystem::remove_all(entry.path());
    }
  }
}

// The name of a shard's next compacted copy: shard0 -> shard0.1 -> shard0.2 ...
std::string next_shard_name(const std::string& name) {
  const auto dot = name.find('.');
  const unsigned generation =
      dot == std::string::npos ? 0 : static_cast<unsigned>(std::stoul(name.substr(dot + 1)));
  return name.substr(0, dot) + "." + std::to_string(generation + 1);
}

unsigned resolve_jobs(unsigned jobs) {
  return jobs > 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
}

// Opens (creating when new) every shard.
std::vector<Xapian::WritableDatabase> open_shards(const std::filesystem::path& dir, unsigned jobs) {
  std::filesystem::create_directories(xapian_path(dir));
  refuse_unsharded(dir);
  std::vector<std::string> names = xapian_shard_names(dir);
  const bool existing = !names.empty();
  for (unsigned s = names.size(); s < (existing ? 0 : resolve_jobs(jobs)); ++s) {
    names.push_back("shard" + std::to_string(s));
  }
  std::vector<Xapian::WritableDatabase> shards;
  for (const std::string& name : names) {
    try {
      shards.emplace_back((xapian_path(dir) / name).string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      throw IndexLockedError("index " + dir.string() +
                             " is being written by another vnindex; wait for it to finish");
    }
    check_version(shards.back(), dir);
    // Only when they differ: setting them is a change, and a run that changes nothing must leave
    // the Xapian revision as it was.
    for (const auto& [key, value] :
         {std::pair{schema::kMetaAnalyzerVersion, std::to_string(schema::kAnalyzerVersion)},
          std::pair{schema::kMetaSchemaVersion, std::to_string(schema::kSchemaVersion)}}) {
      if (shards.back().get_metadata(std::string(key)) != value) {
        shards.back().set_metadata(std::string(key), value);
      }
    }
  }
  if (existing) {
    remove_stray_shards(dir, names);
  } else {
    write_stub(dir, names);
  }
  return shards;
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& dir, unsigned jobs)
    : lock_(dir),
      dir_(dir),
      pool_(open_shards(dir, jobs), resolve_jobs(jobs)),
      shard_count_(pool_.shard_count()),
      sqlite_(sqlite_path(dir).string(), SqliteDb::Mode::kReadWrite, schema::kSqliteSchema),
      find_stored_(sqlite_.prepare("SELECT hash, path FROM articles WHERE key = ?1")),
      put_article_(sqlite_.prepare(
          "INSERT OR REPLACE INTO articles (key, docid, title, category, source, url, date, path,"
          " line, bytes, hash, indexed_at, body, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
          " ?9, ?10, ?11, ?12, ?13, ?14)")),
      // The least display form wins, as with one job: which worker finishes first must not matter.
      put_name_(sqlite_.prepare(
          "INSERT INTO names (name, display) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET "
          "display = excluded.display WHERE excluded.display < names.display")),
      delete_article_(sqlite_.prepare("DELETE FROM articles WHERE key = ?1")) {
  // The Xapian side was checked when opened; the SQLite side may be older still (its Xapian shards
  // deleted by hand), and writing rows of another schema into it would fail half-way.
  Statement get_meta = sqlite_.prepare("SELECT value FROM meta WHERE key = ?1");
  for (const auto& [key, value] :
       {std::pair{schema::kSqliteMetaAnalyzer, std::to_string(schema::kAnalyzerVersion)},
        std::pair{schema::kSqliteMetaSchema, std::to_string(schema::kSchemaVersion)}}) {
    get_meta.bind(1, key);
    const std::string stored = get_meta.step() ? get_meta.text(0) : value;
    get_meta.reset();
    if (stored != value) {
      throw IndexVersionError("index " + dir.string() + " has metadata from another version (" +
                              std::string(key) + " " + stored + ", this vnindex writes " + value +
                              "); rebuild it with: " + rebuild_command(dir));
    }
  }
  Statement set_meta = sqlite_.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
  set_meta.bind(1, schema::kSqliteMetaAnalyzer)
      .bind(2, std::to_string(schema::kAnalyzerVersion))
      .run();
  set_meta.bind(1, schema::kSqliteMetaSchema).bind(2, std::to_string(schema::kSchemaVersion)).run();
  set_meta.bind(1, schema::kMetaShards).bind(2, std::to_string(shard_count_)).run();
  TextCodec codec = read_text_codec(sqlite_);
  dictionary_settled_ = codec.has_dictionary();
  pool_.set_codec(std::move(codec));
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

std::optional<IndexWriter::Stored> IndexWriter::stored(const std::string& key) {
  if (in_flight_.contains(key)) {
    // Put earlier in this run and maybe not in SQLite yet: wait for it (rare: a repeated key).
    pool_.drain();
    write_rows();
  }
  find_stored_.bind(1, key);
  std::optional<Stored> found;
  if (find_stored_.step()) {
    found = Stored{find_stored_.text(0), find_stored_.text(1)};
  }
  find_stored_.reset();
  return found;
}

void IndexWriter::begin() {
  if (!in_transaction_) {
    sqlite_.exec("BEGIN");
    in_transaction_ = true;
  }
}

SqliteDb& IndexWriter::sqlite_in_transaction() {
  begin();
  return sqlite_;
}

void IndexWriter::put(Article a) {
  ++written_;
  in_flight_.insert(a.key);
  pool_.put(std::move(a));
  write_rows();
}

void IndexWriter::remove(const std::string& key) {
  ++written_;
  if (in_flight_.contains(key)) {
    // Its row must be written before it is deleted, not after.
    pool_.drain();
    write_rows();
  }
  pool_.remove(key);
  begin();
  delete_article_.bind(1, key).run();
}

// Writes the SQLite rows of the articles the workers have finished.
void IndexWriter::write_rows() {
  std::vector<WrittenArticle> written = pool_.take_written();
  if (written.empty()) {
    return;
  }
  begin();
  auto bind_optional = [&](int index, const std::string& value) {
    value.empty() ? put_article_.bind_null(index) : put_article_.bind(index, value);
  };
  const std::int64_t now = now_seconds();
  for (const WrittenArticle& w : written) {
    const Article& a = w.article;
    put_article_.bind(1, a.key).bind(2, static_cast<std::int64_t>(w.docid)).bind(3, a.title);
    bind_optional(4, a.category);
    bind_optional(5, a.source);
    bind_optional(6, a.url);
    bind_optional(7, a.date);
    put_article_.bind(8, a.path).bind(9, a.line).bind(10, a.bytes).bind(11, a.hash);
    put_article_.bind(12, now).bind_blob(13, w.stored_body);
    bind_optional(14, a.extra);
    put_article_.run();
    for (const FoundName& n : w.names) {
      put_name_.bind(1, n.key).bind(2, n.display).run();
    }
    in_flight_.erase(a.key);
  }
}

void IndexWriter::commit() {
  pool_.commit();
  write_rows();
  in_flight_.clear();
  // Once the index holds enough articles, in the transaction that commits them.
  if (!dictionary_settled_ && pool_.doccount() >= kDictionaryArticles) {
    dictionary_settled_ = true;
    begin();
    if (std::optional<TextCodec> codec = train_text_dictionary_when_due(sqlite_, kDictionaryArticles)) {
      pool_.set_codec(std::move(*codec));
    }
  }
  if (in_transaction_) {
    sqlite_.exec("COMMIT");
    in_transaction_ = false;
  }
}

std::int64_t IndexWriter::article_count() { return pool_.doccount(); }

bool IndexWriter::compact_if_worthwhile() {
  commit();
  // A run that rewrote under a tenth of the index leaves it as it is: an updated compacted
  // database grows towards the uncompacted size, no further, and compacting costs a full copy.
  if (written_ * kCompactEvery < static_cast<std::int64_t>(pool_.doccount())) {
    return false;
  }
  std::vector<std::string> names = xapian_shard_names(dir_);
  std::vector<std::filesystem::path> targets;
  for (std::string& name : names) {
    name = next_shard_name(name);
    targets.push_back(xapian_path(dir_) / name);
    std::filesystem::remove_all(targets.back());  // A copy left by an interrupted compaction.
  }
  pool_.compact_into(targets);
  write_stub(dir_, names);
  // The old shards go at once; a searcher that read the old stub a moment ago may fail to open
  // them (and can retry), one that has them open keeps reading them until it closes.
  remove_stray_shards(dir_, names);
  written_ = 0;
  return true;
}

}  // namespace vn
