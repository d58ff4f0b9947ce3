// Hostile and odd queries (issue 7): huge, many-termed, deeply nested, wildcards over a large
// vocabulary, control characters, invalid UTF-8 and encoded surrogates. Each is either answered
// from an in-memory index or refused with one line naming the limit and the position; none
// crashes. Behaviour is asserted, not time (the fuzzer bounds time per input, scripts/fuzz).
#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "query/index_lexicon.h"
#include "query/query_lexer.h"
#include "query/query_parser.h"

namespace {

// An in-memory index of `bodies` (key = position), searched as vnsearch does: the index's
// vocabulary as the segmenter's lexicon, top 10.
class Index {
 public:
  explicit Index(const std::vector<std::string>& bodies)
      : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    vn::DocumentBuilder builder;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      vn::Article a;
      a.key = "doc" + std::to_string(i);
      a.title = a.key;
      a.body = bodies[i];
      db_.add_document(builder.build(a).document);
    }
  }

  std::expected<vn::ParsedQuery, vn::QueryError> parse(const std::string& query) const {
    const vn::IndexLexicon lexicon(db_);
    return vn::parse_query(query, &lexicon);
  }

  // Matches of an accepted query (fails the test when it is refused).
  Xapian::doccount matches(const std::string& query) const {
    const auto parsed = parse(query);
    REQUIRE_MESSAGE(parsed.has_value(), parsed.error().message);
    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed->query);
    return enquire.get_mset(0, 10).get_matches_estimated();
  }

 private:
  Xapian::WritableDatabase db_;
};

const Index& news() {
  static const Index index({"phó chủ_tịch Mặt_trận Bình_dân Azerbaijan , khẳng_định",
                            "gìn_giữ hòa_bình dân_tộc", "giá bán lẻ tăng 10% ; HIV/AIDS"});
  return index;
}

// A refusal is one line, at a character inside the query (or just after its end).
void check_refusal(const std::string& query, const vn::QueryError& e) {
  CHECK_FALSE(e.message.empty());
  CHECK(e.message.find('\n') == std::string::npos);
  CHECK(e.column >= 1);
  CHECK(e.column <= vn::column_of(query, query.size()));
}

std::string repeat(const std::string& s, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) {
    out += s;
  }
  return out;
}

}  // namespace

TEST_CASE("A query over 4 KB is refused naming its size and the limit at the character it falls") {
  const std::string ascii = repeat("mat tran ", 100 * 1024 / 9);
  auto parsed = news().parse(ascii);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message ==
        "query too long (" + std::to_string(ascii.size()) + " bytes; limit 4096)");
  CHECK(parsed.error().column == 4097);

  // Counted in characters: "mặt " is 4 characters in 6 bytes, so byte 4096 is character 2731.
  const std::string vietnamese = repeat("mặt ", 100 * 1024 / 6);
  parsed = news().parse(vietnamese);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().column == 2731);

  const std::string at_limit = repeat("mat tran ", 4096 / 9) + std::string(4096 % 9, ' ');
  REQUIRE(at_limit.size() == vn::kMaxQueryBytes);
  CHECK(news().matches(at_limit) == 1);
  CHECK_FALSE(news().parse(at_limit + "x").has_value());
}

TEST_CASE("Thousands of terms within 4 KB are answered") {
  std::string many_words;
  std::string many_ors;
  std::string many_phrases;
  std::string many_exclusions = "mat";
  std::string many_filters = "mat";
  for (int i = 0; many_words.size() < 4000; ++i) {
    many_words += "w" + std::to_string(i) + " ";
  }
  while (many_ors.size() < 4000) {
    many_ors += many_ors.empty() ? "tang" : " OR tang";
  }
  while (many_phrases.size() < 4000) {
    many_phrases += "\"binh dan\" ";
  }
  while (many_exclusions.size() < 4000) {
    many_exclusions += " -x";
  }
  while (many_filters.size() < 4000) {
    many_filters += " -category:k";
  }
  CHECK(news().matches(many_words) == 0);
  CHECK(news().matches(many_ors) == 1);
  CHECK(news().matches(many_phrases) == 2);
  CHECK(news().matches(many_exclusions) == 1);
  CHECK(news().matches(many_filters) == 1);
  CHECK(news().matches(repeat("a ", 2048)) == 0);  // 2,048 one-letter terms.
}

TEST_CASE("Nesting up to 32 parentheses is answered and deeper is refused where it goes too deep") {
  CHECK(news().matches(std::string(32, '(') + "tang" + std::string(32, ')')) == 1);
  CHECK(news().matches(repeat("(tang OR ", 32) + "x" + std::string(32, ')')) == 1);

  const std::string deep = std::string(33, '(') + "tang" + std::string(33, ')');
  auto parsed = news().parse(deep);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == "parentheses nested too deeply (limit 32)");
  CHECK(parsed.error().column == 33);

  // As deep as 4 KB allows, closed or not: refused at the same place, no stack exhaustion.
  for (const std::string& q :
       {std::string(4096, '('), std::string(2000, '(') + "a" + std::string(2000, ')'),
        repeat("-(", 2000)}) {
    parsed = news().parse(q);
    REQUIRE_FALSE(parsed.has_value());
    check_refusal(q, parsed.error());
  }
  CHECK(news().parse(std::string(4096, '(')).error().column == 33);
}

