// Archives as inputs: .zip, .tar, .tar.gz, .tgz, .tar.zst read as streams, each .txt entry an
// article keyed ARCHIVE/ENTRY, .jsonl entries read as dumps. The archives are written here with
// libarchive, so the test needs no zip or tar program.
#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>

#include <utility>

#include "tests/e2e/harness.h"

using vn::e2e::RunResult;
namespace fs = std::filesystem;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;  // Name, content.

enum class Container { kZip, kTar, kTarGz, kTarZst };

void write_archive(const fs::path& path, Container container, const Entries& entries) {
  archive* a = archive_write_new();
  if (container == Container::kZip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
  }
  if (container == Container::kTarGz) {
    archive_write_add_filter_gzip(a);
  } else if (container == Container::kTarZst) {
    archive_write_add_filter_zstd(a);
  }
  fs::create_directories(path.parent_path());
  REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
  for (const auto& [name, content] : entries) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    REQUIRE(archive_write_header(a, e) == ARCHIVE_OK);
    REQUIRE(archive_write_data(a, content.data(), content.size()) ==
            static_cast<la_ssize_t>(content.size()));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

const Entries kEntries = {
    {"kinh-te/a.txt", "Giá lúa tăng\nNông_dân miền Tây vui .\n"},
    {"b.txt", "Bão số 7\nBão đổ_bộ vào Quảng_Ninh .\n"},
    {"dumps/dump.jsonl", R"({"id":"j1","title":"Đội_tuyển thắng","body":"Trận đấu hấp_dẫn ."})"
                         "\n"
                         R"({"title":"Giá vàng","body":"Vàng tăng mạnh ."})"
                         "\n"},
    {"README.md", "not an article"},
};

// Words that gzip cannot shrink much, so that cutting the archive cuts inside this text.
std::string incompressible_text(std::size_t bytes) {
  std::string text;
  std::uint32_t state = 12345;
  while (text.size() < bytes) {
    state = state * 1103515245u + 12345u;
    text += static_cast<char>('a' + (state >> 16) % 26);
    if ((state >> 8) % 7 == 0) {
      text += ' ';
    }
  }
  return text + "\n";
}

}  // namespace

TEST_CASE("Zip and tar archives plain or compressed are read entry by entry") {
  const fs::path dir = vn::e2e::work_dir("archives");
  const std::vector<std::pair<std::string, Container>> kinds = {
      {"news.zip", Container::kZip},        {"news.tar", Container::kTar},
      {"news.tar.gz", Container::kTarGz},   {"news.tgz", Container::kTarGz},
      {"news.tar.zst", Container::kTarZst},
  };
  for (const auto& [name, container] : kinds) {
    CAPTURE(name);
    const fs::path in = dir / name / "in";
    const fs::path idx = dir / name / "idx";
    write_archive(in / "2005" / name, container, kEntries);
    const RunResult r = vn::e2e::vnindex({"--index", idx.string(), in.string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out.find("4 added") != std::string::npos);
    const std::string prefix = "2005/" + name + "/";
    CHECK(vn::e2e::search_keys(idx, "lúa") == std::vector<std::string>{prefix + "kinh-te/a.txt"});
    CHECK(vn::e2e::search_keys(idx, "quang ninh") == std::vector<std::string>{prefix + "b.txt"});
    CHECK(vn::e2e::search_keys(idx, "đội tuyển") == std::vector<std::string>{"j1"});
    CHECK(vn::e2e::search_keys(idx, "vàng") == std::vector<std::string>{prefix + "dumps/dump.jsonl:2"});
    const RunResult category =
        vn::e2e::vnsearch({"search", "--index", idx.string(), "category:kinh-te"});
    CHECK(vn::e2e::result_keys(category.out) == std::vector<std::string>{prefix + "kinh-te/a.txt"});
    // Re-run: unchanged; prune after removing the archive deletes its articles.
    CHECK(vn::e2e::vnindex({"--index", idx.string(), in.string()}).out.find("4 unchanged") !=
          std::string::npos);
    fs::remove(in / "2005" / name);
    const RunResult pruned = vn::e2e::vnindex({"--index", idx.string(), "--prune", in.string()});
    CHECK(pruned.out.find("4 deleted") != std::string::npos);
  }
}

TEST_CASE("A corrupt archive is reported and its readable entries are kept") {
  const fs::path dir = vn::e2e::work_dir("archive-corrupt");
  const fs::path archive_path = dir / "in" / "news.tar.gz";
  write_archive(archive_path, Container::kTarGz,
                {{"a.txt", "Giá lúa tăng\nNông_dân vui .\n"},
                 {"b.txt", "Tiêu_đề\n" + incompressible_text(200000)},
                 {"nested.txt.gz", "not really gzip"}});
  const RunResult nested =
      vn::e2e::vnindex({"--index", (dir / "idx").string(), (dir / "in").string()});
  CHECK(nested.exit_code == 3);
  CHECK(nested.err.find("news.tar.gz/nested.txt.gz: compressed file or archive inside an "
                        "archive") != std::string::npos);
  // Cut the archive in the middle of b.txt: a.txt is indexed, the damage reported.
  fs::resize_file(archive_path, fs::file_size(archive_path) / 2);
  const RunResult r = vn::e2e::vnindex({"--index", (dir / "idx2").string(), (dir / "in").string()});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("news.tar.gz") != std::string::npos);
  CHECK(vn::e2e::search_keys(dir / "idx2", "lúa") == std::vector<std::string>{"news.tar.gz/a.txt"});
}
