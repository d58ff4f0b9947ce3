// Index and query agree: articles built by the indexer's DocumentBuilder into an in-memory Xapian
// database, searched with the query parser's queries.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "query/index_lexicon.h"
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
    const Xapian::MSet mset = enquire.get_mset(0, 20);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      keys += keys.empty() ? "" : " ";
      keys += it.get_document().get_data();
    }
    return keys;
  }

 private:
  Xapian::WritableDatabase db_;
};

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
    std::vector<std::string> words;
    for (std::size_t p = 0; p < got.size();) {
      const std::size_t e = std::min(got.find(' ', p), got.size());
      words.push_back(got.substr(p, e - p));
      p = e + 1;
    }
    std::sort(words.begin(), words.end());
    std::string sorted;
    for (const std::string& w : words) {
      sorted += sorted.empty() ? "" : " ";
      sorted += w;
    }
    CHECK(sorted == row.keys);
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
