// Hostile and odd files (issue 7): each is indexed or reported with its path and a reason, the run
// goes on, and nothing crashes. The big ones (a 100 MB line, 100,000 tiny files, a 50 MB JSON
// line) run only in the slow tier (VNSEARCH_SLOW_TESTS=1, scripts/test --slow).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/e2e/harness.h"

using vn::e2e::RunResult;
namespace fs = std::filesystem;

namespace {

// Runs vnindex on `in` into dir/idx, expecting no crash; returns the result.
RunResult index(const fs::path& dir, const fs::path& in) {
  const RunResult r = vn::e2e::vnindex({"--index", (dir / "idx").string(), "--json", in.string()});
  CHECK_MESSAGE(r.exit_code < 4, r.err);
  CHECK(vn::e2e::vnindex({"--index", (dir / "idx").string(), "--check"}).exit_code == 0);
  return r;
}


// Runs `run` and logs how long it took, for the README's figures: never checked (timing belongs
// to benchmarks).
RunResult timed(const char* what, const std::function<RunResult()>& run) {
  const auto begin = std::chrono::steady_clock::now();
  RunResult r = run();
  MESSAGE(what << ": "
               << std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count()
               << " s");
  return r;
}

}  // namespace

TEST_CASE("Odd encodings and non-text files are indexed or reported and skipped") {
  const fs::path dir = vn::e2e::work_dir("hostile-encodings");
  const fs::path in = dir / "in";
  vn::e2e::write_file(in / "good.txt", "Giá lúa tăng\nNông_dân vui .\n");
  vn::e2e::write_file(in / "bad-utf8.txt", "Gi\xff\xfe lúa \xc3\nNông_dân \xe1\xbb buồn .\n");
  // "Lũ lụt" as UTF-16LE without a BOM: NUL bytes, so it cannot be told from binary data.
  vn::e2e::write_file(in / "utf16-no-bom.txt", std::string("L\0\xe9\x1e \0l\0\xe5\x1et\0", 12));
  vn::e2e::write_file(in / "empty.txt", "");
  vn::e2e::write_file(in / "spaces.txt", "  \n\t\n  \n");
  vn::e2e::write_file(in / "binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  vn::e2e::write_file(in / "control.txt", "Tiêu\x01\x02\x1b[31m đề\nThân\x7f bài .\n");
  const RunResult r = index(dir, in);
  CHECK(r.exit_code == 3);
  const nlohmann::json s = vn::e2e::json_output(r);
  CHECK(s["added"] == 3);  // good, bad-utf8 (U+FFFD for the bad bytes), control
  CHECK(s["skipped"] == 4);
  for (const char* name : {"utf16-no-bom.txt", "empty.txt", "spaces.txt", "binary.txt"}) {
    CAPTURE(name);
    CHECK(r.err.find(std::string(name) + ": ") != std::string::npos);
  }
  CHECK(vn::e2e::search_keys(dir / "idx", "buồn") == std::vector<std::string>{"bad-utf8.txt"});
}

TEST_CASE("Symlink loops and links are never followed into folders") {
  const fs::path dir = vn::e2e::work_dir("hostile-symlinks");
  const fs::path in = dir / "in";
  vn::e2e::write_file(in / "sub" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  fs::create_directory_symlink("..", in / "sub" / "up");       // A folder loop.
  fs::create_symlink("loop.txt", in / "loop.txt");             // Links to itself.
  fs::create_symlink("missing.txt", in / "dangling.txt");      // Links to nothing.
  fs::create_symlink(in / "sub" / "a.txt", in / "alias.txt");  // A file: read as one.
  const RunResult r = index(dir, in);
  CHECK(r.exit_code == 3);
  CHECK(vn::e2e::json_output(r)["added"] == 2);
  CHECK(r.err.find("loop.txt: cannot read: Too many levels of symbolic links") !=
        std::string::npos);
  CHECK(r.err.find("dangling.txt: cannot read: No such file or directory") != std::string::npos);
}

TEST_CASE("Unreadable files and folders are reported and the rest is indexed") {
  const fs::path dir = vn::e2e::work_dir("hostile-unreadable");
  if (const std::string why = vn::e2e::permissions_unenforceable(dir); !why.empty()) {
    MESSAGE("skipped: " << why);
    return;
  }
  const fs::path in = dir / "in";
  vn::e2e::write_file(in / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  vn::e2e::write_file(in / "secret.txt", "Bí_mật\nKhông đọc được .\n");
  vn::e2e::write_file(in / "closed" / "b.txt", "Bí_mật\nKhông đọc được .\n");
  vn::e2e::give_to_unprivileged(dir);
  fs::permissions(in / "secret.txt", fs::perms::none);
  fs::permissions(in / "closed", fs::perms::none);
  const RunResult r = vn::e2e::run_limited(
      vn::e2e::vnindex_bin(), {"--index", (dir / "idx").string(), "--json", in.string()},
      {.unprivileged = true});
  fs::permissions(in / "closed", fs::perms::owner_all);
  CHECK(vn::e2e::vnindex({"--index", (dir / "idx").string(), "--check"}).exit_code == 0);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("secret.txt") != std::string::npos);
  CHECK(r.err.find("closed: cannot list folder") != std::string::npos);
  CHECK(vn::e2e::json_output(r)["added"] == 1);
}

TEST_CASE("File names that are not UTF-8 are indexed under a usable key") {
  const fs::path dir = vn::e2e::work_dir("hostile-names");
  const fs::path in = dir / "in";
  vn::e2e::write_file(in / "Gi\xe1 l\xfa\x61.txt", "Giá lúa tăng\nNông_dân vui .\n");  // Latin-1
  vn::e2e::write_file(in / "\xff\xfe.txt", "Bão lớn\nMưa to .\n");
  const RunResult r = index(dir, in);
  CHECK(r.exit_code == 0);
  CHECK(vn::e2e::json_output(r)["added"] == 2);
  // Keys are UTF-8 that can be typed back: each byte of another encoding written %XX.
  CHECK(vn::e2e::search_keys(dir / "idx", "lúa") == std::vector<std::string>{"Gi%E1 l%FAa.txt"});
  CHECK(vn::e2e::search_keys(dir / "idx", "bão") == std::vector<std::string>{"%FF%FE.txt"});
  const RunResult shown =
      vn::e2e::vnsearch({"show", "--index", (dir / "idx").string(), "Gi%E1 l%FAa.txt"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.starts_with("Giá lúa tăng\n"));
  CHECK(index(dir, in).out.find("\"unchanged\":2") != std::string::npos);
}

TEST_CASE("Very deep folders are walked to the bottom") {
  const fs::path dir = vn::e2e::work_dir("hostile-deep");
  const fs::path in = dir / "in";
  // 1,100 levels: more than the descriptors a walk holding one per level may open (1,024 by
  // default), in a path still under PATH_MAX.
  fs::path deep = in;
  fs::create_directories(in);
  for (int i = 0; i < 1100; ++i) {
    deep /= "d";
    fs::create_directory(deep);  // One level at a time: create_directories gives up earlier.
  }
  std::ofstream(deep / "a.txt") << "Giá lúa tăng\nNông_dân vui .\n";
  vn::e2e::write_file(in / "b.txt", "Bão lớn\nMưa to .\n");
  vn::e2e::write_file(in / "d" / "d" / "c.txt", "Giá cà_phê giảm\nNông_dân lo .\n");
  const RunResult r = index(dir, in);
  // The walk reaches the bottom; the file there has a key longer than Xapian's terms allow.
  CHECK(r.exit_code == 3);
  CHECK(vn::e2e::json_output(r)["added"] == 2);
  CHECK(r.err.find("d/d/a.txt: path too long for a key (over 239 bytes)") != std::string::npos);
  CHECK(vn::e2e::search_keys(dir / "idx", "cà phê") == std::vector<std::string>{"d/d/c.txt"});
  CHECK(vn::e2e::json_output(index(dir, in))["added"] == 0);  // Never added twice.
}

TEST_CASE("Slow tier: a 100 MB line and a 50 MB JSON line and 100000 tiny files") {
  if (!vn::e2e::slow_tier()) {
    MESSAGE("skipped: slow tier only (scripts/test --slow, VNSEARCH_SLOW_TESTS=1)");
    return;
  }
  const fs::path dir = vn::e2e::work_dir("hostile-big");
  const fs::path in = dir / "in";
  {
    std::string line;
    line.reserve(100u << 20);
    while (line.size() < (100u << 20)) {
      line += "nông_dân vui vì giá lúa tăng ";
    }
    vn::e2e::write_file(in / "huge-line.txt", line);
    vn::e2e::write_file(in / "huge-line.jsonl", "{\"id\":\"h\",\"body\":\"" + line + "\"}\n");
    line.resize(50u << 20);
    vn::e2e::write_file(in / "big-record.jsonl",
                        "{\"id\":\"big\",\"title\":\"Bài dài\",\"body\":\"" + line + "\"}\n");
  }
  const RunResult big = timed("100 MB line and 50 MB record", [&] { return index(dir, in); });
  CHECK(big.exit_code == 3);
  CHECK(big.err.find("huge-line.txt: file too large") != std::string::npos);
  CHECK(big.err.find("huge-line.jsonl:1: line too long") != std::string::npos);
  CHECK(vn::e2e::search_keys(dir / "idx", "bài dài") == std::vector<std::string>{"big"});

  const fs::path tiny = dir / "tiny";
  for (int i = 0; i < 100000; ++i) {
    vn::e2e::write_file(tiny / std::to_string(i / 1000) / (std::to_string(i) + ".txt"),
                        "Tin " + std::to_string(i) + "\nSố " + std::to_string(i) + " .\n");
  }
  const auto index_tiny = [&] {
    return vn::e2e::vnindex({"--index", (dir / "tiny-idx").string(), "--json", tiny.string()});
  };
  const RunResult r = timed("100,000 tiny files", index_tiny);
  CHECK(r.exit_code == 0);
  CHECK(vn::e2e::json_output(r)["added"] == 100000);
  const RunResult again = timed("100,000 tiny files, unchanged re-run", index_tiny);
  CHECK(vn::e2e::json_output(again)["unchanged"] == 100000);
  CHECK(vn::e2e::vnindex({"--index", (dir / "tiny-idx").string(), "--check"}).exit_code == 0);
}

TEST_CASE("Control characters from an article or a query reach the terminal escaped") {
  const fs::path dir = vn::e2e::work_dir("hostile-terminal");
  const fs::path in = dir / "in";
  vn::e2e::write_file(in / "a.txt", "Giá lúa \x1b[2J tăng\nNông_dân vui \x1b]0;x\x07 lắm .\n");
  vn::e2e::write_file(in / "bad\x1b[2J.txt", std::string("\0\1\2binary", 9));
  const RunResult indexed = index(dir, in);
  REQUIRE(indexed.exit_code == 3);  // The binary file, reported by its escaped name:
  CHECK(indexed.err.find("bad\\u001b[2J.txt") != std::string::npos);
  CHECK(indexed.err.find('\x1b') == std::string::npos);
  const std::string idx = (dir / "idx").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"search", "--index", idx, "lúa"},
        std::vector<std::string>{"search", "--index", idx, "lua \x1b[31m"},
        std::vector<std::string>{"show", "--index", idx, "a.txt"},
        std::vector<std::string>{"show", "--index", idx, "no\x1b[1m.txt"}}) {
    CAPTURE(args[3]);
    const RunResult r = vn::e2e::vnsearch(args);
    CHECK(r.exit_code <= 1);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
  }
  const RunResult shown = vn::e2e::vnsearch({"show", "--index", idx, "a.txt"});
  CHECK(shown.out.find("Giá lúa \\u001b[2J tăng") != std::string::npos);
}
