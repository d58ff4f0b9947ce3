// The accent signature of a document: for each term position, a one-byte code of the accents of
// the canonical key written there. The folded layer carries the positions, so a phrase typed with
// accents first matches its folded form ("ban hang" for both "bán hàng" and "bạn hàng"); the
// signature then tells which accents stand at the matched positions, at one byte per position
// instead of a second positional layer (README "Why this layout (measured)"). The code is exact
// for Vietnamese: two keys with the same folded form and different tones or letter marks always
// get different codes, so a check of a Vietnamese phrase is never wrong (é in "café" reads as e
// with the acute tone, exact too). Only keys Vietnamese cannot spell are hashed and may share a
// code: other languages' marks ("über"), two tones, or marks beyond what a byte can tell.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace vn {

using AccentCode = std::uint8_t;

// The code of a canonical key; never 0, which marks a position that holds nothing.
AccentCode accent_code(std::string_view key);

// Builds a signature as the indexer assigns positions.
class AccentSignature {
 public:
  void set(std::uint32_t position, std::string_view key);
  // The bytes to store: the code of position p at byte p.
  const std::string& bytes() const { return bytes_; }
  void clear() { bytes_.clear(); }

 private:
  std::string bytes_;
};

// The code stored for `position`, 0 when the signature does not reach it.
AccentCode accent_code_at(std::string_view signature, std::uint32_t position);

// Whether `codes` stand at consecutive positions from `first`.
bool accents_match_at(std::string_view signature, std::uint32_t first,
                      std::span<const AccentCode> codes);

}  // namespace vn
