// Re-runs of vnindex: unchanged files skipped by size and time, content hashes deciding when
// those differ, --prune within the roots given, --check and --repair, the run facts in meta, and
// the single-writer lock.
#include <doctest/doctest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/sqlite.h"
#include "tests/e2e/harness.h"

using vn::e2e::RunResult;
namespace fs = std::filesystem;

namespace {

// Sets every file under `dir` to a time well in the past, so vnindex trusts their size and time
// (a file modified in the last seconds may still be changing and is always re-read).
void age_files(const fs::path& dir) {
  const auto past = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      fs::last_write_time(entry.path(), past);
    }
  }
}

}  // namespace

TEST_CASE("Re-running on the same inputs changes nothing and writes nothing") {
  const fs::path dir = vn::e2e::work_dir("rerun-no-writes");
  const fs::path in = dir / "in";
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(in / "kinh-te" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  vn::e2e::write_file(in / "kinh-te" / "b.txt", "Giá cà_phê giảm\nNông_dân lo .\n");
  vn::e2e::write_file(in / "dump.jsonl", R"({"id":"d1","title":"Bão","body":"Mưa to ."})"
                                         "\n");
  age_files(in);
  REQUIRE(vn::e2e::vnindex({"--index", idx, in.string()}).exit_code == 0);
  const auto docids = vn::e2e::indexed_docids(idx);
  const auto times = vn::e2e::xapian_file_times(idx);
  const RunResult again = vn::e2e::vnindex({"--index", idx, "--json", in.string()});
  CHECK(again.exit_code == 0);
  const nlohmann::json s = vn::e2e::json_output(again);
  CHECK(s["added"] == 0);
  CHECK(s["updated"] == 0);
  CHECK(s["unchanged"] == 3);
  CHECK(s["bytes"] == 0);  // Skipped by size and time: not even read.
  CHECK(vn::e2e::indexed_docids(idx) == docids);
  CHECK(vn::e2e::xapian_file_times(idx) == times);
}

TEST_CASE("Size and time skip a file unread and a changed time lets the hash decide") {
  const fs::path dir = vn::e2e::work_dir("stat-skip");
  const fs::path file = dir / "in" / "a.txt";
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(file, "Giá lúa tăng\nNông_dân vui .\n");
  age_files(dir / "in");
  REQUIRE(vn::e2e::vnindex({"--index", idx, (dir / "in").string()}).exit_code == 0);

  // Same size, same time, other words: taken as unchanged without reading it.
  const auto old_time = fs::last_write_time(file);
  vn::e2e::write_file(file, "Giá ngô tăng\nNông_dân vui .\n");
  fs::last_write_time(file, old_time);
  CHECK(vn::e2e::vnindex({"--index", idx, (dir / "in").string()}).out.find("1 unchanged") !=
        std::string::npos);
  CHECK(vn::e2e::search_keys(idx, "ngô").empty());

  // Another time: read again, and the content hash finds the change.
  fs::last_write_time(file, old_time + std::chrono::seconds(1));
  const RunResult changed = vn::e2e::vnindex({"--index", idx, (dir / "in").string()});
  CHECK(changed.out.find("0 added, 1 updated, 0 unchanged") != std::string::npos);
  CHECK(vn::e2e::search_keys(idx, "ngô") == std::vector<std::string>{"a.txt"});

  // Only the time changed: read, the hash says unchanged, nothing written.
  const auto times = vn::e2e::xapian_file_times(idx);
  fs::last_write_time(file, old_time + std::chrono::seconds(2));
  const RunResult touched = vn::e2e::vnindex({"--index", idx, (dir / "in").string()});
  CHECK(touched.out.find("0 added, 0 updated, 1 unchanged") != std::string::npos);
  CHECK(vn::e2e::xapian_file_times(idx) == times);
}

TEST_CASE("Prune deletes vanished files and records only within the roots given") {
  const fs::path dir = vn::e2e::work_dir("prune");
  const fs::path in = dir / "in";
  const fs::path other = dir / "other";
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(in / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  vn::e2e::write_file(in / "sub" / "b.txt", "Giá cà_phê giảm\nNông_dân lo .\n");
  vn::e2e::write_file(in / "dump.jsonl", R"({"id":"d1","title":"Bão lớn","body":"Mưa to ."})"
                                         "\n"
                                         R"({"id":"d2","title":"Lũ về","body":"Nước dâng ."})"
                                         "\n");
  vn::e2e::write_file(other / "c.txt", "Giá hồ_tiêu giảm\nNông_dân buồn .\n");
  REQUIRE(vn::e2e::vnindex({"--index", idx, in.string(), other.string()}).exit_code == 0);
  CHECK(vn::e2e::indexed_docids(idx).size() == 5);

  fs::remove(in / "sub" / "b.txt");
  vn::e2e::write_file(in / "dump.jsonl", R"({"id":"d1","title":"Bão lớn","body":"Mưa to ."})"
                                         "\n");
  // Without --prune nothing is deleted.
  const RunResult kept = vn::e2e::vnindex({"--index", idx, "--json", in.string()});
  CHECK(vn::e2e::json_output(kept)["deleted"] == 0);
  CHECK(vn::e2e::indexed_docids(idx).size() == 5);

  // With --prune, only what vanished under the root given; other/ was not given and stays.
  const RunResult pruned = vn::e2e::vnindex({"--index", idx, "--prune", in.string()});
  CHECK(pruned.exit_code == 0);
  CHECK(pruned.out.find("2 deleted") != std::string::npos);
  const auto keys = vn::e2e::indexed_docids(idx);
  CHECK(keys.size() == 3);
  CHECK(keys.contains("a.txt"));
  CHECK(keys.contains("d1"));
  CHECK(keys.contains("c.txt"));
  CHECK(vn::e2e::search_keys(idx, "cà phê").empty());
  CHECK(vn::e2e::search_keys(idx, "lũ").empty());
  CHECK(vn::e2e::vnindex({"--index", idx, "--check"}).exit_code == 0);

  // A file given directly prunes only its own records.
  vn::e2e::write_file(in / "dump.jsonl", R"({"id":"d3","title":"Nắng","body":"Trời đẹp ."})"
                                         "\n");
  const RunResult file_only =
      vn::e2e::vnindex({"--index", idx, "--prune", (in / "dump.jsonl").string()});
  CHECK(file_only.out.find("1 added") != std::string::npos);
  CHECK(file_only.out.find("1 deleted") != std::string::npos);
  CHECK(vn::e2e::indexed_docids(idx).contains("a.txt"));

  // A root that does not exist prunes nothing (a typo must not empty the index).
  const RunResult typo = vn::e2e::vnindex({"--index", idx, "--prune", (dir / "nope").string()});
  CHECK(typo.exit_code == 3);
  CHECK(vn::e2e::indexed_docids(idx).size() == 3);
}

TEST_CASE("Prune keeps the articles of a file that could not be read") {
  const fs::path dir = vn::e2e::work_dir("prune-unreadable");
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(dir / "in" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  REQUIRE(vn::e2e::vnindex({"--index", idx, (dir / "in").string()}).exit_code == 0);
  vn::e2e::write_file(dir / "in" / "a.txt", "");  // Now empty: reported, skipped, not pruned.
  const RunResult r = vn::e2e::vnindex({"--index", idx, "--prune", (dir / "in").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("0 deleted") != std::string::npos);
  CHECK(vn::e2e::search_keys(idx, "lúa") == std::vector<std::string>{"a.txt"});
}

TEST_CASE("Check reports a consistent index and the run facts are in stats") {
  const fs::path dir = vn::e2e::work_dir("check-ok");
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(dir / "in" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  REQUIRE(vn::e2e::vnindex({"--index", idx, (dir / "in").string()}).exit_code == 0);
  const RunResult check = vn::e2e::vnindex({"--index", idx, "--check"});
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("consistent") != std::string::npos);
  CHECK(check.out.find("1 Xapian documents, 1 SQLite rows") != std::string::npos);
  CHECK(check.out.find("last run 20") != std::string::npos);

  const RunResult stats = vn::e2e::vnsearch({"stats", "--index", idx, "--json"});
  const nlohmann::json s = nlohmann::json::parse(stats.out);
  const std::string last_run = s["last_run"];
  CHECK(last_run.size() == 20);  // 2026-11-26T01:02:03Z
  CHECK(last_run[10] == 'T');
  CHECK(last_run.back() == 'Z');
  vn::SqliteDb db((dir / "idx" / "articles.db").string(), vn::SqliteDb::Mode::kReadOnly);
  vn::Statement roots = db.prepare("SELECT value FROM meta WHERE key = 'roots'");
  REQUIRE(roots.step());
  CHECK(nlohmann::json::parse(roots.text(0)) ==
        nlohmann::json::array({fs::absolute(dir / "in").lexically_normal().string()}));

  const RunResult missing = vn::e2e::vnindex({"--index", (dir / "none").string(), "--check"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no index at") != std::string::npos);
  CHECK(missing.err.find("vnindex --index " + (dir / "none").string()) != std::string::npos);
}

TEST_CASE("Check finds sides that disagree and names the repair that fixes them") {
  const fs::path dir = vn::e2e::work_dir("check-bad");
  const fs::path in = dir / "in";
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(in / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  vn::e2e::write_file(in / "b.txt", "Giá cà_phê giảm\nNông_dân lo .\n");
  REQUIRE(vn::e2e::vnindex({"--index", idx, in.string()}).exit_code == 0);
  {
    vn::SqliteDb db((dir / "idx" / "articles.db").string(), vn::SqliteDb::Mode::kReadWrite);
    db.prepare("DELETE FROM articles WHERE key = 'b.txt'").run();
  }
  const RunResult check = vn::e2e::vnindex({"--index", idx, "--check"});
  CHECK(check.exit_code == 5);
  CHECK(check.err.find("NOT consistent") != std::string::npos);
  CHECK(check.err.find("key b.txt is in Xapian but has no SQLite row") != std::string::npos);
  const std::string fix =
      "vnindex --index " + idx + " --repair " + fs::absolute(in).lexically_normal().string();
  CHECK(check.err.find(fix) != std::string::npos);

  const RunResult repair = vn::e2e::vnindex({"--index", idx, "--repair", in.string()});
  CHECK(repair.exit_code == 0);
  CHECK(repair.out.find("1 added, 0 updated, 1 unchanged") != std::string::npos);
  CHECK(vn::e2e::vnindex({"--index", idx, "--check"}).exit_code == 0);
  CHECK(vn::e2e::search_keys(idx, "cà phê") == std::vector<std::string>{"b.txt"});
}

TEST_CASE("A second vnindex on the same index is refused while the first runs") {
  const fs::path dir = vn::e2e::work_dir("lock");
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(dir / "in" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  // The first reads standard input, which the test keeps open: it holds the index until then.
  vn::e2e::Spawned first(vn::e2e::vnindex_bin(), {"--index", idx, "-"});
  first.write_input(R"({"id":"s1","title":"Bão","body":"Mưa to ."})"
                    "\n");
  RunResult busy;
  for (int i = 0; i < 600 && busy.exit_code != 4; ++i) {  // Until it has started (at most 60 s).
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    busy = vn::e2e::vnindex({"--index", idx, "--check"});
  }
  REQUIRE_MESSAGE(busy.exit_code == 4, busy.err);
  CHECK(busy.err.find("is writing this index now") != std::string::npos);

  const RunResult second = vn::e2e::vnindex({"--index", idx, (dir / "in").string()});
  CHECK(second.exit_code == 4);
  CHECK(second.err ==
        "vnindex: index " + idx + " is being written by another vnindex; wait for it to finish\n");

  first.close_input();
  const RunResult done = first.wait();
  CHECK(done.exit_code == 0);
  CHECK(done.out.find("1 added") != std::string::npos);
  CHECK(vn::e2e::vnindex({"--index", idx, (dir / "in").string()}).exit_code == 0);
  CHECK(vn::e2e::vnindex({"--index", idx, "--check"}).exit_code == 0);
}
