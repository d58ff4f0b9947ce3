// Index and query agree: articles built by the indexer's DocumentBuilder into an in-memory Xapian
// database, searched with the query parser's queries.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "query/did_you_mean.h"
#include "query/index_lexicon.h"
#include "query/suggest.h"
#include "query/query_parser.h"

namespace {

class MemoryIndex {
 public:
  explicit MemoryIndex(const std::vector<std::pair<std::string, std::string>>& articles)
      : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    vn::DocumentBuilder builder;
    for (const auto& [key, body] : articles) {
      vn::Article a;
      a.key = key;
      a.title = key;
      a.body = body;
      db_.add_document(builder.build(a).document);
    }
  }

  // Keys of the matching articles, best first, joined by spaces.
  std::string search(const std::string& query) {
    const vn::IndexLexicon lexicon(db_);
    const auto parsed = vn::parse_query(query, &lexicon);
    REQUIRE(parsed.has_value());
    Xapian::Enquire enquire(db_);
    enquire.set_query(parsed->query);
    std::string keys;
    const vn::ExactRunDecider exact(db_, parsed->exact_runs);
    const Xapian::MSet mset = enquire.get_mset(0, 20, 0, nullptr, &exact);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      keys += keys.empty() ? "" : " ";
      keys += it.get_document().get_data();
    }
    return keys;
  }

  std::string did_you_mean(const std::string& query) {
    const vn::IndexLexicon lexicon(db_);
    return vn::did_you_mean(db_, query, lexicon).value_or("(none)");
  }

  // Completions as "text/kind/docs", joined by spaces.
  std::string suggest(const std::string& typed) {
    std::string out;
    for (const vn::Suggestion& s : vn::suggest(db_, typed, 10, [](const std::string& key) {
           return "[" + key + "]";
         })) {
      out += out.empty() ? "" : " ";
      out += s.text + "/" + std::string(vn::kind_name(s.kind)) + "/" + std::to_string(s.docs);
    }
    return out;
  }

 private:
  Xapian::WritableDatabase db_;
};

// `keys` (space-separated) in sorted order, for result sets whose order is not the point.
std::string sorted_keys(const std::string& keys) {
  std::vector<std::string> words;
  for (std::size_t p = 0; p < keys.size();) {
    const std::size_t e = std::min(keys.find(' ', p), keys.size());
    words.push_back(keys.substr(p, e - p));
    p = e + 1;
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const std::string& w : words) {
    out += out.empty() ? "" : " ";
    out += w;
  }
  return out;
}

}  // namespace

TEST_CASE("Queries find what the analyser indexed however they are typed") {
  MemoryIndex index({
      {"seed", "phó chủ_tịch Mặt_trận Bình_dân Azerbaijan , khẳng_định"},
      {"touch", "gìn_giữ hòa_bình dân_tộc"},
      {"ban", "giá bán lẻ tăng"},
      {"ban2", "bạn_bè của tôi"},
      {"nfd", "Ma\xCC\xA3\xCC\x86t_tra\xCC\xA3\xCC\x82n To\xCC\x89_quo\xCC\x82\xCC\x81" "c"},
      {"old", "chăm_sóc sức_khỏe"},
      {"new", "chăm_sóc sức_khoẻ"},
      {"blum", "chính_phủ của Léon_Blum"},
      {"num", "có 50.000 người , tăng 10% ; HIV/AIDS"},
      {"roads", "đường dương đương"},
      {"province", "du_lịch tỉnh Hòa_Bình phát_triển"},
      {"peace", "gìn_giữ hòa_bình thế_giới"},
  });
  struct Row {
    const char* query;
    const char* keys;
  };
  const std::vector<Row> rows = {
      {"Mặt_trận Bình_dân", "seed"},
      {"mặt trận bình dân", "seed"},
      {"mat tran binh dan", "seed"},
      {"\"mặt trận\"", "nfd seed"},
      {"MẶT TRẬN", "nfd seed"},
      {"bán", "ban"},
      {"bạn", "ban2"},
      {"sức khỏe", "new old"},
      {"sức_khoẻ", "new old"},
      {"Léon Blum", "blum"},
      {"50.000", "num"},
      {"10%", "num"},
      {"HIV/AIDS", "num"},
      {"aids", "num"},
      {"đương", "roads"},
      {"duong", "roads"},
      {"\"bình dân\"", "seed touch"},
      {"bình_dân", "seed touch"},
      {"@\"Hòa Bình\"", "province"},
      {"name:\"hoa binh\"", "province"},
      {"\"hòa bình\"", "peace province touch"},
      {"@Azerbaijan", "seed"},
      {"title:num", "num"},
      {"mat tr*", "nfd seed"},
      {"đươ*", "roads"},
      {"hòa -@\"Hòa Bình\"", "peace touch"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.query));
    std::string got = index.search(row.query);
    // Order within equal matches is not the point here, only the set.
    CHECK(sorted_keys(got) == row.keys);
  }
}

TEST_CASE("A whole word ranks above syllables that merely touch across a word boundary") {
  MemoryIndex index({
      {"touch", "gìn_giữ hòa_bình dân_tộc và nhân_dân"},
      {"word", "nhà_hàng bình_dân và phố ăn_uống"},
  });
  CHECK(index.search("bình_dân") == "word touch");
  CHECK(index.search("bình dân") == "word touch");
}

TEST_CASE("A phrase with a symbol of several parts matches where the parts stand") {
  MemoryIndex index({
      {"city", "dân_số TP.HCM tăng nhanh ; HIV/AIDS lây qua đường máu"},
      {"apart", "TP.HCM và Hà_Nội đều tăng , HIV/AIDS không lây"},
  });
  CHECK(index.search("\"TP.HCM tăng\"") == "city");
  CHECK(index.search("\"tp.hcm tang\"") == "city");
  CHECK(index.search("\"HIV/AIDS lây\"") == "city");
  CHECK(index.search("\"hiv/aids lay\"") == "city");
}

