// Parallel indexing end to end: an index written by several jobs into several Xapian shards
// answers like one written by a single job, re-indexing replaces articles in their shard, and a
// run that rewrote much of the index compacts it.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <zstd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/index_location.h"
#include "common/sqlite.h"
#include "tests/e2e/harness.h"

using vn::e2e::RunResult;
namespace fs = std::filesystem;

namespace {

// Every matching key (up to 1,000), sorted: the match set, whatever the order of equal scores.
std::vector<std::string> match_set(const fs::path& index, const std::string& query) {
  const RunResult r = vn::e2e::vnsearch(
      {"search", "--index", index.string(), "--json", "--limit", "1000", query});
  REQUIRE_MESSAGE(r.exit_code <= 1, r.err);
  const auto answer = nlohmann::json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& hit : answer["results"]) {
    keys.push_back(hit["key"].get<std::string>());
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// A JSON Lines dump of `n` articles "a0".."a{n-1}"; article i mentions `word` and its number.
std::string dump(int n, const std::string& word) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += nlohmann::json{{"id", "a" + std::to_string(i)},
                          {"title", "Tin số " + std::to_string(i)},
                          {"body", "Giá " + word + " hôm_nay tăng mạnh ở chợ số " +
                                       std::to_string(i) + " ."}}
               .dump() +
           '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("One job and two jobs index the sample corpus into the same matches") {
  const auto dir = vn::e2e::work_dir("shards-same");
  const fs::path one = dir / "one";
  const fs::path two = dir / "two";
  const RunResult r1 =
      vn::e2e::vnindex({"--index", one.string(), "--jobs", "1", vn::e2e::sample_corpus().string()});
  const RunResult r2 =
      vn::e2e::vnindex({"--index", two.string(), "--jobs", "2", vn::e2e::sample_corpus().string()});
  REQUIRE_MESSAGE(r1.exit_code == 0, r1.err);
  REQUIRE_MESSAGE(r2.exit_code == 0, r2.err);
  CHECK(vn::xapian_shard_names(one).size() == 1);
  CHECK(vn::xapian_shard_names(two).size() == 2);
  CHECK(vn::e2e::index_stats(one)["articles"] == vn::e2e::index_stats(two)["articles"]);
  CHECK(vn::e2e::index_stats(two)["articles"] == vn::e2e::index_stats(two)["rows"]);
  for (const std::string query :
       {"mat tran binh dan", "Mặt_trận", "\"hòa bình\"", "@\"Hòa Bình\"", "giá", "chính phủ",
        "title:\"Léon Blum\"", "mat tr*", "category:kinh-te giá", "nông dân -giá"}) {
    CAPTURE(query);
    const auto expected = match_set(one, query);
    CHECK_FALSE(expected.empty());  // Two empty sets would agree about nothing.
    CHECK(match_set(two, query) == expected);
  }
}

TEST_CASE("Re-indexing under shards replaces changed articles in place") {
  const auto dir = vn::e2e::work_dir("shards-reindex");
  const std::string idx = (dir / "idx").string();
  const fs::path dump_file = dir / "dump.jsonl";
  vn::e2e::write_file(dump_file, dump(40, "lúa"));
  CHECK(vn::e2e::vnindex({"--index", idx, "--jobs", "2", dump_file.string()}).out.find(
            "40 added") != std::string::npos);
  // The shard count is fixed when the index is created: later runs with one job keep two shards.
  vn::e2e::write_file(dump_file, dump(40, "cà_phê"));
  const RunResult changed = vn::e2e::vnindex({"--index", idx, "--jobs", "1", dump_file.string()});
  CHECK(changed.out.find("0 added, 40 updated, 0 unchanged") != std::string::npos);
  CHECK(changed.out.find("40 articles in the index") != std::string::npos);
  // Every article was rewritten: the run compacted each shard into a new directory and removed
  // the old ones.
  CHECK(vn::xapian_shard_names(idx) == std::vector<std::string>{"shard0.2", "shard1.2"});
  for (const auto& entry : fs::directory_iterator(dir / "idx" / "xapian")) {
    CAPTURE(entry.path());
    CHECK((entry.path().filename() == "XAPIANDB" || entry.path().filename() == "shard0.2" ||
           entry.path().filename() == "shard1.2"));
  }
  CHECK(match_set(idx, "lúa").empty());
  CHECK(match_set(idx, "cà phê").size() == 40);
  const auto s = vn::e2e::index_stats(idx);
  CHECK(s["articles"] == 40);
  CHECK(s["rows"] == 40);
  // A copy left by a compaction killed before its switch is removed by the next writer.
  vn::e2e::write_file(dir / "idx" / "xapian" / "shard1.3" / "postlist.glass", "partial");
  const RunResult again = vn::e2e::vnindex({"--index", idx, "--jobs", "2", dump_file.string()});
  CHECK(again.out.find("0 added, 0 updated, 40 unchanged") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "idx" / "xapian" / "shard1.3"));
  // Each result's SQLite row is the document's: its title and snippet belong to the same key.
  const RunResult r =
      vn::e2e::vnsearch({"search", "--index", idx, "--json", "--limit", "40", "\"chợ số 17\""});
  const auto hits = nlohmann::json::parse(r.out)["results"];
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["key"] == "a17");
  CHECK(hits[0]["title"] == "Tin số 17");
}

