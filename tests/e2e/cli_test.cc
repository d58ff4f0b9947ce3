// The programs' command-line contract: help, version, usage errors and their exit status.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/e2e/harness.h"

using vn::e2e::RunResult;

TEST_CASE("Both programs answer --help and --version") {
  for (const auto& run : {vn::e2e::vnindex, vn::e2e::vnsearch}) {
    const RunResult help = run({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Exit status") != std::string::npos);
    const RunResult version = run({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(version.out.find("0.1.0") != std::string::npos);
  }
  const RunResult search_help = vn::e2e::vnsearch({"search", "--help"});
  CHECK(search_help.out.find("Query language") != std::string::npos);
}

TEST_CASE("Unknown options are a one-line usage error with exit status 2") {
  for (const auto& run : {vn::e2e::vnindex, vn::e2e::vnsearch}) {
    const RunResult r = run({"--no-such-option", "x"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--help") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("A missing index names the vnindex command that creates it") {
  const auto dir = vn::e2e::work_dir("missing-index") / "nothing-here";
  const RunResult r = vn::e2e::vnsearch({"search", "--index", dir.string(), "hà nội"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("vnindex --index " + dir.string()) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir));
}

TEST_CASE("A malformed query gets one line with its position and exit status 2") {
  const RunResult r =
      vn::e2e::vnsearch({"search", "--index", vn::e2e::sample_index().string(), "mặt \"trận"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "vnsearch: bad query at character 5: unbalanced quote\n");
}

TEST_CASE("A bad input file is reported with its path and skipped and the run goes on") {
  const auto dir = vn::e2e::work_dir("bad-input");
  vn::e2e::write_file(dir / "in" / "good.txt", "Tiêu_đề tốt\nNội_dung bài báo .\n");
  vn::e2e::write_file(dir / "in" / "empty.txt", "");
  vn::e2e::write_file(dir / "in" / "binary.txt", std::string("\x7F" "ELF\0\0\0", 7));
  const RunResult r = vn::e2e::vnindex({"--index", (dir / "idx").string(), (dir / "in").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("empty.txt: empty file") != std::string::npos);
  CHECK(r.err.find("binary.txt: binary file") != std::string::npos);
  CHECK(r.out.find("1 added") != std::string::npos);
  CHECK(r.out.find("2 skipped") != std::string::npos);
  const RunResult s = vn::e2e::vnsearch({"search", "--index", (dir / "idx").string(), "tốt"});
  CHECK(s.exit_code == 0);
  CHECK(vn::e2e::result_keys(s.out) == std::vector<std::string>{"good.txt"});
}

TEST_CASE("Re-indexing unchanged files changes nothing and a changed file is replaced") {
  const auto dir = vn::e2e::work_dir("reindex");
  const auto in = dir / "in";
  const std::string idx = (dir / "idx").string();
  vn::e2e::write_file(in / "kinh-te" / "a.txt", "Giá lúa tăng\nNông_dân vui .\n");
  vn::e2e::write_file(in / "kinh-te" / "b.txt", "Giá cà_phê giảm\nNông_dân lo .\n");
  CHECK(vn::e2e::vnindex({"--index", idx, in.string()}).out.find("2 added") != std::string::npos);
  const RunResult again = vn::e2e::vnindex({"--index", idx, in.string()});
  CHECK(again.out.find("0 added, 0 updated, 2 unchanged") != std::string::npos);
  vn::e2e::write_file(in / "kinh-te" / "b.txt", "Giá hồ_tiêu giảm\nNông_dân lo .\n");
  const RunResult changed = vn::e2e::vnindex({"--index", idx, in.string()});
  CHECK(changed.out.find("0 added, 1 updated, 1 unchanged") != std::string::npos);
  CHECK(changed.out.find("2 articles in the index") != std::string::npos);
  CHECK(vn::e2e::vnsearch({"search", "--index", idx, "cà phê"}).exit_code == 1);
  const RunResult s = vn::e2e::vnsearch({"search", "--index", idx, "hồ tiêu"});
  CHECK(vn::e2e::result_keys(s.out) == std::vector<std::string>{"kinh-te/b.txt"});
}
