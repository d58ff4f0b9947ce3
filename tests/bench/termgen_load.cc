// termgen_load DIR INPUT...: indexes JSON Lines dumps with plain Xapian TermGenerator (positions,
// no stemming, title also under the S prefix, the key as a unique Q term), one process: what
// Omega-style tools do, the baseline of issue 4's indexing goal. Underscores become spaces, so
// terms are syllables as in the FTS5 peer. Honours XAPIAN_FLUSH_THRESHOLD like vnindex.
// Prints {"articles", "skipped", "input_bytes"} as JSON. Exit status: 0 ok, 1 error, 2 usage,
// 3 some lines skipped.
#include <algorithm>
#include <iostream>
#include <string>

#include <xapian.h>

#include "tests/bench/bench_articles.h"
#include "tests/bench/tool_main.h"

namespace {

std::string spaces_for_underscores(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: termgen_load DIR INPUT.jsonl[.zst]...\n";
    return 2;
  }
  return vn::bench::run_tool("termgen_load", [&] {
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    return vn::bench::load_inputs(
        {argv + 2, argv + argc},
        [&](const vn::Article& a) {
          Xapian::Document doc;
          generator.set_document(doc);
          const std::string title = spaces_for_underscores(a.title);
          generator.index_text(title, 1, "S");
          generator.index_text(title, 5);
          generator.increase_termpos(100);
          generator.index_text(spaces_for_underscores(a.body));
          doc.set_data(a.key);
          const std::string key_term = "Q" + a.key;
          doc.add_boolean_term(key_term);
          db.replace_document(key_term, doc);
        },
        [&] { db.commit(); });
  });
}
