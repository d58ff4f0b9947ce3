// The common end of a Google Benchmark program's main(): the project's default flags (medians of
// five repetitions) ahead of the user's, so the same flags given on the command line win.
#pragma once

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace vn::bench {

// Runs the benchmarks registered so far; returns main's exit status (2: an unknown flag).
inline int run_registered_benchmarks(int argc, char** argv) {
  std::string reps = "--benchmark_repetitions=5";
  std::string aggregates = "--benchmark_report_aggregates_only=true";
  std::vector<char*> args{argv[0], reps.data(), aggregates.data()};
  args.insert(args.end(), argv + 1, argv + argc);
  int args_count = static_cast<int>(args.size());
  benchmark::Initialize(&args_count, args.data());
  if (benchmark::ReportUnrecognizedArguments(args_count, args.data())) {
    return 2;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace vn::bench
