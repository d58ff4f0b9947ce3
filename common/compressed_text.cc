#include "common/compressed_text.h"

#include <zstd.h>

namespace vn {
namespace {

// Level 3 (zstd's default): within 3% of level 9's size on news articles, at ~80 MB/s.
constexpr int kLevel = 3;

constexpr unsigned long long kMaxStoredText = 256ULL << 20;

}  // namespace

std::string compress_text(std::string_view text) {
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  const std::size_t n = ZSTD_compress(frame.data(), frame.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(n)) {
    throw CompressedTextError(std::string("cannot compress text: ") + ZSTD_getErrorName(n));
  }
  frame.resize(n);
  return frame;
}

std::string decompress_text(std::string_view frame) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw CompressedTextError("stored text is not a zstd frame");
  }
  // vnindex refuses inputs over 64 MB: a larger size is a damaged header, not a reason to
  // allocate it.
  if (size > kMaxStoredText) {
    throw CompressedTextError("stored text is damaged (claims " + std::to_string(size) + " bytes)");
  }
  std::string text(size, '\0');
  const std::size_t n = ZSTD_decompress(text.data(), text.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size) {
    throw CompressedTextError("stored text is damaged");
  }
  return text;
}

}  // namespace vn
