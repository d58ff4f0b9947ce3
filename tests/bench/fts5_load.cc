// fts5_load DB INPUT...: loads JSON Lines dumps into a fresh SQLite FTS5 database (the peer of
// scripts/bench's indexing figures) and prints {"articles", "skipped", "input_bytes"} as JSON.
// Exit status: 0 ok, 1 error, 2 usage, 3 some lines skipped.
#include <iostream>

#include "common/sqlite.h"
#include "tests/bench/bench_articles.h"
#include "tests/bench/tool_main.h"
#include "tests/bench/fts5_peer.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fts5_load DB INPUT.jsonl[.zst]...\n";
    return 2;
  }
  return vn::bench::run_tool("fts5_load", [&] {
    auto index = vn::bench::Fts5Index::create(argv[1]);
    return vn::bench::load_inputs(
        {argv + 2, argv + argc},
        [&](const vn::Article& a) { index.add(a.key, a.title, a.body); },
        [&] { index.finish(); });
  });
}
