// Snippets: the window, highlighting through the analyser, underscores shown as spaces.
#include "query/snippet.h"

#include <doctest/doctest.h>

#include "query/query_parser.h"

namespace {

// The snippet with highlights shown as [..].
std::string marked(const std::string& text, const std::string& query, std::size_t chars = 200) {
  const auto parsed = vn::parse_query(query);
  REQUIRE(parsed.has_value());
  const vn::Snippet s = vn::make_snippet(text, parsed->highlight, chars);
  std::string out;
  std::size_t pos = 0;
  for (const auto& [b, e] : s.highlights) {
    out += s.text.substr(pos, b - pos) + "[" + s.text.substr(b, e - b) + "]";
    pos = e;
  }
  return out + s.text.substr(pos);
}

}  // namespace

TEST_CASE("Snippets highlight compounds and accented words matched without accents") {
  struct Row {
    const char* text;
    const char* query;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {"phó chủ_tịch Mặt_trận Bình_dân Azerbaijan", "mặt trận bình dân",
       "phó chủ tịch [Mặt trận Bình dân] Azerbaijan"},
      {"phó chủ_tịch Mặt_trận Bình_dân", "mat tran", "phó chủ tịch [Mặt trận] Bình dân"},
      {"đường và dương", "duong", "[đường] và [dương]"},
      {"giá bán và bạn", "bán", "giá [bán] và bạn"},
      {"sức_khoẻ tốt", "sức khỏe", "[sức khoẻ] tốt"},
      {"Tổ_chức An_ninh ( OSCE ) nhận_xét , rằng : tốt .", "osce",
       "Tổ chức An ninh ([OSCE]) nhận xét, rằng: tốt."},
      {"Ma\xCC\xA3\xCC\x86t_tra\xCC\xA3\xCC\x82n", "mặt trận",
       "[Ma\xCC\xA3\xCC\x86t tra\xCC\xA3\xCC\x82n]"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CAPTURE(row.query);
    CHECK(marked(row.text, row.query) == row.expected);
  }
}

TEST_CASE("A long text is cut around the densest matches at word boundaries with ellipses") {
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += "một hai ba ";
  }
  text += "Mặt_trận Bình_dân ";
  for (int i = 0; i < 60; ++i) {
    text += "bốn năm sáu ";
  }
  const std::string s = marked(text, "mặt trận", 80);
  CHECK(s.starts_with("… "));
  CHECK(s.ends_with(" …"));
  CHECK(s.find("[Mặt trận]") != std::string::npos);
  CHECK(s.find("_") == std::string::npos);
}

TEST_CASE("Displayed text closes up the spaces segmented text puts inside quotes") {
  CHECK(vn::display_text("anh nói \" Sống vui \" rồi đi") == "anh nói \"Sống vui\" rồi đi");
  CHECK(vn::display_text("“ Sống_vui ” , anh nói") == "“Sống vui”, anh nói");
  CHECK(vn::display_text("\" a \" và \" b \"") == "\"a\" và \"b\"");
  // A snippet that starts inside a quotation knows its next quote closes it.
  std::string text = "\" ";
  for (int i = 0; i < 60; ++i) {
    text += "một hai ba ";
  }
  text += "Mặt_trận \" ra_đời";
  const std::string s = marked(text, "mặt trận", 60);
  CHECK(s.starts_with("… "));
  CHECK(s.ends_with("[Mặt trận]\" ra đời"));
  // A stray inch mark in an earlier paragraph does not turn the quotes of a later one.
  const std::string later = "Màn_hình 15\" .\n" + text.substr(2) + " , họ nói";
  CHECK(marked(later, "mặt trận", 60).ends_with("[Mặt trận] \"ra đời, họ nói"));
}