TEST_CASE("A key repeated within one run under shards is one article with the last text") {
  const auto dir = vn::e2e::work_dir("shards-repeat");
  const std::string idx = (dir / "idx").string();
  const fs::path dump_file = dir / "dump.jsonl";
  vn::e2e::write_file(dump_file, dump(10, "lúa") + dump(10, "muối") + dump(10, "muối"));
  const RunResult r = vn::e2e::vnindex({"--index", idx, "--jobs", "2", dump_file.string()});
  CHECK(r.out.find("10 added, 10 updated, 10 unchanged") != std::string::npos);
  CHECK(r.out.find("10 articles in the index") != std::string::npos);
  CHECK(match_set(idx, "lúa").empty());
  CHECK(match_set(idx, "muối").size() == 10);
  CHECK(vn::e2e::index_stats(idx)["rows"] == 10);
}

TEST_CASE("An index gets its text dictionary once it holds 1000 articles, over several runs") {
  const fs::path dir = vn::e2e::work_dir("text_dictionary");
  const std::string idx = (dir / "idx").string();
  const fs::path dump_file = dir / "dump.jsonl";
  // The id of the dictionary the stored text of `key` needs (0: none), and the dictionary rows.
  auto dictionary_of = [&](const std::string& key) {
    vn::SqliteDb db((fs::path(idx) / "articles.db").string(), vn::SqliteDb::Mode::kReadOnly);
    vn::Statement row = db.prepare("SELECT body FROM articles WHERE key = ?1");
    row.bind(1, key);
    REQUIRE(row.step());
    const std::string frame = row.blob(0);
    return ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  };
  auto dictionary_rows = [&] {
    vn::SqliteDb db((fs::path(idx) / "articles.db").string(), vn::SqliteDb::Mode::kReadOnly);
    vn::Statement rows = db.prepare("SELECT count(*) FROM text_dictionary");
    REQUIRE(rows.step());
    return rows.integer(0);
  };
  // A first run of 600 articles: too few to train on.
  vn::e2e::write_file(dump_file, dump(600, "lúa"));
  REQUIRE(vn::e2e::vnindex({"--index", idx, dump_file.string()}).exit_code == 0);
  CHECK(dictionary_rows() == 0);
  CHECK(dictionary_of("a0") == 0);
  // The next run passes 1,000 at its second commit: every text stored so far is compressed again
  // with the dictionary, and the rest as it comes.
  vn::e2e::write_file(dump_file, dump(1500, "lúa"));
  const RunResult r =
      vn::e2e::vnindex({"--index", idx, "--commit-every", "500", dump_file.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(dictionary_rows() == 1);
  for (const std::string key : {"a0", "a599", "a1000", "a1499"}) {
    CAPTURE(key);
    CHECK(dictionary_of(key) != 0);
    const RunResult shown = vn::e2e::vnsearch({"show", "--index", idx, "--json", key});
    REQUIRE_MESSAGE(shown.exit_code == 0, shown.err);
    CHECK(nlohmann::json::parse(shown.out)["text"] ==
          "Giá lúa hôm nay tăng mạnh ở chợ số " + key.substr(1) + ".");
  }
  CHECK(vn::e2e::vnindex({"--index", idx, "--check"}).exit_code == 0);
}
