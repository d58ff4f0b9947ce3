// fts5_query DB QUERY [LIMIT] | fts5_query DB --suggest PREFIX [LIMIT]: one search-box request to
// the FTS5 peer as one process, the peer of one `vnsearch search --json` (or `vnsearch suggest`)
// run: opens the database, translates QUERY as a user types it (Fts5Index::to_match) and prints
// the bm25 top LIMIT (default 10) as "key<TAB>title<TAB>snippet" lines, or the completions of
// PREFIX's last word as "term<TAB>docs" lines.
// Exit status: 0 results, 1 none, 2 usage or a query without words, 3 unreadable or bad query.
#include <charconv>
#include <iostream>
#include <string>
#include <vector>

#include "common/sqlite.h"
#include "tests/bench/fts5_peer.h"

namespace {

constexpr const char* kUsage =
    "usage: fts5_query DB QUERY [LIMIT]\n"
    "       fts5_query DB --suggest PREFIX [LIMIT]\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  const bool suggest = args.size() >= 2 && args[1] == "--suggest";
  if (suggest) {
    args.erase(args.begin() + 1);
  }
  int limit = 10;
  if (args.size() == 3) {
    const auto [end, error] = std::from_chars(args[2].data(), args[2].data() + args[2].size(), limit);
    if (error != std::errc() || end != args[2].data() + args[2].size() || limit <= 0) {
      args.clear();
    }
  }
  if (args.size() != 2 && args.size() != 3) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string match = suggest ? std::string() : vn::bench::Fts5Index::to_match(args[1]);
  if (!suggest && match.empty()) {
    std::cerr << "fts5_query: the query has no words\n";
    return 2;
  }
  std::string out;
  try {
    auto index = vn::bench::Fts5Index::open(std::string(args[0]));
    if (suggest) {
      for (const auto& c : index.suggest(args[1], limit)) {
        out += c.term + '\t' + std::to_string(c.docs) + '\n';
      }
    } else {
      for (const auto& hit : index.search_hits(match, limit)) {
        out += hit.key + '\t' + hit.title + '\t' + hit.snippet + '\n';
      }
    }
  } catch (const vn::SqliteError& e) {
    std::cerr << "fts5_query: " << e.what() << '\n';
    return 3;
  }
  std::cout << out;
  return out.empty() ? 1 : 0;
}
