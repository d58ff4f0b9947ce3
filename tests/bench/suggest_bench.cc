// Search-box completion on a real index: vn::suggest (top 10, names displayed as written) over a
// list of typed prefixes, one pass over the list per iteration. Run by scripts/bench on the
// largest index compare.py built, with the prefixes it sampled; not a test.
//
// Usage: suggest_bench --index=DIR --prefixes=FILE [benchmark flags]
//   --index=DIR      a vnsearch index (vnindex --index DIR)
//   --prefixes=FILE  one prefix per line, as typed (e.g. "mat tr")
// Reports the mean time of one suggest call (`per_call`) and calls per second; defaults to the
// medians of 5 repetitions, as vnsearch_bench does.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/sqlite.h"
#include "query/searcher.h"
#include "tests/bench/benchmark_main.h"
#include "tests/bench/tool_main.h"
#include "query/suggest.h"

namespace {

// Removes --NAME=VALUE from argv and returns VALUE, or "" when absent.
std::string take_option(std::string_view name, int& argc, char** argv) {
  const std::string prefix = "--" + std::string(name) + "=";
  std::string value;
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with(prefix)) {
      value = arg.substr(prefix.size());
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  return value;
}

std::vector<std::string> read_prefixes(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error(path + ": cannot read");
  }
  std::vector<std::string> prefixes;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      prefixes.push_back(line);
    }
  }
  if (prefixes.empty()) {
    throw std::runtime_error(path + ": no prefixes");
  }
  return prefixes;
}

void bm_suggest(benchmark::State& state, vn::Searcher& searcher,
                const std::vector<std::string>& prefixes) {
  const auto names = [&](const std::string& key) { return searcher.name_display(key); };
  for (auto _ : state) {
    for (const std::string& typed : prefixes) {
      auto list = vn::suggest(searcher.database(), typed, 10, names);
      benchmark::DoNotOptimize(list.data());
    }
  }
  const auto calls = static_cast<double>(prefixes.size());
  state.counters["calls"] = benchmark::Counter(calls, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["per_call"] = benchmark::Counter(
      calls, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

}  // namespace

int main(int argc, char** argv) {
  return vn::bench::run_tool("suggest_bench", [&] {
    const std::string index = take_option("index", argc, argv);
    const std::string prefix_file = take_option("prefixes", argc, argv);
    if (index.empty() || prefix_file.empty()) {
      std::cerr << "usage: suggest_bench --index=DIR --prefixes=FILE [benchmark flags]\n";
      return 2;
    }
    const std::vector<std::string> prefixes = read_prefixes(prefix_file);
    vn::Searcher searcher(index);
    std::cerr << "suggest_bench: " << prefixes.size() << " prefixes, index " << index << '\n';

    benchmark::RegisterBenchmark("BM_Suggest", [&](benchmark::State& s) {
      bm_suggest(s, searcher, prefixes);
    })->Unit(benchmark::kMillisecond);
    return vn::bench::run_registered_benchmarks(argc, argv);
  });
}
