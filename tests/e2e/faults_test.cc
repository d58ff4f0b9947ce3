// Faults around the index (issue 7): the disk filling up mid-run, a read-only or misplaced index,
// an index from another version, truncated or corrupted Xapian and SQLite files. Each must give a
// clear message naming the fix, never a crash, and a failed run must leave the last committed
// index searchable.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/index_location.h"
#include "tests/e2e/harness.h"

using vn::e2e::RunResult;
namespace fs = std::filesystem;

namespace {

void write_articles(const fs::path& in, int from, int to) {
  for (int i = from; i < to; ++i) {
    vn::e2e::write_file(in / (std::to_string(i) + ".txt"),
                        "Tin số " + std::to_string(i) +
                            "\nNông_dân vui vì giá lúa tăng , hợp_tác xã mở_rộng sản_xuất năm " +
                            std::to_string(2000 + i % 20) + " , xuất_khẩu gạo đạt " +
                            std::to_string(i * 37) + " tấn .\n");
  }
}

// An index of 100 articles, for a test to damage.
fs::path small_index(const std::string& name) {
  const fs::path dir = vn::e2e::work_dir(name);
  write_articles(dir / "in", 0, 100);
  const RunResult r = vn::e2e::vnindex({"--index", (dir / "idx").string(), (dir / "in").string()});
  REQUIRE(r.exit_code == 0);
  return dir;
}

long long article_count(const fs::path& idx) {
  return vn::e2e::index_stats(idx)["articles"].get<long long>();
}

// Every shard's Xapian database, to damage or relabel.
std::vector<fs::path> shards(const fs::path& idx) {
  std::vector<fs::path> out;
  for (unsigned s = 0; fs::exists(vn::xapian_shard_path(idx, s)); ++s) {
    out.push_back(vn::xapian_shard_path(idx, s));
  }
  REQUIRE(!out.empty());
  return out;
}

// The programs' answers on a damaged index: no crash, a message, a non-zero status.
void check_refused_clearly(const fs::path& idx, const std::string& fix) {
  const RunResult check = vn::e2e::vnindex({"--index", idx.string(), "--check"});
  CHECK(check.exit_code != 0);
  CHECK(check.exit_code < 128);
  CHECK(check.err.find(fix) != std::string::npos);
  const RunResult index = vn::e2e::vnindex({"--index", idx.string(), (idx / ".." / "in").string()});
  CHECK(index.exit_code == 1);
  CHECK_MESSAGE(index.err.find(fix) != std::string::npos, index.err);
  const RunResult search = vn::e2e::vnsearch({"search", "--index", idx.string(), "lúa"});
  CHECK(search.exit_code >= 2);
  CHECK(search.exit_code < 128);
  CHECK(!search.err.empty());
}

void overwrite(const fs::path& file, std::uintmax_t offset, std::size_t count) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(offset));
  f << std::string(count, '\x5a');
}

}  // namespace

TEST_CASE("A full disk stops vnindex with a message and keeps the committed index") {
  const fs::path dir = vn::e2e::work_dir("disk-full");
  const fs::path in = dir / "in";
  const fs::path idx = dir / "idx";
  write_articles(in, 0, 300);
  REQUIRE(vn::e2e::vnindex({"--index", idx.string(), in.string()}).exit_code == 0);
  std::uintmax_t largest = 0;
  for (const auto& entry : fs::recursive_directory_iterator(idx)) {
    largest = std::max(largest, entry.is_regular_file() ? entry.file_size() : 0);
  }
  // Room for ~64 KB more in any one file; the new articles need far more.
  write_articles(in, 300, 3000);
  const RunResult full = vn::e2e::run_limited(
      vn::e2e::vnindex_bin(), {"--index", idx.string(), "--commit-every", "500", in.string()},
      {static_cast<long long>(largest) + 65536});
  CHECK(full.exit_code == 1);
  CHECK(full.err.find("cannot write the index") != std::string::npos);
  CHECK(full.err.find("run the same command again") != std::string::npos);
  // What was committed before the disk filled, whole batches of 500 on top of the first run:
  // SQLite commits a batch only after every shard did, and a shard discards a batch it could not
  // commit. A shard that committed the failed batch before another shard failed is ahead by at
  // most that batch, which --check reports and the next run repairs.
  const nlohmann::json after = vn::e2e::index_stats(idx);
  const long long rows = after["rows"].get<long long>();
  const long long documents = after["articles"].get<long long>();
  CHECK(rows >= 300);
  CHECK((rows - 300) % 500 == 0);
  CHECK(documents >= rows);
  CHECK(documents <= rows + 500);
  CHECK(vn::e2e::vnsearch({"search", "--index", idx.string(), "lúa"}).exit_code == 0);
  const RunResult check = vn::e2e::vnindex({"--index", idx.string(), "--check"});
  CHECK(check.exit_code == (documents == rows ? 0 : 5));

  const RunResult again = vn::e2e::vnindex({"--index", idx.string(), in.string()});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("3000 articles in the index") != std::string::npos);
  CHECK(vn::e2e::vnindex({"--index", idx.string(), "--check"}).exit_code == 0);
}

