// ShardPool with in-memory shards: every article lands in the shard its key hashes to, and the
// docid it reports is the one Xapian gives the document when the shards are searched together.
#include <doctest/doctest.h>

#include <set>

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

}  // namespace

TEST_CASE("Written docids address the same documents in the combined shards") {
  std::vector<Xapian::WritableDatabase> shards;
  for (int i = 0; i < 3; ++i) {
    shards.emplace_back(std::string(), Xapian::DB_BACKEND_INMEMORY);
  }
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
