// query_latency INDEX_DIR FTS5_DB QUERIES.tsv [TIMED_PASSES]: in-process query latency of vnsearch
// (query library) and the FTS5 peer on the same queries, for scripts/bench.
// QUERIES.tsv: one "class<TAB>query" line each, the query as a user types it into vnsearch (FTS5
// gets Fts5Index::to_match of it); class "suggest" takes a prefix instead. Each query runs in
// every mode in turn, once as a warm-up (not recorded), then TIMED_PASSES (default 1) times.
// Modes: vnsearch = parse + search top 10 with stored metadata; vnsearch+snippets = the same plus
// a snippet per hit and the did-you-mean line (all that `vnsearch search` shows); fts5 = bm25
// top-10 keys; fts5+snippets = keys, titles and FTS5 snippet(). Suggest: vn::suggest (top 10)
// against Fts5Index::suggest. Prints JSON: {class: {mode: {"ms": [...], "empty": N, "errors": N}}}.
#include <charconv>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/sqlite.h"
#include "query/did_you_mean.h"
#include "query/query_parser.h"
#include "query/searcher.h"
#include "query/snippet.h"
#include "query/suggest.h"
#include "tests/bench/fts5_peer.h"
#include "tests/bench/tool_main.h"

namespace {

struct Query {
  std::string kind;
  std::string text;
};

struct Samples {
  std::vector<double> ms;
  int empty = 0;   // Queries that found nothing (last pass).
  int errors = 0;  // Queries the system rejected (last pass).
};

// Runs `run` (returns the number of results, or -1 when the query was refused) and records it.
void measure(Samples& samples, bool record, const std::function<long()>& run) {
  const auto start = std::chrono::steady_clock::now();
  const long results = run();
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (record) {
    samples.ms.push_back(ms);
    samples.empty += results == 0 ? 1 : 0;
    samples.errors += results < 0 ? 1 : 0;
  }
}

std::vector<Query> read_queries(const char* path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error(std::string(path) + ": cannot read");
  }
  std::vector<Query> queries;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos && tab + 1 < line.size()) {
      queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
  }
  return queries;
}

}  // namespace

int main(int argc, char** argv) {
  int passes = 1;
  if (argc == 5) {
    const std::string_view text = argv[4];
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), passes);
    if (error != std::errc() || end != text.data() + text.size() || passes <= 0) {
      argc = 0;
    }
  }
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: query_latency INDEX_DIR FTS5_DB QUERIES.tsv [TIMED_PASSES]\n";
    return 2;
  }
  return vn::bench::run_tool("query_latency", [&] {
    const std::vector<Query> queries = read_queries(argv[3]);
    vn::Searcher searcher(argv[1]);
    auto fts5 = vn::bench::Fts5Index::open(argv[2]);
    const vn::SearchOptions top10;
    std::map<std::string, std::map<std::string, Samples>> results;

    for (int pass = 0; pass <= passes; ++pass) {
      const bool record = pass > 0;
      for (const Query& q : queries) {
        auto& by_mode = results[q.kind];
        if (q.kind == "suggest") {
          measure(by_mode["vnsearch"], record, [&] {
            const auto names = [&](const std::string& key) { return searcher.name_display(key); };
            return static_cast<long>(vn::suggest(searcher.database(), q.text, 10, names).size());
          });
          measure(by_mode["fts5"], record,
                  [&] { return static_cast<long>(fts5.suggest(q.text, 10).size()); });
          continue;
        }
        const std::string match = vn::bench::Fts5Index::to_match(q.text);
        for (const bool snippets : {false, true}) {
          measure(by_mode[snippets ? "vnsearch+snippets" : "vnsearch"], record, [&]() -> long {
            const auto parsed = vn::parse_query(q.text, &searcher.lexicon());
            if (!parsed) {
              return -1;
            }
            const vn::SearchResult found = searcher.search(*parsed, top10);
            if (snippets) {
              for (const vn::Hit& hit : found.hits) {
                const vn::Snippet shown = vn::make_snippet(hit.body, parsed->highlight);
                (void)shown;
              }
              const auto correction =
                  vn::did_you_mean(searcher.database(), q.text, searcher.lexicon());
              (void)correction;
            }
            return static_cast<long>(found.hits.size());
          });
          measure(by_mode[snippets ? "fts5+snippets" : "fts5"], record, [&]() -> long {
            try {
              return static_cast<long>(snippets ? fts5.search_hits(match, 10).size()
                                                 : fts5.search(match, 10).size());
            } catch (const vn::SqliteError&) {
              return -1;
            }
          });
        }
      }
    }

    nlohmann::json out = nlohmann::json::object();
    for (const auto& [kind, by_mode] : results) {
      for (const auto& [mode, samples] : by_mode) {
        out[kind][mode] = {{"ms", samples.ms},
                           {"empty", samples.empty / passes},
                           {"errors", samples.errors / passes}};
      }
    }
    std::cout << out.dump() << '\n';
    return 0;
  });
}
