// Strict, allocation-free UTF-8 decoding: one code point at a time, invalid input becomes U+FFFD.
// Not for: normalisation or classification (letter.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vn {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t c = 0;        // The code point, or kReplacementChar for an invalid sequence.
  std::size_t size = 0;  // Bytes consumed, always >= 1 so that a decoding loop always advances.
  bool valid = true;     // False when `c` replaces an invalid sequence.
};

// Decodes the code point starting at text[pos] (pos < text.size()). Overlong forms, surrogates,
// code points above U+10FFFF and truncated sequences are invalid; each invalid sequence consumes
// its maximal valid prefix (as the Unicode standard recommends), so every byte is seen once.
Decoded decode_utf8(std::string_view text, std::size_t pos);

// Replaces every invalid sequence in `text` by U+FFFD. Returns the count of replacements.
std::size_t repair_utf8(std::string& text);

// `text` with each byte of every invalid sequence written as %XX ("Gi\xe1" → "Gi%E1"): for names
// that must stay distinct and printable, such as keys made from file names in another encoding.
// Valid UTF-8 comes back unchanged.
std::string escape_invalid_utf8(std::string_view text);

}  // namespace vn
