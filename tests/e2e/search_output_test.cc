// vnsearch's machine-readable output and its show/stats commands, over the sample corpus.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/harness.h"

namespace {

// The code-point range [b, e) of a UTF-8 string.
std::string code_points(const std::string& s, std::size_t b, std::size_t e) {
  std::u32string wide;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    wide.push_back(static_cast<char32_t>(i));  // Remember the byte offset of each code point.
    i += len;
  }
  REQUIRE(b < wide.size());  // A highlight past the snippet's end is a failure, not UB.
  REQUIRE(e <= wide.size());
  const std::size_t from = wide[b];
  const std::size_t to = e < wide.size() ? static_cast<std::size_t>(wide[e]) : s.size();
  return s.substr(from, to - from);
}

}  // namespace

TEST_CASE("search --json has the documented fields and code-point highlights") {
  const auto j = vn::e2e::sample_json({"search", "--limit", "2", "mat tran binh dan"});
  CHECK(j["query"] == "mat tran binh dan");
  CHECK(j["understood"] == "\"mat tran\" AND \"binh dan\"");
  CHECK(j["total"].get<int>() >= 2);
  CHECK(j["offset"] == 0);
  CHECK(j["limit"] == 2);
  CHECK(j["took_ms"].is_number());
  CHECK(j["did_you_mean"] == "mặt trận bình dân");
  REQUIRE(j["results"].size() == 2);
  const auto& first = j["results"][0];
  CHECK(first["key"] == "the-gioi/000_2b2a32c126b73035.txt");
  CHECK(first["title"] == "Phe đối lập Azerbaijan chuẩn bị cách mạng màu sắc");
  CHECK(first["category"] == "the-gioi");
  CHECK(first["url"].is_null());
  for (const char* field : {"score", "duplicates", "snippet", "highlights", "snippet_html"}) {
    CAPTURE(field);
    CHECK(first.contains(field));
  }
  const std::string snippet = first["snippet"];
  REQUIRE_FALSE(first["highlights"].empty());
  for (const auto& range : first["highlights"]) {
    CHECK(code_points(snippet, range[0], range[1]) == "Mặt trận Bình dân");
  }
  const std::string html = first["snippet_html"];
  CHECK(html.find("<mark>Mặt trận Bình dân</mark>") != std::string::npos);
}

TEST_CASE("show prints one article with spaces for underscores") {
  const auto r = vn::e2e::vnsearch({"show", "--index", vn::e2e::sample_index().string(),
                                    "the-gioi/000_2b2a32c126b73035.txt"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("Phe đối lập Azerbaijan chuẩn bị cách mạng màu sắc\n"));
  CHECK(r.out.find("Mặt trận Bình dân Azerbaijan") != std::string::npos);
  const auto j = vn::e2e::sample_json({"show", "the-gioi/000_2b2a32c126b73035.txt"});
  CHECK(j["category"] == "the-gioi");
  CHECK(j["text"].get<std::string>().find('_') == std::string::npos);
  const auto missing = vn::e2e::vnsearch(
      {"show", "--index", vn::e2e::sample_index().string(), "no/such/key.txt"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "vnsearch: no article with key no/such/key.txt\n");
}

TEST_CASE("stats reports counts and versions") {
  const auto j = vn::e2e::sample_json({"stats"});
  CHECK(j["articles"] == 54);
  CHECK(j["rows"] == 54);
  CHECK(j["index_bytes"].get<long>() > 0);
  CHECK(j["analyser_version"] == "1");
  CHECK(j["names"].get<int>() > 10);
}
