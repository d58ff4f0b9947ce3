// The query-side segmenter: syllables typed with spaces grouped into the lexicon's words.
#include "common/segmenter.h"

#include <doctest/doctest.h>

#include <vector>

#include "common/analyzer.h"
#include "query/query_parser.h"

namespace {

vn::MemoryLexicon small_lexicon() {
  vn::MemoryLexicon lexicon;
  for (const auto& [word, count] : std::vector<std::pair<const char*, int>>{
           {"mặt", 300},     {"trận", 200},     {"mặt_trận", 60}, {"bình", 400},
           {"dân", 900},     {"bình_dân", 60},  {"hòa", 150},     {"hòa_bình", 120},
           {"tộc", 10},      {"dân_tộc", 160},  {"tổ", 100},      {"quốc", 300},
           {"tổ_quốc", 40},  {"mặt_trận_tổ_quốc", 30}, {"nhà", 500}, {"hàng", 400},
           {"nhà_hàng", 50}, {"của", 5000},     {"ông", 3000},    {"và", 6000}}) {
    lexicon.add(word, static_cast<std::uint64_t>(count));
  }
  return lexicon;
}

// The split as words joined by '|', syllables by '_'.
std::string split(const std::string& text, const vn::Lexicon& lexicon) {
  vn::Analysis a;
  vn::analyze(text, a);
  std::string out;
  std::size_t at = 0;
  for (std::size_t len : vn::segment(a.syllables, lexicon)) {
    out += out.empty() ? "" : "|";
    for (std::size_t i = 0; i < len; ++i) {
      out += i > 0 ? "_" : "";
      out += a.syllables[at + i].key;
    }
    at += len;
  }
  return out;
}

}  // namespace

TEST_CASE("The segmenter groups syllables into the words the lexicon knows") {
  const vn::MemoryLexicon lexicon = small_lexicon();
  struct Row {
    const char* text;
    const char* words;
  };
  const std::vector<Row> rows = {
      {"mặt trận bình dân", "mặt_trận|bình_dân"},
      {"hòa bình dân tộc", "hòa_bình|dân_tộc"},
      {"mặt trận tổ quốc", "mặt_trận_tổ_quốc"},
      {"nhà hàng bình dân của ông", "nhà_hàng|bình_dân|của|ông"},
      {"xyz mặt trận abc", "xyz|mặt_trận|abc"},
      {"trận mặt", "trận|mặt"},
      {"", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(split(row.text, lexicon) == row.words);
  }
}

TEST_CASE("A query typed with spaces is understood as the lexicon's words") {
  const vn::MemoryLexicon lexicon = small_lexicon();
  const auto parsed = vn::parse_query("mặt trận bình dân -hòa", &lexicon);
  REQUIRE(parsed.has_value());
  CHECK(parsed->understood == "\"mặt trận\" AND \"bình dân\" AND NOT hòa");
}