TEST_CASE("A read-only index directory is refused with a message") {
  const fs::path dir = small_index("read-only-index");
  if (const std::string why = vn::e2e::permissions_unenforceable(dir); !why.empty()) {
    MESSAGE("skipped: " << why);
    return;
  }
  vn::e2e::write_file(dir / "in" / "new.txt", "Tin mới\nGiá muối giảm .\n");
  vn::e2e::give_to_unprivileged(dir);
  const long long before = article_count(dir / "idx");
  fs::permissions(dir / "idx",
                  fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  const RunResult r = vn::e2e::run_limited(
      vn::e2e::vnindex_bin(), {"--index", (dir / "idx").string(), (dir / "in").string()},
      {.unprivileged = true});
  fs::permissions(dir / "idx", fs::perms::owner_write, fs::perm_options::add);
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(r.err.find("read-only") != std::string::npos, r.err);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(article_count(dir / "idx") == before);  // Unchanged, and still searchable.
  CHECK(vn::e2e::vnsearch({"search", "--index", (dir / "idx").string(), "lúa"}).exit_code == 0);
}

TEST_CASE("An index path that is a file is refused with a message") {
  const fs::path dir = vn::e2e::work_dir("index-is-file");
  vn::e2e::write_file(dir / "idx", "not a folder");
  vn::e2e::write_file(dir / "in" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  const RunResult r = vn::e2e::vnindex({"--index", (dir / "idx").string(), (dir / "in").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find((dir / "idx").string()) != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("An index from another schema or analyser version names the rebuild command") {
  for (const std::string meta : {"vnsearch.schema_version", "vnsearch.analyzer_version"}) {
    CAPTURE(meta);
    const fs::path dir = small_index("other-version");
    const fs::path idx = dir / "idx";
    for (const fs::path& shard : shards(idx)) {
      Xapian::WritableDatabase db(shard.string(), Xapian::DB_OPEN);
      db.set_metadata(meta, "99");
      db.commit();
    }
    check_refused_clearly(idx, "rm -rf " + idx.string() + " && vnindex --index " + idx.string());
  }
}

TEST_CASE("A truncated or corrupted Xapian file names the rebuild command") {
  for (const bool truncate : {true, false}) {
    CAPTURE(truncate);
    const fs::path dir = small_index("damaged-xapian");
    const fs::path idx = dir / "idx";
    const fs::path postlist = shards(idx).front() / "postlist.glass";
    if (truncate) {
      fs::resize_file(postlist, fs::file_size(postlist) / 2);
    } else {
      for (std::uintmax_t at = 0; at + 8192 <= fs::file_size(postlist); at += 8192) {
        overwrite(postlist, at, 64);  // Every block's header.
      }
    }
    check_refused_clearly(idx, "rm -rf " + idx.string());
  }
}

TEST_CASE("A truncated or corrupted SQLite file names the rebuild command") {
  for (const bool truncate : {true, false}) {
    CAPTURE(truncate);
    const fs::path dir = small_index("damaged-sqlite");
    const fs::path idx = dir / "idx";
    const fs::path db = vn::sqlite_path(idx);
    if (truncate) {
      fs::resize_file(db, 2048);
    } else {
      overwrite(db, 0, 100);  // The header.
    }
    check_refused_clearly(idx, "rm -rf " + idx.string());
  }
}
