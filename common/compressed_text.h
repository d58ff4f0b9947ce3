// The article text as SQLite stores it: one zstd frame per article (level 3), so the text for
// snippets costs ~46% of its size on disk (measured on VietNews) and ~12 µs per article to read.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace vn {

class CompressedTextError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string compress_text(std::string_view text);

// Throws CompressedTextError when `frame` is not a zstd frame (a damaged row).
std::string decompress_text(std::string_view frame);

}  // namespace vn
