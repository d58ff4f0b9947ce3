// vnindex's input formats end to end: JSON Lines files, the same compressed, standard input, bad
// lines and corrupt files, and the start of a real dump from the shared corpus.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/e2e/harness.h"

using vn::e2e::RunResult;
namespace fs = std::filesystem;

namespace {

// The full path of a program on $PATH (the harness runs programs without a shell).
std::string find_program(const std::string& name) {
  std::istringstream path(std::getenv("PATH") != nullptr ? std::getenv("PATH") : "/usr/bin:/bin");
  for (std::string dir; std::getline(path, dir, ':');) {
    const fs::path candidate = fs::path(dir) / name;
    if (fs::exists(candidate)) {
      return candidate.string();
    }
  }
  FAIL("program not found on PATH: " << name);
  return {};
}

// Compresses `file` next to itself with `tool` (zstd, gzip), keeping it; returns the new path.
fs::path compress(const std::string& tool, const fs::path& file, const std::string& suffix) {
  const RunResult r = vn::e2e::run(find_program(tool), {"-q", "-k", "-f", file.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return file.string() + suffix;
}

const std::string kDump =
    R"({"id":"kt-1","title":"Giá lúa tăng","body":"Nông_dân miền Tây vui .","category":"kinh-te","date":"12/11/2005"})"
    "\n"
    R"({"id":42,"title":"Bão số 7","content":"Bão đổ_bộ vào Quảng_Ninh .\r\nNgư_dân về bờ .","split":"train"})"
    "\n"
    R"({"title":"","text":"Đội_tuyển thắng\nTrận đấu hấp_dẫn ."})"
    "\n";

}  // namespace

TEST_CASE("A JSON Lines dump is indexed and searched with keys from id or line") {
  const fs::path dir = vn::e2e::work_dir("jsonl-plain");
  vn::e2e::write_file(dir / "in" / "dump.jsonl", kDump);
  const fs::path idx = dir / "idx";
  const RunResult r = vn::e2e::vnindex({"--index", idx.string(), (dir / "in").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("3 added") != std::string::npos);
  struct Row {
    std::string query;
    std::vector<std::string> keys;
  };
  const std::vector<Row> rows = {
      {"lúa", {"kt-1"}},
      {"quang ninh", {"42"}},
      {"ngư dân", {"42"}},
      {"đội tuyển", {"dump.jsonl:3"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.query);
    CHECK(vn::e2e::search_keys(idx, row.query) == row.keys);
  }
  const RunResult again = vn::e2e::vnindex({"--index", idx.string(), (dir / "in").string()});
  CHECK(again.out.find("0 added, 0 updated, 3 unchanged") != std::string::npos);
}

TEST_CASE("Compressed JSON Lines and text files give the same results as plain ones") {
  const fs::path dir = vn::e2e::work_dir("jsonl-compressed");
  const fs::path plain = dir / "dump.jsonl";
  vn::e2e::write_file(plain, kDump.substr(0, kDump.rfind("{\"title\":\"\"")));
  vn::e2e::write_file(dir / "bai.txt", "Hà_Nội mưa to\nĐường_phố ngập sâu .\n");
  const std::vector<std::string> queries = {"lúa", "bão", "ngư dân", "hà nội", "ngập"};
  auto results = [&](const std::string& name, const std::vector<fs::path>& inputs) {
    std::vector<std::string> args = {"--index", (dir / name).string()};
    for (const fs::path& p : inputs) {
      args.push_back(p.string());
    }
    const RunResult r = vn::e2e::vnindex(args);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("3 added") != std::string::npos);
    std::vector<std::string> outputs;
    for (const std::string& q : queries) {
      outputs.push_back(
          vn::e2e::vnsearch({"search", "--index", (dir / name).string(), q}).out);
    }
    return outputs;
  };
  const auto expected = results("idx-plain", {plain, dir / "bai.txt"});
  CHECK(vn::e2e::search_keys(dir / "idx-plain", "lúa") == std::vector<std::string>{"kt-1"});
  struct Row {
    std::string tool;
    std::string suffix;
  };
  for (const Row& row : std::vector<Row>{{"zstd", ".zst"}, {"gzip", ".gz"}}) {
    CAPTURE(row.tool);
    const fs::path jsonl = compress(row.tool, plain, row.suffix);
    const fs::path txt = compress(row.tool, dir / "bai.txt", row.suffix);
    auto outputs = results("idx-" + row.tool, {jsonl, txt});
    // Only the text file's key differs: it is its file name.
    for (std::string& out : outputs) {
      const auto at = out.find("bai.txt" + row.suffix);
      if (at != std::string::npos) {
        out.erase(at + 7, row.suffix.size());
      }
    }
    CHECK(outputs == expected);
  }
}

TEST_CASE("A dash reads JSON Lines from standard input") {
  const fs::path dir = vn::e2e::work_dir("jsonl-stdin");
  const std::string idx = (dir / "idx").string();
  const RunResult r = vn::e2e::run(VNINDEX_BIN, {"--index", idx, "-"}, kDump);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("3 added") != std::string::npos);
  CHECK(vn::e2e::search_keys(dir / "idx", "đội tuyển") == std::vector<std::string>{"stdin:3"});
  CHECK(vn::e2e::search_keys(dir / "idx", "lúa") == std::vector<std::string>{"kt-1"});
}

TEST_CASE("A malformed line is reported with its line number and the other lines are indexed") {
  const fs::path dir = vn::e2e::work_dir("jsonl-malformed");
  const std::string first = kDump.substr(0, kDump.find('\n') + 1);
  vn::e2e::write_file(dir / "dump.jsonl",
                      first + "{\"id\":\"x\",\"body\":\"thiếu ngoặc\"\n" +
                          "[\"không phải đối_tượng\"]\n\n" +
                          R"({"id":"y","title":"Không có thân bài"})" + "\n" +
                          R"({"id":"z","body":"Cá_heo bơi","date":"hôm qua"})" + "\n");
  const std::string idx = (dir / "idx").string();
  const RunResult r = vn::e2e::vnindex({"--index", idx, (dir / "dump.jsonl").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("dump.jsonl:2: malformed JSON") != std::string::npos);
  CHECK(r.err.find("dump.jsonl:3: not a JSON object") != std::string::npos);
  CHECK(r.err.find("dump.jsonl:5: no body") != std::string::npos);
  CHECK(r.err.find("warning: " + (dir / "dump.jsonl").string() + ":6: date") !=
        std::string::npos);
  CHECK(r.out.find("2 added") != std::string::npos);
  CHECK(r.out.find("3 skipped") != std::string::npos);
  CHECK(r.out.find("1 warning") != std::string::npos);
  CHECK(vn::e2e::search_keys(dir / "idx", "lúa") == std::vector<std::string>{"kt-1"});
  CHECK(vn::e2e::search_keys(dir / "idx", "cá heo") == std::vector<std::string>{"z"});
}

TEST_CASE("A corrupt or missing compressed file is reported with its path and skipped") {
  const fs::path dir = vn::e2e::work_dir("jsonl-corrupt");
  // 40 records padded with hard-to-compress hex, so that half the compressed file holds whole
  // compressed blocks, and lines, before the cut.
  std::string big;
  std::uint64_t seed = 1;
  for (int i = 0; i < 40; ++i) {
    std::string pad(20000, '0');
    for (char& c : pad) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      c = "0123456789abcdef"[seed >> 60];
    }
    big += R"({"id":")" + std::to_string(i) + R"(","body":"Bài số )" + std::to_string(i) +
           R"( về thời_tiết .","pad":")" + pad + "\"}\n";
  }
  vn::e2e::write_file(dir / "dump.jsonl", big);
  const fs::path zst = compress("zstd", dir / "dump.jsonl", ".zst");
  std::string bytes(fs::file_size(zst) / 2, '\0');
  std::ifstream(zst, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  vn::e2e::write_file(dir / "cut.jsonl.zst", bytes);
  vn::e2e::write_file(dir / "fake.jsonl.gz", "không phải gzip");
  const RunResult r = vn::e2e::vnindex(
      {"--index", (dir / "idx").string(), (dir / "cut.jsonl.zst").string(),
       (dir / "fake.jsonl.gz").string(), (dir / "missing.jsonl.xz").string()});
  CHECK(r.exit_code == 3);
  // The lines before the damage are indexed.
  CHECK(r.err.find("cut.jsonl.zst: corrupt or truncated input after line ") != std::string::npos);
  // Bytes that are not compressed at all are read as they are.
  CHECK(r.err.find("fake.jsonl.gz:1: malformed JSON") != std::string::npos);
  CHECK(r.err.find("missing.jsonl.xz: no such file") != std::string::npos);
  CHECK(r.out.find("3 skipped") != std::string::npos);
  CHECK(vn::e2e::search_keys(dir / "idx", "\"bài số 0\"") == std::vector<std::string>{"0"});
}

TEST_CASE("The start of a shared corpus dump is indexed and searchable") {
  const fs::path dump = SHARED_CORPUS_DIR "/news-large-segmented-01.jsonl.zst";
  if (!fs::exists(dump)) {
    MESSAGE("shared corpus absent (" << dump.string() << "): test skipped");
    return;
  }
  const fs::path dir = vn::e2e::work_dir("jsonl-shared-corpus");
  const RunResult unpacked = vn::e2e::run(find_program("zstd"), {"-dc", dump.string()});
  REQUIRE(unpacked.exit_code == 0);
  std::size_t size = 0;  // Of the first 200 lines.
  for (int i = 0; i < 200 && size <= unpacked.out.size(); ++i) {
    size = unpacked.out.find('\n', size) + 1;  // 0 when there is no further line end.
    REQUIRE(size > 0);
  }
  const std::string head = unpacked.out.substr(0, size);
  vn::e2e::write_file(dir / "head.jsonl", head);
  const RunResult r = vn::e2e::vnindex({"--index", (dir / "idx").string(), (dir / "head.jsonl").string()});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("200 added") != std::string::npos);
  // The longest compound word of the 100th article's title finds that article.
  std::istringstream lines(head);
  std::string line;
  for (int i = 0; i < 100; ++i) {
    std::getline(lines, line);
  }
  const nlohmann::json record = nlohmann::json::parse(line);
  std::istringstream words(record["title"].get<std::string>());
  std::string word, longest;
  while (words >> word) {
    if (word.find('_') != std::string::npos && word.size() > longest.size()) {
      longest = word;
    }
  }
  REQUIRE_FALSE(longest.empty());
  CAPTURE(longest);
  const auto keys = vn::e2e::search_keys(dir / "idx", longest);
  CHECK(std::find(keys.begin(), keys.end(), record["id"].get<std::string>()) != keys.end());
}
