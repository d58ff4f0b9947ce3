// ShardPool over shards on disk: every article lands in the shard its key hashes to, the docid it
// reports is the one Xapian gives the document when the shards are searched together, and what
// was not committed is discarded.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <unistd.h>

#include "common/index_location.h"
#include "common/schema.h"
#include "indexer/shard_pool.h"

namespace {

vn::Article article(const std::string& key, const std::string& body) {
  vn::Article a;
  a.key = key;
  a.title = "Tin " + key;
  a.body = body;
  return a;
}

// A fresh directory for `count` shards, removed with the object.
struct ShardDirs {
  std::filesystem::path root = std::filesystem::temp_directory_path() /
                               ("vn-shard-pool-" + std::to_string(getpid()));
  ShardDirs() {
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);
  }
  ~ShardDirs() { std::filesystem::remove_all(root); }
  std::vector<Xapian::WritableDatabase> open(int count) const {
    std::vector<Xapian::WritableDatabase> shards;
    for (int i = 0; i < count; ++i) {
      shards.emplace_back((root / std::to_string(i)).string(), Xapian::DB_CREATE_OR_OPEN);
    }
    return shards;
  }
};

}  // namespace

TEST_CASE("Written docids address the same documents in the combined shards") {
  const ShardDirs dirs;
  std::vector<Xapian::WritableDatabase> shards = dirs.open(3);
  Xapian::Database combined;
  for (const auto& s : shards) {
    combined.add_database(s);
  }
  vn::ShardPool pool(shards, 2);
  for (int i = 0; i < 50; ++i) {
    pool.put(article("k" + std::to_string(i), "Giá lúa tăng ở chợ số " + std::to_string(i)));
  }
  pool.put(article("k7", "Giá muối giảm"));  // Replaces k7 in its shard.
  pool.commit();
  CHECK(pool.doccount() == 50);
  std::set<Xapian::docid> docids;
  std::vector<vn::WrittenArticle> written = pool.take_written();
  CHECK(written.size() == 51);
  combined.reopen();
  for (const vn::WrittenArticle& w : written) {
    CAPTURE(w.article.key);
    CHECK(combined.get_document(w.docid).get_data() == w.article.key);
    docids.insert(w.docid);
  }
  CHECK(docids.size() == 50);
  const unsigned shard = vn::shard_of("k7", 3);
  CHECK(shards[shard].term_exists(std::string(vn::schema::kKey) + "k7"));
  CHECK(combined.get_termfreq("muoi") == 1);
  pool.remove("k7");
  pool.commit();
  CHECK(pool.doccount() == 49);
}

TEST_CASE("Shard of a key is stable") {
  // Indexes on disk depend on these values: changing shard_of needs a schema version bump.
  CHECK(vn::shard_of("vietnews-train-000001", 2) == 1);
  CHECK(vn::shard_of("vietnews-train-000001", 3) == 1);
  CHECK(vn::shard_of("", 4) == 3);
  CHECK(vn::shard_of("k7", 3) == 2);
  CHECK(vn::combined_docid(1, 0, 2) == 1);
  CHECK(vn::combined_docid(1, 1, 2) == 2);
  CHECK(vn::combined_docid(3, 1, 2) == 6);
}

TEST_CASE("Articles put after the last commit are discarded when the pool ends without one") {
  const ShardDirs dirs;
  {
    vn::ShardPool pool(dirs.open(2), 2);
    pool.put(article("kept", "Giá lúa tăng"));
    pool.commit();
    pool.put(article("lost", "Giá muối giảm"));
    pool.remove("kept");
    pool.drain();
  }  // A run that failed here: its writes since the commit must not reach the index.
  Xapian::Database combined;
  for (const auto& s : dirs.open(2)) {
    combined.add_database(s);
  }
  CHECK(combined.get_doccount() == 1);
  CHECK(combined.term_exists(std::string(vn::schema::kKey) + "kept"));
  CHECK_FALSE(combined.term_exists(std::string(vn::schema::kKey) + "lost"));
}

TEST_CASE("Shards left at different generations by a killed run agree after the next commit") {
  const ShardDirs dirs;
  const std::string generation(vn::schema::kMetaGeneration);
  {
    std::vector<Xapian::WritableDatabase> shards = dirs.open(2);
    shards[0].set_metadata(generation, "7");
    shards[1].set_metadata(generation, "6");  // Killed before this shard's commit.
    shards[0].commit();
    shards[1].commit();
  }
  {
    vn::ShardPool pool(dirs.open(2), 2);
    pool.commit();  // Nothing put: a run's first commit.
  }
  const std::vector<Xapian::WritableDatabase> shards = dirs.open(2);
  CHECK(shards[0].get_metadata(generation) == shards[1].get_metadata(generation));
  CHECK(shards[0].get_metadata(generation) == "8");
}
