#include "indexer/article.h"

#include <xxhash.h>

namespace vn {

std::string content_hash(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::uint64_t v = XXH3_64bits(bytes.data(), bytes.size());
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) {
    out[static_cast<std::size_t>(i)] = kDigits[v & 0xF];
  }
  return out;
}

}  // namespace vn
