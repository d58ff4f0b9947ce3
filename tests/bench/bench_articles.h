// Reads the articles of a JSON Lines dump (optionally compressed) exactly as vnindex does, for the
// benchmark's peer loaders, so every system pays the same reading and parsing cost.
// Not for: anything but benchmark tools.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "indexer/article.h"

namespace vn::bench {

struct ReadTotals {
  std::int64_t articles = 0;
  std::int64_t skipped = 0;  // Lines reported on stderr (path:line and reason) and skipped.
  std::int64_t bytes = 0;    // Decompressed input bytes, line ends included.
};

// Calls `use` on each article of `path` ("-" for standard input); false when the file cannot be
// read at all (reason on stderr).
bool for_each_article(const std::string& path, const std::function<void(const Article&)>& use,
                      ReadTotals& totals);

// The loaders' common part: calls `use` on each article of every input path, then `finish`, then
// prints {"articles", "skipped", "input_bytes"} on stdout. Returns the exit status: 0, 1 when an
// input cannot be read, 3 when lines were skipped.
int load_inputs(const std::vector<std::string>& paths,
                const std::function<void(const Article&)>& use, const std::function<void()>& finish);

}  // namespace vn::bench
