// Fuzzes whole query strings (fields, quotes, parentheses, '*', '@', OR, '-') through
// vn::parse_query with the vocabulary of a small in-memory index, then runs the query on that
// index. A query either parses or gets a one-line error with a column inside the query; neither
// the parser nor Xapian may throw.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/document_builder.h"
#include "query/index_lexicon.h"
#include "query/query_lexer.h"
#include "query/query_parser.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

Xapian::WritableDatabase& index() {
  static Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase d(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const char* const bodies[][2] = {
        {"Mặt_trận Bình_dân", "phó chủ_tịch Mặt_trận Bình_dân Azerbaijan , khẳng_định ."},
        {"Hòa_Bình", "du_lịch tỉnh Hòa_Bình phát_triển ; gìn_giữ hòa_bình thế_giới"},
        {"Giá lúa tăng", "giá bán lẻ tăng 10% , có 50.000 người ; HIV/AIDS ở TP.HCM"},
        {"sức khoẻ", "chăm_sóc sức_khoẻ ngày 12/11/2005 tại đường dương đương"},
    };
    vn::DocumentBuilder builder;
    int n = 0;
    for (const auto& [title, body] : bodies) {
      vn::Article a;
      a.key = "k" + std::to_string(n++);
      a.title = title;
      a.body = body;
      a.category = "kinh-te";
      a.date = "2005-11-12";
      d.add_document(builder.build(a).document);
    }
    return d;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  const vn::IndexLexicon lexicon(index());
  const auto parsed = vn::parse_query(query, &lexicon);
  if (!parsed) {
    const vn::QueryError& e = parsed.error();
    FUZZ_CHECK(!e.message.empty() && e.message.find('\n') == std::string::npos);
    FUZZ_CHECK(e.column >= 1 && e.column <= vn::column_of(query, query.size()));
    return 0;
  }
  FUZZ_CHECK(size <= vn::kMaxQueryBytes);
  FUZZ_CHECK(!parsed->query.empty());
  Xapian::Enquire enquire(index());
  enquire.set_query(parsed->query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  FUZZ_CHECK(mset.size() <= index().get_doccount());
  return 0;
}
