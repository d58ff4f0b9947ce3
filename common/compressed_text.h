// The article text as SQLite stores it: one zstd frame per article (level 3), compressed with the
// index's dictionary once it has one. News articles share so many phrases that a 64 KB dictionary
// trained on the first thousand articles takes the stored text from ~46% to ~29% of its size
// (measured on VietNews), at the same ~12 µs per article to read. A frame names the dictionary it
// was made with (zstd's dictionary id); a frame made before the index had one reads without it.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// zstd's digested dictionaries (zstd.h), kept out of this header.
struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace vn {

class CompressedTextError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TextCodec {
 public:
  TextCodec() = default;  // Without a dictionary.
  // Throws CompressedTextError when `dictionary` is not one train_text_dictionary() made.
  explicit TextCodec(std::string dictionary);

  // Both are safe to call from several threads at once.
  std::string compress(std::string_view text) const;
  // Throws CompressedTextError when `frame` is not a zstd frame (a damaged row) or needs a
  // dictionary other than this codec's.
  std::string decompress(std::string_view frame) const;

  bool has_dictionary() const { return !dictionary_.empty(); }
  const std::string& dictionary() const { return dictionary_; }
  // The id that frames made with the dictionary carry (0 without one).
  unsigned dictionary_id() const { return id_; }

 private:
  struct Dictionaries;
  const ZSTD_CDict_s* compression_dictionary() const;
  const ZSTD_DDict_s* decompression_dictionary() const;

  std::string dictionary_;
  unsigned id_ = 0;
  std::shared_ptr<Dictionaries> dictionaries_;  // Null without a dictionary.
};

// A dictionary for compressing texts like `samples` (whole article texts), or "" when they are
// too few or too small to train one (zstd needs a few hundred KB).
std::string train_text_dictionary(const std::vector<std::string>& samples);

}  // namespace vn