TEST_CASE("A prefix on a large vocabulary is answered from its most frequent completions") {
  // 17,576 distinct syllables "a" + three letters, one article each, and "abc" in every article:
  // the most frequent completion, so among the 100 a prefix expands to.
  std::vector<std::string> bodies;
  for (char x = 'a'; x <= 'z'; ++x) {
    for (char y = 'a'; y <= 'z'; ++y) {
      std::string body = "abc";
      for (char z = 'a'; z <= 'z'; ++z) {
        body += std::string{' ', 'a', x, y, z};
      }
      bodies.push_back(body);
    }
  }
  const Index large(bodies);
  CHECK(large.matches("a*") == bodies.size());
  CHECK(large.matches("ab*") == bodies.size());
  CHECK(large.matches("azz*") == 1);
  CHECK(large.matches("zzz aa*") == 0);
  const auto parsed = large.parse("a*");
  REQUIRE(parsed.has_value());
  CHECK(parsed->highlight.folded_prefixes.contains("a"));
  // A lone or doubled star is not a word.
  for (const std::string q : {"*", "**", "* *", "-*"}) {
    CAPTURE(q);
    const auto refused = large.parse(q);
    REQUIRE_FALSE(refused.has_value());
    check_refusal(q, refused.error());
  }
}

TEST_CASE("Control characters and NUL separate words like spaces") {
  for (int c = 0; c < 0x20; ++c) {
    const std::string q = std::string("mat") + static_cast<char>(c) + "tran";
    CAPTURE(c);
    CHECK(news().matches(q) == 1);
  }
  CHECK(news().matches("mat\x7F"
                       "tran") == 1);
  CHECK(news().matches(std::string("tang\0", 5) + std::string(1000, '\0')) == 1);
  const std::string only_controls = std::string("\0\x01\x1B\x7F", 4);
  const auto parsed = news().parse(only_controls);
  REQUIRE_FALSE(parsed.has_value());
  CHECK(parsed.error().message == "no searchable word");
}

TEST_CASE("Invalid UTF-8 and encoded surrogates are read as U+FFFD and never match") {
  const std::vector<std::string> invalid = {
      "\xED\xA0\x80",              // CESU-8 high surrogate U+D800
      "\xED\xA0\xBD\xED\xB8\x80",  // CESU-8 surrogate pair of U+1F600
      "\xED\xBF\xBF",              // low surrogate U+DFFF
      "\xC0\xAF",                  // overlong '/'
      "\xF4\x90\x80\x80",          // past U+10FFFF
      "\xFF\xFE",                  // a UTF-16 BOM
      "\xE1\xBA",                  // a truncated "ậ"
  };
  for (const std::string& bad : invalid) {
    CAPTURE(bad);
    // Alone: nothing to search.
    const auto parsed = news().parse(bad);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(parsed.error().message == "no searchable word");
    CHECK(parsed.error().column == 1);
    // Between words: a separator.
    CHECK(news().matches("mat" + bad + "tran") == 1);
    CHECK(news().matches("\"binh" + bad + "dan\"") == 2);
    CHECK(news().matches("title:" + bad + "doc0") == 1);
    // As a field value it is kept as typed and matches nothing.
    CHECK(news().matches("tang -category:" + bad) == 1);
  }
}

TEST_CASE("Odd mixes of syntax are refused with one line or answered") {
  struct Row {
    std::string query;
    std::string refusal;     // The one-line message, or "" when the query is answered…
    Xapian::doccount matches = 0;  // …with this many of the index's articles.
  };
  const std::vector<Row> odd = {
      {"\"", "unbalanced quote"},
      {"\"\"", "empty phrase"},
      {"()", "expected a word"},
      {")(", "expected a word"},
      {"OR", "expected a word"},
      {"AND OR", "expected a word"},
      {"mat OR", "nothing after OR"},
      {"-", "no searchable word"},
      {"--mat", "expected a word"},
      {"@", "no searchable word"},
      {"@\"", "unbalanced quote"},
      {"@\"\"", "empty phrase"},
      {"title:\"\"", "empty phrase"},
      {"date:", "'date:' needs a value"},
      {"date:....", "bad date '..' (use 2005, 2005-11 or 2005-11-12)"},
      {"date:9999999999999999999",
       "bad date '9999999999999999999' (use 2005, 2005-11 or 2005-11-12)"},
      {"a:b:c:d", "unknown field 'a:'"},
      {"http://x.vn", "", 0},
      {"mat tr* *", "no searchable word"},
      {"(((\"mat)))", "unbalanced quote"},
      {"\"mat\"\"tran\"", "", 1},
      {"category:\"a b\"", "", 0},
  };
  for (const Row& row : odd) {
    CAPTURE(row.query);
    const auto parsed = news().parse(row.query);
    if (!parsed) {
      check_refusal(row.query, parsed.error());
      CHECK(parsed.error().message == row.refusal);
    } else {
      CHECK(row.refusal.empty());
      CHECK(news().matches(row.query) == row.matches);
    }
  }
}