TEST_CASE("Did you mean keeps a word the index holds only by a term too long to be exact") {
  const std::string long_word(130, 'x');
  MemoryIndex index({{"long", "chữ " + long_word + " dài"}});
  CHECK(index.did_you_mean(long_word) == "(none)");
}

TEST_CASE("A phrase typed with accents matches only those accents at those positions") {
  // "sales" and "partner" hold the same folded phrase "ban hang"; "spread" holds both accented
  // syllables, but not side by side.
  MemoryIndex index({
      {"sales", "doanh_số bán hàng tăng"},
      {"partner", "tìm bạn hàng mới"},
      {"spread", "bạn tôi bán một căn hàng"},
      {"market", "đi chợ bán rau"},
      {"give", "cho bán rau"},
  });
  CHECK(index.search("\"bán hàng\"") == "sales");
  CHECK(index.search("\"BẠN HÀNG\"") == "partner");
  CHECK(index.search("bạn_hàng") == "partner");
  CHECK(sorted_keys(index.search("\"ban hang\"")) == "partner sales");
  // Within a phrase typed with accents every syllable is exact, also one without marks.
  CHECK(index.search("\"cho bán\"") == "give");
  CHECK(index.search("\"chợ bán\"") == "market");
  // An accented phrase in an alternative is a folded match there (documented).
  CHECK(index.search("\"bán hàng\" -tìm") == "sales");
}

TEST_CASE("An accented phrase is not accepted where other syllables carry the same accents") {
  // "nhà ba" holds the folded phrase of "nhà bà", "nhà thì" its accents (grave, grave) on
  // another syllable, and "bà" stands elsewhere: none of it is the phrase.
  MemoryIndex index({
      {"village", "dãy nhà ba cha_con , nhà thì bị sóng cuốn , nhà của bà Nga"},
      {"grandma", "đến nhà bà cụ"},
  });
  CHECK(index.search("\"nhà bà\"") == "grandma");
  CHECK(index.search("\"nhà ba\"") == "village");
}

TEST_CASE("A title phrase typed with accents is checked in the title") {
  MemoryIndex index({
      {"bạn hàng", "doanh_số bán hàng"},
      {"bán hàng", "tìm bạn hàng"},
  });
  CHECK(index.search("title:\"bán hàng\"") == "bán hàng");
  CHECK(index.search("title:\"ban hang\"").find("bán hàng") != std::string::npos);
  CHECK(index.search("title:\"ban hang\"").find("bạn hàng") != std::string::npos);
}

TEST_CASE("Did you mean restores accents from the index and corrects unknown syllables") {
  MemoryIndex index({
      {"a", "phó chủ_tịch Mặt_trận Bình_dân ở Hà_Nội"},
      {"b", "người dân Hà_Nội nói rằng"},
      {"c", "người ta nói"},
  });
  CHECK(index.did_you_mean("mat tran binh dan") == "mặt trận bình dân");
  CHECK(index.did_you_mean("Ha Noi") == "Hà Nội");
  CHECK(index.did_you_mean("mat_tran -nguoi") == "mặt_trận -người");
  CHECK(index.did_you_mean("ngươi") == "người");  // Accents the index never saw on it.
  CHECK(index.did_you_mean("nguoì") == "người");
  CHECK(index.did_you_mean("ngouoi") == "người");  // One letter too many.
  CHECK(index.did_you_mean("mặt trận") == "(none)");
  CHECK(index.did_you_mean("category:kinh-te") == "(none)");
  // A word being completed is unfinished, not misspelt; one letter is too little to correct.
  CHECK(index.did_you_mean("mặt tr*") == "(none)");
  CHECK(index.did_you_mean("Hà x") == "(none)");
}

TEST_CASE("Did you mean weighs a corrected syllable by the words beside it") {
  // "bán" is the more frequent form of "ban", but "hàng" follows "bạn" where they stand together:
  // "bnạ hàng" (a typo) means "bạn hàng".
  MemoryIndex index({
      {"a", "giá bán lẻ"},
      {"b", "người bán rau"},
      {"c", "bán lúa"},
      {"d", "tìm bạn hàng mới"},
      {"e", "các bạn hàng lớn"},
  });
  CHECK(index.did_you_mean("bna hàng") == "bạn hàng");
}

TEST_CASE("Suggest completes words and names by their form without accents") {
  MemoryIndex index({
      {"a", "ông ở Mặt_trận Bình_dân và tỉnh Bình_Dương"},
      {"b", "mặt_trận và bình_dân"},
      {"c", "mặt_trời mọc"},
  });
  CHECK(index.suggest("mat tr") ==
        "mặt trận/word/2 [mặt_trận_bình_dân]/name/1 mặt trời/word/1");
  CHECK(index.suggest("mặt trờ") == "mặt trời/word/1");
  CHECK(index.suggest("binh d") == "bình dân/word/2 [bình_dương]/name/1");
  CHECK(index.suggest("zzz").empty());
}

TEST_CASE("A name or phrase does not run across punctuation") {
  MemoryIndex index({
      {"korea", "quan_hệ giữa Hàn_Quốc , Hội_đồng Bảo_an"},
      {"assembly", "kỳ họp Quốc_hội khóa XI"},
  });
  CHECK(index.search("@\"Quốc hội\"") == "assembly");
  CHECK(index.search("\"quốc hội\"") == "assembly");
  // Typed with the comma, the phrase finds the text with the comma.
  CHECK(index.search("\"Hàn Quốc, Hội đồng\"") == "korea");
}
