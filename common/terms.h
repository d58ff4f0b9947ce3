// Xapian term strings for analysed text: the one place that joins a schema prefix to a key, used by
// the indexer to write terms and by the query parser to look them up.
#pragma once

#include <string>
#include <string_view>

#include "common/schema.h"

namespace vn {

inline std::string term(std::string_view prefix, std::string_view key) {
  std::string t;
  t.reserve(prefix.size() + key.size());
  t.append(prefix);
  t.append(key);
  return t;
}

// Xapian refuses terms over 245 bytes; longer keys (a pathological URL) are not indexed.
inline constexpr std::size_t kMaxTermBytes = 240;

inline bool indexable(std::string_view term) { return !term.empty() && term.size() <= kMaxTermBytes; }

}  // namespace vn
