#include "common/compressed_text.h"

#include <zdict.h>
#include <zstd.h>

#include <mutex>

namespace vn {
namespace {

// Level 3 (zstd's default): within 3% of level 9's size on news articles, at ~80 MB/s.
constexpr int kLevel = 3;

// vnindex refuses inputs over 64 MB; a frame claiming four times that is a damaged header, not a
// reason to allocate it.
constexpr unsigned long long kMaxStoredText = 256ULL << 20;

// 64 KB: 3% smaller texts than 32 KB, 1% larger than 110 KB (zstd's default), on VietNews.
constexpr std::size_t kDictionaryBytes = 64 << 10;

// zstd objects own what their free function releases.
template <auto Free>
struct ZstdFree {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};

// One compression and one decompression context per thread: creating one per article cost more
// than compressing it.
struct Contexts {
  std::unique_ptr<ZSTD_CCtx, ZstdFree<ZSTD_freeCCtx>> compress{ZSTD_createCCtx()};
  std::unique_ptr<ZSTD_DCtx, ZstdFree<ZSTD_freeDCtx>> decompress{ZSTD_createDCtx()};
};

Contexts& contexts() {
  thread_local Contexts c;
  return c;
}

}  // namespace

// Digested on first use (vnsearch only decompresses, and a one-shot search should not pay for
// the other half), then shared read-only by every thread.
struct TextCodec::Dictionaries {
  std::once_flag compress_once;
  std::once_flag decompress_once;
  std::unique_ptr<ZSTD_CDict, ZstdFree<ZSTD_freeCDict>> compress;
  std::unique_ptr<ZSTD_DDict, ZstdFree<ZSTD_freeDDict>> decompress;
};

TextCodec::TextCodec(std::string dictionary) : dictionary_(std::move(dictionary)) {
  id_ = ZDICT_getDictID(dictionary_.data(), dictionary_.size());
  if (id_ == 0) {
    throw CompressedTextError("the index's text dictionary is damaged");
  }
  dictionaries_ = std::make_shared<Dictionaries>();
}

const ZSTD_CDict* TextCodec::compression_dictionary() const {
  std::call_once(dictionaries_->compress_once, [&] {
    dictionaries_->compress.reset(ZSTD_createCDict(dictionary_.data(), dictionary_.size(), kLevel));
  });
  if (!dictionaries_->compress) {
    throw CompressedTextError("the index's text dictionary is damaged");
  }
  return dictionaries_->compress.get();
}

const ZSTD_DDict* TextCodec::decompression_dictionary() const {
  std::call_once(dictionaries_->decompress_once, [&] {
    dictionaries_->decompress.reset(ZSTD_createDDict(dictionary_.data(), dictionary_.size()));
  });
  if (!dictionaries_->decompress) {
    throw CompressedTextError("the index's text dictionary is damaged");
  }
  return dictionaries_->decompress.get();
}

std::string TextCodec::compress(std::string_view text) const {
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  ZSTD_CCtx* cctx = contexts().compress.get();
  const std::size_t n =
      dictionaries_
          ? ZSTD_compress_usingCDict(cctx, frame.data(), frame.size(), text.data(), text.size(),
                                     compression_dictionary())
          : ZSTD_compressCCtx(cctx, frame.data(), frame.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(n)) {
    throw CompressedTextError(std::string("cannot compress text: ") + ZSTD_getErrorName(n));
  }
  frame.resize(n);
  return frame;
}

std::string TextCodec::decompress(std::string_view frame) const {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    throw CompressedTextError("stored text is not a zstd frame");
  }
  if (size > kMaxStoredText) {
    throw CompressedTextError("stored text is damaged (claims " + std::to_string(size) + " bytes)");
  }
  const unsigned needs = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  if (needs != 0 && needs != id_) {
    throw CompressedTextError("stored text needs text dictionary " + std::to_string(needs) +
                              ", which the index does not have");
  }
  std::string text(size, '\0');
  ZSTD_DCtx* dctx = contexts().decompress.get();
  const std::size_t n =
      needs != 0 ? ZSTD_decompress_usingDDict(dctx, text.data(), text.size(), frame.data(),
                                              frame.size(), decompression_dictionary())
                 : ZSTD_decompressDCtx(dctx, text.data(), text.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size) {
    throw CompressedTextError("stored text is damaged");
  }
  return text;
}

std::string train_text_dictionary(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& s : samples) {
    if (!s.empty()) {
      joined += s;
      sizes.push_back(s.size());
    }
  }
  std::string dictionary(kDictionaryBytes, '\0');
  const std::size_t n = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(),
                                              sizes.data(), static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) {
    return {};
  }
  dictionary.resize(n);
  return dictionary;
}

}  // namespace vn
