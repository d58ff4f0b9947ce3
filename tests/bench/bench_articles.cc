#include "tests/bench/bench_articles.h"

#include <iostream>

#include "indexer/input_stream.h"
#include "indexer/jsonl_reader.h"

namespace vn::bench {

bool for_each_article(const std::string& path, const std::function<void(const Article&)>& use,
                      ReadTotals& totals) {
  auto stream = ByteStream::open(path);
  if (!stream) {
    std::cerr << path << ": " << stream.error() << '\n';
    return false;
  }
  LineReader lines(std::move(*stream));
  std::string line;
  for (;;) {
    const LineReader::Status status = lines.next(line);
    if (status == LineReader::Status::kEnd) {
      return true;
    }
    if (status == LineReader::Status::kError) {
      std::cerr << path << ": " << lines.error() << '\n';
      return totals.articles > 0;
    }
    totals.bytes += static_cast<std::int64_t>(line.size()) + 1;
    if (status == LineReader::Status::kTooLong) {
      std::cerr << path << ':' << lines.line_number() << ": line too long, skipped\n";
      ++totals.skipped;
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    auto record = parse_jsonl_record(std::move(line), path, path, lines.line_number());
    if (!record) {
      std::cerr << path << ':' << lines.line_number() << ": " << record.error() << ", skipped\n";
      ++totals.skipped;
      continue;
    }
    use(record->article);
    ++totals.articles;
  }
}

int load_inputs(const std::vector<std::string>& paths,
                const std::function<void(const Article&)>& use, const std::function<void()>& finish) {
  ReadTotals totals;
  for (const std::string& path : paths) {
    if (!for_each_article(path, use, totals)) {
      return 1;
    }
  }
  finish();
  std::cout << "{\"articles\": " << totals.articles << ", \"skipped\": " << totals.skipped
            << ", \"input_bytes\": " << totals.bytes << "}\n";
  return totals.skipped > 0 ? 3 : 0;
}

}  // namespace vn::bench
